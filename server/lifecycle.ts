import { ErrorCodes, Message, ResponseError, type Connection, type ConnectionOptions } from 'vscode-languageserver';

/** The method a request refused by the lifecycle is handed on as, with its own method and the error's code in `params`. */
const REFUSED = 'align/requestRefused';

/**
 * The lifecycle of LSP 3.17, which neither vscode-languageserver 10 nor
 * Langium 4 kept:
 * - before `initialize`, a request is answered with the error
 *   ServerNotInitialized (-32002) and a notification is dropped, `exit`
 *   aside (they were held and answered later, a `workspace/symbol` with an
 *   empty list, and an early `didOpen` was applied);
 * - a second `initialize` is answered with InvalidRequest;
 * - after `shutdown`, every request is answered with InvalidRequest (only
 *   the `exit` notification is expected then).
 * Every incoming message passes through the message strategy of `options`
 * (give them to `createConnection`); a refused request goes on as
 * `align/requestRefused`, which `listen` answers with the error naming the
 * request's method.
 */
export class Lifecycle {
    private initialized = false;
    private shutdown = false;

    /** Whether `shutdown` has come (the server then exits 0 when the editor closes the stream). */
    get isShutdown(): boolean {
        return this.shutdown;
    }

    readonly options: ConnectionOptions = {
        messageStrategy: {
            handleMessage: (message, next) => {
                if (Message.isRequest(message)) {
                    const refusal = this.refusal(message.method);
                    if (refusal !== undefined) return next({ ...message, method: REFUSED, params: { method: message.method, code: refusal } } as Message);
                    if (message.method === 'initialize') this.initialized = true;
                    if (message.method === 'shutdown') this.shutdown = true;
                } else if (Message.isNotification(message) && !this.initialized && message.method !== 'exit') {
                    return; // dropped, as the specification says
                }
                next(message);
            }
        }
    };

    /** The error code a request gets now, if it is refused. */
    private refusal(method: string): number | undefined {
        if (this.shutdown) return ErrorCodes.InvalidRequest;
        if (!this.initialized) return method === 'initialize' ? undefined : ErrorCodes.ServerNotInitialized;
        return method === 'initialize' ? ErrorCodes.InvalidRequest : undefined;
    }

    listen(connection: Connection): void {
        connection.onRequest(REFUSED, ({ method, code }: { method: string; code: number }) => new ResponseError(code,
            code === ErrorCodes.ServerNotInitialized ? `The server is not initialized: it refuses ${method} until the initialize request.`
                : method === 'initialize' && !this.shutdown ? 'The server is initialized already: initialize may be sent only once.'
                    : `The server is shut down: it refuses ${method} and expects only the exit notification.`));
    }
}
