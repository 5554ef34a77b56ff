/**
 * Text measurement, injected into the layout: the preview measures with a
 * canvas (`measureText`, the font actually drawn); without a DOM (the CLI's
 * SVG) widths come from the table of the declared font stack's first font
 * found on Debian, Liberation Sans (metric-compatible with Arial, which is
 * second in the stack on Windows and macOS).
 */
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

const index = new Map<number, number>();
let offset = 0;
for (const [from, to] of RANGES) {
    for (let c = from; c <= to; c++) index.set(c, offset + c - from);
    offset += to - from + 1;
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
    const i = index.get(codePoint);
    const width = i === undefined ? 0 : (bold ? BOLD : REGULAR)[i]!;
    return width > 0 ? width : fallbackWidth(codePoint);
}

/** The measurer without a DOM: the width table of Liberation Sans and DejaVu Sans Mono. */
export const tableMeasure: MeasureText = (text, style) => {
    let units = 0;
    for (const ch of text) {
        const codePoint = ch.codePointAt(0)!;
        if (codePoint >= 0x300 && codePoint <= 0x36f) continue;
        units += style.mono ? (fallbackWidth(codePoint) === 1000 && index.get(codePoint) === undefined ? 2 * MONO : MONO) : charWidth(codePoint, style.bold === true);
    }
    return units / 1000 * style.size;
};

/**
 * A measurer that remembers widths (titles repeat words; a canvas call costs
 * microseconds). Unbounded within one layout; make a new one per layout.
 */
export function cachedMeasure(measure: MeasureText): MeasureText {
    const cache = new Map<string, number>();
    return (text, style) => {
        const key = `${style.size}|${style.bold ? 1 : 0}${style.mono ? 1 : 0}|${text}`;
        let width = cache.get(key);
        if (width === undefined) cache.set(key, width = measure(text, style));
        return width;
    };
}
