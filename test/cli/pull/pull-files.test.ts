import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUNDLE, REPO_ROOT, requireBundle, runCli } from '../run-cli.js';
import { duckdb, lockOf, pulledKpi, sqlite, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

const DEALS_CSV = 'closed_on,amount\n2026-01-05,3\n2026-01-07,4\n2026-01-14,5\n2026-01-19,\n';

describe('align pull: DuckDB and SQLite files (child process on the built bundle)', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    it('DuckDB in memory over CSV and Parquet in the .align file\'s folder: weekly buckets end on Sunday; the lock records every field', async () => {
        ws = tempWorkspace({
            'programs/data/deals.csv': DEALS_CSV,
            'programs/queries/deals.sql': "SELECT date_trunc('week', closed_on) AS period, sum(amount) AS value FROM 'data/deals.csv' GROUP BY ALL ORDER BY 1",
            'programs/queries/wins.sql': "SELECT month AS period, wins AS value FROM 'data/wins.parquet'",
            'programs/p.align': `${pulledKpi('Deals', 'weekly')}\n${pulledKpi('Wins', 'monthly')}\n`
                + 'actuals Deals from "data/deals-weekly.csv" { pull sql "queries/deals.sql" }\n'
                + 'actuals Wins from "data/wins.csv" {\n  pull sql "queries/wins.sql"\n}\n'
        });
        await duckdb(':memory:', [`COPY (SELECT * FROM (VALUES ('2026-02', 7.5), ('2026-01', 6)) t(month, wins)) TO '${ws.root}/programs/data/wins.parquet' (FORMAT parquet)`]);
        const before = new Date().toISOString();
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        // DuckDB's weeks start on Monday (2026-01-05, 2026-01-12, 2026-01-19): each lands on the Sunday that ends it; the 19th's NULL is skipped.
        assert.equal(ws.read('programs/data/deals-weekly.csv'), 'period,value\n2026-01-11,7\n2026-01-18,5\n');
        assert.equal(ws.read('programs/data/wins.csv'), 'period,value\n2026-01,6\n2026-02,7.5\n');
        assert.match(unwrapped(result.stdout), /Deals: 2 rows, 2026-01-11 to 2026-01-18 \(1 row with a NULL value skipped\)/);
        const entry = lockOf(ws).snapshots['programs/data/deals-weekly.csv']!;
        assert.deepEqual(Object.keys(entry), ['metric', 'kind', 'query', 'querySha256', 'rows', 'firstPeriod', 'lastPeriod', 'snapshotSha256', 'pulledAt']);
        assert.deepEqual({ ...entry, pulledAt: undefined }, {
            metric: 'Deals', kind: 'sql', query: 'programs/queries/deals.sql', querySha256: sha(ws.bytes('programs/queries/deals.sql')),
            rows: 2, firstPeriod: '2026-01-11', lastPeriod: '2026-01-18', snapshotSha256: sha(ws.bytes('programs/data/deals-weekly.csv')), pulledAt: undefined
        });
        assert.ok(String(entry['pulledAt']) >= before && String(entry['pulledAt']) <= new Date().toISOString());
        const check = runCli(['check', '--format', 'json', '--rule', 'leading-drives-nothing=off', '--rule', 'metric-without-source=off', '--rule', 'metric-without-owner=off', '--rule', 'metric-unused=off'], { cwd: ws.root });
        assert.equal(check.stdout.trim(), '[]');
    });

    it('values are written in plain decimals: no exponent for 1e21, 2.5e-7 or -1e-13, and no "-0"', () => {
        ws = tempWorkspace({
            'q.sql': "SELECT * FROM (VALUES ('2026-01', 1e21::DOUBLE), ('2026-02', -0.0::DOUBLE), ('2026-03', 2.5e-7::DOUBLE), ('2026-04', -12.5::DOUBLE), ('2026-05', -1e-13::DOUBLE)) t(period, value)",
            'p.align': `${pulledKpi('Big', 'monthly')}\nactuals Big from "big.csv" { pull sql "q.sql" }\n`
        });
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('big.csv'), 'period,value\n2026-01,1000000000000000000000\n2026-02,0\n2026-03,0.00000025\n2026-04,-12.5\n2026-05,-0.0000000000001\n');
    });

    it('a DuckDB file with timestamps, and a SQLite file with text dates, by their headers', async () => {
        ws = tempWorkspace({
            'q/tickets.sql': 'SELECT opened_at AS period, count(*)::DOUBLE AS value FROM tickets GROUP BY 1',
            'q/scores.sql': "SELECT day AS period, avg(score) AS value FROM scores GROUP BY substr(day, 1, 7) ORDER BY 1",
            'p.align': `${pulledKpi('Tickets', 'quarterly')}\n${pulledKpi('Scores', 'monthly', 'score')}\n`
                + 'actuals Tickets from "data/tickets.csv" { pull sql "q/tickets.sql" on "db/support.duckdb" }\n'
                + 'actuals Scores from "data/scores.csv" { pull sql "q/scores.sql" on "db/lms.sqlite" }\n'
        });
        fs.mkdirSync(path.join(ws.root, 'db'));
        await duckdb(path.join(ws.root, 'db/support.duckdb'), [
            'CREATE TABLE tickets(opened_at TIMESTAMP)',
            "INSERT INTO tickets VALUES ('2026-03-31 23:59:00'), ('2026-04-01 00:00:00'), ('2026-04-02 10:00:00')"
        ]);
        await sqlite(path.join(ws.root, 'db/lms.sqlite'), [
            'CREATE TABLE scores(day TEXT, score REAL)',
            "INSERT INTO scores VALUES ('2026-01-03', 70), ('2026-01-20', 80), ('2026-02-02 09:30:00', 90)"
        ]);
        const result = runCli(['pull'], { cwd: ws.root });
        // Each opened_at is its own row: two rows land in 2026-Q2, a pull error; the SQLite pull is still written.
        assert.equal(result.status, 1, result.stderr);
        assert.equal(ws.read('data/scores.csv'), 'period,value\n2026-01,75\n2026-02,90\n');
        assert.match(unwrapped(result.stderr), /^align: pull failed: Tickets, sql "q\/tickets.sql" on "db\/support.duckdb": rows 2 and 3 both give period 2026-Q2: aggregate in the query/);
        ws.write('q/tickets.sql', "SELECT date_trunc('quarter', opened_at) AS period, count(*)::DOUBLE AS value FROM tickets GROUP BY 1 ORDER BY 1");
        const again = runCli(['pull', '--metric', 'Tickets'], { cwd: ws.root });
        assert.equal(again.status, 0, again.stderr);
        assert.equal(ws.read('data/tickets.csv'), 'period,value\n2026-Q1,1\n2026-Q2,2\n');
        assert.equal(lockOf(ws).snapshots['data/tickets.csv']!['on'], 'db/support.duckdb');
    });

    it('a changed query is snapshot-drift on the from string until pulled again', () => {
        ws = tempWorkspace({
            'data/deals.csv': DEALS_CSV,
            'deals.sql': "SELECT date_trunc('month', closed_on) AS period, sum(amount) AS value FROM 'data/deals.csv' GROUP BY 1",
            'p.align': `${pulledKpi('Deals', 'monthly')}\nactuals Deals from "data/deals-monthly.csv" { pull sql "deals.sql" }\n`
        });
        assert.equal(runCli(['pull'], { cwd: ws.root }).status, 0);
        ws.write('deals.sql', `${ws.read('deals.sql')} HAVING sum(amount) > 0`);
        const findings = JSON.parse(runCli(['check', '--format', 'json'], { cwd: ws.root }).stdout) as Array<{ rule: string; line: number; column: number; message: string }>;
        const drift = findings.filter(f => f.rule === 'snapshot-drift');
        assert.equal(drift.length, 1);
        assert.deepEqual([drift[0]!.line, drift[0]!.column], [2, 20]);
        assert.match(drift[0]!.message, /the query file "deals.sql" changed after the last pull\. Run `align pull --metric Deals`/);
        assert.equal(runCli(['pull', '--metric', 'Deals'], { cwd: ws.root }).status, 0);
        const after = JSON.parse(runCli(['check', '--format', 'json'], { cwd: ws.root }).stdout) as Array<{ rule: string }>;
        assert.deepEqual(after.filter(f => f.rule === 'snapshot-drift'), []);
    });

    it('a failed pull leaves its snapshot and lock entry byte for byte; the other pulls are still written', () => {
        ws = tempWorkspace({
            'data/deals.csv': DEALS_CSV,
            'a.sql': "SELECT date_trunc('month', closed_on) AS period, sum(amount) AS value FROM 'data/deals.csv' GROUP BY 1",
            'b.sql': "SELECT date_trunc('month', closed_on) AS period, count(*) AS value FROM 'data/deals.csv' GROUP BY 1",
            'p.align': `${pulledKpi('A', 'monthly')}\n${pulledKpi('B', 'monthly')}\nactuals A from "a.csv" { pull sql "a.sql" }\nactuals B from "b.csv" { pull sql "b.sql" }\n`
        });
        assert.equal(runCli(['pull'], { cwd: ws.root }).status, 0);
        const [snapshot, lock] = [ws.bytes('a.csv'), lockOf(ws)];
        ws.write('a.sql', "SELECT closed_on AS day, amount FROM 'data/deals.csv'");
        ws.write('data/deals.csv', `${DEALS_CSV}2026-02-01,1\n`);
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 1);
        assert.equal(unwrapped(result.stderr), 'align: pull failed: A, sql "a.sql": the query returns the columns `day`, `amount`; it must return exactly `period` and `value`\n');
        assert.ok(ws.bytes('a.csv').equals(snapshot), 'the old snapshot is unchanged');
        assert.deepEqual(lockOf(ws).snapshots['a.csv'], lock.snapshots['a.csv']);
        assert.equal(ws.read('b.csv'), 'period,value\n2026-01,4\n2026-02,1\n');
        assert.notDeepEqual(lockOf(ws).snapshots['b.csv'], lock.snapshots['b.csv']);
        assert.deepEqual(fs.readdirSync(ws.root).filter(f => f.endsWith('.tmp')), [], 'no temporary file is left');
    });

    it('--dry-run writes nothing; --metric of an unknown metric is a usage error; a path outside the workspace is refused', () => {
        ws = tempWorkspace({
            'data/deals.csv': DEALS_CSV,
            'a.sql': "SELECT date_trunc('month', closed_on) AS period, sum(amount) AS value FROM 'data/deals.csv' GROUP BY 1",
            'p.align': `${pulledKpi('A', 'monthly')}\n${pulledKpi('Out', 'monthly')}\nactuals A from "a.csv" { pull sql "a.sql" }\nactuals Out from "../out.csv" { pull sql "a.sql" }\n`
        });
        const dry = runCli(['pull', '--dry-run', '--metric', 'A'], { cwd: ws.root });
        assert.equal(dry.status, 0, dry.stderr);
        assert.match(dry.stdout, /^would create a\.csv: A: 1 row, 2026-01 to 2026-01\nDry run: wrote nothing; 1 of 1 pull succeeded\.\n$/);
        assert.ok(!ws.exists('a.csv') && !ws.exists('align.lock.json'));
        // Each line says what the pull would do to the snapshot: create it, change it, or keep it.
        assert.equal(runCli(['pull', '--metric', 'A'], { cwd: ws.root }).stdout, 'pulled a.csv: A: 1 row, 2026-01 to 2026-01\n1 of 1 pull succeeded.\n');
        assert.match(runCli(['pull', '--dry-run', '--metric', 'A'], { cwd: ws.root }).stdout, /^would keep a\.csv \(unchanged\): A: 1 row/);
        assert.match(runCli(['pull', '--metric', 'A'], { cwd: ws.root }).stdout, /^pulled a\.csv \(unchanged\): A: 1 row/);
        ws.write('data/deals.csv', DEALS_CSV.trimEnd() + '\n2026-02-03,100\n');
        const changed = ws.bytes('a.csv');
        assert.match(runCli(['pull', '--dry-run', '--metric', 'A'], { cwd: ws.root }).stdout, /^would change a\.csv: A: 2 rows, 2026-01 to 2026-02\n/);
        assert.ok(ws.bytes('a.csv').equals(changed), 'a dry run leaves the snapshot as it was');
        const unknown = runCli(['pull', '--metric', 'Nope'], { cwd: ws.root });
        assert.equal(unknown.status, 2);
        assert.equal(unwrapped(unknown.stderr), 'align: --metric Nope: no pulled actuals of that metric (pulled: A, Out)\n');
        const outside = runCli(['pull', '--metric', 'Out'], { cwd: ws.root });
        assert.equal(outside.status, 1);
        assert.match(unwrapped(outside.stderr), /^align: pull failed: Out, sql "a.sql": the snapshot "..\/out.csv" is outside the workspace folder\n$/);
    });

    it('pulling the project\'s own example again reproduces its committed snapshot and lock entry', () => {
        ws = tempWorkspace();
        fs.cpSync(path.join(REPO_ROOT, 'examples'), ws.root, { recursive: true });
        const committed = lockOf(ws).snapshots['data/deal-size.csv']!;
        const snapshot = ws.bytes('data/deal-size.csv');
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, 'pulled data/deal-size.csv (unchanged): DealSize: 6 rows, 2025-10 to 2026-03\n1 of 1 pull succeeded.\n');
        assert.ok(ws.bytes('data/deal-size.csv').equals(snapshot));
        assert.deepEqual({ ...lockOf(ws).snapshots['data/deal-size.csv'], pulledAt: 0 }, { ...committed, pulledAt: 0 });
    });

    it('without the optional DuckDB (and the other drivers), check still runs and pull says what to install', () => {
        ws = tempWorkspace({
            'a.sql': 'SELECT 1',
            'p.align': `${pulledKpi('A', 'monthly')}\nactuals A from "a.csv" { pull sql "a.sql" }\n`
        });
        const bare = path.join(ws.root, 'bare');
        fs.mkdirSync(bare);
        fs.copyFileSync(BUNDLE, path.join(bare, 'cli.cjs'));
        const run = (args: string[]) => runCliBare(path.join(bare, 'cli.cjs'), args, ws.root);
        const check = run(['check', 'p.align', '--format', 'json']);
        assert.equal(check.status, 1);
        assert.ok((JSON.parse(check.stdout) as Array<{ rule: string }>).some(f => f.rule === 'snapshot-drift'));
        const pull = run(['pull', 'p.align']);
        assert.equal(pull.status, 1);
        assert.match(unwrapped(pull.stderr), /^align: pull failed: A, sql "a.sql": DuckDB is not available \(.*\): it is an optional dependency whose binary may be missing on this platform; install it with `npm install @duckdb\/node-api`\n$/);
    });
});

function runCliBare(cli: string, args: string[], cwd: string) {
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf-8', timeout: 50_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
