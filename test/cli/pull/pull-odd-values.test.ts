/**
 * A value that is no number, of a type a pull cannot read as one: a SQLite
 * BLOB, a DuckDB INTERVAL or STRUCT. One pull failure naming the row and
 * the value as written (`x'00'`, its JSON), never a number made of it.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { requireBundle, runCli } from '../run-cli.js';
import { assertPullFailed, pulledKpi, sqlite, tempWorkspace, type TempWorkspace } from './pull-workspace.js';

describe('align pull: values of a type that is no number', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    it('a SQLite BLOB is refused as x\'...\', not written as 0', async () => {
        ws = tempWorkspace({
            'a.sql': 'SELECT month AS period, n AS value FROM counts',
            'p.align': `${pulledKpi('A', 'monthly')}\nactuals A from "a.csv" { pull sql "a.sql" on "lms.sqlite" }\n`
        });
        await sqlite(path.join(ws.root, 'lms.sqlite'), ['CREATE TABLE counts(month TEXT, n BLOB)', "INSERT INTO counts VALUES ('2026-01', x'00')"]);
        assertPullFailed(runCli(['pull'], { cwd: ws.root }), "row 1: value `x'00'` is not a number");
        assert.ok(!ws.exists('a.csv'), 'no snapshot');
    });

    it('a DuckDB INTERVAL or STRUCT is named by its value, not [object Object]', () => {
        for (const [expression, shown] of [["INTERVAL '1 month'", '`{"months":1,"days":0,"micros":"0"}`'], ["{'x': 1}", '`{"x":1}`']]) {
            ws = tempWorkspace({
                'a.sql': `SELECT DATE '2026-01-15' AS period, ${expression} AS value\n`,
                'p.align': `${pulledKpi('A', 'monthly')}\nactuals A from "a.csv" { pull sql "a.sql" }\n`
            });
            const result = runCli(['pull'], { cwd: ws.root });
            assert.doesNotMatch(result.stderr, /object Object/);
            assertPullFailed(result, `row 1: value ${shown} is not a number`);
            ws.remove();
        }
    });
});
