/**
 * Start-up probe: spawns the built server on a generated 10k x 100 workspace
 * and prints the time to the first diagnostics of the bench's edited file and
 * to every file's. `--server=PATH` picks another built server (to compare
 * two builds alternately), `--prof=DIR` writes a V8 CPU profile there.
 */
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generateWorkspace } from './generate.js';
import { uriOf, SERVER } from '../../test/lsp/lsp-session.js';

const arg = (name: string) => process.argv.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const server = arg('server') ?? SERVER;
const prof = arg('prof');
const dir = arg('dir') ?? '/tmp/align-startup-10000x100';
const runs = Number(arg('runs') ?? 1);
const nodeFlags = arg('node')?.split(' ').filter(Boolean) ?? [];

async function once(): Promise<[number, number, number]> {
    const ws = generateWorkspace({ elements: 10_000, files: 100, dir });
    const files = ws.files.map(f => uriOf(f.path));
    const target = files[Math.floor(files.length / 2)]!;
    const started = performance.now();
    const flags = prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [];
    const child = spawn(process.execPath, [...nodeFlags, ...flags, server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const seen = new Set<string>();
    let first = 0;
    let firstCpu = 0;
    /** CPU time of the server so far (user + system, all threads), from /proc (Linux). */
    const cpu = () => {
        const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf-8').split(') ')[1]!.split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10;
    };
    const all = new Promise<number>(resolve => connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
        seen.add(p.uri);
        if (p.uri === target && !first) { first = performance.now() - started; firstCpu = cpu(); }
        if (files.every(f => seen.has(f))) resolve(performance.now() - started);
    }));
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: uriOf(dir), workspaceFolders: [{ uri: uriOf(dir), name: path.basename(dir) }],
        // As the Align extension: it asks for align/didChangeGraph, which the server then builds after each validation.
        initializationOptions: { graphNotifications: true },
        capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: {} } } });
    await connection.sendNotification('initialized', {});
    const every = await all;
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await new Promise(r => child.on('exit', r));
    connection.dispose();
    return [first, every, firstCpu];
}

for (let i = 0; i < runs; i++) {
    const [first, every, firstCpu] = await once();
    console.log(`start-up: edited file ${first.toFixed(0)} ms (server cpu ${firstCpu} ms), every file ${every.toFixed(0)} ms`);
}
