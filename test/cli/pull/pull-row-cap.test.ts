/**
 * A query that returns more rows than a snapshot can hold (more than
 * 100,000: one row per period, 273 years of days) is a query that does not
 * aggregate: `align pull` says so on one line for DuckDB, SQLite (which
 * stop reading one row too many) and a real PostgreSQL server, and writes
 * no snapshot.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requireBundle } from '../run-cli.js';
import { postgresUrl } from './postgres-server.js';
import { pulledKpi, runCliAsync, sqlite, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

const ROWS = 150_000;
const MESSAGE = 'the query returns more than 100,000 rows: aggregate in the query (one row per period)';

describe('align pull: a result of more than 100,000 rows', function () {
    this.timeout(300_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    /** A workspace whose KPI A pulls `query`, `on` a database (or DuckDB in memory). */
    const workspace = (query: string, on = '') => tempWorkspace({
        'a.sql': query,
        'p.align': `${pulledKpi('A', 'daily')}\nactuals A from "a.csv" { pull sql "a.sql"${on} }\n`
    });

    async function assertRefused(env: Record<string, string> = {}): Promise<void> {
        const result = await runCliAsync(['pull'], { cwd: ws.root, env });
        assert.equal(result.status, 1, result.stderr);
        assert.match(unwrapped(result.stderr), new RegExp(`^align: pull failed: A, sql "a\\.sql".*?: ${MESSAGE.replace(/[()]/g, '\\$&')}\\n`));
        assert.equal(fs.existsSync(path.join(ws.root, 'a.csv')), false, 'no snapshot written');
    }

    it('DuckDB', async () => {
        ws = workspace(`SELECT DATE '1900-01-01' + i::INTEGER AS period, 1 AS value FROM range(${ROWS}) t(i)`);
        await assertRefused();
    });

    it('SQLite', async () => {
        ws = workspace(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS - 1}) SELECT date('1900-01-01', '+' || i || ' days') AS period, 1 AS value FROM n`, ' on "db.sqlite"');
        await sqlite(path.join(ws.root, 'db.sqlite'), ['CREATE TABLE t (x INTEGER)']);
        await assertRefused();
    });

    it('PostgreSQL', async () => {
        ws = workspace(`SELECT DATE '1900-01-01' + i AS period, 1 AS value FROM generate_series(0, ${ROWS - 1}) i`, ' on env "WAREHOUSE_URL"');
        await assertRefused({ WAREHOUSE_URL: postgresUrl() });
    });

    it('exactly 100,000 rows are read and written', async () => {
        ws = workspace(`SELECT DATE '1900-01-01' + i::INTEGER AS period, 1 AS value FROM range(100000) t(i)`);
        const result = await runCliAsync(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(fs.readFileSync(path.join(ws.root, 'a.csv'), 'utf-8').split('\n').length, 100_002, 'the header, 100,000 rows and the final line break');
    });
});
