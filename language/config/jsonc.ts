/**
 * `align.config.json` is JSON with comments, as VS Code's settings.json
 * (language.md, "Configuration", whose example has a `//` comment): `//`
 * line comments and `/* *\/` block comments may stand wherever whitespace
 * may, never inside a string. Trailing commas stay errors, as in strict
 * JSON and in jsonc-parser's default (VS Code's `jsonc` mode warns about
 * them). Every reader of a config file goes through `readConfigJson`.
 *
 * The comments are replaced by spaces, line breaks kept, before JSON.parse:
 * every offset, line and column of the text is that of the file, so the
 * positions of the findings (a parse error, an unknown key, a near-miss
 * rule id) stay exact, and a key written in a comment is never taken for
 * the key itself when a position is searched.
 */
import { withoutBom } from '../byte-order-mark.js';
import { notJsonReason } from './config-hints.js';
import { lineEnd } from '../line-starts.js';

/** `text` with its comments replaced by spaces (line breaks kept), and the offset of a `/*` that is never closed. */
export function blankComments(text: string): { text: string; unterminatedComment?: number } {
    if (!text.includes('/')) return { text };
    let out = '';
    let copied = 0; // text before this offset is in `out`
    let unterminatedComment: number | undefined;
    const blank = (from: number, to: number) => {
        out += text.slice(copied, from) + text.slice(from, to).replace(/[^\r\n]/g, ' ');
        copied = to;
    };
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"') {
            // A string, to its closing quote; one never spans lines (JSON.parse reports the unclosed one).
            for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
        } else if (c === '/' && text[i + 1] === '/') {
            // To the line's end: `\r\n`, a lone `\r` or `\n`, as jsonc-parser (VS Code's settings.json) ends one.
            const stop = lineEnd(text, i);
            blank(i, stop);
            i = stop - 1;
        } else if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            if (end < 0) {
                unterminatedComment = i;
                blank(i, text.length);
                break;
            }
            blank(i, end + 2);
            i = end + 1;
        }
    }
    out += text.slice(copied);
    return unterminatedComment === undefined ? { text: out } : { text: out, unterminatedComment };
}

/** Characters that JSON never holds as they are, not even in a string: the file is no text. */
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** The text of a config file as its JSON is read: no byte order mark, comments blanked; offsets are those of the file (after a BOM). */
export function configText(source: string): string {
    return jsonText(source).text;
}

function jsonText(source: string): { text: string; unterminatedComment?: number } {
    const plain = withoutBom(source);
    // Binary or UTF-16 data has no comments: left whole, it is named as such (config-hints.ts).
    return NOT_TEXT.test(plain) ? { text: plain } : blankComments(plain);
}

/** A config file read as JSON with comments: its value, or why it is not JSON and where (an offset of `text`). */
export type ConfigJson =
    | { readonly ok: true; readonly value: unknown; readonly text: string }
    | { readonly ok: false; readonly reason: string; readonly offset: number; readonly text: string };

/**
 * Reads the text of a config file (`align.config.json`, an extended file) as
 * JSON with comments. `text` is `configText(source)`: search positions in it.
 */
export function readConfigJson(source: string): ConfigJson {
    const { text, unterminatedComment } = jsonText(source);
    if (unterminatedComment !== undefined) {
        return { ok: false, text, offset: unterminatedComment, reason: 'a block comment /* is not closed; end it with */, or remove it' };
    }
    try {
        return { ok: true, value: JSON.parse(text), text };
    } catch (error) {
        if (!(error instanceof SyntaxError)) throw error;
        return { ok: false, text, ...notJsonReason(text, Number(/position (\d+)/.exec(error.message)?.[1] ?? 0), error.message) };
    }
}

