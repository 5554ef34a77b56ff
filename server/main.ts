import { promises as fs } from 'node:fs';
import * as net from 'node:net';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures, SocketMessageReader, SocketMessageWriter } from 'vscode-languageserver/node';
import { writeMessage } from '../language/text/wrap.js';
import { RefusingRequestsAfterShutdown } from './after-shutdown.js';
import { reason, watchFilesUnlessTheClientDoes } from './folder-watcher.js';
import { startAlignServer } from './start-server.js';

// Transport from the command line: --stdio, --node-ipc, --socket=PORT or --pipe=NAME (server/command-line.ts checks them).
// CSV files are confined to the workspace folder with symbolic links resolved (fs.realpath).
const socket = socketOfCommandLine(process.argv.slice(2));
const afterShutdown = new RefusingRequestsAfterShutdown();
const connection = socket
    ? createConnection(ProposedFeatures.all, new SocketMessageReader(socket), new SocketMessageWriter(socket), afterShutdown.options)
    : createConnection(ProposedFeatures.all, afterShutdown.options);
afterShutdown.listen(connection);
if (socket) {
    // As stdin's end does for --stdio: the editor closed the socket, the session is over (the check of
    // `processId` every 3 s otherwise kept the server running until the editor itself exited).
    let shutdown = false;
    connection.onShutdown(() => { shutdown = true; });
    socket.once('connect', () => socket.once('close', () => process.exit(shutdown ? 0 : 1)));
}
const Align = startAlignServer(connection, { ...NodeFileSystem, realPath: fs.realpath });
watchFilesUnlessTheClientDoes(connection, Align.shared);

/**
 * The socket of `--socket=PORT` or `--pipe=NAME` (the first transport
 * decides, as in vscode-languageserver), connected here so that a failed
 * connection says why on stderr and exits 1: vscode-languageserver exited
 * 0 without a word when nothing listened on the port or pipe.
 */
function socketOfCommandLine(args: string[]): net.Socket | undefined {
    for (let i = 0; i < args.length; i++) {
        const [name, inline] = args[i]!.split(/=(.*)/s);
        if (name === '--stdio' || name === '--node-ipc') return undefined;
        if (name !== '--socket' && name !== '--pipe') continue;
        const value = inline ?? args[i + 1] ?? '';
        const where = name === '--socket' ? `port ${value} of 127.0.0.1` : `the pipe ${value}`;
        const socket = name === '--socket' ? net.createConnection(Number(value), '127.0.0.1') : net.createConnection(value);
        let connected = false;
        socket.once('connect', () => { connected = true; });
        socket.on('error', error => {
            if (connected) return; // the connection reports it and closes
            writeMessage(process.stderr, `align-language-server: cannot connect to ${where} (${reason(error)}): the editor must listen there before it starts the server`);
            process.exit(1);
        });
        return socket;
    }
    return undefined;
}
