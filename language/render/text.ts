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

/** A number as written in figures: up to two decimals, no trailing zeros, thousands separated. */
export function formatNumber(value: number): string {
    return NUMBER_FORMAT.format(value);
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A value with its unit: `14.1%` for percent, the bare number otherwise. */
export function formatValue(value: number | undefined, unit: string | undefined): string {
    if (value === undefined) return '–';
    return unit === 'percent' ? `${formatNumber(value)}%` : formatNumber(value);
}

/** The unit written after the figures when it is not a percent (`days`, `score`). */
export function unitSuffix(unit: string | undefined): string {
    return unit && unit !== 'percent' ? ` ${unit}` : '';
}

/** `18% → 14.1% → 14%`: baseline, latest actual, target. */
export function figuresText(m: MetricFigures): string {
    return `${formatValue(m.baseline, m.unit)} → ${formatValue(m.latest?.value, m.unit)} → ${formatValue(m.target, m.unit)}${unitSuffix(m.unit)}`;
}

export type TrackStatus = 'on-track' | 'off-track' | 'unknown';

export function trackStatus(m: MetricFigures): TrackStatus {
    return m.onTrack === true ? 'on-track' : m.onTrack === false ? 'off-track' : 'unknown';
}

/** Words for the status line of a metric: never colour alone. */
export function statusText(m: MetricFigures): string {
    const progress = m.progress === undefined ? '' : ` · ${Math.round(m.progress * 100)}% of the way`;
    if (m.onTrack === true) return `on track${progress}`;
    if (m.onTrack === false) return `off track${progress}`;
    if (m.baseline === undefined && m.target === undefined) return m.isKpi ? 'no baseline or target' : `${m.kind ?? 'untyped'} metric, not a KPI`;
    if (m.target === undefined) return 'no target';
    if (!m.latest) return 'no actuals yet';
    return `on-track unknown${progress}`;
}

/** `2 KPIs`, `1 error`: a count with its noun, plural when needed. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
    return `${count} ${count === 1 ? noun : nouns}`;
}
