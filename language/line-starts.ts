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

/** The offset where the line holding `offset` ends: its first `\n` or `\r` at or after `offset`, else the text's end. */
export function lineEnd(text: string, offset: number): number {
    let end = offset;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    return end;
}
