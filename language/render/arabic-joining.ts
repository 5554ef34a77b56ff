/**
 * Arabic letters join their neighbours and take a narrower form when they
 * do (initial, medial, final), and lam followed by alef is drawn as one
 * glyph: the width table holds each letter's isolated form, and this
 * corrects a text's width for the forms the letters take in it, as
 * Chromium shapes them with DejaVu Sans (see scripts/font-metrics.ts).
 */
import { ARABIC_JOINED, ARABIC_JOINED_FROM, LAM_ALEF } from './font-metrics.js';

const FINAL = 0;
const INITIAL = 1;
const MEDIAL = 2;
const LAM = 0x644;
/** Tatweel and the zero width joiner join on both sides without a form of their own. */
const JOIN_CAUSING = new Set([0x640, 0x200d]);
/** Marks and format characters (bidi controls), which letters join across; the zero width non-joiner and joiner are not among them. */
const TRANSPARENT = /(?![\u200c\u200d])[\p{Mn}\p{Me}\p{Cf}]/u;
const LIGATURES = new Map(LAM_ALEF.map(([alef, isolated, final]) => [alef, [isolated, final] as const]));

/** Whether `text` may hold a letter whose width depends on its neighbours. */
export function hasArabicLetters(text: string): boolean {
    return /[\u0622-\u06ff]/.test(text);
}

/** The width, in thousandths of an em, of a joined form of a letter (0: none). */
function joined(codePoint: number, form: number): number {
    const at = (codePoint - ARABIC_JOINED_FROM) * 3 + form;
    return at >= 0 && at < ARABIC_JOINED.length ? ARABIC_JOINED[at]! : 0;
}

/** Whether the letter joins the one after it (it has an initial form). */
function joinsNext(codePoint: number | undefined): boolean {
    return codePoint !== undefined && (JOIN_CAUSING.has(codePoint) || joined(codePoint, INITIAL) > 0);
}

/** Whether the letter joins the one before it (it has a final form). */
function joinsPrevious(codePoint: number | undefined): boolean {
    return codePoint !== undefined && (JOIN_CAUSING.has(codePoint) || joined(codePoint, FINAL) > 0);
}

/**
 * What joining changes in the width of `text`, in thousandths of an em,
 * from the sum of its characters' widths (`isolated`: the table's width of
 * a character): negative where letters join.
 */
export function arabicJoiningCorrection(text: string, isolated: (codePoint: number) => number): number {
    const letters: number[] = [];
    for (const ch of text) if (!TRANSPARENT.test(ch)) letters.push(ch.codePointAt(0)!);
    let correction = 0;
    for (let i = 0; i < letters.length; i++) {
        const letter = letters[i]!;
        const previous = joinsNext(letters[i - 1]);
        const ligature = letter === LAM ? LIGATURES.get(letters[i + 1]!) : undefined;
        if (ligature) {
            correction += ligature[previous ? 1 : 0] - isolated(letter) - isolated(letters[i + 1]!);
            i++;
            continue;
        }
        if (!joinsPrevious(letter) && !joinsNext(letter)) continue;
        const joinsBefore = previous && joinsPrevious(letter);
        const joinsAfter = joinsNext(letter) && joinsPrevious(letters[i + 1]);
        const form = joinsBefore && joinsAfter ? MEDIAL : joinsBefore ? FINAL : joinsAfter ? INITIAL : undefined;
        const width = form === undefined ? 0 : joined(letter, form);
        if (width > 0) correction += width - isolated(letter);
    }
    return correction;
}
