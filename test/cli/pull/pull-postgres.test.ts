import assert from 'node:assert/strict';
import { requireBundle } from '../run-cli.js';
import { sqlPullWorkspace, usePostgresSchema } from './postgres-schema.js';
import { lockOf, runCliAsync, unwrapped, type TempWorkspace } from './pull-workspace.js';

describe('align pull: PostgreSQL (a real server, pg)', function () {
    this.timeout(300_000);
    let ws: TempWorkspace;
    const db = usePostgresSchema('align_test', async (client, schema) => {
        await client.query(`CREATE TABLE renewals (renewed_on date, renewed numeric(6,2), at timestamptz)`);
        await client.query(`INSERT INTO renewals VALUES
            ('2026-01-03', 10.5, '2026-01-03 10:00+00'), ('2026-01-28', 2, '2026-01-31 23:30-08'),
            ('2026-02-10', 4, '2026-02-10 12:00+00'), ('2026-03-01', NULL, '2026-03-01 00:00+00')`);
        await client.query(`CREATE TABLE nps (quarter text, score integer)`);
        await client.query(`INSERT INTO nps VALUES ('2026-Q1', 31), ('2026-Q2', 35)`);
    });
    before(requireBundle);
    afterEach(() => ws?.remove());

    it('pulls DATE, TIMESTAMPTZ (bucketed in UTC) and text periods; the lock says env:WAREHOUSE_URL and holds no secret', async () => {
        ws = sqlPullWorkspace({
            Renewed: `SELECT date_trunc('month', renewed_on)::date AS period, sum(renewed) AS value FROM ${db().name}.renewals GROUP BY 1`,
            AtUtc: `SELECT date_trunc('month', at) AS period, count(*) AS value FROM ${db().name}.renewals GROUP BY 1`,
            Nps: `SELECT quarter AS period, score AS value FROM ${db().name}.nps`
        });
        const result = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: db().url } });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('data/Renewed.csv'), 'period,value\n2026-01,12.5\n2026-02,4\n');
        assert.match(unwrapped(result.stdout), /Renewed: 2 rows, 2026-01 to 2026-02 \(1 row with a NULL value skipped\)/);
        // 2026-01-31 23:30 at UTC-8 is 2026-02-01 07:30 UTC.
        assert.equal(ws.read('data/AtUtc.csv'), 'period,value\n2026-01,1\n2026-02,2\n2026-03,1\n');
        assert.equal(ws.read('data/Nps.csv'), 'period,value\n2026-Q1,31\n2026-Q2,35\n');
        const entry = lockOf(ws).snapshots['data/Nps.csv']!;
        assert.equal(entry['on'], 'env:WAREHOUSE_URL');
        assert.equal(entry['kind'], 'sql');
        const password = new URL(db().url).password;
        for (const text of [ws.read('align.lock.json'), result.stdout, result.stderr]) {
            assert.ok(!text.includes(db().url) && !text.includes(`:${password}@`), 'no URL or password');
        }
    });

    it('one line per failure: connection refused, bad password, the database\'s own message, variable not set', async () => {
        ws = sqlPullWorkspace({ Broken: `SELEC 1`, Good: `SELECT quarter AS period, score AS value FROM ${db().name}.nps` });
        const refused = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: 'postgres://align:s3cret-pw@127.0.0.1:1/align' } });
        assert.equal(refused.status, 1);
        const lines = unwrapped(refused.stderr).trim().split('\n');
        assert.equal(lines.length, 2);
        assert.equal(lines[0], 'align: pull failed: Broken, sql "queries/Broken.sql" on env:WAREHOUSE_URL: connection refused (the server in WAREHOUSE_URL does not answer)');
        assert.ok(!refused.stderr.includes('s3cret-pw'));
        const badPassword = new URL(db().url);
        badPassword.password = 'wrong-s3cret';
        const denied = await runCliAsync(['pull', '--metric', 'Good'], { cwd: ws.root, env: { WAREHOUSE_URL: badPassword.toString() } });
        assert.equal(denied.status, 1);
        assert.match(unwrapped(denied.stderr), /^align: pull failed: Good, sql "queries\/Good.sql" on env:WAREHOUSE_URL: password authentication failed for user "align"\n$/);
        assert.ok(!denied.stderr.includes('wrong-s3cret'));
        const syntax = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: db().url } });
        assert.equal(syntax.status, 1);
        assert.equal(unwrapped(syntax.stderr), 'align: pull failed: Broken, sql "queries/Broken.sql" on env:WAREHOUSE_URL: syntax error at or near "SELEC"\n');
        assert.equal(ws.read('data/Good.csv'), 'period,value\n2026-Q1,31\n2026-Q2,35\n');
        const unset = await runCliAsync(['pull', '--metric', 'Good'], { cwd: ws.root, env: { WAREHOUSE_URL: '' } });
        assert.match(unwrapped(unset.stderr), /the environment variable WAREHOUSE_URL is not set \(expected a postgres:\/\/ URL\)\n$/);
        // A URL the driver cannot parse: one line, no internal error, and no password (the driver's message may quote the URL).
        const unparsable = await runCliAsync(['pull', '--metric', 'Good'], { cwd: ws.root, env: { WAREHOUSE_URL: 'postgres://align:s3cret pw@127.0.0.1:notaport/align' } });
        assert.equal(unparsable.status, 1);
        assert.equal(unwrapped(unparsable.stderr), 'align: pull failed: Good, sql "queries/Good.sql" on env:WAREHOUSE_URL: the environment variable WAREHOUSE_URL does not hold a valid postgres:// URL\n');
    });

    it('a query that runs longer than ALIGN_PULL_TIMEOUT is cancelled on the server: one line, exit 1, the snapshot kept', async () => {
        ws = sqlPullWorkspace({ Slow: `SELECT quarter AS period, score AS value FROM ${db().name}.nps` });
        assert.equal((await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: db().url } })).status, 0);
        const [snapshot, lock] = [ws.bytes('data/Slow.csv'), ws.read('align.lock.json')];
        ws.write('queries/Slow.sql', `SELECT quarter AS period, score AS value FROM ${db().name}.nps, pg_sleep(30)`);
        const started = Date.now();
        const result = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: db().url, ALIGN_PULL_TIMEOUT: '1' } });
        assert.equal(result.signal, null, 'align pull ends by itself');
        assert.equal(result.status, 1, result.stderr);
        assert.equal(unwrapped(result.stderr), 'align: pull failed: Slow, sql "queries/Slow.sql" on env:WAREHOUSE_URL: the query did not finish within 1 s (set ALIGN_PULL_TIMEOUT to allow longer)\n');
        assert.ok(Date.now() - started < 15_000, `stopped soon after the time-out (${Date.now() - started} ms)`);
        assert.ok(ws.bytes('data/Slow.csv').equals(snapshot));
        assert.equal(ws.read('align.lock.json'), lock);
    });

    it('a query that writes fails with the server\'s own message in a read-only transaction, and nothing is committed', async () => {
        const count = async () => Number((await db().client.query(`SELECT count(*) AS n FROM ${db().name}.renewals`)).rows[0].n);
        const created = async () => (await db().client.query(`SELECT to_regclass('${db().name}.pwn') AS t`)).rows[0].t as string | null;
        ws = sqlPullWorkspace({ Write: `DELETE FROM ${db().name}.renewals RETURNING renewed_on AS period, renewed AS value` });
        const prefix = 'align: pull failed: Write, sql "queries/Write.sql" on env:WAREHOUSE_URL: ';
        const deleted = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: db().url } });
        assert.equal(deleted.status, 1);
        assert.equal(unwrapped(deleted.stderr), `${prefix}cannot execute DELETE in a read-only transaction\n`);
        ws.write('queries/Write.sql', `CREATE TABLE ${db().name}.pwn AS SELECT quarter AS period, score AS value FROM ${db().name}.nps`);
        const create = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: db().url } });
        assert.equal(unwrapped(create.stderr), `${prefix}cannot execute CREATE TABLE AS in a read-only transaction\n`);
        // The transaction cannot be made writable by the query, and a second statement never runs.
        ws.write('queries/Write.sql', `SET TRANSACTION READ WRITE`);
        const writable = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: db().url } });
        assert.equal(writable.status, 1);
        ws.write('queries/Write.sql', `CREATE TABLE ${db().name}.pwn AS SELECT 1; SELECT quarter AS period, score AS value FROM ${db().name}.nps`);
        const two = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: db().url } });
        assert.equal(unwrapped(two.stderr), `${prefix}the query file "queries/Write.sql" holds 2 statements; it must hold one\n`);
        assert.equal(await count(), 4, 'no row deleted');
        assert.equal(await created(), null, 'no table created');
        assert.ok(!ws.exists('data/Write.csv'));
    });

    it('a query file of one statement: semicolons in quotes, $$ bodies and comments and a trailing semicolon are fine; two are refused', async () => {
        ws = sqlPullWorkspace({ One: `-- NPS; by quarter\nSELECT quarter || $$;$$ AS q, quarter AS period, score AS value FROM ${db().name}.nps /* ; */;\n` });
        const columns = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: db().url } });
        assert.match(unwrapped(columns.stderr), /the query returns the columns `q`, `period`, `value`/);
        ws.write('queries/One.sql', `SELECT quarter AS period, score AS value FROM ${db().name}.nps WHERE quarter <> ';' AND quarter <> E'\\';' ; -- last\n`);
        const one = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: db().url } });
        assert.equal(one.status, 0, one.stderr);
        assert.equal(ws.read('data/One.csv'), 'period,value\n2026-Q1,31\n2026-Q2,35\n');
        ws.write('queries/One.sql', `SET LOCAL search_path TO ${db().name}; SELECT quarter AS period, score AS value FROM nps`);
        const two = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: db().url } });
        assert.equal(two.status, 1);
        assert.equal(unwrapped(two.stderr), 'align: pull failed: One, sql "queries/One.sql" on env:WAREHOUSE_URL: the query file "queries/One.sql" holds 2 statements; it must hold one\n');
    });
});
