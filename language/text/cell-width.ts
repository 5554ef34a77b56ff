/**
 * The width of text in terminal cells, for the plain-text outputs that
 * align or wrap columns (`align check` pretty, `align diff --format text`).
 * `String.length` counts UTF-16 code units: a CJK character (East Asian
 * Wide or Fullwidth) takes two cells but counts one, a combining accent
 * takes none but counts one, and emoji vary. As wcwidth and string-width:
 *
 * - an emoji (a pictograph with emoji presentation or U+FE0F, a ZWJ
 *   sequence, a flag) is one cluster of 2 cells;
 * - otherwise each code point counts: 0 for combining marks, format and
 *   control characters, Hangul medial vowels and final consonants; 2 for
 *   East Asian Wide and Fullwidth; 1 for the others, East Asian Ambiguous
 *   too (as wcwidth counts them and most Western terminals show them).
 *
 * ANSI colour (SGR) and OSC 8 hyperlink sequences take no cell.
 */

/** The width of `text` in terminal cells. */
export function cellWidth(text: string): number {
    if (PRINTABLE_ASCII.test(text)) return text.length;
    const plain = text.replace(ANSI, '');
    let width = 0;
    for (const { segment } of graphemes().segment(plain)) width += clusterWidth(segment);
    return width;
}

/** `text` followed by spaces up to `width` cells (as `padEnd`, in cells). */
export function padCells(text: string, width: number): string {
    const missing = width - cellWidth(text);
    return missing > 0 ? text + ' '.repeat(missing) : text;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\]8;[^\x07\x1b]*(?:\x07|\x1b\\)/g;
const EMOJI = /^(?:\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}.*[\uFE0F\u200D].*|\p{Emoji_Presentation}.*)$/su;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}\u1160-\u11FF\uD7B0-\uD7FF]$/u;

let segmenter: Intl.Segmenter | undefined;
/** The grapheme-cluster segmenter (one, made when first needed). */
export function graphemes(): Intl.Segmenter {
    return segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
}

function clusterWidth(cluster: string): number {
    if (EMOJI.test(cluster)) return 2;
    let width = 0;
    for (const char of cluster) width += codePointWidth(char);
    return width;
}

function codePointWidth(char: string): number {
    if (ZERO_WIDTH.test(char)) return 0;
    return isWide(char.codePointAt(0)!) ? 2 : 1;
}

/**
 * East Asian Width W or F (Unicode 15.1, UAX #11) by range, emoji aside:
 * those (W since Unicode 9) are found by {@link EMOJI}.
 */
const WIDE: ReadonlyArray<readonly [number, number]> = [
    [0x1100, 0x115f], [0x2329, 0x232a], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff],
    [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f],
    [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4], [0x16ff0, 0x16ff1], [0x17000, 0x18cd5],
    [0x18d00, 0x18d08], [0x1aff0, 0x1b2fb], [0x1f200, 0x1f202], [0x1f210, 0x1f23b], [0x1f240, 0x1f248],
    [0x1f250, 0x1f251], [0x1f260, 0x1f265], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

function isWide(code: number): boolean {
    if (code < 0x1100) return false;
    let low = 0;
    let high = WIDE.length - 1;
    while (low <= high) {
        const mid = (low + high) >> 1;
        const [from, to] = WIDE[mid]!;
        if (code < from) high = mid - 1;
        else if (code > to) low = mid + 1;
        else return true;
    }
    return false;
}
