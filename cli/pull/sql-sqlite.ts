import * as fs from 'node:fs';
import { dayOfDateText, numericCell, type PeriodCell, type RawRow } from './periods.js';
import { firstLine, PullError } from './pull-error.js';
import { periodValueColumns } from './sql-columns.js';

/**
 * Runs a query on a SQLite file with sql.js (SQLite compiled to WebAssembly:
 * no native build, the same on every Node version). SQLite has no date type:
 * text such as `2026-01-05` or `2026-01-05 10:00:00` is a date and bucketed
 * into the cadence; other text must be an Align period (`2026-01`, `2026-Q1`).
 */
export async function querySqlite(sql: string, databaseFile: string): Promise<RawRow[]> {
    let initSqlJs: typeof import('sql.js').default;
    try {
        initSqlJs = (await import('sql.js')).default;
    } catch (error) {
        throw new PullError(`sql.js is not available (${firstLine(error)}): reinstall align's dependencies`);
    }
    const SQL = await initSqlJs();
    const db = new SQL.Database(fs.readFileSync(databaseFile));
    try {
        const results = db.exec(sql);
        const result = results.at(-1);
        const columns = periodValueColumns(result?.columns ?? []);
        return result!.values.map(row => ({ period: periodCell(row[columns.period]), value: numericCell(row[columns.value]) }));
    } catch (error) {
        if (error instanceof PullError) throw error;
        throw new PullError(firstLine(error));
    } finally {
        db.close();
    }
}

function periodCell(value: unknown): PeriodCell {
    if (value === null || value === undefined) return { bad: 'NULL' };
    if (typeof value !== 'string') return { bad: `\`${String(value)}\` (a number)` };
    const day = dayOfDateText(value);
    return day !== undefined ? { day } : { text: value };
}
