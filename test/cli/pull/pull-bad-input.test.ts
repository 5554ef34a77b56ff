/**
 * `align pull` with bad input, through the built bundle: a lock file it
 * cannot use, a query that runs too long, two pulls into one snapshot, a
 * snapshot path that is a folder. Each is one clear line, the right exit
 * status, and no file touched that the failure concerns.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertOneLineFailure, requireBundle, runCli } from '../run-cli.js';
import { duckdb, lockOf, mkfifo, pulledKpi, sqlite, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

const QUERY = "SELECT '2026-01' AS period, 1 AS value";

describe('align pull with bad input (child process on the built bundle)', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    const oneMetric = () => tempWorkspace({
        'a.sql': QUERY,
        'p.align': `${pulledKpi('A', 'monthly')}\nactuals A from "a.csv" { pull sql "a.sql" }\n`
    });

    describe('a lock file that cannot be used: exit 2, one line naming it, nothing written', () => {
        const cases: Array<[string, string, string[]]> = [
            ['a newer version', '{"version": 2, "snapshots": {}}', ['align.lock.json', 'version 2', 'newer align', 'update align']],
            ['a version that is not a whole number', '{"version": "one", "snapshots": {}}', ['align.lock.json', 'version "one"', 'expected 1']],
            ['a record that is not an object', '{"version": 1, "snapshots": {"a.csv": 5}}', ['align.lock.json', 'record of "a.csv"', 'not an object']],
            ['no snapshots object', '{"version": 1}', ['align.lock.json', '`snapshots`']],
            ['empty (a write that never finished)', '\n', ['align.lock.json is empty', 'restore it from version control, or delete it']],
            ['not valid JSON', '{"version": 1, "snapshots": {', ['align.lock.json is not valid JSON (', 'fix it, or delete it']],
            ['an array', '[]', ['align.lock.json has no `snapshots` object']]
        ];
        for (const [name, text, mentions] of cases) {
            it(name, () => {
                ws = oneMetric();
                ws.write('align.lock.json', text);
                assertOneLineFailure(runCli(['pull'], { cwd: ws.root }), ...mentions);
                assert.equal(ws.read('align.lock.json'), text, 'the lock file is left as it was');
                assert.ok(!ws.exists('a.csv'), 'no snapshot is written');
            });
        }

        it('a record that is not an object is a snapshot-drift finding of align check, not a crash', () => {
            ws = oneMetric();
            ws.write('align.lock.json', '{"version": 1, "snapshots": {"a.csv": null}}');
            ws.write('a.csv', 'period,value\n2026-01,1\n');
            const check = runCli(['check', '--format', 'json'], { cwd: ws.root });
            assert.equal(check.status, 1, check.stderr);
            assert.equal(unwrapped(check.stderr), '');
            const drift = (JSON.parse(check.stdout) as Array<{ rule: string; message: string }>).filter(f => f.rule === 'snapshot-drift');
            assert.equal(drift.length, 1);
            assert.match(drift[0]!.message, /align\.lock\.json has a record of "a\.csv" that is not an object \(null\)/);
        });

        describe('align check says what align pull says about it, never `align pull --metric`, on one line', () => {
            const unusable: Array<[string, (ws: TempWorkspace) => void]> = [
                ['not valid JSON', w => w.write('align.lock.json', '{"version": 1,\n  "snapshots": oops\n}\n')],
                ['a newer version', w => w.write('align.lock.json', '{"version": 2, "snapshots": {}}')],
                ['a record that is a string', w => w.write('align.lock.json', '{"version": 1, "snapshots": {"a.csv": "x"}}')],
                ['a malformed record', w => w.write('align.lock.json', '{"version": 1, "snapshots": {"a.csv": {"metric": "A", "rows": "many", "snapshotSha256": 5}}}')],
                ['a folder', w => fs.mkdirSync(path.join(w.root, 'align.lock.json'))]
            ];
            for (const [name, make] of unusable) {
                it(name, () => {
                    ws = oneMetric();
                    ws.write('a.csv', 'period,value\n2026-01,1\n');
                    make(ws);
                    const said = assertOneLineFailure(runCli(['pull'], { cwd: ws.root }), 'align.lock.json').replace(/^align: /, '');
                    assert.doesNotMatch(said, /undefined|EISDIR: illegal/);
                    const check = runCli(['check', '--format', 'json'], { cwd: ws.root });
                    assert.equal(check.status, 1, check.stderr);
                    const drift = (JSON.parse(check.stdout) as Array<{ rule: string; message: string }>).filter(f => f.rule === 'snapshot-drift');
                    assert.equal(drift.length, 1);
                    assert.ok(drift[0]!.message.includes(said), `check says what pull says:\n${drift[0]!.message}\n${said}`);
                    assert.doesNotMatch(drift[0]!.message, /align pull --metric|undefined|[\r\n]/);
                });
            }
        });

        it('a malformed record names its fields, never `undefined`', () => {
            ws = oneMetric();
            ws.write('align.lock.json', '{"version": 1, "snapshots": {"a.csv": {"metric": "A", "rows": "many", "snapshotSha256": 5}}}');
            assertOneLineFailure(runCli(['pull'], { cwd: ws.root }), 'malformed record of "a.csv"', 'no `kind`', '`rows` is "many"', '`snapshotSha256` is 5');
        });

        it('a lock file starting with a byte order mark is read; a broken one is said on one line without the mark', () => {
            ws = oneMetric();
            assert.equal(runCli(['pull'], { cwd: ws.root }).status, 0);
            const lock = ws.read('align.lock.json');
            ws.write('align.lock.json', `\uFEFF${lock}`);
            const check = runCli(['check', '--format', 'json'], { cwd: ws.root });
            assert.deepEqual((JSON.parse(check.stdout) as Array<{ rule: string }>).filter(f => f.rule === 'snapshot-drift'), [], check.stdout);
            const pull = runCli(['pull'], { cwd: ws.root });
            assert.equal(pull.status, 0, pull.stderr);
            ws.write('align.lock.json', '\uFEFF{\n  "version": 1,\n');
            const line = assertOneLineFailure(runCli(['pull'], { cwd: ws.root }), 'align.lock.json', 'is not valid JSON');
            assert.doesNotMatch(line, /\uFEFF/);
        });

        it('a lock file that is a folder', () => {
            ws = oneMetric();
            fs.mkdirSync(path.join(ws.root, 'align.lock.json'));
            assertOneLineFailure(runCli(['pull'], { cwd: ws.root }), 'align.lock.json', 'cannot be read', 'is a folder');
            assert.ok(!ws.exists('a.csv'));
        });

        it('a lock file that is a named pipe: refused at once, never opened', () => {
            ws = oneMetric();
            mkfifo(path.join(ws.root, 'align.lock.json'));
            assertOneLineFailure(runCli(['pull'], { cwd: ws.root, timeout: 20_000, killSignal: 'SIGKILL' }), 'align.lock.json', 'cannot be read', 'not a regular file but a named pipe, socket or device');
            assert.ok(!ws.exists('a.csv'));
        });
    });

    it('a DuckDB query that runs longer than ALIGN_PULL_TIMEOUT is stopped: one line, exit 1, the old snapshot kept', () => {
        ws = oneMetric();
        assert.equal(runCli(['pull'], { cwd: ws.root }).status, 0);
        const [snapshot, lock] = [ws.bytes('a.csv'), ws.read('align.lock.json')];
        ws.write('a.sql', "SELECT '2026-02' AS period, count(*) AS value FROM range(1000000000000)");
        const started = Date.now();
        const result = runCli(['pull'], { cwd: ws.root, env: { ALIGN_PULL_TIMEOUT: '1' }, timeout: 40_000 });
        assert.equal(result.signal, null, 'align pull ends by itself');
        assert.equal(result.status, 1, result.stderr);
        assert.equal(unwrapped(result.stderr), 'align: pull failed: A, sql "a.sql": the query did not finish within 1 s (set ALIGN_PULL_TIMEOUT to allow longer)\n');
        assert.ok(Date.now() - started < 20_000, `stopped soon after the time-out (${Date.now() - started} ms)`);
        assert.ok(ws.bytes('a.csv').equals(snapshot));
        assert.equal(ws.read('align.lock.json'), lock);
    });

    it('ALIGN_PULL_TIMEOUT that is not a number of seconds, or longer than a timer holds (24.8 days), is a usage error, before anything runs', () => {
        ws = oneMetric();
        for (const value of ['abc', '0', '-5', '2147484', '3000000']) {
            assertOneLineFailure(runCli(['pull'], { cwd: ws.root, env: { ALIGN_PULL_TIMEOUT: value } }), 'ALIGN_PULL_TIMEOUT', `'${value}'`);
        }
        assert.ok(!ws.exists('a.csv'));
    });

    it('two pulls into one snapshot file both fail, naming each other; nothing is written', () => {
        ws = tempWorkspace({
            'a.sql': QUERY,
            'b.sql': "SELECT '2026-02' AS period, 2 AS value",
            'c.sql': "SELECT '2026-03' AS period, 3 AS value",
            'p.align': `${pulledKpi('A', 'monthly')}\n${pulledKpi('B', 'monthly')}\n${pulledKpi('C', 'monthly')}\n`
                + 'actuals A from "data/shared.csv" { pull sql "a.sql" }\n'
                + 'actuals B from "data/../data/shared.csv" { pull sql "b.sql" }\n'
                + 'actuals C from "data/c.csv" { pull sql "c.sql" }\n'
        });
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 1, result.stderr);
        assert.equal(unwrapped(result.stderr),
            'align: pull failed: A, sql "a.sql": the snapshot "data/shared.csv" is also written by the pull of B: give each pull its own file\n'
            + 'align: pull failed: B, sql "b.sql": the snapshot "data/../data/shared.csv" is also written by the pull of A: give each pull its own file\n');
        assert.ok(!ws.exists('data/shared.csv'));
        assert.deepEqual(Object.keys(lockOf(ws).snapshots), ['data/c.csv']);
        // --metric of one of them: still refused, the other pull's record would be overwritten.
        assert.equal(runCli(['pull', '--metric', 'A'], { cwd: ws.root }).status, 1);
        assert.ok(!ws.exists('data/shared.csv'));
    });

    it('a snapshot path that is a folder fails that pull with one line, not an internal error', () => {
        ws = tempWorkspace({
            'a.sql': QUERY,
            'p.align': `${pulledKpi('A', 'monthly')}\nactuals A from "data" { pull sql "a.sql" }\n`
        });
        fs.mkdirSync(path.join(ws.root, 'data'));
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 1);
        assert.equal(unwrapped(result.stderr), 'align: pull failed: A, sql "a.sql": the snapshot "data" is a folder\n');
        assert.ok(fs.statSync(path.join(ws.root, 'data')).isDirectory());
        assert.ok(!ws.exists('align.lock.json'));
    });

    it('a snapshot path or a query file that is a named pipe fails that pull with one line at once', () => {
        ws = oneMetric();
        mkfifo(path.join(ws.root, 'a.csv'));
        const snapshot = runCli(['pull'], { cwd: ws.root, timeout: 20_000, killSignal: 'SIGKILL' });
        assert.equal(snapshot.status, 1, snapshot.stderr);
        assert.equal(unwrapped(snapshot.stderr), 'align: pull failed: A, sql "a.sql": the snapshot "a.csv" is not a regular file but a named pipe, socket or device\n');
        fs.rmSync(path.join(ws.root, 'a.csv'));
        fs.rmSync(path.join(ws.root, 'a.sql'));
        mkfifo(path.join(ws.root, 'a.sql'));
        const query = runCli(['pull'], { cwd: ws.root, timeout: 20_000, killSignal: 'SIGKILL' });
        assert.equal(query.status, 1, query.stderr);
        assert.match(unwrapped(query.stderr), /a\.sql.* is not a regular file but a named pipe, socket or device\n$/);
        assert.ok(!ws.exists('a.csv'));
    });

    it('a write-ahead log next to a database file that is a named pipe (SQLite -wal, DuckDB .wal) fails that pull with one line at once', async () => {
        ws = tempWorkspace({
            'a.sql': 'SELECT period, value FROM t',
            'p.align': `${pulledKpi('A', 'monthly')}\n${pulledKpi('B', 'monthly')}\n`
                + 'actuals A from "a.csv" { pull sql "a.sql" on "app.db" }\nactuals B from "b.csv" { pull sql "a.sql" on "app.duckdb" }\n'
        });
        await sqlite(path.join(ws.root, 'app.db'), ["CREATE TABLE t(period TEXT, value INTEGER)", "INSERT INTO t VALUES ('2026-01', 1)"]);
        await duckdb(path.join(ws.root, 'app.duckdb'), ["CREATE TABLE t AS SELECT '2026-01' AS period, 1 AS value"]);
        mkfifo(path.join(ws.root, 'app.db-wal'));
        mkfifo(path.join(ws.root, 'app.duckdb.wal'));
        const result = runCli(['pull'], { cwd: ws.root, timeout: 20_000, killSignal: 'SIGKILL' });
        assert.equal(result.status, 1, result.stderr);
        const not = 'of the database file is not a regular file but a named pipe, socket or device';
        assert.deepEqual(unwrapped(result.stderr).split('\n').filter(line => line.startsWith('align: pull failed')), [
            `align: pull failed: A, sql "a.sql" on "app.db": the write-ahead log "app.db-wal" ${not}`,
            `align: pull failed: B, sql "a.sql" on "app.duckdb": the write-ahead log "app.duckdb.wal" ${not}`
        ]);
        assert.ok(!ws.exists('a.csv') && !ws.exists('b.csv'));
    });

    it('a record whose pull is gone is kept (a partial pull cannot tell it from one not loaded), the others updated', () => {
        ws = oneMetric();
        assert.equal(runCli(['pull'], { cwd: ws.root }).status, 0);
        const gone = { metric: 'Old', kind: 'sql', query: 'old.sql', querySha256: 'a'.repeat(64), rows: 1, snapshotSha256: 'b'.repeat(64), pulledAt: '2025-01-01T00:00:00.000Z' };
        const lock = lockOf(ws);
        ws.write('align.lock.json', JSON.stringify({ ...lock, snapshots: { ...lock.snapshots, 'old.csv': gone } }, undefined, 2));
        ws.write('a.sql', "SELECT '2026-02' AS period, 2 AS value");
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stderr, '');
        assert.deepEqual(lockOf(ws).snapshots['old.csv'], gone);
        assert.equal(lockOf(ws).snapshots['a.csv']!['firstPeriod'], '2026-02');
    });
});
