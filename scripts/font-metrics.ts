/**
 * Writes language/render/font-metrics.ts: advance widths of the fonts that
 * Chromium on Debian draws the preview's declared font stacks with
 * (`CSS.getPlatformFontsForNode`: Liberation Sans 2 for the sans-serif stack,
 * Hebrew included; DejaVu Sans, at every weight, for the Arabic it lacks;
 * DejaVu Sans Mono for the monospace stack), read from the TrueType files
 * (`head`, `hhea`, `hmtx`, `cmap` format 4, and for Arabic the joined forms
 * of `GSUB` features `init`, `medi` and `fina`; kerning is left out). The
 * CLI's SVG wraps titles with these widths, so that it matches the preview.
 *
 *   node --import tsx scripts/font-metrics.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Liberation Sans 2 (fonts-liberation2), which fontconfig prefers to the 1.07
 * of fonts-liberation when both are installed: it has Hebrew, and widths of
 * its own for the middle dot and some currency signs.
 */
const FONTS = {
    regular: '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
    bold: '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf',
    arabic: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    mono: '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf'
};

/** Code point ranges in the table: Latin, Hebrew and Arabic, punctuation, currency, arrows, the minus sign. */
const RANGES: Array<[number, number]> = [[0x20, 0x7e], [0xa0, 0x17f], [0x590, 0x6ff], [0x2010, 0x2044], [0x20a0, 0x20bf], [0x2190, 0x2193], [0x2212, 0x2212]];
/** Arabic: drawn with FONTS.arabic, in regular and bold text alike (Chromium's fallback for weights 400 to 700). */
const ARABIC: [number, number] = [0x600, 0x6ff];
/** Characters HarfBuzz draws with another's glyph when the font has none: the non-breaking hyphen. */
const STAND_INS = new Map([[0x2011, 0x2010]]);
/** Lam (U+0644) and the alef after it, drawn as one glyph: the alefs with madda, hamza above, hamza below, and the plain alef, and their ligatures' isolated forms (the final form follows each). */
const LAM_ALEF: Array<[number, number]> = [[0x622, 0xfef5], [0x623, 0xfef7], [0x625, 0xfef9], [0x627, 0xfefb]];

interface Font {
    unitsPerEm: number;
    /** The glyph of a code point (0: none). */
    glyph(codePoint: number): number;
    /** The advance of a glyph, in font units. */
    glyphAdvance(glyph: number): number;
    advance(codePoint: number): number | undefined;
    /** The glyph a single substitution of the `GSUB` feature `tag` puts for `glyph`, if any. */
    substitute(tag: string, glyph: number): number | undefined;
}

function readFont(file: string): Font {
    const data = fs.readFileSync(file);
    const tables = new Map<string, number>();
    const count = data.readUInt16BE(4);
    for (let i = 0; i < count; i++) tables.set(data.toString('latin1', 12 + i * 16, 16 + i * 16), data.readUInt32BE(20 + i * 16));
    const table = (tag: string): number => {
        const offset = tables.get(tag);
        if (offset === undefined) throw new Error(`${file}: no ${tag} table`);
        return offset;
    };
    const unitsPerEm = data.readUInt16BE(table('head') + 18);
    const metrics = data.readUInt16BE(table('hhea') + 34);
    const hmtx = table('hmtx');
    const glyphOf = cmap4(data, table('cmap'));
    const glyphAdvance = (glyph: number): number => data.readUInt16BE(hmtx + 4 * Math.min(glyph, metrics - 1));
    const substitutions = new Map<string, Map<number, number>>();
    return {
        unitsPerEm,
        glyph: glyphOf,
        glyphAdvance,
        advance: codePoint => {
            const glyph = glyphOf(codePoint);
            return glyph === 0 ? undefined : glyphAdvance(glyph);
        },
        substitute: (tag, glyph) => {
            let map = substitutions.get(tag);
            if (!map) substitutions.set(tag, map = singleSubstitutions(data, table('GSUB'), tag));
            return map.get(glyph);
        }
    };
}

/** The glyphs of a coverage table, in coverage index order. */
function coverage(data: Buffer, at: number): number[] {
    const count = data.readUInt16BE(at + 2);
    if (data.readUInt16BE(at) === 1) return Array.from({ length: count }, (_, i) => data.readUInt16BE(at + 4 + i * 2));
    const glyphs: number[] = [];
    for (let r = 0; r < count; r++) {
        const start = data.readUInt16BE(at + 4 + r * 6);
        const end = data.readUInt16BE(at + 6 + r * 6);
        for (let g = start; g <= end; g++) glyphs.push(g);
    }
    return glyphs;
}

/** The single substitutions (lookup type 1, also inside extensions, type 7) of every `GSUB` feature tagged `tag`. */
function singleSubstitutions(data: Buffer, gsub: number, tag: string): Map<number, number> {
    const features = gsub + data.readUInt16BE(gsub + 6);
    const lookups = gsub + data.readUInt16BE(gsub + 8);
    const indices = new Set<number>();
    for (let f = 0; f < data.readUInt16BE(features); f++) {
        if (data.toString('latin1', features + 2 + f * 6, features + 6 + f * 6) !== tag) continue;
        const feature = features + data.readUInt16BE(features + 6 + f * 6);
        for (let i = 0; i < data.readUInt16BE(feature + 2); i++) indices.add(data.readUInt16BE(feature + 4 + i * 2));
    }
    const map = new Map<number, number>();
    for (const index of indices) {
        const lookup = lookups + data.readUInt16BE(lookups + 2 + index * 2);
        const type = data.readUInt16BE(lookup);
        for (let s = 0; s < data.readUInt16BE(lookup + 4); s++) {
            let sub = lookup + data.readUInt16BE(lookup + 6 + s * 2);
            if (type === 7) {
                if (data.readUInt16BE(sub + 2) !== 1) continue;
                sub += data.readUInt32BE(sub + 4);
            } else if (type !== 1) continue;
            const format = data.readUInt16BE(sub);
            coverage(data, sub + data.readUInt16BE(sub + 2)).forEach((glyph, i) => {
                if (map.has(glyph)) return;
                map.set(glyph, format === 1 ? (glyph + data.readInt16BE(sub + 4)) & 0xffff : data.readUInt16BE(sub + 6 + i * 2));
            });
        }
    }
    return map;
}

/** The glyph lookup of the Windows Unicode BMP subtable (platform 3, encoding 1, format 4). */
function cmap4(data: Buffer, cmap: number): (codePoint: number) => number {
    const subtables = data.readUInt16BE(cmap + 2);
    for (let i = 0; i < subtables; i++) {
        const platform = data.readUInt16BE(cmap + 4 + i * 8);
        const encoding = data.readUInt16BE(cmap + 6 + i * 8);
        const at = cmap + data.readUInt32BE(cmap + 8 + i * 8);
        if (platform !== 3 || encoding !== 1 || data.readUInt16BE(at) !== 4) continue;
        const segments = data.readUInt16BE(at + 6) / 2;
        const ends = at + 14;
        const starts = ends + segments * 2 + 2;
        const deltas = starts + segments * 2;
        const offsets = deltas + segments * 2;
        return codePoint => {
            for (let s = 0; s < segments; s++) {
                if (data.readUInt16BE(ends + s * 2) < codePoint) continue;
                const start = data.readUInt16BE(starts + s * 2);
                if (start > codePoint) return 0;
                const delta = data.readInt16BE(deltas + s * 2);
                const offset = data.readUInt16BE(offsets + s * 2);
                if (offset === 0) return (codePoint + delta) & 0xffff;
                const glyph = data.readUInt16BE(offsets + s * 2 + offset + (codePoint - start) * 2);
                return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
            }
            return 0;
        };
    }
    throw new Error('no format 4 cmap subtable');
}

/** A width in font units in thousandths of an em. */
function em(font: Font, units: number): number {
    return Math.round(units / font.unitsPerEm * 1000);
}

/** Widths of every code point of the ranges, in thousandths of an em (0: not in the font); Arabic from `arabic`. */
function widths(font: Font, arabic: Font): number[] {
    return RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => {
        const codePoint = from + i;
        const drawnWith = codePoint >= ARABIC[0] && codePoint <= ARABIC[1] ? arabic : font;
        const advance = drawnWith.advance(codePoint) ?? drawnWith.advance(STAND_INS.get(codePoint) ?? -1);
        return advance === undefined ? 0 : em(drawnWith, advance);
    }));
}

/**
 * The joined forms of the Arabic letters, three widths per code point from
 * the first letter that joins to the last: final, initial, medial (0: the
 * letter has no such form, it does not join on that side).
 */
function joinedForms(font: Font): { from: number; widths: number[] } {
    const forms = (codePoint: number): number[] => ['fina', 'init', 'medi'].map(tag => {
        const glyph = font.glyph(codePoint);
        const joined = glyph === 0 ? undefined : font.substitute(tag, glyph);
        return joined === undefined ? 0 : em(font, font.glyphAdvance(joined));
    });
    const joining = Array.from({ length: ARABIC[1] - ARABIC[0] + 1 }, (_, i) => ARABIC[0] + i).filter(c => forms(c).some(w => w > 0));
    const from = joining[0]!;
    return { from, widths: Array.from({ length: joining[joining.length - 1]! - from + 1 }, (_, i) => forms(from + i)).flat() };
}

const regular = readFont(FONTS.regular);
const bold = readFont(FONTS.bold);
const arabic = readFont(FONTS.arabic);
const mono = readFont(FONTS.mono);
const joined = joinedForms(arabic);
const lamAlef = LAM_ALEF.map(([alef, isolated]) => [alef, em(arabic, arabic.advance(isolated)!), em(arabic, arabic.advance(isolated + 1)!)]);
const monoWidth = Math.round(mono.advance(0x30)! / mono.unitsPerEm * 1000);
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../language/render/font-metrics.ts');
const list = (values: number[]): string => values.join(',').replace(/(.{1,110})(,|$)/g, '\n    $1$2').trimEnd();
fs.writeFileSync(out, `/**
 * Advance widths, in thousandths of an em, of the fonts Chromium on Debian
 * draws the preview with: Liberation Sans 2 (regular, bold) for the
 * sans-serif stack, Hebrew included, DejaVu Sans (regular at every weight)
 * for its Arabic, and DejaVu Sans Mono. Generated by scripts/font-metrics.ts
 * from the Debian font files; do not edit.
 */

/** Code point ranges [first, last] covered by the width lists, in order. */
export const RANGES: ReadonlyArray<readonly [number, number]> = ${JSON.stringify(RANGES)};

/** Liberation Sans Regular, one width per code point of RANGES (0: no glyph); Arabic letters in their isolated form. */
export const REGULAR: readonly number[] = [${list(widths(regular, arabic))}
];

/** Liberation Sans Bold (what weights 600 and 700 are drawn with); Arabic as in REGULAR. */
export const BOLD: readonly number[] = [${list(widths(bold, arabic))}
];

/** The first code point of ARABIC_JOINED. */
export const ARABIC_JOINED_FROM = 0x${joined.from.toString(16)};

/**
 * The joined forms of the Arabic letters from ARABIC_JOINED_FROM on, three
 * widths per code point: final, initial, medial (0: the letter does not
 * join on that side). DejaVu Sans's \`GSUB\` features fina, init, medi.
 */
export const ARABIC_JOINED: readonly number[] = [${list(joined.widths)}
];

/** Lam followed by an alef, drawn as one glyph: [alef, isolated width, final width]. */
export const LAM_ALEF: ReadonlyArray<readonly [number, number, number]> = ${JSON.stringify(lamAlef)};

/** DejaVu Sans Mono: every glyph has this advance. */
export const MONO = ${monoWidth};
`);
process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
