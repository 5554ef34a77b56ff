/**
 * `align pull` writes a value with the digits the database means, through
 * the built bundle: the shortest digits of a DOUBLE (`99999.99`, not the
 * `99999.990000000005` of its binary value), those of a 32-bit FLOAT or
 * real (`0.1`), and exact decimal text (DuckDB's DECIMAL and HUGEINT,
 * PostgreSQL's numeric and bigint) as it is. DuckDB in memory, a SQLite
 * file, and a real PostgreSQL server.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { requireBundle, runCli } from '../run-cli.js';
import { postgresUrl } from './postgres-server.js';
import { pulledKpi, runCliAsync, sqlite, tempWorkspace, type TempWorkspace } from './pull-workspace.js';

/**
 * A workspace with one pull per value, each its own query (a UNION would
 * give every row one common type): metric V1 of the first value, V2 of the
 * second...
 */
function onePullEach(values: readonly string[], on = ''): TempWorkspace {
    return tempWorkspace(Object.fromEntries(values.flatMap((value, i) => [
        [`q/v${i + 1}.sql`, `SELECT '2026-01' AS period, ${value} AS value`],
        [`v${i + 1}.align`, `${pulledKpi(`V${i + 1}`, 'monthly')}\nactuals V${i + 1} from "v${i + 1}.csv" { pull sql "q/v${i + 1}.sql"${on} }\n`]
    ])));
}

/** The value each pull of onePullEach wrote. */
const writtenValues = (ws: TempWorkspace, count: number) => Array.from({ length: count }, (_, i) => ws.read(`v${i + 1}.csv`).replace(/^period,value\n2026-01,(.*)\n$/s, '$1'));

describe('align pull: values keep the digits the database means (child process on the built bundle)', function () {
    this.timeout(300_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    it('DuckDB in memory: a sum over a CSV file is 99999.99 and 1234567.1, not 99999.990000000005', () => {
        ws = tempWorkspace({
            'data/deals.csv': 'closed_on,amount\n2026-01-05,99999.99\n2026-02-03,1234567.10\n2026-03-03,0.1\n2026-03-04,0.2\n',
            'revenue.sql': "SELECT date_trunc('month', closed_on) AS period, sum(amount) AS value FROM 'data/deals.csv' GROUP BY 1 ORDER BY 1",
            'm.align': `${pulledKpi('Revenue', 'monthly')}\nactuals Revenue from "data/revenue.csv" { pull sql "revenue.sql" }\n`
        });
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        // 0.1 + 0.2 as doubles is 0.30000000000000004: the database's own value, which reads back as that double.
        assert.equal(ws.read('data/revenue.csv'), 'period,value\n2026-01,99999.99\n2026-02,1234567.1\n2026-03,0.30000000000000004\n');
    });

    it('DuckDB: FLOAT, DECIMAL, HUGEINT and BIGINT as the database writes them', () => {
        const values: Array<[string, string]> = [['0.1::FLOAT', '0.1'], ['99999.99::FLOAT', '99999.99'], ['99999.99::DECIMAL(10,2)', '99999.99'],
            ['12345678901234567890.123::DECIMAL(38,3)', '12345678901234567890.123'], ['12345678901234567890::HUGEINT', '12345678901234567890'],
            ['9007199254740993::BIGINT', '9007199254740993'], ['-0.50::DECIMAL(4,2)', '-0.5'], ['1e-7::DOUBLE', '0.0000001'], ['99999.99::DOUBLE', '99999.99']];
        ws = onePullEach(values.map(v => v[0]));
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(writtenValues(ws, values.length), values.map(v => v[1]));
    });

    it('SQLite: a REAL is 99999.99, and numeric text is kept as written', async () => {
        ws = tempWorkspace({
            'q.sql': 'SELECT period, value FROM v ORDER BY period',
            'm.align': `${pulledKpi('M', 'monthly')}\nactuals M from "m.csv" { pull sql "q.sql" on "app.sqlite" }\n`
        });
        await sqlite(path.join(ws.root, 'app.sqlite'), [
            'CREATE TABLE v(period TEXT, value)',
            "INSERT INTO v VALUES ('2026-01', 99999.99), ('2026-02', 1234567.1), ('2026-03', '12.50'), ('2026-04', 0.1 * 3)"
        ]);
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('m.csv'), 'period,value\n2026-01,99999.99\n2026-02,1234567.1\n2026-03,12.5\n2026-04,0.30000000000000004\n');
    });

    it('PostgreSQL: numeric, bigint, real and double precision', async () => {
        const values: Array<[string, string]> = [['99999.99::numeric', '99999.99'], ['1234567.10::numeric(12,2)', '1234567.1'],
            ['123456789012345678901234567890.5::numeric', '123456789012345678901234567890.5'], ['9007199254740993::bigint', '9007199254740993'],
            ['0.1::real', '0.1'], ['99999.99::real', '99999.99'], ['99999.99::float8', '99999.99'], ['1e21::float8', '1000000000000000000000'],
            ['0.00001::float8', '0.00001'], ['-0.000::numeric', '0'], ['(SELECT sum(x) FROM (VALUES (99999.98::float8), (0.01)) t(x))', String(99999.98 + 0.01)]];
        ws = onePullEach(values.map(v => v[0]), ' on env "WAREHOUSE_URL"');
        const result = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: postgresUrl() } });
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(writtenValues(ws, values.length), values.map(v => v[1]));
    });
});
