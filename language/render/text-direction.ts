/**
 * The direction of a line of a drawing, as a browser gives text marked
 * `dir="auto"`: a Hebrew or Arabic title reads right to left (its `?` at
 * the left end), an English one left to right, each line on its own.
 */

export type TextDirection = 'ltr' | 'rtl';

/** A strong character: a letter, or one of the marks LRM, RLM and ALM (which letters count as L, R or AL, UAX #9). */
const STRONG = /[\p{L}\u200E\u200F\u061C]/u;
/** The blocks whose letters are right to left (bidi class R or AL: Hebrew, Arabic, Syriac, Thaana, N'Ko..., their presentation forms), and RLM. */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\u200F\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
/** LRI, RLI, FSI: what they open up to its PDI (U+2069) has no say in the line's direction. */
const ISOLATE_OPENS = /[\u2066-\u2068]/;
const PDI = '\u2069';

/**
 * The base direction of one line: that of its first strong character
 * outside isolates (UAX #9 rules P2 and P3); left to right when it has
 * none (digits, punctuation, a blank line).
 */
export function baseDirection(line: string): TextDirection {
    let isolated = 0;
    for (const c of line) {
        if (ISOLATE_OPENS.test(c)) isolated++;
        else if (c === PDI) isolated = Math.max(0, isolated - 1);
        else if (isolated === 0 && STRONG.test(c)) return RIGHT_TO_LEFT.test(c) ? 'rtl' : 'ltr';
    }
    return 'ltr';
}

/** Where a line sits at its `x`, as seen: its left end there, its middle, or its right end. */
export type LineAnchor = 'left' | 'middle' | 'right';

/**
 * The attributes of an SVG `<text>` that draws `line` in its own base
 * direction, the `anchor` side of it at the text's `x`. SVG's
 * `text-anchor` names the start and end of the text in its direction: a
 * right-to-left line starts at its right end, so it is anchored at its
 * `end` to keep its left end where a left-to-right line's would be.
 * Nothing for a left-to-right line anchored at its left end (the default).
 */
export function lineAttributes(line: string, anchor: LineAnchor = 'left'): string {
    const rtl = baseDirection(line) === 'rtl';
    const svgAnchor = anchor === 'middle' ? 'middle' : (anchor === 'left') !== rtl ? 'start' : 'end';
    return (rtl ? ' direction="rtl"' : '') + (svgAnchor === 'start' ? '' : ` text-anchor="${svgAnchor}"`);
}
