/**
 * Helpers of the CLI tests: they run the BUILT bundle (`bin/align.cjs` ->
 * `out/cli.cjs`, made by `npm run build`) as a child process, exactly as a
 * CI job would, and read what it prints.
 */
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir, removeTempDirs } from '../temp-dirs.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(REPO_ROOT, 'bin', 'align.cjs');
export const BUNDLE = path.join(REPO_ROOT, 'out', 'cli.cjs');
export const EXAMPLES = path.join(REPO_ROOT, 'test', 'fixtures', 'examples');

/** The normative keys of a JSON finding, in the normative order (language.md, "Machine output"). */
export const FINDING_KEYS = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message'] as const;

export interface Finding {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: 'error' | 'warning' | 'info';
    rule: string;
    message: string;
}

export interface CliResult {
    status: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
}

export interface RunOptions {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    timeout?: number;
    /** The signal that ends the run at `timeout` (SIGTERM): SIGKILL for a run that may block in a read, signal handlers and all. */
    killSignal?: NodeJS.Signals;
}

/** Fails early, with advice, when the bundle has not been built. */
export function requireBundle(): void {
    assert.ok(fs.existsSync(BUNDLE), `${BUNDLE} is missing: run \`npm run build\` before the CLI tests`);
}

/**
 * The environment the CLI runs in under test: this process's with `extra`,
 * less ALIGN_DEBUG (stack traces), and less NO_COLOR and FORCE_COLOR
 * unless `extra` sets them, so that colour depends only on the flags.
 */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
    if (!('NO_COLOR' in extra)) delete env['NO_COLOR'];
    if (!('FORCE_COLOR' in extra)) delete env['FORCE_COLOR'];
    delete env['ALIGN_DEBUG'];
    // A proxy of the machine's would carry the pulls from the tests' loopback servers (pull-xapi-proxy.test.ts starts its own).
    for (const name of ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY']) if (!(name in extra)) delete env[name];
    return env;
}

/** Runs `node bin/align.cjs ...args` in {@link cliEnv} and waits for it. */
export function runCli(args: readonly string[], options: RunOptions = {}): CliResult {
    const env = cliEnv(options.env);
    const spawnOptions: SpawnSyncOptions = {
        cwd: options.cwd ?? REPO_ROOT,
        env,
        encoding: 'utf-8',
        timeout: options.timeout ?? 50_000,
        killSignal: options.killSignal ?? 'SIGTERM',
        maxBuffer: 256 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'pipe'],
    };
    const result = spawnSync(process.execPath, [BIN, ...args], spawnOptions);
    if (result.error) throw result.error;
    return { status: result.status, signal: result.signal, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Runs `align check ...args --format json`, asserts the exit status, and parses the findings. */
export function checkJson(args: readonly string[], options: RunOptions & { status?: number } = {}): Finding[] {
    const result = runCli(['check', ...args, '--format', 'json'], options);
    if (options.status !== undefined) {
        assert.equal(result.status, options.status, `exit status of align check ${args.join(' ')}\nstderr: ${result.stderr}\nstdout: ${result.stdout.slice(0, 2000)}`);
    }
    assert.equal(result.stderr, '', 'nothing on stderr');
    return parseFindings(result.stdout);
}

/** Parses `--format json` output, asserting its shape (keys, order, types, 1-based positions). */
export function parseFindings(stdout: string): Finding[] {
    const parsed: unknown = JSON.parse(stdout);
    assert.ok(Array.isArray(parsed), 'a JSON array');
    for (const f of parsed as Record<string, unknown>[]) {
        assert.deepEqual(Object.keys(f), [...FINDING_KEYS], `keys in the normative order: ${JSON.stringify(f)}`);
        for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
            assert.ok(Number.isInteger(f[key]) && (f[key] as number) >= 1, `${key} is a 1-based integer: ${JSON.stringify(f)}`);
        }
        assert.ok(['error', 'warning', 'info'].includes(f['severity'] as string), `severity: ${JSON.stringify(f)}`);
        assert.equal(typeof f['file'], 'string');
        assert.equal(typeof f['rule'], 'string');
        assert.ok(typeof f['message'] === 'string' && (f['message'] as string).length > 0, 'a message');
        const [line, column, endLine, endColumn] = [f['line'], f['column'], f['endLine'], f['endColumn']] as number[];
        assert.ok(endLine! > line! || (endLine === line && endColumn! >= column!), `the range does not end before it starts: ${JSON.stringify(f)}`);
    }
    return parsed as Finding[];
}

/** `file:line rule` keys, sorted: the shape the `// expect:` comments describe. */
export function keysOf(findings: readonly Pick<Finding, 'file' | 'line' | 'rule'>[]): string[] {
    return findings.map(f => `${f.file}:${f.line} ${f.rule}`).sort();
}

const EXPECT = /^\s*\/\/\s*expect:\s*(.*?)\s*$/;

/**
 * The findings the `// expect:` comments of a folder's `.align` files list
 * (see test/fixtures/examples/README.md): a comment `// expect: a, b` means
 * rules a and b each report a finding that starts on the next line that is
 * not an `expect:` comment. `file` is relative to `relativeTo`.
 */
export function expectedFindings(folder: string, relativeTo: string): { file: string; line: number; rule: string }[] {
    const expected: { file: string; line: number; rule: string }[] = [];
    for (const absolute of alignFilesUnder(folder)) {
        const file = path.relative(relativeTo, absolute).split(path.sep).join('/');
        const lines = fs.readFileSync(absolute, 'utf-8').split(/\r?\n/);
        lines.forEach((text, index) => {
            const m = EXPECT.exec(text);
            if (!m) return;
            let target = index + 1;
            while (target < lines.length && EXPECT.test(lines[target]!)) target++;
            assert.ok(target < lines.length, `${file}:${index + 1}: an expect: comment with no line after it`);
            for (const rule of m[1]!.split(',').map(s => s.trim()).filter(Boolean)) expected.push({ file, line: target + 1, rule });
        });
    }
    return expected;
}

export function alignFilesUnder(folder: string): string[] {
    const found: string[] = [];
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) found.push(...alignFilesUnder(full));
        else if (entry.name.endsWith('.align')) found.push(full);
    }
    return found.sort();
}

/** The order of language.md: file, line, column (UTF-16 code units, not the locale). */
export function isSortedByFileLineColumn(findings: readonly Finding[]): boolean {
    for (let i = 1; i < findings.length; i++) {
        const [a, b] = [findings[i - 1]!, findings[i]!];
        const byFile = a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
        const order = byFile || a.line - b.line || a.column - b.column;
        if (order > 0) return false;
    }
    return true;
}

/** A new empty folder under the system's temporary folder, removed by {@link removeTempDirs} or when the tests end. */
export function tempDir(prefix = 'align-cli-'): string {
    return makeTempDir(prefix);
}

export { removeTempDirs };

/** Copies files or folders of the examples into `dest` (same relative paths). */
export function copyExamples(dest: string, ...relativePaths: string[]): void {
    for (const relative of relativePaths) {
        fs.cpSync(path.join(EXAMPLES, relative), path.join(dest, relative), { recursive: true });
    }
}

/** Writes a file (making its folder), returning its absolute path. */
export function writeFile(dir: string, relative: string, content: string | Buffer): string {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
}

/** ANSI SGR escape sequences. */
export const ANSI = /\x1b\[[0-9;]*m/;

/** What the CLI printed with its wrapping of messages undone (language/text/wrap.ts fitMessage): a line continued on the next, indented by two spaces, joined to it. */
export function unwrapped(text: string): string {
    return text.replace(/\n {2}/g, ' ');
}

/** Lines of text without the trailing empty one. */
export function linesOf(text: string): string[] {
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    return lines;
}

/** True when the text holds no control character but line feeds (no C0 control but LF, no DEL, no C1 control). */
export function printable(text: string): boolean {
    return !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(text);
}

/** Asserts that every line of `text` fits 80 columns, but a single word longer than that (a path) alone on its line. */
export function assertFits80(text: string): void {
    for (const printed of linesOf(text)) {
        assert.ok([...printed].length <= 80 || !printed.trim().includes(' '), `wrapped to 80 columns (a word longer than that alone on its line):\n${text}`);
    }
}

/**
 * Asserts a usage error or unreadable input: exit 2, nothing on stdout,
 * exactly one message on stderr (lines of at most 80 columns) that
 * contains each of `mentions`, and no stack trace.
 */
export function assertOneLineFailure(result: CliResult, ...mentions: string[]): string {
    assert.equal(result.status, 2, `exit status 2\nstderr: ${result.stderr}\nstdout: ${result.stdout.slice(0, 500)}`);
    assert.equal(result.stdout, '', 'nothing on stdout');
    assertFits80(result.stderr);
    const lines = linesOf(unwrapped(result.stderr));
    assert.equal(lines.length, 1, `exactly one message on stderr, got:\n${result.stderr}`);
    const line = lines[0]!;
    assert.ok(!/^ {4}at /m.test(result.stderr), `no stack trace: ${result.stderr}`);
    assert.ok(!/internal error/i.test(line), `an expected failure, not an internal error: ${line}`);
    for (const mention of mentions) assert.ok(line.includes(mention), `stderr names '${mention}': ${line}`);
    return line;
}

/** The 1-based column where `needle` starts on a 1-based line of a file. */
export function columnOf(file: string, line: number, needle: string): number {
    const text = fs.readFileSync(file, 'utf-8').split(/\r?\n/)[line - 1] ?? '';
    const index = text.indexOf(needle);
    assert.ok(index >= 0, `'${needle}' on line ${line} of ${file}`);
    return index + 1;
}

/** The 1-based line where `needle` first occurs in a file. */
export function lineOf(file: string, needle: string): number {
    const index = fs.readFileSync(file, 'utf-8').split(/\r?\n/).findIndex(l => l.includes(needle));
    assert.ok(index >= 0, `'${needle}' in ${file}`);
    return index + 1;
}
