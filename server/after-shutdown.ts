import { ErrorCodes, Message, ResponseError, type Connection, type ConnectionOptions } from 'vscode-languageserver';

/** The method a request received after `shutdown` is handed on as, its own method in `params`. */
const AFTER_SHUTDOWN = 'align/requestAfterShutdown';

/**
 * LSP: after `shutdown`, the server answers every request with the error
 * InvalidRequest (only the `exit` notification is expected then). Neither
 * vscode-languageserver 10 nor Langium 4 does it: requests were answered as
 * before. Every incoming message passes through the message strategy of
 * `options` (give them to `createConnection`); once `shutdown` has passed,
 * a request goes on as `align/requestAfterShutdown`, which `listen` answers
 * with the error naming the request's method.
 */
export class RefusingRequestsAfterShutdown {
    private shutdown = false;

    readonly options: ConnectionOptions = {
        messageStrategy: {
            handleMessage: (message, next) => {
                if (!Message.isRequest(message)) return next(message);
                if (this.shutdown) return next({ ...message, method: AFTER_SHUTDOWN, params: { method: message.method } } as Message);
                if (message.method === 'shutdown') this.shutdown = true;
                next(message);
            }
        }
    };

    listen(connection: Connection): void {
        connection.onRequest(AFTER_SHUTDOWN, ({ method }: { method: string }) =>
            new ResponseError(ErrorCodes.InvalidRequest, `The server is shut down: it refuses ${method} and expects only the exit notification.`));
    }
}
