/**
 * Merge-conflict markers left in a file (`<<<<<<< HEAD`, `|||||||` of
 * diff3, `=======`, `>>>>>>> branch`), each a lexer error that says so, as
 * tsc's "Merge conflict marker encountered" does, instead of the
 * characters no token matches and the parser errors that follow. As tsc
 * does, the first side of each conflict is read and the rest (the common
 * ancestor, the other side) is passed over, so that the two sides do not
 * give each attribute twice.
 */
import type { IToken } from 'chevrotain';
import type { LexerError } from './align-parser-errors.js';
import type { LexedTokens } from './lexer-recovery.js';
import { lineEnd } from './line-starts.js';

/** The markers of a text and what the parser leaves unread. */
export interface ConflictMarkers {
    /** An error per marker line, in order. */
    readonly errors: LexerError[];
    /** The `[start, end)` spans left unread: the marker lines, the common ancestor and the other side. */
    readonly spans: ReadonlyArray<readonly [number, number]>;
}

/** A marker: seven of one character at a line's start, then the end of the line or a space (and a label). */
const MARKER = /^([<|=>])\1{6}(?=[ \t\r\n]|$)/;

/** The character a marker repeats. */
type Marker = '<' | '|' | '=' | '>';

/**
 * The conflict markers of `text`, found when the lexer stumbled on one
 * (`errors`, as chevrotain reports them); a marker-like line in a comment
 * is no lexer error, and is left alone unless it lies in the passed-over
 * part of a conflict.
 */
export function conflictMarkers(text: string, errors: readonly LexerError[]): ConflictMarkers | undefined {
    const atMarker = new Set(errors.filter(e => e.column === 1 && MARKER.test(text.slice(e.offset, e.offset + 8))).map(e => e.offset));
    if (atMarker.size === 0) return undefined;
    // A conflict left half-resolved (`=======` with no `>>>>>>>` after it) passes over nothing: only its marker lines.
    return markersIn(text, atMarker, true) ?? markersIn(text, atMarker, false)!;
}

/** The markers and spans, passing over the later sides of each conflict when `passOver`; undefined when a conflict does not end. */
function markersIn(text: string, atMarker: ReadonlySet<number>, passOver: boolean): ConflictMarkers | undefined {
    const errors: LexerError[] = [];
    const spans: Array<[number, number]> = [];
    let skipFrom: number | undefined;
    let line = 1;
    for (let start = 0; ; line++) {
        const end = lineEnd(text, start);
        const marker = atMarker.has(start) || skipFrom !== undefined ? MARKER.exec(text.slice(start, start + 8))?.[1] as Marker | undefined : undefined;
        if (marker) {
            errors.push({ offset: start, line, column: 1, length: end - start, message: message(marker) });
            if (!passOver || marker === '<') {
                if (skipFrom !== undefined) return undefined;
                spans.push([start, end]);
            } else if (marker === '>') {
                spans.push([skipFrom ?? start, end]);
                skipFrom = undefined;
            } else {
                skipFrom ??= start;
            }
        }
        const next = nextLine(text, end);
        if (next === end) break;
        start = next;
    }
    return skipFrom === undefined ? { errors, spans } : undefined;
}

/** `errors` (sorted by offset) but those in `spans`. */
export function errorsOutside<E extends LexerError>(errors: readonly E[], spans: ReadonlyArray<readonly [number, number]>): E[] {
    let s = 0;
    return errors.filter(e => {
        while (s < spans.length && spans[s]![1] <= e.offset) s++;
        const span = spans[s];
        return !span || e.offset < span[0];
    });
}

function message(marker: Marker): string {
    return `Merge conflict marker \`${marker.repeat(7)}\` left in the file: keep the lines you want and remove the markers.`;
}

/** `lexed` without the tokens that start in `spans` (sorted, not overlapping). */
export function withoutSpans(lexed: LexedTokens, spans: ReadonlyArray<readonly [number, number]>): LexedTokens {
    const keep = (tokens: readonly IToken[]): IToken[] => {
        let s = 0;
        return tokens.filter(t => {
            while (s < spans.length && spans[s]![1] <= t.startOffset) s++;
            const span = spans[s];
            return !span || t.startOffset < span[0];
        });
    };
    return { tokens: keep(lexed.tokens), hidden: keep(lexed.hidden) };
}

function nextLine(text: string, end: number): number {
    if (text[end] === '\r' && text[end + 1] === '\n') return end + 2;
    return end < text.length ? end + 1 : end;
}
