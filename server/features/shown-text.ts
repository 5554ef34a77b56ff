/**
 * The user's text (a title, a file's name, a catalog's name, a value of
 * `align.lock.json`) as the editor's surfaces show it. Characters that
 * would break a line, ring, drive a terminal or reorder the text after
 * them are written as escapes, so that what shows is what the file holds:
 * C0 and C1 controls and DEL as `\xHH` (as `align check` prints a file's
 * name), the line and paragraph separators and the bidirectional
 * embeddings, overrides and isolates as `\uHHHH` (`\u202E` would show the
 * rest of an outline row or a hover line backwards). The marks (LRM, RLM,
 * ALM), which a right-to-left title may need and which move no letter,
 * stay.
 */
import { codeSpan, escapeUnseen, literalText, messageParts, shortened } from '../../language/present/index.js';

/**
 * How many characters of the user's text a one-line label shows (a
 * symbol's detail in the outline, a completion item's detail): a title
 * longer than that is cut with `…`; the hover shows it whole.
 */
export const LABEL_LENGTH = 120;

/** The user's text in a one-line label: shown (escapes as `escapeUnseen`), at most `LABEL_LENGTH` characters of it, then `…`. */
export function labelText(text: string): string {
    // Cut before escaping, so that no escape is cut in half; never half a surrogate pair (`shortened`).
    return escapeUnseen(shortened(text, LABEL_LENGTH));
}

/** The user's text in a hover's Markdown, read literally: `[x](command:...)`, `![](...)`, `<img>` and `#` show as written. */
export function hoverText(text: string): string {
    return literalText(escapeUnseen(text));
}

/** The user's text (a file's name, a catalog's name) as a code span in a hover, whatever backticks it holds. */
export function hoverCode(text: string): string {
    return codeSpan(escapeUnseen(text));
}

/**
 * A message (a finding's words, a lock file's problem) in a hover's
 * Markdown: its code spans paired as CommonMark pairs them (`messageParts`,
 * as the report shows messages) and shown as code, the rest literally, so
 * that the user's data it quotes makes no link, image or heading.
 */
export function hoverMessage(message: string): string {
    return messageParts(message).map(part => typeof part === 'string' ? hoverText(part) : hoverCode(part.code)).join('');
}
