/**
 * The worker thread that runs a SQLite query for `align pull`, bundled on
 * its own as out/sqlite-worker.cjs next to the CLI's bundle. sql.js runs a
 * query synchronously, so the query runs here, where the CLI's thread can
 * stop it at the time-out (Worker.terminate stops the WebAssembly too);
 * see querySqlite in sql-sqlite.ts. It answers with one message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { firstLine } from './pull-error.js';
import { MAX_ROWS } from './sql-columns.js';
import { readDatabaseWithWal } from './sqlite-wal.js';

/** What the worker is started with (its workerData). */
export interface SqliteJob {
    readonly sql: string;
    readonly databaseFile: string;
}

/**
 * The worker's one message: the columns and rows of the statement's
 * result, or a one-line error: a
 * pull error (bad SQL, a corrupt file), or `internal` when sql.js failed
 * to start or the file could not be read.
 */
export type SqliteAnswer =
    | { readonly columns: string[]; readonly values: unknown[][] }
    | { readonly error: string; readonly internal: boolean };

async function run(job: SqliteJob): Promise<SqliteAnswer> {
    let initSqlJs: typeof import('sql.js').default;
    try {
        initSqlJs = (await import('sql.js')).default;
    } catch (error) {
        return { error: `sql.js is not available (${firstLine(error)}): reinstall align's dependencies`, internal: false };
    }
    let db: InstanceType<Awaited<ReturnType<typeof initSqlJs>>['Database']>;
    try {
        const SQL = await initSqlJs();
        // The transactions a database in WAL mode has committed but not yet checkpointed are in `<file>-wal`: applied to the image.
        const image = readDatabaseWithWal(job.databaseFile);
        if (image === undefined) return { error: 'the database file and its -wal file changed on each of 5 reads (a writer busy with them): pull again', internal: false };
        db = new SQL.Database(image);
    } catch (error) {
        return { error: firstLine(error), internal: true };
    }
    try {
        // The file is read into memory and never written back (nor its WAL); query_only also makes a query that writes fail.
        db.exec('PRAGMA query_only = ON');
        // A prepared statement, not exec: a query that returns no rows still has its columns.
        const statement = db.prepare(job.sql);
        try {
            const values: unknown[][] = [];
            // One row too many is enough to know the query does not aggregate; all of them might not fit in memory.
            // An INTEGER as a BigInt, read from SQLite's text of it: a number would lose the digits of one above 2^53.
            const get = statement.get.bind(statement) as (params: null, config: { useBigInt: boolean }) => unknown[];
            while (values.length <= MAX_ROWS && statement.step()) values.push(get(null, { useBigInt: true }));
            return { columns: statement.getColumnNames(), values };
        } finally {
            statement.free();
        }
    } catch (error) {
        return { error: firstLine(error), internal: false };
    } finally {
        db.close();
    }
}

if (parentPort) {
    const port = parentPort;
    void run(workerData as SqliteJob).then(answer => port.postMessage(answer));
}
