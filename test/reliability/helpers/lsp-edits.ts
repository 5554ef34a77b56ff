/**
 * Edits as an LSP client sends them: positions of offsets (counting `\r\n`,
 * `\r` and `\n` as line ends) and the smallest span that changes one text
 * into another.
 */

export interface Position { line: number; character: number }

/** The LSP position of an offset, counting `\r\n`, `\r` and `\n` as line ends (an offset inside `\r\n` is the end of its line). */
export function positionAt(text: string, offset: number): Position {
    let line = 0;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
        const c = text.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        if (c === 13 && text.charCodeAt(i + 1) === 10) {
            if (i + 1 === offset) return { line, character: i - lineStart };
            i++;
        }
        line++;
        lineStart = i + 1;
    }
    return { line, character: offset - lineStart };
}

/** The smallest span of `before` that, replaced, gives `after`; never splits a `\r\n`. */
export function diff(before: string, after: string): { start: number; end: number; text: string } {
    let start = 0;
    const max = Math.min(before.length, after.length);
    while (start < max && before[start] === after[start]) start++;
    let suffix = 0;
    while (suffix < max - start && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
    let end = before.length - suffix;
    let afterEnd = after.length - suffix;
    if (start > 0 && before[start - 1] === '\r' && before[start] === '\n') start--;
    if (end < before.length && before[end - 1] === '\r' && before[end] === '\n') { end++; afterEnd++; }
    return { start, end, text: after.slice(start, afterEnd) };
}

export const rangeOf = (text: string, start: number, end: number) => ({ start: positionAt(text, start), end: positionAt(text, end) });
