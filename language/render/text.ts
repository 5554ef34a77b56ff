/** Text helpers for drawings: XML escaping, wrapping and truncation by measured width, figures in words. */
import type { MetricFigures } from '../graph/types.js';
import { isCachedMeasure, styleKey, type MeasureText, type TextStyle } from './measure.js';

// XML 1.0 forbids most C0 controls, lone surrogates and U+FFFE/U+FFFF, even as character references;
// DEL and the C1 controls it only discourages are dropped too: no drawing (in a mailed report, an exported SVG) and no JUnit
// report of `align check` (cli/check-formats/junit.ts, read in CI logs) carries a control.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML content and attribute values (and drops characters XML cannot hold). */
export function escapeXml(text: string): string {
    return text.replace(INVALID_XML, '').replace(/[&<>"']/g, c => ENTITIES[c]!);
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&apos;' };

/** `text` cut to fit `maxWidth`, with an ellipsis when cut. */
export function truncate(text: string, maxWidth: number, style: TextStyle, measure: MeasureText): string {
    if (measure(text, style) <= maxWidth) return text;
    const chars = Array.from(text);
    const budget = maxWidth - measure(ELLIPSIS, style);
    let low = 0;
    let high = chars.length;
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (measure(chars.slice(0, mid).join(''), style) <= budget) low = mid;
        else high = mid - 1;
    }
    return chars.slice(0, low).join('').trimEnd() + ELLIPSIS;
}

const ELLIPSIS = '\u2026';

/**
 * Wraps `text` at spaces into at most `maxLines` lines no wider than
 * `maxWidth`; a word wider than a line is broken between characters; what
 * does not fit ends the last line with an ellipsis.
 */
export function wrap(text: string, maxWidth: number, style: TextStyle, maxLines: number, measure: MeasureText): string[] {
    return remembered('words', text, maxWidth, style, maxLines, measure, wrapped);
}

/**
 * Wraps a text of phrases joined by ` · ` (`no actual since 2026-06 · 33%
 * of the way`) as {@link wrap} does, but breaking between phrases: a line
 * ends after a whole phrase with the separator at its end (`no actual
 * since 2026-06 ·` / `33% of the way`; dropped when it does not fit), and
 * only a phrase wider than a line breaks between its words.
 */
export function wrapPhrases(text: string, maxWidth: number, style: TextStyle, maxLines: number, measure: MeasureText): string[] {
    return remembered('phrases', text, maxWidth, style, maxLines, measure, phrased);
}

type Wrapper = (text: string, maxWidth: number, style: TextStyle, maxLines: number, measure: MeasureText) => string[];

/** The lines `how` wraps a text into, kept by a cached measurer. */
function remembered(kind: string, text: string, maxWidth: number, style: TextStyle, maxLines: number, measure: MeasureText, how: Wrapper): string[] {
    if (!isCachedMeasure(measure)) return how(text, maxWidth, style, maxLines, measure);
    // A drawing wraps the same texts at the same widths again and again (each box width a page layout tries, a node in many chains).
    let memo = WRAPPED.get(measure);
    if (!memo) WRAPPED.set(measure, memo = new Map());
    const key = `${kind}|${styleKey(style)}|${maxWidth}|${maxLines}|${text}`;
    let lines = memo.get(key);
    if (!lines) memo.set(key, lines = how(text, maxWidth, style, maxLines, measure));
    return [...lines];
}

/** The lines wrap computed, by cached measurer (kept as long as it is) and by text, width, style and line count. */
const WRAPPED = new WeakMap<MeasureText, Map<string, readonly string[]>>();

const PHRASE_SEPARATOR = ' · ';

function phrased(text: string, maxWidth: number, style: TextStyle, maxLines: number, measure: MeasureText): string[] {
    const phrases = text.trim().split(PHRASE_SEPARATOR);
    if (phrases.length === 1) return wrapped(text, maxWidth, style, maxLines, measure);
    const closed = (line: string): string => measure(`${line} ·`, style) <= maxWidth ? `${line} ·` : line;
    const lines: string[] = [];
    let line = '';
    for (const phrase of phrases) {
        if (line && measure(`${line}${PHRASE_SEPARATOR}${phrase}`, style) <= maxWidth) {
            line += `${PHRASE_SEPARATOR}${phrase}`;
            continue;
        }
        if (line) lines.push(closed(line));
        const parts = wrapped(phrase, maxWidth, style, Infinity, measure);
        lines.push(...parts.slice(0, -1));
        line = parts[parts.length - 1] ?? '';
    }
    if (line) lines.push(line);
    if (lines.length <= maxLines) return lines;
    return [...lines.slice(0, maxLines - 1), truncate(lines.slice(maxLines - 1).join(' '), maxWidth, style, measure)];
}

function wrapped(text: string, maxWidth: number, style: TextStyle, maxLines: number, measure: MeasureText): string[] {
    // Pieces of one broken word are glued together again where the rest is cut (`Supercalifrag…`, not `… Supercalifrag…`).
    const pieces = text.trim().split(/\s+/).filter(Boolean).flatMap(word => breakWord(word, maxWidth, style, measure).map((piece, i) => ({ piece, glued: i > 0 })));
    const words = pieces.map(p => p.piece);
    const rest = (from: number): string => pieces.slice(from).map((p, i) => i > 0 && !p.glued ? ` ${p.piece}` : p.piece).join('');
    const space = measure(' ', style);
    const lines: string[] = [];
    let line = '';
    let width = 0;
    for (let i = 0; i < words.length; i++) {
        const word = words[i]!;
        const w = measure(word, style);
        if (line === '') {
            line = word;
            width = w;
        } else if (width + space + w <= maxWidth) {
            line += ` ${word}`;
            width += space + w;
        } else if (lines.length === maxLines - 1) {
            return [...lines, truncate(`${line}${pieces[i]!.glued ? '' : ' '}${rest(i)}`, maxWidth, style, measure)];
        } else {
            lines.push(line);
            line = word;
            width = w;
        }
    }
    if (line) lines.push(line);
    return lines;
}

/**
 * A word as pieces no wider than `maxWidth` (most words are one piece):
 * where a piece must end, it ends after the last dot inside it (between
 * the parts of a qualified name), else at the last place where a reader
 * sees a word end (before a capital that follows a small letter or digit,
 * after `_` or `-`: `ExecutiveConversations` breaks as `Executive` /
 * `Conversations`), unless that would leave less than a third of the line;
 * else between characters.
 */
function breakWord(word: string, maxWidth: number, style: TextStyle, measure: MeasureText): string[] {
    if (measure(word, style) <= maxWidth) return [word];
    const chars = [...word];
    const pieces: string[] = [];
    let start = 0;
    while (start < chars.length) {
        let end = start + 1;
        while (end < chars.length && measure(chars.slice(start, end + 1).join(''), style) <= maxWidth) end++;
        if (end < chars.length) {
            const enough = (boundary: number): boolean => boundary - start >= (end - start) / 3;
            const dot = lastBoundary(chars, start, end, before => before === '.');
            const word = lastBoundary(chars, start, end, endsWord);
            end = enough(dot) ? dot : enough(word) ? word : end;
        }
        pieces.push(chars.slice(start, end).join(''));
        start = end;
    }
    return pieces;
}

/** Whether a reader sees a word of a name end between `before` and `at`: after `_` or `-`, or before a capital that follows a small letter or digit. */
function endsWord(before: string, at: string | undefined): boolean {
    return /[_-]/.test(before) || (at !== undefined && /\p{Lu}/u.test(at) && /[\p{Ll}\p{N}]/u.test(before));
}

/** A name's words, where breakWord may end a piece: `AskOpenQuestions` as Ask, Open, Questions; `Q.Nps` as Q., Nps; `first_aid` as first_, aid. */
export function nameWords(name: string): string[] {
    const chars = [...name];
    const words: string[] = [];
    let start = 0;
    for (let i = 1; i < chars.length; i++) {
        if (chars[i - 1] === '.' || endsWord(chars[i - 1]!, chars[i])) {
            words.push(chars.slice(start, i).join(''));
            start = i;
        }
    }
    words.push(chars.slice(start).join(''));
    return words;
}

/** The last index in (start, end] between two characters that `ends` accepts; `start` when there is none. */
function lastBoundary(chars: readonly string[], start: number, end: number, ends: (before: string, at: string | undefined) => boolean): number {
    for (let i = end; i > start; i--) if (ends(chars[i - 1]!, chars[i])) return i;
    return start;
}

// Figures and counts are printed by the presentation module, as everywhere else.
export { deadlineText, figuresText, formatNumber, formatValue, plural, statusText, unitSuffix } from '../present/index.js';

export type TrackStatus = 'on-track' | 'off-track' | 'unknown';

export function trackStatus(m: MetricFigures): TrackStatus {
    return m.onTrack === true ? 'on-track' : m.onTrack === false ? 'off-track' : 'unknown';
}

interface TextBox { readonly x: number; readonly y: number; readonly width: number; readonly height: number }

/**
 * A box of the background behind a label, `pad` px around it (2 px each
 * side unless told); shown in print only (see renderColumns). A layer
 * label's box hugs its glyphs (1 px above and below), so that it covers no
 * more of what lies under the label than the text needs. `attributes`
 * paint it where no style sheet does (a chart's, chart-styles.ts).
 */
export function labelHalo(box: TextBox, pad: { readonly x: number; readonly y: number } = { x: 2, y: 2 }, attributes = ''): string {
    const r = (v: number): number => Math.round(v * 10) / 10;
    return `<rect class="label-halo"${attributes} x="${r(box.x - pad.x)}" y="${r(box.y - pad.y)}" width="${r(box.width + 2 * pad.x)}" height="${r(box.height + 2 * pad.y)}" rx="2"/>`;
}
