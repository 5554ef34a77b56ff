/**
 * Whether an offset is inside a comment or a string, where completion offers
 * nothing: a `// ...` comment up to the end of its line, a `/* ... *\/`
 * comment between its delimiters (to the end of the text while unclosed),
 * a string between its quotes (to the end of its line while unterminated:
 * `source "Sales |`). Read from the text as the lexer reads it, so an
 * unclosed string or comment, which the parser does not see as one, counts.
 */
import { lineEnd } from '../../language/line-starts.js';

export function inCommentOrString(text: string, offset: number): boolean {
    let i = 0;
    while (i < offset) {
        const span = text[i] === '"' ? stringSpan(text, i)
            : text.startsWith('//', i) ? { end: lineEnd(text, i), toLineEnd: true }
            : text.startsWith('/*', i) ? blockCommentSpan(text, i)
            : undefined;
        if (!span) {
            i++;
            continue;
        }
        // Right after the opening delimiter and before the closing one; at the line end of a line comment or an unterminated string.
        if (offset < span.end || (offset === span.end && span.toLineEnd)) return true;
        i = span.end;
    }
    return false;
}

/** Where a literal that starts at an offset ends (exclusive), and whether it runs to its line's end rather than to a delimiter. */
interface Span {
    readonly end: number;
    readonly toLineEnd: boolean;
}

/** A string: to its closing quote (`\"` and `\\` do not close it), else to its line's end. */
function stringSpan(text: string, start: number): Span {
    for (let j = start + 1; j < text.length; j++) {
        const c = text[j];
        if (c === '\n' || c === '\r') return { end: j, toLineEnd: true };
        if (c === '"') return { end: j + 1, toLineEnd: false };
        if (c === '\\' && text[j + 1] !== '\n' && text[j + 1] !== '\r') j++;
    }
    return { end: text.length, toLineEnd: true };
}

function blockCommentSpan(text: string, start: number): Span {
    const close = text.indexOf('*/', start + 2);
    return close < 0 ? { end: text.length, toLineEnd: true } : { end: close + 2, toLineEnd: false };
}

