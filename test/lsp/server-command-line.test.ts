/**
 * `align-language-server` as a command: its help, version and usage errors
 * (one message wrapped to 80 columns, or to a narrower terminal, as the
 * CLI's are; exit 2, no stack trace), and a start over `--socket=PORT`, the
 * transport an editor that listens on a port uses.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { createMessageConnection, SocketMessageReader, SocketMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { linesWiderThan, runInTerminal } from '../cli/in-terminal.js';
import { assertOneLineFailure, unwrapped } from '../cli/run-cli.js';
import { SERVER, EXAMPLES, uriOf } from './lsp-session.js';

const run = (args: string[]) => spawnSync(process.execPath, [SERVER, ...args], { encoding: 'utf-8', timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'] });

describe('align-language-server on the command line', () => {
    it('--help and -h print its usage and transports, and exit 0', () => {
        for (const flag of ['--help', '-h']) {
            const result = run([flag]);
            assert.equal(result.status, 0, result.stderr);
            assert.match(result.stdout, /^Usage: align-language-server --stdio/);
            for (const transport of ['--stdio', '--node-ipc', '--socket=PORT', '--pipe=NAME']) assert.ok(result.stdout.includes(transport), transport);
            assert.ok(result.stdout.split('\n').every(line => line.length <= 80), 'fits 80 columns');
        }
    });

    it('--version prints the package version', () => {
        const version = JSON.parse(fs.readFileSync(path.join(path.dirname(SERVER), '../package.json'), 'utf-8')).version as string;
        assert.equal(run(['--version']).stdout, `${version}\n`);
    });

    const errors: Array<[string[], string]> = [
        [[], 'no transport given; start it with --stdio'],
        [['--bogus'], "unknown option '--bogus'; start it with --stdio"],
        [['--stdoi'], "unknown option '--stdoi'; did you mean '--stdio'?"],
        [['serve'], "unexpected argument 'serve'; start it with --stdio"],
        [['--clientProcessId=7'], 'no transport given; start it with --stdio'],
        [['--socket=abc'], "--socket: 'abc' is not a port number"],
        [['--socket=70000'], "--socket: '70000' is not a port number"],
        [['--socket'], '--socket needs a value'],
        [['--pipe='], '--pipe needs a value'],
        [['--node-ipc'], '--node-ipc needs the IPC channel of a parent that forked this process; editors start it with --stdio']
    ];
    for (const [args, message] of errors) {
        it(`[${args.join(' ')}]: one message naming the problem and the help, within 80 columns, exit 2, no stack trace`, () => {
            const line = assertOneLineFailure(run(args), '(see align-language-server --help)');
            assert.ok(line.startsWith(`align-language-server: ${message}`), line);
        });
    }

    it('in a 50-column terminal, its help and a usage error fit it', () => {
        for (const args of [['--help'], [], ['--socket=abc']]) {
            const { status, screen } = runInTerminal(args, 50, { bin: SERVER });
            assert.equal(status, args[0] === '--help' ? 0 : 2, screen);
            assert.deepEqual(linesWiderThan(screen, 50), [], screen);
            assert.ok(unwrapped(screen).includes(args[0] === '--help' ? '--pipe=NAME' : '(see align-language-server --help)'), screen);
        }
    });

    it('--socket=PORT connects to the editor listening on PORT and answers initialize', async () => {
        const server = net.createServer();
        const connected = new Promise<net.Socket>(resolve => server.once('connection', resolve));
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        const port = (server.address() as net.AddressInfo).port;
        const child = spawn(process.execPath, [SERVER, `--socket=${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
        const exited = new Promise<never>((_, reject) => child.once('exit', code => reject(new Error(`the server exited (${code}) before connecting: ${stderr}`))));
        try {
            const socket = await Promise.race([connected, exited]);
            const connection = createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
            connection.listen();
            const init = await connection.sendRequest<InitializeResult>('initialize', {
                processId: process.pid, rootUri: uriOf(EXAMPLES), capabilities: {}, workspaceFolders: [{ uri: uriOf(EXAMPLES), name: 'examples' }]
            });
            assert.ok(init.capabilities.hoverProvider, 'hover is offered');
            assert.ok(init.capabilities.completionProvider, 'completion is offered');
            connection.dispose();
        } finally {
            child.kill();
            server.close();
        }
    });
});
