/**
 * Lines of a text: `\r\n`, a lone `\r` and `\n` each end one (as Langium's
 * line index, the editor and the lexer's one-line tokens count them).
 */

/** Where the lines of `text` start, ascending: 0, then the offset after each line break. */
export function lineStarts(text: string): number[] {
    const starts = [0];
    const breaks = /\r\n?|\n/g;
    for (let m = breaks.exec(text); m; m = breaks.exec(text)) starts.push(m.index + m[0].length);
    return starts;
}

/** The index of the last line start at or before `offset` (`starts` ascending, beginning with 0): the 0-based line of the offset. */
export function lineOfOffset(starts: readonly number[], offset: number): number {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= offset) low = mid;
        else high = mid - 1;
    }
    return low;
}

/**
 * The 0-based line of offsets asked in increasing order, without finding
 * every line start first: the line breaks are counted on from the offset
 * asked before, up to the one asked (a smaller offset counts again from the start).
 */
export function forwardLineOf(text: string): (offset: number) => number {
    const breaks = /\r\n?|\n/g;
    let line = 0;
    let start = 0;
    let next = breaks.exec(text);
    return offset => {
        if (offset < start) {
            breaks.lastIndex = line = start = 0;
            next = breaks.exec(text);
        }
        while (next && next.index + next[0].length <= offset) {
            line++;
            start = next.index + next[0].length;
            next = breaks.exec(text);
        }
        return line;
    };
}

/** Where the line holding `offset` starts, looking back no further than `floor` (returned when no line break lies between). */
export function lineStart(text: string, offset: number, floor = 0): number {
    let start = offset;
    while (start > floor && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    return start;
}

/** The offset where the line holding `offset` ends: its first `\n` or `\r` at or after `offset`, else the text's end. */
export function lineEnd(text: string, offset: number): number {
    let end = offset;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    return end;
}

/** How many line breaks lie in `text` from `from` to `to` (a `\r\n` counts one; the part of one cut at `from` or `to` counts one too). */
export function lineBreakCount(text: string, from: number, to: number): number {
    let count = 0;
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) count++;
        else if (c === 13) {
            count++;
            if (i + 1 < to && text.charCodeAt(i + 1) === 10) i++;
        }
    }
    return count;
}
