/**
 * Every line `align pull` prints fits 80 columns when the file names are
 * short: a failure or result longer than that wraps, its further lines
 * indented by two spaces; a database error longer than 300 characters is
 * cut with `...`. Through the built bundle, with the errors DuckDB and
 * the column check really give.
 */
import assert from 'node:assert/strict';
import { requireBundle, runCli } from '../run-cli.js';
import { pulledKpi, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

/** A DuckDB error of 50 words ("word0 word1 ..."), on one line: 340 characters. */
const LONG_ERROR = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ');

function workspace(): TempWorkspace {
    const pulls: Array<[string, string]> = [
        ['Columns', "SELECT 1 AS day, 2 AS amount"],
        ['Missing', 'SELECT * FROM no_such_table_with_a_long_name'],
        ['Long', `SELECT '2026-01' AS period, error('${LONG_ERROR}')::INTEGER AS value`],
        ['Skipped', "SELECT * FROM (VALUES ('2026-01', 1), ('2026-02', NULL)) AS t(period, value)"]
    ];
    const files: Record<string, string> = { 'p.align': '' };
    for (const [metric, sql] of pulls) {
        files[`q/${metric.toLowerCase()}.sql`] = sql;
        files['p.align'] += `${pulledKpi(metric, 'monthly')}\nactuals ${metric} from "data/${metric.toLowerCase()}.csv" { pull sql "q/${metric.toLowerCase()}.sql" }\n`;
    }
    return tempWorkspace(files);
}

describe('align pull fits 80 columns (child process on the built bundle)', function () {
    this.timeout(60_000);
    let ws: TempWorkspace | undefined;
    before(requireBundle);
    afterEach(() => ws?.remove());

    it('failures and results wrap at 80 columns; a long database error is cut', () => {
        ws = workspace();
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 1, result.stderr);
        for (const line of `${result.stdout}${result.stderr}`.trimEnd().split('\n')) {
            assert.ok(line.length <= 80, `at most 80 columns (${line.length}): ${line}`);
        }
        const failures = unwrapped(result.stderr).trimEnd().split('\n');
        assert.deepEqual(failures.slice(0, 2), [
            'align: pull failed: Columns, sql "q/columns.sql": the query returns the columns `day`, `amount`; it must return exactly `period` and `value`',
            'align: pull failed: Missing, sql "q/missing.sql": Catalog Error: Table with name no_such_table_with_a_long_name does not exist!'
        ]);
        const long = failures[2]!;
        const cause = long.replace('align: pull failed: Long, sql "q/long.sql": ', '');
        assert.match(cause, /^Invalid Input Error: word0 word1 .* word\d+ \.\.\.$/);
        assert.ok(cause.length <= 300, `cut to 300 characters (${cause.length})`);
        assert.equal(failures.length, 3, result.stderr);
        // A result hangs under its first line; the summary, a sentence of its own, starts every line at the margin.
        assert.equal(result.stdout, 'pulled data/skipped.csv: Skipped: 1 row, 2026-01 to 2026-01 (1 row with a NULL\n  value skipped)\n'
            + '1 of 4 pulls succeeded, 3 failed (their snapshots and lock entries are\nunchanged).\n');
    });
});
