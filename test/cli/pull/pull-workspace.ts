import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, cliEnv, linesOf, unwrapped, type CliResult } from '../run-cli.js';
import { makeTempDir } from '../../temp-dirs.js';

/** A temporary workspace folder for pull tests. */
export interface TempWorkspace {
    readonly root: string;
    write(file: string, content: string | Uint8Array): void;
    read(file: string): string;
    bytes(file: string): Buffer;
    exists(file: string): boolean;
    remove(): void;
}

/** Makes a temporary folder with the given files (removed by `remove`, else when the tests end). */
export function tempWorkspace(files: Record<string, string | Uint8Array> = {}): TempWorkspace {
    const root = makeTempDir('align-pull-');
    const ws: TempWorkspace = {
        root,
        write(file, content) {
            fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
            fs.writeFileSync(path.join(root, file), content);
        },
        read: file => fs.readFileSync(path.join(root, file), 'utf-8'),
        bytes: file => fs.readFileSync(path.join(root, file)),
        exists: file => fs.existsSync(path.join(root, file)),
        remove: () => fs.rmSync(root, { recursive: true, force: true })
    };
    for (const [file, content] of Object.entries(files)) ws.write(file, content);
    return ws;
}

/**
 * Runs the built CLI as a child process without blocking this process's
 * event loop, so that a loopback server in the test can answer it.
 */
export function runCliAsync(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliResult> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: cliEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', chunk => { stdout += String(chunk); });
        child.stderr.on('data', chunk => { stderr += String(chunk); });
        const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
        child.on('error', reject);
        child.on('close', (status, signal) => { clearTimeout(timer); resolve({ status, signal, stdout, stderr }); });
    });
}

/** Makes a named pipe (FIFO) at `file`. */
export function mkfifo(file: string): void {
    const made = spawnSync('mkfifo', [file]);
    assert.equal(made.status, 0, `mkfifo: ${String(made.stderr)}`);
}

/** A KPI with a cadence, for pulled actuals. */
export function pulledKpi(name: string, cadence: string, unit = 'count'): string {
    return `metric ${name} "${name}" { kind leading unit ${unit} direction up baseline 1 cadence ${cadence} }`;
}

/** The parsed `align.lock.json` of a workspace. */
export function lockOf(ws: TempWorkspace): { version: number; snapshots: Record<string, Record<string, unknown>> } {
    return JSON.parse(ws.read('align.lock.json')) as { version: number; snapshots: Record<string, Record<string, unknown>> };
}

/** Writes a SQLite file with sql.js. */
export async function sqlite(file: string, statements: string[]): Promise<void> {
    const SQL = await (await import('sql.js')).default();
    const db = new SQL.Database();
    for (const sql of statements) db.run(sql);
    fs.writeFileSync(file, db.export());
    db.close();
}

/** Writes a DuckDB file (or a Parquet file by COPY) with DuckDB itself. */
export async function duckdb(file: string, statements: string[]): Promise<void> {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    for (const sql of statements) await connection.run(sql);
    connection.closeSync();
    instance.closeSync();
}

/**
 * Asserts that every pull failed (exit 1) with one line each on stderr that
 * names what `mentions` say, never an internal error or a stack trace; returns the first line.
 */
export function assertPullFailed(result: CliResult, ...mentions: string[]): string {
    assert.equal(result.status, 1, `exit status 1\nstderr: ${result.stderr}\nstdout: ${result.stdout}`);
    const lines = linesOf(unwrapped(result.stderr));
    assert.equal(lines.length, 1, `one line on stderr, got:\n${result.stderr}`);
    const line = lines[0]!;
    assert.ok(line.startsWith('align: pull failed: '), line);
    assert.doesNotMatch(result.stderr, /internal error|^ {4}at /m);
    for (const mention of mentions) assert.ok(line.includes(mention), `stderr names '${mention}': ${line}`);
    assert.match(result.stdout, /0 of 1 pull succeeded, 1 failed/);
    return line;
}

export { unwrapped } from '../run-cli.js';
