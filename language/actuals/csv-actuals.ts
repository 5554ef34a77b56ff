import { parse } from 'csv-parse/sync';
import type { ParsedPeriod } from '../dates.js';
import { parsePeriodCell, parseValueCell, type ActualValue } from './actual-values.js';

/** One row read from an actuals CSV file. */
export interface CsvActual {
    readonly period: ParsedPeriod;
    readonly value: ActualValue;
    /** 1-based line in the CSV file. */
    readonly line: number;
}

/** The rows of a CSV file and what is wrong with it. */
export interface CsvActuals {
    readonly rows: CsvActual[];
    readonly problems: string[];
}

/**
 * Reads actuals from CSV text with a header row naming the columns `period`
 * and `value` (others are ignored). Problems name the line and the cell.
 */
export function parseActualsCsv(text: string): CsvActuals {
    if (text.includes('\u0000')) return { rows: [], problems: ['is not a text file'] };
    let records: string[][];
    try {
        records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: false, trim: true }) as string[][];
    } catch (error) {
        return { rows: [], problems: [`is not valid CSV: ${error instanceof Error ? error.message : String(error)}`] };
    }
    const [header, ...body] = records;
    if (!header) return { rows: [], problems: ['is empty: expected a header row `period,value` and one row per period'] };
    const periodColumn = header.findIndex(h => h.toLowerCase() === 'period');
    const valueColumn = header.findIndex(h => h.toLowerCase() === 'value');
    if (periodColumn < 0 || valueColumn < 0) {
        return { rows: [], problems: [`has no ${periodColumn < 0 ? '`period`' : '`value`'} column in its header row (expected \`period,value\`)`] };
    }
    const rows: CsvActual[] = [];
    const problems: string[] = [];
    body.forEach((record, i) => {
        const line = i + 2;
        const periodText = record[periodColumn] ?? '';
        const valueText = record[valueColumn] ?? '';
        const period = parsePeriodCell(periodText);
        const value = parseValueCell(valueText);
        if (!period) problems.push(`line ${line}: period \`${periodText}\` is not a date, month, quarter or half (e.g. 2026-03)`);
        if (!value) problems.push(`line ${line}: value \`${valueText}\` is not a number or percentage`);
        if (period && value) rows.push({ period, value, line });
    });
    return { rows, problems };
}
