import { promises as fs } from 'node:fs';
import * as net from 'node:net';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures, SocketMessageWriter, StreamMessageWriter } from 'vscode-languageserver/node';
import { writeMessage } from '../language/text/wrap.js';
import { Lifecycle } from './lifecycle.js';
import { firstLine, reason } from './failure-reason.js';
import { watchFilesUnlessTheClientDoes } from './folder-watcher.js';
import { consoleToClient, messageReaderOf, stoppingOnBrokenFrames } from './message-frames.js';
import { firstTransport, type Transport } from './command-line.js';
import { startAlignServer } from './start-server.js';

// Transport from the command line: the first of --stdio, --node-ipc, --socket=PORT or --pipe=NAME (server/command-line.ts reads and checks them).
// CSV files are confined to the workspace folder with symbolic links resolved (fs.realpath).
const transport = firstTransport(process.argv.slice(2));
const socket = transport && socketOf(transport);
const stdio = transport?.name === '--stdio';
const lifecycle = new Lifecycle();
// Over stdio and sockets the server reads the frames itself, so that a broken one says so (server/message-frames.ts).
const input = socket ?? (stdio ? process.stdin : undefined);
const reader = input && messageReaderOf(input);
const connection = reader
    ? createConnection(ProposedFeatures.all, reader, socket ? new SocketMessageWriter(socket) : new StreamMessageWriter(process.stdout), lifecycle.options)
    : createConnection(ProposedFeatures.all, lifecycle.options);
lifecycle.listen(connection);
if (reader) stoppingOnBrokenFrames(reader, connection);
if (stdio) {
    consoleToClient(connection);
    // The editor closed stdin (or died): the session is over, as vscode-languageserver ends it when it opens stdio itself.
    for (const event of ['end', 'close']) process.stdin.once(event, () => process.exit(lifecycle.isShutdown ? 0 : 1));
}
if (socket) {
    // As stdin's end does for --stdio: the editor closed the socket, the session is over (the check of
    // `processId` every 3 s otherwise kept the server running until the editor itself exited).
    socket.once('connect', () => socket.once('close', () => process.exit(lifecycle.isShutdown ? 0 : 1)));
}
// A last resort: a promise that fails with nobody to hear it ended every session (Node's default). It is a fault all the
// same: one line on stderr (tests and editors' logs see it) and in the client's log, and the server goes on.
process.on('unhandledRejection', error => {
    const line = `align-language-server: internal error (a failure nobody handled: ${firstLine(error)}); the server goes on`;
    process.stderr.write(`${line}\n`);
    connection.console.error(line);
});
const Align = startAlignServer(connection, { ...NodeFileSystem, realPath: fs.realpath });
watchFilesUnlessTheClientDoes(connection, Align.shared);

/**
 * The socket of `--socket=PORT` or `--pipe=NAME`, connected here so that a
 * failed connection says why on stderr and exits 1: vscode-languageserver
 * exited 0 without a word when nothing listened on the port or pipe.
 */
function socketOf({ name, value = '' }: Transport): net.Socket | undefined {
    if (name !== '--socket' && name !== '--pipe') return undefined;
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
