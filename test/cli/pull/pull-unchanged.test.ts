/**
 * What a pull leaves alone: an empty answer keeps the old snapshot, pulling
 * unchanged data changes no file, and CRLF line endings (git's
 * core.autocrlf) are no snapshot-drift.
 */
import assert from 'node:assert/strict';
import { requireBundle, runCli } from '../run-cli.js';
import { pulledKpi, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

const QUERY = "SELECT date_trunc('month', closed_on) AS period, sum(amount) AS value FROM 'data/deals.csv' GROUP BY 1\n";

function workspace(): TempWorkspace {
    return tempWorkspace({
        'data/deals.csv': 'closed_on,amount\n2026-01-05,3\n2026-02-07,4\n',
        'a.sql': QUERY,
        'p.align': `${pulledKpi('A', 'monthly')}\nactuals A from "a.csv" {\n  pull sql "a.sql"\n}\n`
    });
}

/** The snapshot-drift findings of `align check`. */
function drift(ws: TempWorkspace): string[] {
    const findings = JSON.parse(runCli(['check', '--format', 'json'], { cwd: ws.root }).stdout) as Array<{ rule: string; message: string }>;
    return findings.filter(f => f.rule === 'snapshot-drift').map(f => f.message);
}

describe('align pull: what it leaves unchanged', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    it('a query that returns no rows, or only NULL values, fails and keeps the old snapshot and lock record', () => {
        ws = workspace();
        assert.equal(runCli(['pull'], { cwd: ws.root }).status, 0);
        const [snapshot, lock] = [ws.bytes('a.csv'), ws.bytes('align.lock.json')];
        ws.write('a.sql', QUERY.replace(" GROUP BY", " WHERE amount > 100 GROUP BY"));
        const empty = runCli(['pull'], { cwd: ws.root });
        assert.equal(empty.status, 1);
        assert.equal(unwrapped(empty.stderr), 'align: pull failed: A, sql "a.sql": the query returned no rows: nothing to write, the snapshot is kept\n');
        ws.write('a.sql', QUERY.replace('sum(amount)', 'NULL::DOUBLE'));
        const nulls = runCli(['pull'], { cwd: ws.root });
        assert.equal(nulls.status, 1);
        assert.equal(unwrapped(nulls.stderr), 'align: pull failed: A, sql "a.sql": every value was NULL (2 rows skipped): nothing to write, the snapshot is kept\n');
        assert.ok(ws.bytes('a.csv').equals(snapshot));
        assert.ok(ws.bytes('align.lock.json').equals(lock));
    });

    it('pulling unchanged data leaves align.lock.json byte for byte (pulledAt too); new data writes a new record', () => {
        ws = workspace();
        assert.equal(runCli(['pull'], { cwd: ws.root }).status, 0);
        const lock = ws.read('align.lock.json');
        const again = runCli(['pull'], { cwd: ws.root });
        assert.equal(again.status, 0, again.stderr);
        assert.equal(ws.read('align.lock.json'), lock);
        ws.write('data/deals.csv', 'closed_on,amount\n2026-01-05,3\n2026-02-07,5\n');
        assert.equal(runCli(['pull'], { cwd: ws.root }).status, 0);
        assert.notEqual(ws.read('align.lock.json'), lock);
        assert.equal(ws.read('a.csv'), 'period,value\n2026-01,3\n2026-02,5\n');
    });

    it('a snapshot and query file checked out with CRLF (core.autocrlf) are no snapshot-drift; a changed value still is', () => {
        ws = workspace();
        assert.equal(runCli(['pull'], { cwd: ws.root }).status, 0);
        assert.deepEqual(drift(ws), []);
        for (const file of ['a.csv', 'a.sql']) ws.write(file, ws.read(file).replaceAll('\n', '\r\n'));
        assert.ok(ws.read('a.csv').includes('\r\n'));
        assert.deepEqual(drift(ws), []);
        ws.write('a.csv', ws.read('a.csv').replace('2026-02,4', '2026-02,9'));
        assert.deepEqual(drift(ws).map(m => m.split('. ')[0]), [`Snapshot "a.csv" of 'A' no longer matches its record in align.lock.json: the snapshot "a.csv" was changed after the last pull`]);
    });

    it('pulling unchanged data into a CRLF checkout keeps the snapshot and align.lock.json byte for byte', () => {
        ws = workspace();
        assert.equal(runCli(['pull'], { cwd: ws.root }).status, 0);
        for (const file of ['a.csv', 'a.sql', 'align.lock.json']) ws.write(file, ws.read(file).replaceAll('\n', '\r\n'));
        const [snapshot, lock] = [ws.bytes('a.csv'), ws.bytes('align.lock.json')];
        const dry = runCli(['pull', '--dry-run'], { cwd: ws.root });
        assert.match(unwrapped(dry.stdout), /would keep a\.csv \(unchanged\)/, dry.stdout);
        const again = runCli(['pull'], { cwd: ws.root });
        assert.equal(again.status, 0, again.stderr);
        assert.match(unwrapped(again.stdout), /pulled a\.csv \(unchanged\)/, again.stdout);
        assert.ok(ws.bytes('a.csv').equals(snapshot), 'the snapshot is not rewritten');
        assert.ok(ws.bytes('align.lock.json').equals(lock), 'the lock is not rewritten');
    });
});
