/**
 * Text measurement, injected into the layout: the preview measures with a
 * canvas (`measureText`, the font actually drawn); without a DOM (the CLI's
 * SVG) widths come from the table of the declared font stack's first font
 * found on Debian, Liberation Sans (metric-compatible with Arial, which is
 * second in the stack on Windows and macOS), and of DejaVu Sans for Arabic.
 */
import { arabicJoiningCorrection, hasArabicLetters } from './arabic-joining.js';
import { BOLD, MONO, RANGES, REGULAR } from './font-metrics.js';

/** How a piece of text is drawn: size in px, weight, and whether it is in the monospace font. */
export interface TextStyle {
    readonly size: number;
    readonly bold?: boolean;
    readonly mono?: boolean;
}

/** Width in px of `text` drawn in `style`. */
export type MeasureText = (text: string, style: TextStyle) => number;

/** The declared sans-serif stack of drawings outside VS Code (exports, `align graph --format svg`). */
export const SANS_STACK = '"Liberation Sans", Arial, Helvetica, sans-serif';
/** The declared monospace stack: DejaVu Sans Mono and Menlo share their metrics. */
export const MONO_STACK = '"DejaVu Sans Mono", Menlo, Consolas, monospace';

/** Styles of the drawing's text, shared by the layout (measuring) and the styles (drawing). */
export const TEXT = {
    title: { size: 13, bold: true },
    name: { size: 11, mono: true },
    small: { size: 11 },
    smallBold: { size: 11, bold: true },
    figures: { size: 12.5, bold: true },
    label: { size: 11, bold: true }
} as const satisfies Record<string, TextStyle>;

/** Code points below this have a slot in the width tables (the last range ends just under it). */
const TABLE_END = RANGES[RANGES.length - 1]![1] + 1;
/** Widths by code point (0: no glyph, or outside RANGES): one array read per character. */
const REGULAR_BY_CODE_POINT = new Uint16Array(TABLE_END);
const BOLD_BY_CODE_POINT = new Uint16Array(TABLE_END);
/** 1 where RANGES covers the code point. */
const COVERED = new Uint8Array(TABLE_END);
{
    let offset = 0;
    for (const [from, to] of RANGES) {
        for (let c = from; c <= to; c++) {
            REGULAR_BY_CODE_POINT[c] = REGULAR[offset + c - from]!;
            BOLD_BY_CODE_POINT[c] = BOLD[offset + c - from]!;
            COVERED[c] = 1;
        }
        offset += to - from + 1;
    }
}

/** Wide (East Asian, emoji) characters: one em. Others missing from the table: a wide Latin letter. */
function fallbackWidth(codePoint: number): number {
    const wide = (codePoint >= 0x1100 && codePoint <= 0x115f) || (codePoint >= 0x2e80 && codePoint <= 0xa4cf)
        || (codePoint >= 0xac00 && codePoint <= 0xd7a3) || (codePoint >= 0xf900 && codePoint <= 0xfaff)
        || (codePoint >= 0xfe30 && codePoint <= 0xfe4f) || (codePoint >= 0xff00 && codePoint <= 0xff60) || codePoint >= 0x1f000;
    return wide ? 1000 : 667;
}

/** Width of one character in thousandths of an em. */
function charWidth(codePoint: number, bold: boolean): number {
    const width = codePoint < TABLE_END ? (bold ? BOLD_BY_CODE_POINT : REGULAR_BY_CODE_POINT)[codePoint]! : 0;
    return width > 0 ? width : fallbackWidth(codePoint);
}

/** Width of one character of the monospace font: wide characters it has no glyph for take two cells. */
function monoWidth(codePoint: number): number {
    return fallbackWidth(codePoint) === 1000 && !(codePoint < TABLE_END && COVERED[codePoint] === 1) ? 2 * MONO : MONO;
}

/** Points and vowel marks of Hebrew, Arabic and the other right-to-left scripts (nonspacing marks), and the Arabic letter mark. */
const RIGHT_TO_LEFT_MARK = /[\p{Mn}\u061C]/u;

/**
 * Characters drawn over the one before them or not at all: combining
 * accents, the marks of right-to-left scripts (a vowelled Hebrew title),
 * the zero width non-joiner and joiner, and the bidi controls (LRM, RLM,
 * embeddings, overrides, isolates).
 */
function zeroWidth(codePoint: number): boolean {
    if (codePoint < 0x300) return false;
    if (codePoint <= 0x36f) return true;
    if (codePoint >= 0x591 && codePoint <= 0x8ff) return RIGHT_TO_LEFT_MARK.test(String.fromCodePoint(codePoint));
    return (codePoint >= 0x200c && codePoint <= 0x200f) || (codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069);
}

/** The measurer without a DOM: the width table of Liberation Sans (DejaVu Sans for Arabic, its letters in the forms they take) and DejaVu Sans Mono. */
export const tableMeasure: MeasureText = (text, style) => {
    let units = 0;
    const bold = style.bold === true;
    for (let i = 0; i < text.length; i++) {
        let codePoint = text.charCodeAt(i);
        // A surrogate pair is one character (as `for...of` reads it); a lone surrogate counts as itself.
        if (codePoint >= 0xd800 && codePoint <= 0xdbff && i + 1 < text.length) {
            const low = text.charCodeAt(i + 1);
            if (low >= 0xdc00 && low <= 0xdfff) {
                codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (low - 0xdc00);
                i++;
            }
        }
        if (zeroWidth(codePoint)) continue;
        units += style.mono ? monoWidth(codePoint) : charWidth(codePoint, bold);
    }
    if (!style.mono && hasArabicLetters(text)) units += arabicJoiningCorrection(text, codePoint => charWidth(codePoint, bold));
    return units / 1000 * style.size;
};

/** A style as part of a cache's key: size, weight and font. */
export function styleKey(style: TextStyle): string {
    return `${style.size}|${style.bold ? 1 : 0}${style.mono ? 1 : 0}`;
}

/** The measurers cachedMeasure made: caching one again would only add a second lookup. */
const CACHED = new WeakSet<MeasureText>();

/**
 * A measurer that remembers widths (titles repeat words; a canvas call costs
 * microseconds), and lets wrap (text.ts) remember its lines. Unbounded for
 * as long as it is kept: make a new one per layout, or per document (the
 * report's drawings share one). A measurer it made is returned as it is.
 */
export function cachedMeasure(measure: MeasureText): MeasureText {
    if (CACHED.has(measure)) return measure;
    const cache = new Map<string, number>();
    const cached: MeasureText = (text, style) => {
        const key = `${styleKey(style)}|${text}`;
        let width = cache.get(key);
        if (width === undefined) cache.set(key, width = measure(text, style));
        return width;
    };
    CACHED.add(cached);
    return cached;
}

/** Whether `measure` was made by cachedMeasure: its results, and what is computed from them alone, may be kept as long as it is. */
export function isCachedMeasure(measure: MeasureText): boolean {
    return CACHED.has(measure);
}
