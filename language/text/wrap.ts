/**
 * Word wrapping for the plain-text terminal outputs (`align check` pretty,
 * `align diff --format text`, help, `align pull`'s lines and every
 * command's `align: ` messages), and the width to wrap to. Widths are
 * terminal cells (language/text/cell-width.ts): a CJK character takes two, a
 * combining accent none. Lines break at white space (spaces, tabs, line
 * breaks, an ideographic space), never at a no-break space; a run of it
 * becomes one space. A word longer than the line (a file path, a URL) is
 * not cut: it stays whole on a line of its own, to be copied or clicked.
 * A run of text written without spaces (Chinese, Japanese) that is longer
 * than a line also breaks between two of its wide characters, but never
 * before closing punctuation (`。`, `、`, `）`) or after opening punctuation
 * (`「`, `（`), as the line-breaking rules of those languages (kinsoku) ask.
 */
import { cellWidth, graphemes } from './cell-width.js';

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
    for (const whole of text.split(BREAK)) {
        if (whole === '') continue;
        // A run of Chinese or Japanese longer than a line breaks between its characters; its pieces join without a space.
        const wholeWidth = cellWidth(whole);
        let joined = false;
        const pieces = wholeWidth > whole.length && wholeWidth > width - restWidth ? cjkPieces(whole) : [whole];
        for (const word of pieces) {
            const gap = empty || joined ? 0 : 1;
            const wordWidth = pieces.length === 1 ? wholeWidth : cellWidth(word);
            if (empty || lineWidth + gap + wordWidth <= width) {
                line += gap === 0 ? word : ` ${word}`;
                lineWidth += gap + wordWidth;
            } else {
                lines.push(line);
                line = rest + word;
                lineWidth = restWidth + wordWidth;
            }
            empty = false;
            joined = true;
        }
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

/** Where messages go: standard error, a terminal or not (a structural type: language/ has no node types). */
export interface MessageStream {
    write(text: string): unknown;
    readonly isTTY?: boolean;
    readonly columns?: number;
}

/**
 * Writes one message on `stream` (`align: ...`, `align-language-server:
 * ...`), wrapped to the terminal, or 80 columns when it is none.
 */
export function writeMessage(stream: MessageStream, message: string): void {
    stream.write(`${fitMessage(message, outputWidth(stream))}\n`);
}

/**
 * A sentence printed on its own, with no `align: ` or entry before it to
 * hang under (`Nothing to pull: ...`, a closing summary), on lines of at
 * most `width` cells that all start at the left margin.
 */
export function fitParagraph(text: string, width: number): string {
    return wrapWords(text, width).join('\n');
}

/** White space but the no-break spaces (U+00A0, U+2007, U+202F, U+FEFF). */
const BREAK = /[^\S\u00a0\u2007\u202f\ufeff]+/;

/** The width to fit: the terminal's columns when standard output is one, else 80. */
export function outputWidth(stream: { isTTY?: boolean; columns?: number }): number {
    return stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0 ? stream.columns : 80;
}

/** Punctuation a line must not start with (closing brackets, stops, small kana marks). */
const NO_LINE_START = new Set([...'、。，．・：；？！）］｝〉》」』】〕〙〗ー々ゝゞヽヾぁぃぅぇぉっゃゅょァィゥェォッャュョ)]},.:;?!']);
/** Punctuation a line must not end with (opening brackets). */
const NO_LINE_END = new Set([...'（［｛〈《「『【〔〘〖([{']);

/**
 * A word cut where a line may break inside it: between two characters of
 * which one is wide (CJK), unless that puts closing punctuation at a
 * line's start or opening punctuation at its end. Latin runs stay whole.
 */
function cjkPieces(word: string): string[] {
    const pieces: string[] = [];
    let piece = '';
    let previous = '';
    let previousWide = false;
    for (const { segment } of graphemes().segment(word)) {
        const wide = cellWidth(segment) === 2;
        const breaks = piece !== '' && (previousWide || wide) && !NO_LINE_START.has(segment) && !NO_LINE_END.has(previous);
        if (breaks) {
            pieces.push(piece);
            piece = '';
        }
        piece += segment;
        previous = segment;
        previousWide = wide;
    }
    pieces.push(piece);
    return pieces;
}
