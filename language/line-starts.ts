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
