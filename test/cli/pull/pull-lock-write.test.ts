/**
 * `align pull` where it may not write: a read-only `align.lock.json` or
 * one whose folder takes no new file stops it before anything runs (exit
 * 2, one line naming the file), rather than the rename replacing a
 * read-only file or a snapshot being written without its lock entry; a
 * read-only snapshot fails its pull only; a snapshot written anew keeps
 * its permissions. Run as `nobody` when the tests run as root (root may
 * write anything).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { assertOneLineFailure, BIN, requireBundle, runCli, type CliResult } from '../run-cli.js';
import { postgresUrl } from './postgres-server.js';
import { pulledKpi, runCliAsync, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

/** `align pull` in the workspace, as a user the permission bits apply to (setpriv, as test/lsp/unreadable-file.test.ts does). */
function pullAsUser(ws: TempWorkspace, args: string[] = []): CliResult {
    if (!isRoot) return runCli(['pull', ...args], { cwd: ws.root });
    chownTree(ws.root);
    const result = spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, BIN, 'pull', ...args],
        { cwd: ws.root, encoding: 'utf-8', timeout: 50_000, stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.error) throw result.error;
    return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Gives a tree to `nobody`, modes unchanged. */
function chownTree(dir: string): void {
    fs.chownSync(dir, NOBODY, NOBODY);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) chownTree(file);
        else fs.chownSync(file, NOBODY, NOBODY);
    }
}

/** A pull of A into data/a.csv, pulled once (as this user), then the query changed so that the next pull writes. */
function pulledOnce(): TempWorkspace {
    const ws = tempWorkspace({
        'a.sql': "SELECT '2026-01' AS period, 1 AS value",
        'p.align': `${pulledKpi('A', 'monthly')}\nactuals A from "data/a.csv" { pull sql "a.sql" }\n`
    });
    const first = runCli(['pull'], { cwd: ws.root });
    assert.equal(first.status, 0, first.stderr);
    ws.write('a.sql', "SELECT '2026-02' AS period, 2 AS value");
    return ws;
}

describe('align pull where it may not write (child process on the built bundle)', function () {
    this.timeout(60_000);
    let ws: TempWorkspace | undefined;
    before(function () {
        requireBundle();
        if (isRoot && spawnSync('setpriv', ['--version']).status !== 0) this.skip();
        // As nobody, Node and the checkout must be reachable: a checkout under a private folder (a CI's mktemp -d) is not.
        const reachable = !isRoot || spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, '-e', `require('node:fs').accessSync(${JSON.stringify(BIN)})`]).status === 0;
        if (!reachable) {
            console.log(`      skipped: user nobody cannot reach ${BIN} or ${process.execPath} (a private parent folder)`);
            this.skip();
        }
    });
    afterEach(() => {
        if (ws) fs.chmodSync(ws.root, 0o755);
        ws?.remove();
    });

    it('a read-only align.lock.json: exit 2, one line naming it, the snapshot and lock untouched', () => {
        ws = pulledOnce();
        const [snapshot, lock] = [ws.read('data/a.csv'), ws.read('align.lock.json')];
        fs.chmodSync(path.join(ws.root, 'align.lock.json'), 0o444);
        const line = assertOneLineFailure(pullAsUser(ws), 'align.lock.json is read-only', 'make it writable, or pull with --dry-run');
        assert.ok(line.length <= 80, line);
        assert.equal(ws.read('data/a.csv'), snapshot);
        assert.equal(ws.read('align.lock.json'), lock);
        assert.equal(fs.statSync(path.join(ws.root, 'align.lock.json')).mode & 0o777, 0o444, 'still read-only');
        assert.equal(pullAsUser(ws, ['--dry-run']).status, 0, 'a dry run writes nothing, so it runs');
    });

    it('a lock folder that takes no new file: exit 2 before the snapshot (in a writable folder) is written', () => {
        ws = pulledOnce();
        const snapshot = ws.read('data/a.csv');
        fs.chmodSync(ws.root, 0o555);
        assertOneLineFailure(pullAsUser(ws), 'align.lock.json cannot be written: its folder', 'is not writable');
        assert.equal(ws.read('data/a.csv'), snapshot, 'no snapshot without its lock entry');
    });

    it('a read-only snapshot fails its pull only, and is left as it was', () => {
        ws = pulledOnce();
        const snapshot = ws.read('data/a.csv');
        fs.chmodSync(path.join(ws.root, 'data/a.csv'), 0o444);
        const result = pullAsUser(ws);
        assert.equal(result.status, 1, result.stderr);
        assert.equal(unwrapped(result.stderr), 'align: pull failed: A, sql "a.sql": the snapshot "data/a.csv" is read-only: make it writable\n');
        assert.equal(ws.read('data/a.csv'), snapshot);
    });

    it('a snapshot written anew keeps its permissions', () => {
        ws = pulledOnce();
        fs.chmodSync(path.join(ws.root, 'data/a.csv'), 0o640);
        const result = pullAsUser(ws);
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('data/a.csv'), 'period,value\n2026-02,2\n');
        assert.equal(fs.statSync(path.join(ws.root, 'data/a.csv')).mode & 0o777, 0o640);
    });

    it('a lock file broken while the query ran: the pull fails naming it, and the snapshot just written is put back', async () => {
        ws = tempWorkspace({
            'a.sql': "SELECT '2026-01' AS period, 1 AS value",
            'p.align': `${pulledKpi('A', 'monthly')}\nactuals A from "a.csv" { pull sql "a.sql" on env "WAREHOUSE_URL" }\n`
        });
        const env = { WAREHOUSE_URL: postgresUrl() };
        assert.equal((await runCliAsync(['pull'], { cwd: ws.root, env })).status, 0);
        const snapshot = ws.read('a.csv');
        ws.write('a.sql', "SELECT '2026-02' AS period, 2 AS value FROM pg_sleep(1.5)");
        const running = runCliAsync(['pull'], { cwd: ws.root, env });
        await new Promise(resolve => setTimeout(resolve, 700)); // the query sleeps on the server meanwhile
        ws.write('align.lock.json', '{"version": 1,');
        const result = await running;
        assert.equal(result.status, 1, result.stderr);
        assert.match(unwrapped(result.stderr), /^align: pull failed: A, sql "a\.sql" on env:WAREHOUSE_URL: align\.lock\.json is not valid JSON \(.*\): fix it, or delete it to pull every snapshot anew; the snapshot is kept as it was\n$/);
        assert.equal(ws.read('a.csv'), snapshot, 'no snapshot without its lock entry');
    });
});
