import type { Actuals, ActualRow, Amount } from '../generated/ast.js';
import { parsePeriod, type ParsedPeriod } from '../dates.js';
import { codeSpan } from '../present/code-span.js';
import type { ActualValue } from './actual-values.js';
import { parseActualsCsv, type UnlistedRows } from './csv-actuals.js';
import { WordedRows } from './worded-rows.js';

/** One measured value and where it was written. */
export interface ActualsEntry {
    readonly period: ParsedPeriod;
    readonly value: ActualValue;
    /** The inline row, or undefined for a CSV row (then `csvLine` is set). */
    readonly row?: ActualRow;
    readonly csvLine?: number;
}

/** A problem of an actuals block: on a row, or (for CSV files) on the file string. */
export interface ActualsProblem {
    readonly message: string;
    readonly row?: ActualRow;
    /** The CSV line of a problem on one row of a CSV file. */
    readonly csvLine?: number;
}

export interface ActualsRead {
    readonly entries: ActualsEntry[];
    readonly problems: ActualsProblem[];
    /** The rows of a CSV file with bad cells after the first few: counted, not worded (csv-actuals.ts). */
    readonly unlistedRows?: UnlistedRows;
    /** The lines of a CSV file's rows out of order after the first few (worded-rows.ts), in line order: counted, not worded. */
    readonly unwordedOrder?: readonly number[];
}

/** What reading a CSV file gave: its text, or why it could not be read. */
export type CsvFileResult = { readonly text: string } | { readonly error: string };

/** The number an amount stands for (`12%` is 12). */
export function amountValue(amount: Amount | undefined): number | undefined {
    if (!amount) return undefined;
    return amount.percent ?? amount.number;
}

/** Reads the inline rows of an actuals block. */
export function readInlineActuals(actuals: Actuals): ActualsRead {
    const entries: ActualsEntry[] = [];
    const problems: ActualsProblem[] = [];
    for (const row of actuals.rows) {
        const period = parsePeriod(row.period ?? '');
        const value = amountValue(row.value);
        if (!period) {
            problems.push({ row, message: `period ${codeSpan(row.period ?? '')} is not a real date, month, quarter or half` });
        } else if (value !== undefined) {
            entries.push({ period, value: { value, percent: row.value?.percent !== undefined }, row });
        }
    }
    if (actuals.rows.length === 0) problems.push({ message: 'has no rows: add `period: value` rows or `from "file.csv"`' });
    return { entries, problems: [...problems, ...orderProblems(entries).worded] };
}

/** Reads the rows of an actuals block's CSV file. */
export function readCsvActuals(file: CsvFileResult, fileLabel: string): ActualsRead {
    if ('error' in file) return { entries: [], problems: [{ message: `file "${fileLabel}" ${file.error}` }] };
    const csv = parseActualsCsv(file.text);
    const entries: ActualsEntry[] = csv.rows;
    const problems = csv.problems.map(p => ({ message: `file "${fileLabel}" ${p}`, ...csvLineOf(p) }));
    const order = orderProblems(entries, `file "${fileLabel}" `);
    return {
        entries,
        problems: [...problems, ...order.worded],
        ...(csv.unlisted ? { unlistedRows: csv.unlisted } : {}),
        ...(order.unworded.length > 0 ? { unwordedOrder: order.unworded } : {})
    };
}

/** How many problems an actuals block has: those worded and those of its CSV rows not worded. */
export function problemCount(read: ActualsRead): number {
    return read.problems.length + (read.unlistedRows?.problems ?? 0) + (read.unwordedOrder?.length ?? 0);
}

/** The line of a CSV problem on one row (`line 12: ...`). */
function csvLineOf(problem: string): { csvLine?: number } {
    const line = /^line (\d+): /.exec(problem)?.[1];
    return line ? { csvLine: Number(line) } : {};
}

/**
 * The rows whose period does not come after the one before, each worded with
 * `file` (`file "data.csv" ` for a CSV file's rows) in front; of a CSV file,
 * only the first few (worded-rows.ts).
 */
function orderProblems(entries: readonly ActualsEntry[], file = ''): WordedRows<ActualsProblem> {
    const rows = new WordedRows<ActualsProblem>();
    for (let i = 1; i < entries.length; i++) {
        const [previous, current] = [entries[i - 1]!, entries[i]!];
        if (current.period.day <= previous.period.day && rows.words(current.csvLine)) {
            const where = current.csvLine ? `${file}line ${current.csvLine}: ` : '';
            rows.worded.push({ row: current.row, csvLine: current.csvLine, message: `${where}period ${current.period.text} does not come after ${previous.period.text}: periods must increase` });
        }
    }
    return rows;
}
