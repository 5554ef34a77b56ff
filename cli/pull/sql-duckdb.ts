import { dayOfDateText, numericCell, type PeriodCell, type RawRow } from './periods.js';
import { firstLine, PullError } from './pull-error.js';
import { periodValueColumns } from './sql-columns.js';
import { queryTimedOut, queryTimeoutMs } from './timeout.js';

type DuckDb = typeof import('@duckdb/node-api');

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
 * Runs a query with DuckDB: in memory with `folder` as the folder relative
 * paths are read from (CSV, Parquet, JSON files), or on a DuckDB file.
 * Extensions are never downloaded.
 */
export async function queryDuckDb(sql: string, folder: string, databaseFile?: string): Promise<RawRow[]> {
    const { DuckDBInstance } = await loadDuckDb();
    let instance: Awaited<ReturnType<typeof DuckDBInstance.create>> | undefined;
    try {
        instance = await DuckDBInstance.create(databaseFile ?? ':memory:', {
            access_mode: databaseFile ? 'READ_ONLY' : 'AUTOMATIC',
            autoinstall_known_extensions: 'false', autoload_known_extensions: 'false'
        });
        const connection = await instance.connect();
        try {
            await connection.run(`SET file_search_path = '${folder.replaceAll("'", "''")}'`);
            await connection.run(`SET TimeZone = 'UTC'`);
            let timedOut = false;
            const timer = setTimeout(() => { timedOut = true; connection.interrupt(); }, queryTimeoutMs());
            const reader = await connection.runAndReadAll(sql).catch((error: unknown) => {
                throw timedOut ? new PullError(queryTimedOut()) : error;
            }).finally(() => clearTimeout(timer));
            const columns = periodValueColumns(reader.columnNames());
            const types = reader.columnTypes().map(t => t.toString());
            const periodType = types[columns.period]!;
            return reader.getRowsJson().map(row => ({
                period: periodCell(row[columns.period], periodType),
                value: numericCell(row[columns.value])
            }));
        } finally {
            connection.closeSync();
        }
    } catch (error) {
        if (error instanceof PullError) throw error;
        throw new PullError(firstLine(error));
    } finally {
        instance?.closeSync();
    }
}

function periodCell(value: unknown, type: string): PeriodCell {
    if (value === null || value === undefined) return { bad: 'NULL' };
    const text = String(value);
    if (type.startsWith('DATE') || type.startsWith('TIMESTAMP')) {
        const day = dayOfDateText(text);
        return day === undefined ? { bad: `\`${text}\`` } : { day };
    }
    if (type === 'VARCHAR') return { text };
    return { bad: `\`${text}\` (${type})` };
}
