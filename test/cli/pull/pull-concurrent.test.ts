/**
 * Three `align pull`s at once on one workspace (parallel CI jobs, a pull per
 * metric): each writes its records into the same align.lock.json, one at a
 * time, so that no record is lost and no snapshot is left with another
 * pull's record. A large lock file makes each write long enough for the
 * pulls to meet (without the guard, nearly every run loses records).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { requireBundle, runCli } from '../run-cli.js';
import { lockOf, pulledKpi, runCliAsync, tempWorkspace, type TempWorkspace } from './pull-workspace.js';

const METRICS = 15;
const OLD_RECORDS = 12_000;

/** A workspace of METRICS DuckDB pulls and a lock file that already records OLD_RECORDS other snapshots. */
function workspace(): TempWorkspace {
    const files: Record<string, string> = {};
    let align = '';
    for (let i = 0; i < METRICS; i++) {
        files[`q/m${i}.sql`] = `SELECT DATE '2026-01-05' AS period, ${i} AS value`;
        align += `${pulledKpi(`M${i}`, 'monthly')}\nactuals M${i} from "data/m${i}.csv" { pull sql "q/m${i}.sql" }\n`;
    }
    files['m.align'] = align;
    const snapshots: Record<string, unknown> = {};
    for (let i = 0; i < OLD_RECORDS; i++) {
        snapshots[`old/s${i}.csv`] = { metric: 'Old', kind: 'sql', query: 'old.sql', querySha256: '0'.repeat(64), rows: 1, snapshotSha256: '0'.repeat(64), pulledAt: '2026-01-01T00:00:00.000Z' };
    }
    files['align.lock.json'] = `${JSON.stringify({ version: 1, snapshots }, undefined, 2)}\n`;
    return tempWorkspace(files);
}

/** `--metric` arguments for the metrics whose number leaves `rest` divided by `of`. */
function metricArgs(rest: number, of: number): string[] {
    return Array.from({ length: METRICS }, (_, i) => i).filter(i => i % of === rest).flatMap(i => ['--metric', `M${i}`]);
}

describe('align pull: three at once on one lock file (child processes on the built bundle)', function () {
    this.timeout(180_000);
    let ws: TempWorkspace | undefined;
    before(requireBundle);
    afterEach(() => ws?.remove());

    it('keeps every record of each, and align check finds no snapshot-drift', async () => {
        ws = workspace();
        const results = await Promise.all([0, 1, 2].map(rest => runCliAsync(['pull', ...metricArgs(rest, 3)], { cwd: ws!.root })));
        for (const result of results) assert.equal(result.status, 0, result.stderr);
        const pulled = Object.keys(lockOf(ws).snapshots).filter(key => !key.startsWith('old/')).sort();
        assert.deepEqual(pulled, Array.from({ length: METRICS }, (_, i) => `data/m${i}.csv`).sort());
        assert.equal(Object.keys(lockOf(ws).snapshots).length, METRICS + OLD_RECORDS);
        const check = runCli(['check', '--format', 'json'], { cwd: ws.root });
        const drift = (JSON.parse(check.stdout) as Array<{ rule: string }>).filter(f => f.rule === 'snapshot-drift');
        assert.deepEqual(drift, []);
        assert.ok(!ws.exists('.align.lock.json.writing'), 'the guard is removed');
    });

    it('takes over a guard left by a process that is gone', () => {
        ws = tempWorkspace({
            'q/a.sql': "SELECT DATE '2026-01-05' AS period, 1 AS value",
            'm.align': `${pulledKpi('A', 'monthly')}\nactuals A from "a.csv" { pull sql "q/a.sql" }\n`
        });
        const gone = spawnSync(process.execPath, ['-e', '0']).pid;
        ws.write('.align.lock.json.writing', `${gone}\n`);
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('a.csv'), 'period,value\n2026-01,1\n');
        assert.equal(Object.keys(lockOf(ws).snapshots).join(), 'a.csv');
        assert.ok(!ws.exists('.align.lock.json.writing'), 'the guard is removed');
    });
});
