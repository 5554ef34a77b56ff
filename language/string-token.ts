import type { CustomPatternMatcherFunc } from 'chevrotain';

/**
 * A matcher for `/"[^"\\\r\n]*(?:\\["\\][^"\\\r\n]*)*"/` that fails in
 * linear time on a line of unclosed `\"` escapes. Chevrotain tries the
 * string again at every `"` after a failed one (each escaped quote of
 * `"\"\"\"…`), and each try read to the end of the line: 100,000 escapes
 * took 29 s. A try that fails reads the same characters as the failed one
 * before it from any quote that one read as an escape (the quote it starts
 * at is escaped there, and the reading after an escape is the same), so
 * such a try fails at once. The memory of the failed try is kept per
 * lexing (chevrotain passes each lexing its own token array).
 */
export function stringMatcher(): CustomPatternMatcherFunc {
    let failed = { lexing: undefined as unknown, start: -1, end: -1 };
    return (text, offset, tokens) => {
        if (text.charCodeAt(offset) !== QUOTE) return null;
        if (failed.lexing === tokens && offset > failed.start && offset < failed.end) return null;
        const { end, closed } = readString(text, offset);
        if (closed) return [text.slice(offset, end)] as unknown as RegExpExecArray;
        failed = { lexing: tokens, start: offset, end };
        return null;
    };
}

/** Where the string that starts at `offset` ends: after its closing quote, else where its reading stops (its line's end, a bad escape). */
function readString(text: string, offset: number): { end: number; closed: boolean } {
    for (let i = offset + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) return { end: i + 1, closed: true };
        if (c === LF || c === CR) return { end: i, closed: false };
        if (c === BACKSLASH) {
            const next = text.charCodeAt(i + 1);
            if (next !== QUOTE && next !== BACKSLASH) return { end: i, closed: false };
            i++;
        }
    }
    return { end: text.length, closed: false };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LF = 0x0a;
const CR = 0x0d;
