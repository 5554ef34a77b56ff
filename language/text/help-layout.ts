/**
 * Help texts fitted to the terminal. Help is written for 80 columns; in a
 * narrower terminal each entry that does not fit is laid out again:
 *
 * - An entry is a line and the lines that continue it: lines at the
 *   column where its description starts (the last gap of two or more
 *   spaces in the line's first half: after an option, a command or a
 *   rule's id and severity; else its indent) that the author broke only
 *   because the next word did not fit 80 columns. A line that starts an
 *   item of its own (`json: ...`, `md (default): ...`) is never one.
 * - Its words are wrapped again as one paragraph: under the description
 *   when that leaves it room, else on lines of their own under the
 *   option.
 *
 * Entries that fit stay as written; at 80 columns nothing moves but a
 * longer line (a rule's description).
 */
import { cellWidth } from './cell-width.js';
import { outputWidth, wrapWords } from './wrap.js';

/** Help is never wider than this, even in a wide terminal. */
export const HELP_WIDTH = 80;

/** The width help is fitted to on `stream`: its columns when it is a terminal narrower than 80 (but at least 40), else 80. */
export function helpWidth(stream: { isTTY?: boolean; columns?: number }): number {
    return Math.max(40, Math.min(HELP_WIDTH, outputWidth(stream)));
}

/** A description narrower than this goes under its option instead of beside it. */
const LEAST_DESCRIPTION = 28;

/** Where a description that goes under its option starts: past where long options start (`      --focus`). */
const STACKED_INDENT = 8;

/** A line the author broke though the next word fitted before this column ends an entry (the next line is an item, an example). */
const WRAPPED_AT = 72;

/** An item of its own in a description: `json: ...`, `md (default): ...`. */
const ITEM = /^[\w-]+(?: \([^)]*\))?: /;

interface Entry {
    /** The first line as written, and its paragraphs: its description and each item or line the author did not wrap, words joined. */
    readonly first: string;
    readonly paragraphs: string[];
    /** Where the first line's description starts (its indent when it has none). */
    readonly column: number;
    /** Physical lines as written. */
    readonly lines: string[];
}

/** `text` with every line at most `width` cells where its words allow. */
export function fitHelp(text: string, width: number): string {
    return entriesOf(text.split('\n')).flatMap(e => e.lines.every(l => cellWidth(l) <= width) ? e.lines : laidOut(e, width)).join('\n');
}

function entriesOf(lines: readonly string[]): Entry[] {
    const entries: Entry[] = [];
    let current: Entry | undefined;
    for (const line of lines) {
        const joins = current === undefined ? 'no' : continues(current, line);
        if (current !== undefined && joins !== 'no') {
            if (joins === 'paragraph') current.paragraphs.push(line.trim());
            else current.paragraphs[current.paragraphs.length - 1] += ` ${line.trim()}`;
            current.lines.push(line);
        } else {
            const column = descriptionColumn(line, HELP_WIDTH);
            current = { first: line, paragraphs: [line.slice(column)], column, lines: [line] };
            entries.push(current);
        }
    }
    return entries;
}

/**
 * Whether `line` goes on with the entry: `words` when it continues the last
 * paragraph, `paragraph` when it starts another one under a table row's
 * description, `no` when it starts an entry of its own.
 */
function continues(entry: Entry, line: string): 'words' | 'paragraph' | 'no' {
    const text = line.trimStart();
    const indent = line.length - text.length;
    if (text === '' || indent !== entry.column || isCommand(entry.first)) return 'no';
    const last = entry.lines.at(-1)!;
    const wrapped = last.trim() !== '' && !ITEM.test(text) && cellWidth(last) + 1 + cellWidth(text.split(' ')[0]!) > WRAPPED_AT;
    if (wrapped) return 'words';
    // Under a table row's description, an item or a short line is a paragraph of that description.
    return entry.column > indentOf(entry.first) ? 'paragraph' : 'no';
}

/** An example command line (`  align graph ...`): never joined with the next. */
function isCommand(line: string): boolean {
    return line.trimStart().startsWith('align ');
}

function indentOf(line: string): number {
    return line.length - line.trimStart().length;
}

/** The entry's words again, on lines of at most `width` cells where they allow. */
function laidOut({ first, paragraphs, column }: Entry, width: number): string[] {
    const indent = indentOf(first);
    if (column === indent) {
        // Prose, or a command whose later lines are indented further.
        const rest = ' '.repeat(isCommand(first) ? indent + 4 : indent);
        return paragraphs.flatMap(p => wrapWords(p, width, { first: first.slice(0, indent), rest }));
    }
    const head = first.slice(0, column);
    if (width - column >= LEAST_DESCRIPTION) {
        const under = ' '.repeat(column);
        return paragraphs.flatMap((p, i) => wrapWords(p, width, { first: i === 0 ? head : under, rest: under }));
    }
    // Every description of a table at one column.
    const under = ' '.repeat(Math.max(STACKED_INDENT, indent + 2));
    return [head.trimEnd(), ...paragraphs.flatMap(p => wrapWords(p, width, { first: under }))];
}

/** Where the line's description starts: the end of its last wide gap within the first half (plus 8), else its indent. */
function descriptionColumn(line: string, width: number): number {
    const half = Math.floor(width / 2) + 8;
    let column = line.length - line.trimStart().length;
    for (const gap of line.matchAll(/\S( {2,})(?=\S)/g)) {
        const end = gap.index + 1 + gap[1]!.length;
        if (end <= half) column = end;
    }
    return column;
}
