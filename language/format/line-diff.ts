/** A replacement of `before.slice(start, end)` by `text`. */
export interface Hunk {
    readonly start: number;
    readonly end: number;
    readonly text: string;
}

/** Larger middle parts (items before x items after) are not compared: lines there are replaced as one hunk. */
const MAX_CELLS = 4_000_000;

/**
 * The line-wise differences between two texts, as non-overlapping hunks in
 * increasing order; applying all of them to `before` gives `after`. Lines
 * are compared with their line break, so a missing final break is a change.
 */
export function lineHunks(before: string, after: string): Hunk[] {
    const a = segments(before);
    const b = segments(after);
    const aOffset = (i: number) => offsetAt(a, i, before);
    const bOffset = (j: number) => offsetAt(b, j, after);
    const hunks: Hunk[] = [];
    let i = 0;
    let j = 0;
    for (const [ci, cj] of [...matchedItems(a.map(s => s.text), b.map(s => s.text)), [a.length, b.length] as const]) {
        if (ci > i || cj > j) hunks.push({ start: aOffset(i), end: aOffset(ci), text: after.slice(bOffset(j), bOffset(cj)) });
        i = ci + 1;
        j = cj + 1;
    }
    return hunks;
}

/**
 * Index pairs of items that two lists keep in common, in increasing order:
 * their common start and end, and a longest common subsequence of what
 * lies between when it is not too large to compare (otherwise none of it).
 */
export function matchedItems(a: readonly string[], b: readonly string[]): Array<readonly [number, number]> {
    let prefix = 0;
    while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
    let suffix = 0;
    while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
    const aMid = a.slice(prefix, a.length - suffix);
    const bMid = b.slice(prefix, b.length - suffix);
    const common = aMid.length * bMid.length <= MAX_CELLS ? commonLines(aMid, bMid) : [];
    const around = (count: number, from: number, to: number) => Array.from({ length: count }, (_, k) => [from + k, to + k] as const);
    return [
        ...around(prefix, 0, 0),
        ...common.map(([x, y]) => [x + prefix, y + prefix] as const),
        ...around(suffix, a.length - suffix, b.length - suffix)
    ];
}

/**
 * As {@link lineHunks}, each hunk split further at the blank lines it
 * keeps: a line of white space only that stays a blank line (emptied) is a
 * hunk of its own, apart from the changed lines around it, so that a range
 * over it (Format Selection) changes that line alone.
 */
export function lineHunksApartAtBlankLines(before: string, after: string): Hunk[] {
    return lineHunks(before, after).flatMap(h => splitAtBlankLines(before, h));
}

const isBlank = (line: string): boolean => line.trim() === '';

function splitAtBlankLines(before: string, hunk: Hunk): Hunk[] {
    const replaced = before.slice(hunk.start, hunk.end);
    const a = segments(replaced);
    const b = segments(hunk.text);
    if (a.length * b.length > MAX_CELLS || !a.some(s => isBlank(s.text)) || !b.some(s => isBlank(s.text))) return [hunk];
    // Only blank lines match: every other line gets a key of its own.
    const pairs = commonLines(a.map((s, i) => isBlank(s.text) ? '' : `a${i}`), b.map((s, j) => isBlank(s.text) ? '' : `b${j}`));
    const aOffset = (i: number) => hunk.start + offsetAt(a, i, replaced);
    const bOffset = (j: number) => offsetAt(b, j, hunk.text);
    const hunks: Hunk[] = [];
    let i = 0;
    let j = 0;
    for (const [ci, cj] of [...pairs, [a.length, b.length] as const]) {
        if (ci > i || cj > j) hunks.push({ start: aOffset(i), end: aOffset(ci), text: hunk.text.slice(bOffset(j), bOffset(cj)) });
        if (ci < a.length && a[ci]!.text !== b[cj]!.text) hunks.push({ start: aOffset(ci), end: aOffset(ci + 1), text: b[cj]!.text });
        i = ci + 1;
        j = cj + 1;
    }
    return hunks;
}

interface Segment {
    readonly text: string;
    readonly start: number;
    readonly end: number;
}

/** The lines of a text with their line breaks; the concatenation is the text. */
function segments(text: string): Segment[] {
    const result: Segment[] = [];
    let start = 0;
    while (start < text.length) {
        const nl = text.indexOf('\n', start);
        const end = nl < 0 ? text.length : nl + 1;
        result.push({ text: text.slice(start, end), start, end });
        start = end;
    }
    return result;
}

/** The offset where segment `index` starts (the text's end after the last one). */
function offsetAt(segs: Segment[], index: number, text: string): number {
    return index < segs.length ? segs[index]!.start : text.length;
}

/** Index pairs of a longest common subsequence of two line lists. */
function commonLines(a: string[], b: string[]): Array<readonly [number, number]> {
    const n = a.length;
    const m = b.length;
    const table = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) {
            table[i * (m + 1) + j] = a[i] === b[j]
                ? table[(i + 1) * (m + 1) + j + 1]! + 1
                : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
        }
    }
    const pairs: Array<readonly [number, number]> = [];
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
        if (a[i] === b[j]) {
            pairs.push([i, j]);
            i++;
            j++;
        } else if (table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!) {
            i++;
        } else {
            j++;
        }
    }
    return pairs;
}
