/**
 * `align pull` on a SQLite file, through the built bundle: sql.js runs the
 * query in a worker thread (out/sqlite-worker.cjs), so a query that runs
 * past ALIGN_PULL_TIMEOUT is stopped as DuckDB's and PostgreSQL's are, and
 * the errors the worker meets are the same one-line pull failures.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requireBundle, runCli } from '../run-cli.js';
import { lockOf, pulledKpi, sqlite, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

/** A query that never ends: a recursive CTE without a limit. */
const RUNAWAY = "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT '2026-02' AS period, count(*) AS value FROM r";

describe('align pull on a SQLite file (child process on the built bundle)', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    /** Two metrics pulled from one SQLite file, A before B. */
    async function twoMetrics(): Promise<TempWorkspace> {
        const made = tempWorkspace({
            'a.sql': 'SELECT month AS period, n AS value FROM counts ORDER BY 1',
            'b.sql': 'SELECT month AS period, n * 2 AS value FROM counts ORDER BY 1',
            'p.align': `${pulledKpi('A', 'monthly')}\n${pulledKpi('B', 'monthly')}\n`
                + 'actuals A from "a.csv" { pull sql "a.sql" on "lms.sqlite" }\n'
                + 'actuals B from "b.csv" { pull sql "b.sql" on "lms.sqlite" }\n'
        });
        await sqlite(path.join(made.root, 'lms.sqlite'), [
            'CREATE TABLE counts(month TEXT, n INTEGER)',
            "INSERT INTO counts VALUES ('2026-01', 3), ('2026-02', 4)"
        ]);
        return made;
    }

    it('a query that runs longer than ALIGN_PULL_TIMEOUT is stopped: one line, exit 1, the old snapshot kept, the next pull still runs', async () => {
        ws = await twoMetrics();
        const first = runCli(['pull'], { cwd: ws.root });
        assert.equal(first.status, 0, first.stderr);
        assert.equal(ws.read('a.csv'), 'period,value\n2026-01,3\n2026-02,4\n');
        const [snapshot, lock] = [ws.bytes('a.csv'), lockOf(ws)];
        ws.write('a.sql', RUNAWAY);
        ws.write('b.sql', 'SELECT month AS period, n * 3 AS value FROM counts ORDER BY 1');
        const started = Date.now();
        // Without the time-out the query never ends: the child is killed at 30 s and runCli throws.
        const result = runCli(['pull'], { cwd: ws.root, env: { ALIGN_PULL_TIMEOUT: '1' }, timeout: 30_000 });
        const took = Date.now() - started;
        assert.equal(result.signal, null, 'align pull ends by itself');
        assert.equal(result.status, 1, result.stderr);
        assert.equal(unwrapped(result.stderr), 'align: pull failed: A, sql "a.sql" on "lms.sqlite": the query did not finish within 1 s (set ALIGN_PULL_TIMEOUT to allow longer)\n');
        assert.ok(took < 10_000, `the run ends soon after the time-out (${took} ms)`);
        assert.ok(ws.bytes('a.csv').equals(snapshot), 'the old snapshot is kept');
        assert.deepEqual(lockOf(ws).snapshots['a.csv'], lock.snapshots['a.csv'], 'its lock entry is kept');
        assert.equal(ws.read('b.csv'), 'period,value\n2026-01,9\n2026-02,12\n', 'the pull after it is written');
        assert.match(result.stdout, /\n1 of 2 pulls succeeded, 1 failed \(its snapshot and lock entry are unchanged\)\.\n$/, 'one failure: its snapshot');
    });

    it('a fractional ALIGN_PULL_TIMEOUT is honoured, and a quick query within it is unaffected', async () => {
        ws = await twoMetrics();
        ws.write('a.sql', RUNAWAY);
        const started = Date.now();
        const result = runCli(['pull', '--metric', 'A'], { cwd: ws.root, env: { ALIGN_PULL_TIMEOUT: '0.5' }, timeout: 30_000 });
        assert.equal(result.status, 1, result.stderr);
        assert.equal(unwrapped(result.stderr), 'align: pull failed: A, sql "a.sql" on "lms.sqlite": the query did not finish within 0.5 s (set ALIGN_PULL_TIMEOUT to allow longer)\n');
        assert.ok(Date.now() - started < 10_000, `stopped soon after the time-out (${Date.now() - started} ms)`);
        assert.ok(!ws.exists('a.csv'));
        const quick = runCli(['pull', '--metric', 'B'], { cwd: ws.root, env: { ALIGN_PULL_TIMEOUT: '5' } });
        assert.equal(quick.status, 0, quick.stderr);
        assert.equal(ws.read('b.csv'), 'period,value\n2026-01,6\n2026-02,8\n');
    });

    it('the longest time-out a timer holds (2147483 s, 24.8 days) does not stop a quick query at once, on SQLite or DuckDB', async () => {
        ws = await twoMetrics();
        ws.write('c.sql', "SELECT '2026-01' AS period, 5 AS value");
        ws.write('p.align', `${ws.read('p.align')}${pulledKpi('C', 'monthly')}\nactuals C from "c.csv" { pull sql "c.sql" }\n`);
        const result = runCli(['pull'], { cwd: ws.root, env: { ALIGN_PULL_TIMEOUT: '2147483' } });
        assert.equal(unwrapped(result.stderr), '', 'no pull failure, no TimeoutOverflowWarning');
        assert.equal(result.status, 0);
        assert.equal(ws.read('a.csv'), 'period,value\n2026-01,3\n2026-02,4\n');
        assert.equal(ws.read('c.csv'), 'period,value\n2026-01,5\n');
    });

    describe('errors inside the worker are one-line pull failures, the snapshot untouched', () => {
        const cases: Array<[string, (ws: TempWorkspace) => void, string]> = [
            ['bad SQL', w => w.write('a.sql', 'SELEC month FROM counts'), 'near "SELEC": syntax error'],
            ['a missing table', w => w.write('a.sql', 'SELECT month AS period, n AS value FROM gone'), 'no such table: gone'],
            ['a missing column', w => w.write('a.sql', 'SELECT month AS period, m AS value FROM counts'), 'no such column: m'],
            ['the wrong columns', w => w.write('a.sql', 'SELECT month, n FROM counts'), 'the query returns the columns `month`, `n`; it must return exactly `period` and `value`'],
            ['a statement that writes', w => w.write('a.sql', 'CREATE TEMP TABLE t(x)'), 'attempt to write a readonly database'],
            ['a query that returns no rows', w => w.write('a.sql', 'SELECT month AS period, n AS value FROM counts WHERE n > 100'), 'the query returned no rows: nothing to write, the snapshot is kept'],
            ['a period that is a number', w => w.write('a.sql', 'SELECT n AS period, n AS value FROM counts'), 'row 1: period `3` (a number) is not a DATE, a TIMESTAMP or text such as 2026-03'],
            ['a corrupt database file', w => w.write('lms.sqlite', Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 7)])), 'file is not a database'],
            ['a missing database file', w => fs.rmSync(path.join(w.root, 'lms.sqlite')), 'the database file "lms.sqlite" is missing']
        ];
        for (const [name, breakIt, message] of cases) {
            it(name, async () => {
                ws = await twoMetrics();
                breakIt(ws);
                const result = runCli(['pull', '--metric', 'A'], { cwd: ws.root });
                assert.equal(result.status, 1, result.stderr);
                assert.equal(unwrapped(result.stderr), `align: pull failed: A, sql "a.sql" on "lms.sqlite": ${message}\n`);
                assert.ok(!ws.exists('a.csv'));
            });
        }
    });
});
