import { withoutBom } from '../byte-order-mark.js';
import { codeSpan } from '../present/code-span.js';
import type { ParsedPeriod } from '../dates.js';
import { parsePeriodCell, parseValueCell, type ActualValue } from './actual-values.js';
import { csvParseRecords, simpleCsvRecords } from './csv-records.js';

/** One row read from an actuals CSV file, in the shape the graph keeps (an `ActualsEntry`). */
export interface CsvActual {
    readonly period: ParsedPeriod;
    readonly value: ActualValue;
    /** 1-based line in the CSV file. */
    readonly csvLine: number;
}

/** How many rows with problems of one CSV file `actuals-invalid` lists, each with all its problems; one more finding counts the rest. */
export const CSV_ROWS_LISTED = 10;

/**
 * The rows with problems of one kind (bad cells, out of order, repeated, a
 * percentage for a metric of another unit) whose problems are worded: one
 * more than are listed, since 11 rows with problems are all listed (a count
 * in place of the 11th would say no less).
 */
export const CSV_ROWS_WORDED = CSV_ROWS_LISTED + 1;

/** Rows with bad cells past those whose problems are worded: counted, with the first and last of their lines, not worded. */
export interface UnlistedRows {
    readonly rows: number;
    /** Their problems: one or two a row (the period, the value). */
    readonly problems: number;
    readonly firstLine: number;
    readonly lastLine: number;
}

/** The rows of a CSV file and what is wrong with it. */
export interface CsvActuals {
    readonly rows: CsvActual[];
    /** What is wrong with the file, or the problems of its first rows with bad cells (`line N: ...`). */
    readonly problems: string[];
    /** The rows with bad cells after the first CSV_ROWS_WORDED (a file of a million bad rows words 11, not a million). */
    readonly unlisted?: UnlistedRows;
}

/**
 * Reads actuals from CSV text with a header row naming the columns `period`
 * and `value` (others are ignored). Problems name the line and the cell.
 * Text in the common shape (no quote, one kind of line end) is read in one
 * pass, row by row, keeping only the rows' values; a row of another number
 * of cells stops that pass with csv-parse's words for it. Any other text
 * goes to csv-parse, which reads it the same way and words what is wrong
 * with it.
 */
export function parseActualsCsv(text: string): CsvActuals {
    if (text.includes('\u0000')) return { rows: [], problems: ['is not a text file'] };
    const csv = withoutBom(text);
    const rows = new ActualsRows();
    const onePass = simpleCsvRecords(csv, (record, line) => rows.add(record, line));
    const problem = onePass.shape ? onePass.problem : csvParseRecords(csv, (record, line) => rows.add(record, line));
    return problem === undefined ? rows.result() : { rows: [], problems: [`is not valid CSV: ${problem}`] };
}

/** The rows of an actuals CSV file, taken one record at a time, the header row first. */
class ActualsRows {
    private header: string[] | undefined;
    /** What is wrong with the header row, which leaves the file without rows. */
    private headerProblem: string | undefined;
    private periodColumn = -1;
    private valueColumn = -1;
    private readonly rows: CsvActual[] = [];
    private readonly problems: string[] = [];
    private rowsWithProblems = 0;
    private unlisted: { rows: number; problems: number; firstLine: number; lastLine: number } | undefined;

    add(record: string[], line: number): void {
        if (this.header === undefined) {
            this.header = record;
            this.headerProblem = this.readHeader(record);
        } else if (this.headerProblem === undefined) {
            this.addRow(record, line);
        }
    }

    result(): CsvActuals {
        if (!this.header) return { rows: [], problems: ['is empty: expected a header row `period,value` and one row per period'] };
        if (this.headerProblem !== undefined) return { rows: [], problems: [this.headerProblem] };
        return { rows: this.rows, problems: this.problems, ...(this.unlisted ? { unlisted: this.unlisted } : {}) };
    }

    private readHeader(header: string[]): string | undefined {
        this.periodColumn = header.findIndex(h => h.toLowerCase() === 'period');
        this.valueColumn = header.findIndex(h => h.toLowerCase() === 'value');
        const separator = header.length === 1 ? /[;\t|]/.exec(header[0]!)?.[0] : undefined;
        if ((this.periodColumn < 0 || this.valueColumn < 0) && separator !== undefined) {
            // A spreadsheet saved with the locale's list separator (`period;value` in much of Europe).
            const shown = separator === '\t' ? 'tabs' : `\`${separator}\``;
            return `separates its columns with ${shown}, not commas (header row ${codeSpan(header[0]!)})`;
        }
        if (this.periodColumn < 0 || this.valueColumn < 0) {
            return `has no ${this.periodColumn < 0 ? '`period`' : '`value`'} column in its header row (expected \`period,value\`)`;
        }
        for (const name of ['period', 'value']) {
            const columns = header.flatMap((h, i) => h.toLowerCase() === name ? [i + 1] : []);
            if (columns.length > 1) return `has ${columns.length} \`${name}\` columns in its header row (columns ${columns.join(', ')}): keep one, or rename the others`;
        }
        return undefined;
    }

    private addRow(record: string[], line: number): void {
        const periodText = record[this.periodColumn] ?? '';
        const valueText = record[this.valueColumn] ?? '';
        const period = parsePeriodCell(periodText);
        const value = parseValueCell(valueText);
        if (period && value) {
            this.rows.push({ period, value, csvLine: line });
        } else if (++this.rowsWithProblems <= CSV_ROWS_WORDED) {
            if (!period) this.problems.push(`line ${line}: period ${codeSpan(periodText)} is not a date, month, quarter or half (e.g. 2026-03)`);
            if (!value) this.problems.push(`line ${line}: value ${codeSpan(valueText)} is not a number or percentage`);
        } else {
            this.countUnlisted(line, (period ? 0 : 1) + (value ? 0 : 1));
        }
    }

    /** A row with bad cells past the worded ones: the records come in line order, so its line is the last. */
    private countUnlisted(line: number, problems: number): void {
        this.unlisted ??= { rows: 0, problems: 0, firstLine: line, lastLine: line };
        this.unlisted.rows++;
        this.unlisted.problems += problems;
        this.unlisted.lastLine = line;
    }
}
