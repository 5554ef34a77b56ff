/**
 * The transports other than `--stdio` when they cannot work: nothing
 * listening on the port or pipe, `--node-ipc` without an IPC channel. Each
 * says why in one message on stderr (wrapped to 80 columns, as the CLI's
 * are) and exits non-zero, instead of exiting 0 without a word. And `--pipe=NAME` and `--node-ipc` when they can;
 * a broken frame over a socket ends the server as over stdio (broken-frames.test.ts).
 */
import * as assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import * as net from 'node:net';
import { freePort } from '../free-port.js';
import * as path from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, SocketMessageReader, SocketMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { assertFits80, unwrapped } from '../cli/run-cli.js';
import { makeTempDir } from '../temp-dirs.js';
import { EXAMPLES, SERVER, uriOf } from './lsp-session.js';

const run = (args: string[]) => spawnSync(process.execPath, [SERVER, ...args], { encoding: 'utf-8', timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'] });

describe('align-language-server transports', function () {
    this.timeout(30000);

    it('--socket=PORT with nothing listening: one message naming the port and the cause, within 80 columns, exit 1', async () => {
        const port = await freePort();
        const result = run([`--socket=${port}`]);
        assert.equal(result.status, 1, result.stderr);
        assert.equal(result.stdout, '');
        assertFits80(result.stderr);
        assert.equal(unwrapped(result.stderr), `align-language-server: cannot connect to port ${port} of 127.0.0.1 (ECONNREFUSED): the editor must listen there before it starts the server\n`);
    });

    it('--pipe=NAME with no such pipe: one message naming the pipe and the cause, within 80 columns, exit 1', () => {
        const pipe = path.join(makeTempDir('align-pipe-'), 'missing.sock');
        const result = run([`--pipe=${pipe}`]);
        assert.equal(result.status, 1, result.stderr);
        assertFits80(result.stderr);
        assert.equal(unwrapped(result.stderr), `align-language-server: cannot connect to the pipe ${pipe} (ENOENT): the editor must listen there before it starts the server\n`);
    });

    it('--node-ipc without an IPC channel: one message within 80 columns, exit 2', () => {
        const result = run(['--node-ipc']);
        assert.equal(result.status, 2, result.stderr);
        assert.equal(result.stdout, '');
        assertFits80(result.stderr);
        assert.match(unwrapped(result.stderr), /^align-language-server: --node-ipc needs the IPC channel of a parent that forked this process; editors start it with --stdio \(see align-language-server --help\)\n$/);
    });

    it('--pipe=NAME connects to the editor listening on a Unix socket and answers initialize', async function () {
        if (process.platform === 'win32') this.skip();
        const pipe = path.join(makeTempDir('align-pipe-'), 'lsp.sock');
        const server = net.createServer();
        const connected = new Promise<net.Socket>(resolve => server.once('connection', resolve));
        await new Promise<void>(resolve => server.listen(pipe, resolve));
        const child = fork(SERVER, [`--pipe=${pipe}`], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
        try {
            const socket = await connected;
            const connection = createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
            connection.listen();
            const init = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: uriOf(EXAMPLES), capabilities: {} });
            assert.ok(init.capabilities.hoverProvider, 'hover is offered');
            connection.dispose();
        } finally {
            child.kill();
            server.close();
        }
    });

    for (const processId of [null, process.pid]) it(`--socket=PORT: ends when the editor closes the socket, its own file watching included (processId ${processId === null ? 'null' : 'of the editor'})`, async () => {
        const server = net.createServer();
        const connected = new Promise<net.Socket>(resolve => server.once('connection', resolve));
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        const port = (server.address() as net.AddressInfo).port;
        const child = fork(SERVER, [`--socket=${port}`], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
        const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
        try {
            const socket = await connected;
            const connection = createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
            connection.listen();
            // No workspace/didChangeWatchedFiles: the server watches the folder itself.
            await connection.sendRequest<InitializeResult>('initialize', { processId, rootUri: uriOf(EXAMPLES), capabilities: {} });
            await connection.sendNotification('initialized', {});
            await connection.sendRequest('workspace/symbol', { query: '' });
            connection.dispose();
            socket.destroy();
            const code = await Promise.race([exited, new Promise<string>(r => setTimeout(() => r('still running'), 10_000))]);
            assert.equal(code, 1, 'exits, without shutdown: 1');
        } finally {
            child.kill();
            server.close();
        }
    });

    const brokenFrames = [
        { what: 'without Content-Length', header: 'Content-Type: application/vscode-jsonrpc\r\n\r\n', problem: 'Header must provide a Content-Length property.; Content-Length counts' },
        { what: 'with LF-only header lines', header: 'Content-Length: 99\n\n', problem: "the header line 'Content-Length: 99' ends with LF alone; each header line ends with CRLF" }
    ];
    for (const frame of brokenFrames) it(`--socket=PORT: a frame ${frame.what} is one line on stderr and exit 1, as over stdio`, async () => {
        const server = net.createServer();
        const connected = new Promise<net.Socket>(resolve => server.once('connection', resolve));
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        const port = (server.address() as net.AddressInfo).port;
        const child = fork(SERVER, [`--socket=${port}`], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
        let stderr = '';
        child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
        const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
        try {
            const socket = await connected;
            const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
            socket.write(`${frame.header}${body}`);
            assert.equal(await Promise.race([exited, new Promise<string>(r => setTimeout(() => r('still running'), 10_000))]), 1);
            assert.match(stderr, /^align-language-server: malformed message from the editor \(.+\): stopping\n$/);
            assert.ok(stderr.includes(frame.problem), stderr);
            socket.destroy();
        } finally {
            child.kill();
            server.close();
        }
    });

    it('--node-ipc from a parent that forked it answers initialize', async () => {
        const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
        let stderr = '';
        child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
        try {
            const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
            connection.listen();
            const init = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: uriOf(EXAMPLES), capabilities: {} });
            assert.ok(init.capabilities.completionProvider, `completion is offered ${stderr}`);
            await connection.sendRequest('shutdown');
            const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
            await connection.sendNotification('exit');
            assert.equal(await exited, 0, stderr);
            connection.dispose();
        } finally {
            child.kill();
        }
    });
});
