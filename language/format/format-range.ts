import { AstUtils, type LangiumCoreServices } from 'langium';
import { changedMeaning, parsedOriginal } from './check-meaning.js';
import { formatAlignWith, formatterServices, type FormatOptions, type FormatResult } from './format-align.js';
import { lineHunks, type Hunk } from './line-diff.js';

/** A part of a text, by offsets (`end` excluded). */
export interface OffsetRange {
    readonly start: number;
    readonly end: number;
}

/**
 * Formats the lines of `text` that `range` touches, never a line outside the
 * top-level declarations that the range touches: the canonical result's
 * line changes that overlap the range (or touch it) are applied when they
 * stay within those declarations and keep the file's meaning; otherwise
 * those declarations (an empty range inside one: that one) are formatted on
 * their own. When that too would change the file's meaning, the result is
 * an error saying to format the whole file.
 */
export function formatAlignRange(text: string, range: OffsetRange, options: FormatOptions = {}): FormatResult {
    return formatAlignRangeWith(formatterServices(), text, range, options);
}

/** {@link formatAlignRange} with the parser and lexer of `services`. */
export function formatAlignRangeWith(services: LangiumCoreServices, text: string, range: OffsetRange, options: FormatOptions = {}): FormatResult {
    const whole = formatAlignWith(services, text, options);
    if ('error' in whole || !whole.changed) return whole;
    const original = parsedOriginal(services, text);
    const span = declarationLines(original.root, text, range);
    const hunks = lineHunks(text, whole.text);
    const inside = hunks.filter(h => h.start <= range.end && h.end >= range.start);
    if (inside.every(h => h.start >= span.start && h.end <= span.end)) {
        const partial = apply(text, inside);
        if (!changedMeaning(services, original, partial)) return { text: partial, changed: partial !== text };
    }
    const alone = formatAlignWith(services, text.slice(span.start, span.end), options);
    if (!('error' in alone)) {
        const result = text.slice(0, span.start) + alone.text + text.slice(span.end);
        if (!changedMeaning(services, original, result)) return { text: result, changed: result !== text };
    }
    return { error: 'Not formatted: the selection cannot be formatted apart from the rest of the file; format the whole document.' };
}

/**
 * The whole lines of the top-level declarations that `range` touches (with
 * any other declaration sharing those lines), or the range's own lines when
 * it touches none (blank lines, comments between declarations).
 */
function declarationLines(root: import('langium').AstNode, text: string, range: OffsetRange): OffsetRange {
    const declarations = AstUtils.streamContents(root).toArray().flatMap(n => n.$cstNode ? [{ start: n.$cstNode.offset, end: n.$cstNode.end }] : []);
    const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = (offset: number) => { const at = text.indexOf('\n', offset); return at < 0 ? text.length : at + 1; };
    // A selection of whole lines ends at the start of the next line: the declaration starting there is not selected.
    const touched = declarations.filter(d => (d.start < range.end || d.start === range.start) && d.end >= range.start);
    let span = touched.length === 0 ? range : { start: Math.min(...touched.map(d => d.start)), end: Math.max(...touched.map(d => d.end)) };
    for (;;) {
        const lines = { start: lineStart(span.start), end: lineEnd(Math.max(span.start, span.end - 1)) };
        const sharing = declarations.filter(d => d.start < lines.end && d.end > lines.start);
        const next = { start: Math.min(lines.start, ...sharing.map(d => lineStart(d.start))), end: Math.max(lines.end, ...sharing.map(d => lineEnd(Math.max(d.start, d.end - 1)))) };
        if (next.start === lines.start && next.end === lines.end) return lines;
        span = next;
    }
}

function apply(text: string, hunks: readonly Hunk[]): string {
    let result = '';
    let at = 0;
    for (const h of hunks) {
        result += text.slice(at, h.start) + h.text;
        at = h.end;
    }
    return result + text.slice(at);
}
