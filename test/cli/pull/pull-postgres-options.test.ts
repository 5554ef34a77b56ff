/**
 * `align pull` on PostgreSQL with a URL that sets session settings of its
 * own (`options=-c ...`, `statement_timeout=0`), through the built bundle
 * and a real server: Align's hold all the same, the query runs in UTC,
 * read-only, and is stopped after ALIGN_PULL_TIMEOUT.
 */
import assert from 'node:assert/strict';
import { requireBundle } from '../run-cli.js';
import { postgresUrl } from './postgres-server.js';
import { pulledKpi, runCliAsync, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

/** Settings a URL may give that would undo Align's: another time zone, a writable session, no time-out. */
const OPTIONS = `options=${encodeURIComponent('-c TimeZone=America/Los_Angeles -c default_transaction_read_only=off -c statement_timeout=0')}&statement_timeout=0`;

describe('align pull: PostgreSQL URL options do not replace Align\'s session settings (a real server)', function () {
    this.timeout(300_000);
    let url: string;
    let ws: TempWorkspace;
    before(() => {
        requireBundle();
        const base = postgresUrl();
        url = `${base}${base.includes('?') ? '&' : '?'}${OPTIONS}`;
    });
    afterEach(() => ws?.remove());

    const workspace = (query: string) => tempWorkspace({
        'q.sql': query,
        'p.align': `${pulledKpi('M', 'monthly')}\nactuals M from "m.csv" { pull sql "q.sql" on env "WAREHOUSE_URL" }\n`
    });

    it('the query runs in UTC and read-only whatever the URL\'s options say', async () => {
        ws = workspace(`SELECT '2026-01' AS period, (current_setting('TimeZone') = 'UTC')::int + 10 * (current_setting('transaction_read_only') = 'on')::int AS value`);
        const result = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: url } });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('m.csv'), 'period,value\n2026-01,11\n', 'TimeZone UTC (1) and read-only (10)');
    });

    it('a TIMESTAMPTZ is bucketed in UTC: 23:30 at UTC-8 on 31 January is February', async () => {
        ws = workspace(`SELECT TIMESTAMPTZ '2026-01-31 23:30:00-08' AS period, 1 AS value`);
        const result = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: url } });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('m.csv'), 'period,value\n2026-02,1\n');
    });

    it('the server stops a query after ALIGN_PULL_TIMEOUT though the URL says statement_timeout=0', async () => {
        ws = workspace(`SELECT '2026-01' AS period, 1 AS value FROM pg_sleep(3)`);
        const result = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: url, ALIGN_PULL_TIMEOUT: '1' } });
        assert.equal(result.status, 1, result.stderr);
        assert.equal(unwrapped(result.stderr), 'align: pull failed: M, sql "q.sql" on env:WAREHOUSE_URL: the query did not finish within 1 s (set ALIGN_PULL_TIMEOUT to allow longer)\n');
        assert.ok(!ws.exists('m.csv'));
    });
});
