import { Worker } from 'node:worker_threads';
import { dayOfDateText, numericCell, type PeriodCell, type RawRow } from './periods.js';
import { PullError } from './pull-error.js';
import { MAX_ROWS, periodValueColumns, tooManyRows } from './sql-columns.js';
import type { SqliteAnswer, SqliteJob } from './sqlite-worker.js';
import { queryTimedOut, queryTimeoutMs } from './timeout.js';

/**
 * The worker's bundle, next to the CLI's: esbuild.mjs builds
 * cli/pull/sqlite-worker.ts into out/sqlite-worker.cjs, and in the bundle
 * `import.meta.url` is out/cli.cjs.
 */
const WORKER = new URL('./sqlite-worker.cjs', import.meta.url);

/**
 * Runs a query on a SQLite file with sql.js (SQLite compiled to WebAssembly:
 * no native build, the same on every Node version). SQLite has no date type:
 * text such as `2026-01-05` or `2026-01-05 10:00:00` is a date and bucketed
 * into the cadence; other text must be an Align period (`2026-01`, `2026-Q1`).
 * sql.js is synchronous: the query runs in a worker thread, which is stopped
 * after `ALIGN_PULL_TIMEOUT` seconds (300 by default), as DuckDB's and
 * PostgreSQL's queries are.
 */
export async function querySqlite(sql: string, databaseFile: string): Promise<RawRow[]> {
    const answer = await inWorker({ sql, databaseFile });
    if ('error' in answer) throw answer.internal ? new Error(answer.error) : new PullError(answer.error);
    const columns = periodValueColumns(answer.columns);
    if (answer.values.length > MAX_ROWS) throw tooManyRows();
    return answer.values.map(row => ({ period: periodCell(row[columns.period]), value: numericCell(row[columns.value]) }));
}

/** Runs a job in a worker thread: its answer, or a PullError when it is still running at the time-out (the worker is stopped first). */
function inWorker(job: SqliteJob): Promise<SqliteAnswer> {
    return new Promise((resolve, reject) => {
        const worker = new Worker(WORKER, { workerData: job });
        let settled = false;
        const settle = (finish: () => void) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            finish();
        };
        const timer = setTimeout(() => settle(() => {
            void worker.terminate().finally(() => reject(new PullError(queryTimedOut())));
        }), queryTimeoutMs());
        worker.once('message', (answer: SqliteAnswer) => settle(() => {
            resolve(answer);
            void worker.terminate();
        }));
        worker.once('error', error => settle(() => reject(error)));
        worker.once('exit', code => settle(() => reject(new Error(`the SQLite worker stopped without an answer (exit code ${code})`))));
    });
}

function periodCell(value: unknown): PeriodCell {
    if (value === null || value === undefined) return { bad: 'NULL' };
    if (typeof value !== 'string') return { bad: `\`${String(value)}\` (a number)` };
    const day = dayOfDateText(value);
    return day !== undefined ? { day } : { text: value };
}
