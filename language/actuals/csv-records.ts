import { parse } from 'csv-parse/sync';
import { lineBreakCount } from '../line-starts.js';

/** Takes each record of CSV text (its cells trimmed) and the 1-based line it starts on, in order. */
export type EachRecord = (record: string[], line: number) => void;

/**
 * What the one pass made of a text: `shape` false when the text has a quote
 * or more than one kind of line end (no record was given: csv-parse reads
 * it); else `problem`, when a row has another number of cells than the
 * first, is what csv-parse says of the text, in the same words.
 */
export type OnePass = { readonly shape: false } | { readonly shape: true; readonly problem?: string };

/**
 * The records of CSV text in the shape nearly every actuals file has: no
 * quote `"`, one kind of line end (`\n`, or `\r\n` throughout), and as many
 * cells in each row as in the first. Such text is read in one pass, a line
 * at a time, with no array of all its lines or records: `each` is given
 * each record (its cells trimmed) and the 1-based line it is on, as
 * csv-parse gives them with `trim` and `skip_empty_lines` (a line of
 * nothing but white space is skipped too). The shape is known before the
 * first record: text of another shape gives none (`shape` false), and the
 * caller reads it with csv-parse. A row of another number of cells stops
 * the pass, having given the records before it: csv-parse stops at that
 * same row (without a quote nothing else can stop it earlier), so the pass
 * words the problem as csv-parse does and the text is not read again.
 */
export function simpleCsvRecords(text: string, each: EachRecord): OnePass {
    const eol = lineEnd(text);
    if (eol === undefined) return { shape: false };
    let columns = -1;
    let line = 0;
    let start = 0;
    while (start < text.length) {
        const found = text.indexOf(eol, start);
        const end = found < 0 ? text.length : found;
        const content = text.slice(start, end);
        start = end + eol.length;
        line++;
        if (content.trim() === '') continue;
        const record = content.split(',');
        if (columns < 0) columns = record.length;
        else if (record.length !== columns) return { shape: true, problem: columnCountProblem(line, record.length, columns) };
        for (let i = 0; i < record.length; i++) record[i] = record[i]!.trim();
        each(record, line);
    }
    return { shape: true };
}

/** The one line end of `text` (`\n` when it has none), or undefined when it has a quote, a lone `\r`, or both `\n` and `\r\n`. */
function lineEnd(text: string): string | undefined {
    if (text.includes('"')) return undefined;
    const returns = count(text, '\r');
    if (returns === 0) return '\n';
    return returns === count(text, '\r\n') && returns === count(text, '\n') ? '\r\n' : undefined;
}

function count(text: string, part: string): number {
    let n = 0;
    for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) n++;
    return n;
}

/**
 * Reads any CSV text with csv-parse (`trim`, `skip_empty_lines`, as many
 * cells in each row as in the first), giving `each` every record and the
 * line it starts on; what is wrong with the text, in the words of the
 * other problems, or undefined when it is valid CSV.
 */
export function csvParseRecords(text: string, each: EachRecord): string | undefined {
    let parsed: Array<{ record: string[]; raw: string }>;
    try {
        parsed = parse(text, { skip_empty_lines: true, relax_column_count: false, trim: true, raw: true }) as unknown as typeof parsed;
    } catch (error) {
        return csvProblem(error);
    }
    const lines = startLines(parsed.map(p => p.raw));
    parsed.forEach((p, i) => each(p.record, lines[i]!));
    return undefined;
}

/**
 * The line each record starts on, from the raw text of the records (which
 * together are the whole text): skipped blank lines and line breaks inside
 * quoted cells move the rows below them down. A line of white space is
 * skipped too; csv-parse's raw text keeps only the first byte of a white
 * space character of several bytes (U+00A0, U+2028...), which decodes as
 * U+FFFD (text that holds U+FFFD itself is not read: not UTF-8).
 */
function startLines(raws: readonly string[]): number[] {
    let before = 0;
    return raws.map(raw => {
        const line = before + lineBreakCount(raw, 0, /^[\s\uFFFD]*/.exec(raw)![0].length) + 1;
        before += lineBreakCount(raw, 0, raw.length);
        return line;
    });
}

/** A row of `cells` cells in a file whose first row has `columns`. */
function columnCountProblem(line: number, cells: number, columns: number): string {
    return `line ${line} has ${cells} ${cells === 1 ? 'column' : 'columns'}, the header row ${columns}`;
}

/** What csv-parse found, in the words of the other problems (a line, what is wrong); its own message for anything else. */
function csvProblem(error: unknown): string {
    const { code, lines, record } = error as { code?: string; lines?: number; record?: unknown[] };
    const expected = /expect (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    if (code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && lines !== undefined && record && expected !== undefined) {
        return columnCountProblem(lines, record.length, Number(expected));
    }
    if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quote `"` is never closed (the file ends inside a quoted cell)';
    if (code === 'CSV_INVALID_CLOSING_QUOTE' && lines !== undefined) return `line ${lines}: a quoted cell goes on after its closing quote \`"\``;
    return error instanceof Error ? error.message : String(error);
}
