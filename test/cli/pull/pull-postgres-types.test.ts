/**
 * PostgreSQL `period` and `value` columns of types beyond the built-in
 * ones, on a real server through the built bundle: citext (an extension's
 * type, with an id of its own) is text, as a period and as a value;
 * DOMAINs are read as their base types (numeric exactly); money, whose
 * text follows lc_monetary (`$1,234.50`), and bit, whose text only looks
 * like a number, are refused naming the column and the type.
 */
import assert from 'node:assert/strict';
import { requireBundle } from '../run-cli.js';
import { sqlPullWorkspace, usePostgresSchema } from './postgres-schema.js';
import { assertPullFailed, runCliAsync, type TempWorkspace } from './pull-workspace.js';

describe('align pull: PostgreSQL citext, DOMAIN and money columns (a real server)', function () {
    this.timeout(300_000);
    let ws: TempWorkspace;
    const db = usePostgresSchema('align_types', async (client, schema) => {
        // citext is a trusted extension (PostgreSQL 13 and later): the database's owner installs it; dropped with the schema.
        await client.query(`CREATE EXTENSION citext SCHEMA ${schema}`);
        await client.query(`CREATE DOMAIN amount AS numeric(30,10)`);
        await client.query(`CREATE DOMAIN month_text AS text`);
        await client.query(`CREATE TABLE t (month citext, label month_text, score citext, exact amount, paid money, flags bit(4))`);
        await client.query(`INSERT INTO t VALUES ('2026-01', '2026-02', '12.50', 12345678901234567.0123456789, 1234.50, B'1010'), ('2026-Q2', '2026-03', NULL, 0.0001, NULL, NULL)`);
    });
    before(requireBundle);
    afterEach(() => ws?.remove());

    it('citext is text (periods, and values as written); a DOMAIN over numeric keeps every digit, one over text is text', async () => {
        ws = sqlPullWorkspace({
            CitextPeriod: `SELECT month AS period, exact AS value FROM ${db().name}.t`,
            CitextValue: `SELECT label AS period, score AS value FROM ${db().name}.t`
        });
        const result = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: db().url } });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('data/CitextPeriod.csv'), 'period,value\n2026-01,12345678901234567.0123456789\n2026-Q2,0.0001\n');
        assert.equal(ws.read('data/CitextValue.csv'), 'period,value\n2026-02,12.5\n');
    });

    it('money is refused naming the column and the type, and how to read it exactly', async () => {
        ws = sqlPullWorkspace({ Paid: `SELECT label AS period, paid AS "Value" FROM ${db().name}.t` });
        assertPullFailed(await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: db().url } }),
            'the column `Value` is of type money, whose text follows the server\'s lc_monetary ($1,234.50): cast it to numeric in the query (`amount::numeric AS Value`)');
        assert.ok(!ws.exists('data/Paid.csv'));
        ws.write('queries/Paid.sql', `SELECT label AS period, paid::numeric AS value FROM ${db().name}.t`);
        const cast = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: db().url } });
        assert.equal(cast.status, 0, cast.stderr);
        assert.equal(ws.read('data/Paid.csv'), 'period,value\n2026-02,1234.5\n');
    });

    it('a bit string (1010 is ten) is refused as a value; an integer period names its type, not its id', async () => {
        ws = sqlPullWorkspace({ Flags: `SELECT label AS period, flags AS value FROM ${db().name}.t` });
        assertPullFailed(await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: db().url } }),
            'the column `value` is of type bit(4), which holds no number: return a numeric, integer or floating-point value');
        ws.write('queries/Flags.sql', `SELECT 202601 AS period, 1 AS value`);
        assertPullFailed(await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: db().url } }),
            'row 1: period `202601` (type integer) is not a DATE, a TIMESTAMP or text such as 2026-03');
    });
});
