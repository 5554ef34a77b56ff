import { AstUtils, type AstNode, type LangiumCoreServices } from 'langium';
import { changedMeaning, parsedOriginal } from './check-meaning.js';
import { formatAlignWith, formatterServices, type FormatOptions, type FormatResult } from './format-align.js';
import { lineHunksApartAtBlankLines, type Hunk } from './line-diff.js';
import { formatSelectedLines } from './selected-lines.js';

/** A part of a text, by offsets (`end` excluded). */
export interface OffsetRange {
    readonly start: number;
    readonly end: number;
}

/**
 * Formats the lines of `text` that `range` touches: they become what
 * formatting the whole file makes of them, and no other line changes but
 * those the formatting joins to them or splits along with them
 * (selected-lines.ts), blank lines at their edges included. When the
 * formatting moves text into or out of those lines (a program's attributes
 * go before its members) or that result would change the file's meaning,
 * never a line outside those lines and the top-level declarations that the
 * range touches changes: the canonical result's line changes that overlap
 * the range's lines (a blank line that stays one is a change of its own,
 * line-diff.ts) are applied when they stay within those lines and
 * declarations and keep the file's meaning; otherwise those declarations
 * (an empty range inside one: that one; none: the range's lines) are
 * formatted on their own, blank lines at their edges kept blank. When that
 * too would change the file's meaning, the result is an error saying to
 * format the whole file. A range over the whole file gives what formatting
 * the whole file gives.
 */
export function formatAlignRange(text: string, range: OffsetRange, options: FormatOptions = {}): FormatResult {
    return formatAlignRangeWith(formatterServices(), text, range, options);
}

/** {@link formatAlignRange} with the parser and lexer of `services`. */
export function formatAlignRangeWith(services: LangiumCoreServices, text: string, range: OffsetRange, options: FormatOptions = {}): FormatResult {
    const whole = formatAlignWith(services, text, options);
    if ('error' in whole || !whole.changed) return whole;
    const original = parsedOriginal(services, text);
    const lines = linesOf(text, range);
    const selected = formatSelectedLines(services, text, whole.text, lines);
    if (selected !== undefined && !changedMeaning(services, original, selected)) return { text: selected, changed: selected !== text };
    const declarations = declarationLines(original.root, text, range);
    const span = declarations ? { start: Math.min(lines.start, declarations.start), end: Math.max(lines.end, declarations.end) } : lines;
    const inside = lineHunksApartAtBlankLines(text, whole.text).filter(h => onLines(h, lines));
    if (inside.every(h => h.start >= span.start && h.end <= span.end)) {
        const partial = apply(text, inside);
        if (!changedMeaning(services, original, partial)) return { text: partial, changed: partial !== text };
    }
    const alone = formatApart(services, text, declarations ?? lines, options);
    if (alone !== undefined) {
        const result = text.slice(0, alone.start) + alone.text + text.slice(alone.end);
        if (!changedMeaning(services, original, result)) return { text: result, changed: result !== text };
    }
    return { error: 'Not formatted: the selection cannot be formatted apart from the rest of the file; format the whole document.' };
}

/** Where the line holding `offset` starts (`lastIndexOf` takes a negative start as 0: a file's first line would start after a break at 0). */
const lineStartOf = (text: string, offset: number): number => offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
const lineEndOf = (text: string, offset: number): number => { const at = text.indexOf('\n', offset); return at < 0 ? text.length : at + 1; };

/** The whole lines of a range; a range that ends at the start of a line (a selection of whole lines) does not hold that line. */
function linesOf(text: string, range: OffsetRange): OffsetRange {
    const start = lineStartOf(text, range.start);
    return { start, end: range.end > range.start && range.end === lineStartOf(text, range.end) ? Math.max(start, range.end) : lineEndOf(text, range.end) };
}

/** Whether a hunk replaces some of `lines`, or inserts lines among them (at their start or end included). */
const onLines = (hunk: Hunk, lines: OffsetRange): boolean =>
    hunk.start === hunk.end ? lines.start <= hunk.start && hunk.start <= lines.end : hunk.start < lines.end && hunk.end > lines.start;

/**
 * The whole lines of the top-level declarations that `range` touches (with
 * any other declaration sharing those lines); none when it touches none
 * (blank lines, comments between declarations).
 */
function declarationLines(root: AstNode, text: string, range: OffsetRange): OffsetRange | undefined {
    const declarations = AstUtils.streamContents(root).toArray().flatMap(n => n.$cstNode ? [{ start: n.$cstNode.offset, end: n.$cstNode.end }] : []);
    const lineStart = (offset: number) => lineStartOf(text, offset);
    const lineEnd = (offset: number) => lineEndOf(text, offset);
    // A selection of whole lines ends at the start of the next line: the declaration starting there is not selected.
    const touched = declarations.filter(d => (d.start < range.end || d.start === range.start) && d.end >= range.start);
    if (touched.length === 0) return undefined;
    let span = { start: Math.min(...touched.map(d => d.start)), end: Math.max(...touched.map(d => d.end)) };
    for (;;) {
        const lines = { start: lineStart(span.start), end: lineEnd(Math.max(span.start, span.end - 1)) };
        const sharing = declarations.filter(d => d.start < lines.end && d.end > lines.start);
        const next = { start: Math.min(lines.start, ...sharing.map(d => lineStart(d.start))), end: Math.max(lines.end, ...sharing.map(d => lineEnd(Math.max(d.start, d.end - 1)))) };
        if (next.start === lines.start && next.end === lines.end) return lines;
        span = next;
    }
}

/**
 * The lines of `span` formatted on their own, as a replacement of a part
 * of `text`: blank lines at its edges stay blank lines (formatting them on
 * their own would drop them, joining what they separate), emptied.
 */
function formatApart(services: LangiumCoreServices, text: string, span: OffsetRange, options: FormatOptions): Hunk | undefined {
    const lines = text.slice(span.start, span.end).split(/(?<=\n)/);
    const first = lines.findIndex(l => l.trim() !== '');
    if (first < 0) return { ...span, text: lines.map(emptied).join('') };
    const last = lines.length - 1 - [...lines].reverse().findIndex(l => l.trim() !== '');
    const alone = formatAlignWith(services, lines.slice(first, last + 1).join(''), options);
    if ('error' in alone) return undefined;
    return { ...span, text: lines.slice(0, first).map(emptied).join('') + alone.text + lines.slice(last + 1).map(emptied).join('') };
}

/** A blank line without its white space: its line break only (and a byte order mark, which a file's first line may start with). */
const emptied = (line: string): string => line.replace(/[^\r\n\uFEFF]/g, '');

function apply(text: string, hunks: readonly Hunk[]): string {
    let result = '';
    let at = 0;
    for (const h of hunks) {
        result += text.slice(at, h.start) + h.text;
        at = h.end;
    }
    return result + text.slice(at);
}
