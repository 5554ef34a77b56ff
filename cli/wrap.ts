/**
 * Word wrapping for the plain-text terminal outputs (`align check` pretty,
 * `align diff --format text`, help, `align pull`'s lines and every
 * command's `align: ` messages), and the width to wrap to. Widths are
 * terminal cells (cli/cell-width.ts): a CJK character takes two, a
 * combining accent none. Lines break at white space (spaces, tabs, line
 * breaks, an ideographic space), never at a no-break space; a run of it
 * becomes one space. A word longer than the line (a file path, a URL) is
 * not cut: it stays whole on a line of its own, to be copied or clicked.
 */
import { cellWidth } from './cell-width.js';

/** What goes before the wrapped lines: `first` before the first, `rest` (default `first`) before the others. */
export interface WrapPrefixes {
    readonly first?: string;
    readonly rest?: string;
}

/** The words of `text` on lines of at most `width` cells, prefixes included, where its words allow. */
export function wrapWords(text: string, width: number, { first = '', rest = first }: WrapPrefixes = {}): string[] {
    const lines: string[] = [];
    const restWidth = cellWidth(rest);
    let line = first;
    let lineWidth = cellWidth(first);
    let empty = true;
    for (const word of text.split(BREAK)) {
        if (word === '') continue;
        const wordWidth = cellWidth(word);
        if (empty || lineWidth + 1 + wordWidth <= width) {
            line += empty ? word : ` ${word}`;
            lineWidth += (empty ? 0 : 1) + wordWidth;
        } else {
            lines.push(line);
            line = rest + word;
            lineWidth = restWidth + wordWidth;
        }
        empty = false;
    }
    lines.push(line);
    return lines;
}

/**
 * One message (a failure, a line of `align pull`) on lines of at most
 * `width` cells, the lines after the first indented by two spaces: a
 * reader, or a test, puts it back on one line by joining them.
 */
export function fitMessage(message: string, width: number): string {
    return wrapWords(message, width, { rest: '  ' }).join('\n');
}

/** White space but the no-break spaces (U+00A0, U+2007, U+202F, U+FEFF). */
const BREAK = /[^\S\u00a0\u2007\u202f\ufeff]+/;

/** The width to fit: the terminal's columns when standard output is one, else 80. */
export function outputWidth(stream: { isTTY?: boolean; columns?: number }): number {
    return stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0 ? stream.columns : 80;
}
