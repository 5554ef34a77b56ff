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
import pg from 'pg';
import { assertOneLineFailure, cliEnv, REPO_ROOT, requireBundle, runCli, type CliResult } from '../run-cli.js';
import { copyForNobody, isRoot, NOBODY, runAsNobody, type NobodyCopy } from '../../as-nobody.js';
import { postgresUrl } from './postgres-server.js';
import { pulledKpi, runCliAsync, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

/** Where `nobody` runs the CLI from (as root), or why it cannot here. */
let copy: NobodyCopy | string = 'not made yet';

/** `align pull` in the workspace, as a user the permission bits apply to (setpriv, as test/lsp/unreadable-file.test.ts does). */
function pullAsUser(ws: TempWorkspace, args: string[] = []): CliResult {
    if (!isRoot) return runCli(['pull', ...args], { cwd: ws.root });
    if (typeof copy === 'string') assert.fail(copy);
    chownTree(ws.root);
    return runAsNobody(copy, 'bin/align.cjs', ['pull', ...args], ws.root, cliEnv());
}

/** Waits until a query holding `marker` runs on the test's PostgreSQL server. */
async function untilRunning(marker: string): Promise<void> {
    const observer = new pg.Client({ connectionString: postgresUrl() });
    await observer.connect();
    try {
        const deadline = Date.now() + 20_000;
        const sql = 'SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()';
        while (Number((await observer.query(sql, [`%${marker}%`])).rows[0].n) === 0) {
            assert.ok(Date.now() < deadline, 'the query never started on the server');
            await new Promise(resolve => setTimeout(resolve, 50));
        }
    } finally {
        await observer.end();
    }
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
        if (!isRoot) return;
        // The checkout may be under a private folder (a CI's mktemp -d): nobody runs a copy.
        copy = copyForNobody('align-pull-cli-', REPO_ROOT, ['bin/align.cjs', 'out/cli.cjs', 'out/sqlite-worker.cjs', 'package.json'], { nodeModules: true });
        if (typeof copy === 'string') {
            console.log(`      skipped: ${copy}`);
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
        const marker = `align_lock_${process.pid}_${Date.now().toString(36)}`;
        ws.write('a.sql', `SELECT '2026-02' AS period, 2 AS value FROM pg_sleep(2) WHERE '${marker}' <> ''`);
        const running = runCliAsync(['pull'], { cwd: ws.root, env });
        await untilRunning(marker); // the lock was read and found fine; the query sleeps on the server meanwhile
        ws.write('align.lock.json', '{"version": 1,');
        const result = await running;
        assert.equal(result.status, 1, result.stderr);
        assert.match(unwrapped(result.stderr), /^align: pull failed: A, sql "a\.sql" on env:WAREHOUSE_URL: align\.lock\.json is not valid JSON \(.*\): fix it, or delete it to pull every snapshot anew; the snapshot is kept as it was\n$/);
        assert.equal(ws.read('a.csv'), snapshot, 'no snapshot without its lock entry');
    });
});
