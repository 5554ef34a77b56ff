import { parse } from 'csv-parse/sync';
import { withoutBom } from '../byte-order-mark.js';
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
    let parsed: Array<{ record: string[]; raw: string }>;
    try {
        parsed = parse(withoutBom(text), { skip_empty_lines: true, relax_column_count: false, trim: true, raw: true }) as unknown as typeof parsed;
    } catch (error) {
        return { rows: [], problems: [`is not valid CSV: ${csvProblem(error)}`] };
    }
    const records = parsed.map(p => p.record);
    const lines = startLines(parsed.map(p => p.raw));
    const [header, ...body] = records;
    if (!header) return { rows: [], problems: ['is empty: expected a header row `period,value` and one row per period'] };
    const periodColumn = header.findIndex(h => h.toLowerCase() === 'period');
    const valueColumn = header.findIndex(h => h.toLowerCase() === 'value');
    const separator = header.length === 1 ? /[;\t|]/.exec(header[0]!)?.[0] : undefined;
    if ((periodColumn < 0 || valueColumn < 0) && separator !== undefined) {
        // A spreadsheet saved with the locale's list separator (`period;value` in much of Europe).
        const shown = separator === '\t' ? 'tabs' : `\`${separator}\``;
        return { rows: [], problems: [`separates its columns with ${shown}, not commas (header row \`${header[0]}\`)`] };
    }
    if (periodColumn < 0 || valueColumn < 0) {
        return { rows: [], problems: [`has no ${periodColumn < 0 ? '`period`' : '`value`'} column in its header row (expected \`period,value\`)`] };
    }
    for (const name of ['period', 'value']) {
        const columns = header.flatMap((h, i) => h.toLowerCase() === name ? [i + 1] : []);
        if (columns.length > 1) {
            return { rows: [], problems: [`has ${columns.length} \`${name}\` columns in its header row (columns ${columns.join(', ')}): keep one, or rename the others`] };
        }
    }
    const rows: CsvActual[] = [];
    const problems: string[] = [];
    body.forEach((record, i) => {
        const line = lines[i + 1]!;
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

/**
 * The line each record starts on, from the raw text of the records (which
 * together are the whole text): skipped blank lines and line breaks inside
 * quoted cells move the rows below them down.
 */
function startLines(raws: readonly string[]): number[] {
    const breaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;
    let before = 0;
    return raws.map(raw => {
        const line = before + breaks(/^\s*/.exec(raw)![0]) + 1;
        before += breaks(raw);
        return line;
    });
}

/** What csv-parse found, in the words of the other problems (a line, what is wrong); its own message for anything else. */
function csvProblem(error: unknown): string {
    const { code, lines, record } = error as { code?: string; lines?: number; record?: unknown[] };
    const expected = /expect (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    if (code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && lines !== undefined && record && expected !== undefined) {
        return `line ${lines} has ${record.length} ${record.length === 1 ? 'column' : 'columns'}, the header row ${expected}`;
    }
    if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quote `"` is never closed (the file ends inside a quoted cell)';
    if (code === 'CSV_INVALID_CLOSING_QUOTE' && lines !== undefined) return `line ${lines}: a quoted cell goes on after its closing quote \`"\``;
    return error instanceof Error ? error.message : String(error);
}
