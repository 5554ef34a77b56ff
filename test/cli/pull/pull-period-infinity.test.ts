/**
 * `align pull` and a period that no period of Align can say, through the
 * built bundle: `infinity` is not a date (DuckDB writes its DATE infinity as
 * the year 5881580, its TIMESTAMP_NS one as 2262), and a date before the
 * year 0000 (DuckDB's `0057-03-15 (BC)`, PostgreSQL's `0057-03-15 BC`) is
 * said to be so, not "not a TIMESTAMP". 1 BC is the year 0000 and pulled.
 */
import assert from 'node:assert/strict';
import { requireBundle, runCli } from '../run-cli.js';
import { postgresUrl } from './postgres-server.js';
import { pulledKpi, runCliAsync, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

const pulled = (query: string, on = '') => tempWorkspace({
    'q.sql': query,
    'm.align': `${pulledKpi('M', 'monthly')}\nactuals M from "m.csv" { pull sql "q.sql"${on} }\n`
});

/** The one failure line of a pull, unwrapped; the snapshot is not written. */
function failure(ws: TempWorkspace, result: { status: number | null; stderr: string }): string {
    assert.equal(result.status, 1, result.stderr);
    assert.ok(!ws.exists('m.csv'));
    return unwrapped(result.stderr).trimEnd();
}

describe('align pull: infinity and dates before the year 0000 (child process on the built bundle)', function () {
    this.timeout(300_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    const infinities: Array<[string, string]> = [["'infinity'::DATE", 'infinity'], ["'-infinity'::DATE", '-infinity'], ["'infinity'::TIMESTAMP", 'infinity'],
        ["'-infinity'::TIMESTAMPTZ", '-infinity'], ["'infinity'::TIMESTAMP_S", 'infinity'], ["'infinity'::TIMESTAMP_MS", 'infinity'], ["'infinity'::TIMESTAMP_NS", 'infinity']];
    for (const [literal, shown] of infinities) {
        it(`DuckDB: ${literal} is not a date`, () => {
            ws = pulled(`SELECT ${literal} AS period, 1 AS value`);
            assert.equal(failure(ws, runCli(['pull'], { cwd: ws.root })), `align: pull failed: M, sql "q.sql": row 1: period \`${shown}\` is not a DATE, a TIMESTAMP or text such as 2026-03`);
        });
    }

    it('DuckDB: the latest DATE and TIMESTAMP_NS that are not infinity are still read as the dates they are', () => {
        ws = pulled("SELECT '2262-04-11 23:47:16.854775806'::TIMESTAMP_NS AS period, 1 AS value");
        assert.equal(runCli(['pull'], { cwd: ws.root }).status, 0);
        assert.equal(ws.read('m.csv'), 'period,value\n2262-04,1\n');
        ws.remove();
        ws = pulled("SELECT '5881580-07-10'::DATE AS period, 1 AS value");
        assert.equal(failure(ws, runCli(['pull'], { cwd: ws.root })), 'align: pull failed: M, sql "q.sql": row 1: the date is in the year 5881580, outside 0000 to 9999, the years Align\'s periods can write');
    });

    for (const [what, literal] of [['a TIMESTAMP', "DATE '0044-03-15' - INTERVAL 100 YEAR"], ['a DATE', "(DATE '0044-03-15' - INTERVAL 100 YEAR)::DATE"]]) {
        it(`DuckDB: ${what} in 57 BC is before the year 0000`, () => {
            ws = pulled(`SELECT ${literal} AS period, 1 AS value`);
            assert.equal(failure(ws, runCli(['pull'], { cwd: ws.root })), 'align: pull failed: M, sql "q.sql": row 1: the date is in the year 57 BC, before 0000: Align\'s periods can write the years 0000 to 9999');
        });
    }

    it('DuckDB: a date in 1 BC is in the year 0000', () => {
        ws = pulled("SELECT '0001-06-15 (BC)'::DATE AS period, 1 AS value UNION ALL SELECT '0001-02-29 (BC)'::TIMESTAMP, 2");
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('m.csv'), 'period,value\n0000-02,2\n0000-06,1\n');
    });

    it('PostgreSQL: infinity is not a date; a date or timestamp before the year 0000 says so; 1 BC is 0000', async () => {
        const cases: Array<[string, string]> = [
            ["'infinity'::date", 'row 1: period `infinity` is not a DATE, a TIMESTAMP or text such as 2026-03'],
            ["'0057-03-15 BC'::date", "row 1: the date is in the year 57 BC, before 0000: Align's periods can write the years 0000 to 9999"],
            ["'0057-03-15 10:00:00 BC'::timestamp", "row 1: the date is in the year 57 BC, before 0000: Align's periods can write the years 0000 to 9999"],
            ["'0057-03-15 10:00:00+00 BC'::timestamptz", "row 1: the date is in the year 57 BC, before 0000: Align's periods can write the years 0000 to 9999"]
        ];
        const url = postgresUrl();
        for (const [literal, message] of cases) {
            ws = pulled(`SELECT ${literal} AS period, 1 AS value`, ' on env "WAREHOUSE_URL"');
            const result = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: url } });
            assert.equal(failure(ws, result), `align: pull failed: M, sql "q.sql" on env:WAREHOUSE_URL: ${message}`, literal);
            ws.remove();
        }
        ws = pulled("SELECT '0001-06-15 BC'::date AS period, 1 AS value", ' on env "WAREHOUSE_URL"');
        const result = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: url } });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('m.csv'), 'period,value\n0000-06,1\n');
    });
});
