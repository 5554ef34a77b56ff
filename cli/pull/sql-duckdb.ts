import * as fs from 'node:fs';
import * as path from 'node:path';
import { dayOfDatabaseDate, numericCell, type PeriodCell, type RawRow } from './periods.js';
import { cancelledBySignals } from './interrupt.js';
import { firstLine, PullError } from './pull-error.js';
import { MAX_ROWS, periodValueColumns, tooManyRows } from './sql-columns.js';
import { queryTimedOut, queryTimeoutMs } from './timeout.js';
import { withArticle } from '../../language/present/index.js';

type DuckDb = typeof import('@duckdb/node-api');
type DuckDBConnection = import('@duckdb/node-api').DuckDBConnection;

/**
 * Loads DuckDB only when a pull needs it: a native, optional dependency,
 * kept out of the bundles and out of `align check`'s start-up.
 */
async function loadDuckDb(): Promise<DuckDb> {
    try {
        return await import('@duckdb/node-api');
    } catch (error) {
        throw new PullError(`DuckDB is not available (${firstLine(error)}): it is an optional dependency whose binary may be missing on this platform; install it with \`npm install @duckdb/node-api\``);
    }
}

/**
 * Runs a query with DuckDB: in memory with `folder` as the working
 * directory relative paths are read from (CSV, Parquet, JSON files), or on
 * a DuckDB file opened read-only. DuckDB may touch no file outside the
 * workspace `root` (`enable_external_access` off, `allowed_directories` the
 * root, the configuration locked), only a SELECT runs (no COPY, ATTACH,
 * INSERT...), and extensions are never downloaded.
 */
export async function queryDuckDb(sql: string, root: string, folder: string, databaseFile?: string): Promise<RawRow[]> {
    const duckdb = await loadDuckDb();
    const { DuckDBInstance, StatementType } = duckdb;
    let instance: Awaited<ReturnType<typeof DuckDBInstance.create>> | undefined;
    const workingDirectory = process.cwd();
    try {
        instance = await DuckDBInstance.create(databaseFile ?? ':memory:', {
            access_mode: databaseFile ? 'READ_ONLY' : 'AUTOMATIC',
            autoinstall_known_extensions: 'false', autoload_known_extensions: 'false'
        });
        const connection = await instance.connect();
        try {
            await confine(connection, root, folder);
            // DuckDB checks a relative path against the allowed folders as resolved from the process's working directory.
            process.chdir(folder);
            const extracted = await connection.extractStatements(sql);
            // One statement by countStatements, more for DuckDB: a PIVOT without `IN (...)` becomes a CREATE TYPE and a SELECT.
            if (extracted.count !== 1) throw new PullError(`DuckDB runs the query as ${extracted.count} statements (a PIVOT does without \`IN (...)\`): write one SELECT`);
            const statement = await extracted.prepare(0);
            if (statement.statementType !== StatementType.SELECT) {
                const type = StatementType[statement.statementType] ?? String(statement.statementType);
                throw new PullError(`the query is ${withArticle(type)} statement: a pull runs only a SELECT, which changes nothing`);
            }
            let timedOut = false;
            const timer = setTimeout(() => { timedOut = true; connection.interrupt(); }, queryTimeoutMs());
            // Streamed, and read no further than one row too many: a result of millions of rows would exhaust memory.
            const reader = await cancelledBySignals('the DuckDB query', () => connection.interrupt(), statement.streamAndReadUntil(MAX_ROWS + 1)).catch((error: unknown) => {
                throw timedOut ? new PullError(queryTimedOut()) : error;
            }).finally(() => clearTimeout(timer));
            const columns = periodValueColumns(reader.columnNames());
            if (reader.currentRowCount > MAX_ROWS) throw tooManyRows();
            const types = reader.columnTypes().map(t => t.toString());
            const periodType = types[columns.period]!;
            // DECIMAL, BIGINT and HUGEINT come as exact text; a FLOAT as its value widened to a double (0.1 as 0.10000000149011612).
            const binary = types[columns.value] === 'FLOAT' ? 'float32' : undefined;
            return reader.getRowsJson().map((row, i) => ({
                period: periodCell(infinity(duckdb, reader.value(columns.period, i)) ?? row[columns.period], periodType),
                value: numericCell(row[columns.value], binary)
            }));
        } finally {
            connection.closeSync();
        }
    } catch (error) {
        if (error instanceof PullError) throw error;
        const message = firstLine(error).replace(/^Failed to extract statements: /, '');
        throw new PullError(/^Permission Error: Cannot access/.test(message) ? `${message} (a pull reads files of the workspace folder only)` : message);
    } finally {
        process.chdir(workingDirectory);
        instance?.closeSync();
    }
}

/**
 * Confines DuckDB to the workspace: files outside `root` can be neither read
 * nor written, no temporary files are spilled, and the query cannot undo
 * this (`lock_configuration`).
 */
async function confine(connection: DuckDBConnection, root: string, folder: string): Promise<void> {
    const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
    // The root as given and with its symbolic links resolved (macOS's /var is /private/var), each ending in a separator.
    const roots = [...new Set([root, fs.realpathSync(root)])].map(r => quote(r.endsWith(path.sep) ? r : `${r}${path.sep}`));
    await connection.run(`SET allowed_directories = [${roots.join(', ')}]`);
    await connection.run(`SET temp_directory = ''`);
    await connection.run(`SET enable_external_access = false`);
    await connection.run(`SET file_search_path = ${quote(folder)}`);
    await connection.run(`SET TimeZone = 'UTC'`);
    await connection.run(`SET lock_configuration = true`);
}

/**
 * `infinity` or `-infinity` for a DATE or TIMESTAMP value that is one,
 * which DuckDB's text gives as a date (a DATE's as `5881580-07-11`, a
 * TIMESTAMP_NS's as `2262-04-11 23:47:16.854775807`); undefined for any
 * other value.
 */
function infinity(duckdb: DuckDb, value: unknown): string | undefined {
    const types = [duckdb.DuckDBDateValue, duckdb.DuckDBTimestampValue, duckdb.DuckDBTimestampTZValue,
        duckdb.DuckDBTimestampSecondsValue, duckdb.DuckDBTimestampMillisecondsValue, duckdb.DuckDBTimestampNanosecondsValue];
    const type = types.find(t => value instanceof t);
    if (type === undefined) return undefined;
    const text = String(value);
    return text === String(type.PosInf) ? 'infinity' : text === String(type.NegInf) ? '-infinity' : undefined;
}

function periodCell(value: unknown, type: string): PeriodCell {
    if (value === null || value === undefined) return { bad: 'NULL' };
    const text = String(value);
    if (type.startsWith('DATE') || type.startsWith('TIMESTAMP')) {
        const day = dayOfDatabaseDate(text);
        return day === undefined ? { bad: `\`${text}\`` } : { day };
    }
    if (type === 'VARCHAR') return { text };
    return { bad: `\`${text}\` (${type})` };
}
