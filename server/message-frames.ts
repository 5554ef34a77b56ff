/**
 * The messages from the editor, read so that a broken frame says so: the
 * server was deaf for good, silently, after one message whose
 * `Content-Length` counted characters instead of bytes (a hand-written
 * client's classic), one without the header, or with LF-only headers.
 */
import { format } from 'node:util';
import { firstLine } from './failure-reason.js';
import { HeaderLines } from './header-lines.js';
import { Disposable, StreamMessageReader, type Connection, type DataCallback, type Message, type MessageReader } from 'vscode-languageserver/node';

/** What a broken frame's line on stderr adds when the frame's Content-Length is at fault, as it most often is. */
const COUNTS_BYTES = 'Content-Length counts the bytes of the UTF-8 body';

/** A frame the reader cannot trust what follows of: its header is broken, or its body holds the next frame's header. */
class BrokenFrame extends Error {
    constructor(message: string, readonly hint = COUNTS_BYTES) {
        super(message);
    }
}

/** A body of the right length that is not JSON: dropped, the frames after it are read as before. */
class NotJson extends Error { }

const decoder = {
    name: 'application/json',
    decode: (buffer: Uint8Array, options: { charset: BufferEncoding }): Promise<Message> => {
        const text = Buffer.from(buffer).toString(options.charset);
        try {
            return Promise.resolve(JSON.parse(text) as Message);
        } catch (error) {
            // A Content-Length too large swallows the next frame's header; one too small leaves the rest of the body
            // to be read as the next header (a BrokenFrame then, from the reader's header parsing).
            if (/Content-Length: *\d+\r?\n/i.test(text)) {
                return Promise.reject(new BrokenFrame(`a Content-Length of ${buffer.byteLength} bytes does not end where the next message starts`));
            }
            return Promise.reject(new NotJson(error instanceof Error ? error.message : String(error)));
        }
    }
};

/**
 * A reader of the editor's messages on `stream` (stdin, or the socket of
 * `--socket`/`--pipe`). A header line that ends with LF alone is a broken
 * frame: vscode-jsonrpc's reader waited for its `\r\n\r\n` for ever.
 */
export function messageReaderOf(stream: NodeJS.ReadableStream): MessageReader {
    return new FramesReader(stream);
}

class FramesReader extends StreamMessageReader {
    constructor(private readonly stream: NodeJS.ReadableStream) {
        super(stream, { charset: 'utf-8', contentTypeDecoder: decoder });
    }

    override listen(callback: DataCallback): Disposable {
        const listening = super.listen(callback);
        const lines = new HeaderLines();
        const onData = (chunk: Buffer | string) => {
            const line = lines.read(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
            if (line === undefined) return;
            const what = line === '' ? 'an empty header line' : `the header line '${line}'`;
            this.fireError(new BrokenFrame(`${what} ends with LF alone`, 'each header line ends with CRLF, \\r\\n, and the header with an empty line'));
        };
        this.stream.on('data', onData);
        return Disposable.create(() => {
            this.stream.off('data', onData);
            listening.dispose();
        });
    }
}

/**
 * A broken frame writes one line to stderr and ends the server with 1: the
 * stream cannot be trusted after it, and an editor reports a server that
 * exited, not one that no longer answers. A body that is not JSON is
 * logged in one line and dropped. Errors of the stream itself (a socket
 * reset) are left to its end, which ends the server.
 */
export function stoppingOnBrokenFrames(reader: MessageReader, connection: Connection): void {
    reader.onError(error => {
        if (error instanceof NotJson) {
            connection.console.error(`Align: a message from the editor is not JSON (${firstLine(error)}): ignored`);
        } else if (error instanceof BrokenFrame || typeof (error as { code?: unknown }).code !== 'string') {
            const hint = error instanceof BrokenFrame ? error.hint : COUNTS_BYTES;
            process.stderr.write(`align-language-server: malformed message from the editor (${firstLine(error)}; ${hint}): stopping\n`);
            process.exit(1);
        }
    });
    reader.onPartialMessage(info => connection.console.warn(`Align: a message from the editor is incomplete after ${info.waitingTime / 1000} s (is its Content-Length counted in bytes?)`));
}

/**
 * Over stdio, stdout is the protocol: what the server and Langium write
 * with `console` goes to the client's log (window/logMessage), as
 * vscode-languageserver does when it opens stdio itself.
 */
export function consoleToClient(connection: Connection): void {
    console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
    console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
    console.error = console.trace = (...args: unknown[]) => connection.console.error(format(...args));
    console.dir = (value: unknown) => connection.console.log(format('%o', value));
}
