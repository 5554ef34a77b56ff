/**
 * `align pull` reads a date or timestamp given as text strictly, through
 * the built bundle: SQLite text with a day or hour that does not exist
 * (`2026-02-30T10:00:00Z`, `25:00`) is refused naming the row, never rolled
 * over into another day; and a DATE after the year 9999 (DuckDB,
 * PostgreSQL) is refused as outside the years a period can write, not as
 * "not a DATE".
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { requireBundle, runCli } from '../run-cli.js';
import { postgresUrl } from './postgres-server.js';
import { assertPullFailed, pulledKpi, runCliAsync, sqlite, tempWorkspace, type TempWorkspace } from './pull-workspace.js';

describe('align pull: dates given as text, read strictly (child process on the built bundle)', function () {
    this.timeout(300_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    async function sqliteDays(day: string): Promise<TempWorkspace> {
        const made = tempWorkspace({
            'q.sql': 'SELECT day AS period, v AS value FROM s ORDER BY rowid',
            'm.align': `${pulledKpi('M', 'daily')}\nactuals M from "m.csv" { pull sql "q.sql" on "app.sqlite" }\n`
        });
        await sqlite(path.join(made.root, 'app.sqlite'), ['CREATE TABLE s(day TEXT, v REAL)', `INSERT INTO s VALUES ('2026-06-14 10:00:00', 1), ('${day}', 2)`]);
        return made;
    }

    for (const day of ['2026-02-30T10:00:00Z', '2026-04-31 10:00:00+00:00', '2026-06-15 25:00:00', '2026-06-15 10:61']) {
        it(`SQLite text \`${day}\` is refused naming row 2, not rolled over`, async () => {
            ws = await sqliteDays(day);
            const line = assertPullFailed(runCli(['pull'], { cwd: ws.root }), `row 2: period \`${day}\` is not a date, month, quarter or half`);
            assert.ok(!ws.exists('m.csv'), line);
        });
    }

    it('SQLite text with a real day and time, and a zone, is still read (in UTC)', async () => {
        ws = await sqliteDays('2026-06-15 23:30:00-02:00');
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('m.csv'), 'period,value\n2026-06-14,1\n2026-06-16,2\n');
    });

    it('DuckDB: a DATE and a TIMESTAMP in the year 12000 are refused as outside 0000 to 9999', () => {
        for (const period of ["'12000-01-05'::DATE", "'12000-01-05 10:00'::TIMESTAMP", "'12000-01-05 10:00'::TIMESTAMP::TIMESTAMPTZ"]) {
            ws = tempWorkspace({ 'q.sql': `SELECT ${period} AS period, 1 AS value`, 'm.align': `${pulledKpi('M', 'monthly')}\nactuals M from "m.csv" { pull sql "q.sql" }\n` });
            assertPullFailed(runCli(['pull'], { cwd: ws.root }), 'row 1: the date is in the year 12000, outside 0000 to 9999');
            ws.remove();
        }
    });

    it('PostgreSQL: a DATE in the year 12000 is refused as outside 0000 to 9999', async () => {
        ws = tempWorkspace({ 'q.sql': "SELECT DATE '12000-01-01' AS period, 1 AS value", 'm.align': `${pulledKpi('M', 'monthly')}\nactuals M from "m.csv" { pull sql "q.sql" on env "WAREHOUSE_URL" }\n` });
        assertPullFailed(await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: postgresUrl() } }), 'row 1: the date is in the year 12000, outside 0000 to 9999');
    });
});
