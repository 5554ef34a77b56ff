/**
 * `align pull` stopped by Ctrl-C (SIGINT) or SIGTERM while a query runs:
 * exit 130 / 143, one message of what was done (80 columns), the pulls
 * done before kept whole (snapshot and lock entry), the one under way
 * leaving no file, no temporary file, and no stack trace; a DuckDB query
 * is interrupted and a PostgreSQL query (a real server) cancelled on the
 * server, not left running there.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import pg from 'pg';
import { BIN, requireBundle } from '../run-cli.js';
import { startLrs } from './lrs-server.js';
import { postgresUrl } from './postgres-server.js';
import { startSlowCancelProxy } from './slow-cancel-proxy.js';
import { lockOf, pulledKpi, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

/** A DuckDB query that counts for minutes. */
const SLOW_DUCKDB = "SELECT '2026-01' AS period, count(*) AS value FROM range(100000000000)";

/** A quick pull into a.csv, a slow one into b.csv (`on` its database), and with `third` another quick one into c.csv. */
function workspace(slow: string, on = '', third = false): TempWorkspace {
    return tempWorkspace({
        'quick.sql': "SELECT '2026-01' AS period, 1 AS value",
        'slow.sql': slow,
        'p.align': `${pulledKpi('A', 'monthly')}\n${pulledKpi('B', 'monthly')}\n${pulledKpi('C', 'monthly')}\n`
            + `actuals A from "a.csv" { pull sql "quick.sql" }\nactuals B from "b.csv" { pull sql "slow.sql"${on} }\n`
            + (third ? 'actuals C from "c.csv" { pull sql "quick.sql" }\n' : '')
    });
}

/**
 * Runs `align pull`, sends `signal` once the quick pull is reported (or,
 * given `when`, once it settles: the slow query reached the server), and
 * gives how it ended.
 */
function interruptedPull(cwd: string, signal: NodeJS.Signals, env: NodeJS.ProcessEnv = {}, when?: Promise<unknown>): Promise<{ status: number | null; stdout: string; stderr: string; ms: number }> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, 'pull'], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        let sentAt = 0;
        const send = (afterMs: number) => setTimeout(() => { sentAt = Date.now(); child.kill(signal); }, afterMs);
        void when?.then(() => send(300));
        child.stdout.on('data', chunk => {
            stdout += String(chunk);
            // Well into the slow query's run.
            if (!when && sentAt === 0 && stdout.includes('pulled a.csv')) send(500);
        });
        child.stderr.on('data', chunk => { stderr += String(chunk); });
        const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
        child.on('error', reject);
        child.on('close', status => { clearTimeout(timer); resolve({ status, stdout, stderr, ms: Date.now() - sentAt }); });
    });
}

describe('align pull: interrupted', function () {
    this.timeout(120_000);
    let ws: TempWorkspace | undefined;
    before(requireBundle);
    afterEach(() => ws?.remove());

    for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
        it(`${signal} during a query: exit ${status}, one message, the pull done before kept, nothing of the one under way`, async () => {
            ws = workspace(SLOW_DUCKDB);
            const result = await interruptedPull(ws.root, signal);
            assert.equal(result.status, status, `status; stderr: ${result.stderr}`);
            assert.ok(result.ms < 5_000, `stopped within 5 s (${result.ms} ms)`);
            assert.equal(result.stdout, 'pulled a.csv: A: 1 row, 2026-01 to 2026-01\n');
            const lines = result.stderr.trimEnd().split('\n');
            assert.equal(unwrapped(result.stderr).trimEnd(), `align: interrupted (${signal}) after 1 of 2 pulls; the snapshots and lock entries of the others are unchanged.`);
            for (const line of lines) assert.ok(line.length <= 80, `at most 80 columns: ${line}`);
            assert.equal(ws.read('a.csv'), 'period,value\n2026-01,1\n');
            assert.deepEqual(Object.keys(lockOf(ws).snapshots), ['a.csv']);
            assert.deepEqual(fs.readdirSync(ws.root).sort(), ['a.csv', 'align.lock.json', 'p.align', 'quick.sql', 'slow.sql']);
        });
    }

    it('SIGINT during a PostgreSQL query: the query is cancelled on the server, and its failure neither reported nor followed by the next pull', async () => {
        const url = postgresUrl();
        const marker = `align_interrupt_${process.pid}_${Date.now().toString(36)}`;
        ws = workspace(`SELECT '2026-01' AS period, 1 AS value, '${marker}' AS marker FROM pg_sleep(60)`, ' on env "WAREHOUSE_URL"', true);
        const observer = new pg.Client({ connectionString: url });
        await observer.connect();
        try {
            const running = async () => Number((await observer.query("SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()", [`%${marker}%`])).rows[0].n);
            const result = await interruptedPull(ws.root, 'SIGINT', { WAREHOUSE_URL: url });
            assert.equal(result.status, 130, `status; stderr: ${result.stderr}`);
            assert.equal(unwrapped(result.stderr).trimEnd(), 'align: interrupted (SIGINT) after 1 of 3 pulls; the snapshots and lock entries of the others are unchanged.');
            assert.equal(result.stdout, 'pulled a.csv: A: 1 row, 2026-01 to 2026-01\n');
            assert.ok(result.ms < 5_000, `stopped within 5 s (${result.ms} ms)`);
            assert.deepEqual([ws.exists('b.csv'), ws.exists('c.csv')], [false, false]);
            assert.deepEqual(Object.keys(lockOf(ws).snapshots), ['a.csv']);
            // The server ends the cancelled query's backend once its client is gone; before the fix it slept on for a minute.
            const deadline = Date.now() + 5_000;
            while (await running() > 0 && Date.now() < deadline) await new Promise(r => setTimeout(r, 100));
            assert.equal(await running(), 0, 'no query left running on the server');
        } finally {
            await observer.end();
        }
    });

    /** `align pull` of the three pulls, B's `query` on PostgreSQL through a proxy that makes the cancel's `late` side late; SIGINT during B. */
    async function pullWithSlowCancel(query: string, delayMs: number, late: 'answers' | 'request') {
        const proxy = await startSlowCancelProxy(postgresUrl(), delayMs, late);
        try {
            ws = workspace(query, ' on env "WAREHOUSE_URL"', true);
            const result = await interruptedPull(ws.root, 'SIGINT', { WAREHOUSE_URL: proxy.url }, proxy.sent('pg_sleep'));
            assert.equal(proxy.cancels(), 1, 'the cancel went through the slow connection');
            assert.equal(result.status, 130, `status; stderr: ${result.stderr}`);
            return { ...result, ws };
        } finally {
            await proxy.close();
        }
    }

    it('SIGINT while the cancel request is slow to answer: the query\'s failure, which comes first, is not reported, and the next pull does not start', async () => {
        // Without this wait the failure of the cancelled query was printed as "pull failed" and the next pull ran.
        const result = await pullWithSlowCancel("SELECT '2026-01' AS period, 1 AS value FROM pg_sleep(60)", 1_000, 'answers');
        assert.ok(result.ms >= 1_000, `the exit waited for the cancel's answer (${result.ms} ms)`);
        assert.equal(unwrapped(result.stderr), 'align: interrupted (SIGINT) after 1 of 3 pulls; the snapshots and lock entries of the others are unchanged.\n');
        assert.equal(result.stdout, 'pulled a.csv: A: 1 row, 2026-01 to 2026-01\n');
        assert.deepEqual([result.ws.exists('b.csv'), result.ws.exists('c.csv')], [false, false], 'neither the cancelled pull nor the next one wrote');
        assert.deepEqual(Object.keys(lockOf(result.ws).snapshots), ['a.csv']);
    });

    it('SIGINT when the query ends well before the cancel reaches the server: its snapshot is kept, and the next pull does not start', async () => {
        // Without the wait before each pull, the third pull ran once the second had ended.
        const result = await pullWithSlowCancel("SELECT '2026-01' AS period, 2 AS value FROM pg_sleep(1)", 1_500, 'request');
        assert.equal(unwrapped(result.stderr), 'align: interrupted (SIGINT) after 2 of 3 pulls; the snapshots and lock entries of the others are unchanged.\n');
        assert.equal(result.stdout, 'pulled a.csv: A: 1 row, 2026-01 to 2026-01\npulled b.csv: B: 1 row, 2026-01 to 2026-01\n');
        assert.equal(result.ws.read('b.csv'), 'period,value\n2026-01,2\n', 'the pull that ended is kept whole');
        assert.deepEqual(Object.keys(lockOf(result.ws).snapshots).sort(), ['a.csv', 'b.csv']);
        assert.equal(result.ws.exists('c.csv'), false, 'the next pull did not start');
    });

    it('SIGTERM while the LRS has not answered: exit 143 at once, one message, no snapshot of the xAPI pull', async () => {
        const lrs = await startLrs([], 'k:s');
        lrs.faults = ['hang'];
        try {
            ws = tempWorkspace({
                'quick.sql': "SELECT '2026-01' AS period, 1 AS value",
                'p.align': `${pulledKpi('A', 'monthly')}\n${pulledKpi('B', 'monthly')}\nactuals A from "a.csv" { pull sql "quick.sql" }\n`
                    + 'actuals B from "b.csv" {\n  pull xapi env "LRS_URL" {\n    auth env "LRS_AUTH"\n    value count statements\n  }\n}\n'
            });
            const result = await interruptedPull(ws.root, 'SIGTERM', { LRS_URL: lrs.endpoint, LRS_AUTH: 'k:s' });
            assert.equal(result.status, 143, `status; stderr: ${result.stderr}`);
            assert.ok(result.ms < 2_000, `stopped within 2 s (${result.ms} ms)`);
            assert.equal(unwrapped(result.stderr), 'align: interrupted (SIGTERM) after 1 of 2 pulls; the snapshots and lock entries of the others are unchanged.\n');
            assert.equal(lrs.requests.length, 1, 'the LRS was asked');
            assert.deepEqual(fs.readdirSync(ws.root).sort(), ['a.csv', 'align.lock.json', 'p.align', 'quick.sql']);
            assert.deepEqual(Object.keys(lockOf(ws).snapshots), ['a.csv']);
        } finally {
            await lrs.close();
        }
    });
});
