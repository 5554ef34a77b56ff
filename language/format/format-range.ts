import type { LangiumCoreServices } from 'langium';
import { changedMeaning, parsedOriginal } from './check-meaning.js';
import { formatAlignWith, formatterServices, type FormatOptions, type FormatResult } from './format-align.js';
import { lineHunks, type Hunk } from './line-diff.js';

/** A part of a text, by offsets (`end` excluded). */
export interface OffsetRange {
    readonly start: number;
    readonly end: number;
}

/**
 * Formats the lines of `text` that `range` touches: the canonical result's
 * line changes that overlap the range (or touch it) are applied, the others
 * are not. When applying only those would change the file's meaning (e.g.
 * a program attribute that the canonical layout moves from outside the
 * range), the whole file is formatted instead.
 */
export function formatAlignRange(text: string, range: OffsetRange, options: FormatOptions = {}): FormatResult {
    return formatAlignRangeWith(formatterServices(), text, range, options);
}

/** {@link formatAlignRange} with the parser and lexer of `services`. */
export function formatAlignRangeWith(services: LangiumCoreServices, text: string, range: OffsetRange, options: FormatOptions = {}): FormatResult {
    const whole = formatAlignWith(services, text, options);
    if ('error' in whole || !whole.changed) return whole;
    const hunks = lineHunks(text, whole.text);
    const inside = hunks.filter(h => h.start <= range.end && h.end >= range.start);
    if (inside.length === hunks.length) return whole;
    const partial = apply(text, inside);
    if (changedMeaning(services, parsedOriginal(services, text), partial)) return whole;
    return { text: partial, changed: partial !== text };
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
