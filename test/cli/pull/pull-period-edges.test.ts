/**
 * `align pull` at the edges of periods, through the built bundle (DuckDB in
 * memory): dates before the year 1000 are bucketed with four-digit years,
 * as Align writes them; a row whose value is NULL is skipped whatever its
 * period, a NULL one too.
 */
import assert from 'node:assert/strict';
import { requireBundle, runCli } from '../run-cli.js';
import { pulledKpi, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

const pulled = (cadence: string, query: string) => tempWorkspace({
    'q.sql': query,
    'm.align': `${cadence === '' ? 'metric M "M" { kind leading unit count direction up baseline 1 }' : pulledKpi('M', cadence)}\nactuals M from "m.csv" { pull sql "q.sql" }\n`
});

describe('align pull: periods at the edges (child process on the built bundle)', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    const early: Array<[string, string]> = [['monthly', '0044-03'], ['quarterly', '0044-Q1'], ['', '0044-03'], ['daily', '0044-03-15'], ['weekly', '0044-03-20']];
    for (const [cadence, period] of early) {
        it(`a date in the year 44, ${cadence || 'no'} cadence: period ${period}`, () => {
            ws = pulled(cadence, "SELECT DATE '0044-03-15' AS period, 1 AS value UNION ALL SELECT DATE '0999-06-15', 2");
            const result = runCli(['pull'], { cwd: ws.root });
            assert.equal(result.status, 0, result.stderr);
            assert.equal(result.stderr, '');
            assert.equal(ws.read('m.csv').split('\n')[1], `${period},1`);
            assert.match(unwrapped(result.stdout), new RegExp(`M: 2 rows, ${period} to 0999-`));
        });
    }

    it('a row with a NULL value and a NULL period is skipped and counted, not refused', () => {
        ws = pulled('monthly', "SELECT DATE '2026-01-05' AS period, 1 AS value UNION ALL SELECT NULL::DATE, NULL::INT");
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('m.csv'), 'period,value\n2026-01,1\n');
        assert.match(unwrapped(result.stdout), /M: 1 row, 2026-01 to 2026-01 \(1 row with a NULL value skipped\)/);
    });

    it('a NULL period with a value is still refused, naming the row', () => {
        ws = pulled('monthly', "SELECT DATE '2026-01-05' AS period, 1 AS value UNION ALL SELECT NULL::DATE, 2");
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 1);
        assert.equal(unwrapped(result.stderr), 'align: pull failed: M, sql "q.sql": row 2: period NULL is not a DATE, a TIMESTAMP or text such as 2026-03\n');
        assert.ok(!ws.exists('m.csv'));
    });
});
