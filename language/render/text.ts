/** Text helpers for SVG output without a DOM: XML escaping, width estimates, wrapping, figures. */
import type { MetricFigures } from '../graph/types.js';

// XML 1.0 forbids most C0 controls, lone surrogates and U+FFFE/U+FFFF, even as character references.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML content and attribute values (and drops characters XML cannot hold). */
export function escapeXml(text: string): string {
    return text.replace(INVALID_XML, '').replace(/[&<>"']/g, c => ENTITIES[c]!);
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&apos;' };

/** Estimated advance of one character, in em, for a UI sans-serif (no DOM to measure with). */
function charWidth(ch: string): number {
    if (' .,:;\'!|ijlI()[]'.includes(ch)) return 0.3;
    if ('mwMW@%'.includes(ch)) return 0.88;
    if (ch >= 'A' && ch <= 'Z') return 0.68;
    if (ch >= '0' && ch <= '9') return 0.57;
    if (ch.charCodeAt(0) > 0x2e7f) return 1;
    return 0.56;
}

/** Estimated width of `text` at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
    let em = 0;
    for (const ch of text) em += charWidth(ch);
    return em * fontSize;
}

/** `text` cut to fit `maxWidth`, with an ellipsis when cut. */
export function truncate(text: string, maxWidth: number, fontSize: number): string {
    if (textWidth(text, fontSize) <= maxWidth) return text;
    const budget = maxWidth - textWidth('…', fontSize);
    let out = '';
    let width = 0;
    for (const ch of text) {
        width += charWidth(ch) * fontSize;
        if (width > budget) break;
        out += ch;
    }
    return out.trimEnd() + '…';
}

/** Wraps `text` at spaces into at most `lines` lines of `maxWidth`; the last line is truncated. */
export function wrap(text: string, maxWidth: number, fontSize: number, lines: number): string[] {
    const words = text.trim().split(/\s+/).filter(Boolean);
    const out: string[] = [];
    let current = '';
    for (let i = 0; i < words.length; i++) {
        const next = current ? `${current} ${words[i]}` : words[i]!;
        if (textWidth(next, fontSize) <= maxWidth || !current) {
            current = next;
            continue;
        }
        if (out.length === lines - 1) return [...out, truncate(`${current} ${words.slice(i).join(' ')}`, maxWidth, fontSize)];
        out.push(truncate(current, maxWidth, fontSize));
        current = words[i]!;
    }
    if (current) out.push(truncate(current, maxWidth, fontSize));
    return out;
}

// Figures and counts are printed by the presentation module, as everywhere else.
export { figuresText, formatNumber, formatValue, plural, statusText, unitSuffix } from '../present/index.js';

export type TrackStatus = 'on-track' | 'off-track' | 'unknown';

export function trackStatus(m: MetricFigures): TrackStatus {
    return m.onTrack === true ? 'on-track' : m.onTrack === false ? 'off-track' : 'unknown';
}
