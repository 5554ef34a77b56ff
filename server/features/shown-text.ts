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
import { codeSpan, escapeControls, literalText, messageParts, shortened } from '../../language/present/index.js';

/** The line and paragraph separators and the bidirectional embeddings, overrides and isolates. */
const SEPARATORS_AND_BIDI = /[\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with its controls (`escapeControls`), separators and bidirectional controls escaped (see above); the rest as written. */
export function shownText(text: string): string {
    return escapeControls(text).replace(SEPARATORS_AND_BIDI, c => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * How many characters of the user's text a one-line label shows (a
 * symbol's detail in the outline, a completion item's detail): a title
 * longer than that is cut with `…`; the hover shows it whole.
 */
export const LABEL_LENGTH = 120;

/** The user's text in a one-line label: shown (escapes as `shownText`), at most `LABEL_LENGTH` characters of it, then `…`. */
export function labelText(text: string): string {
    // Cut before escaping, so that no escape is cut in half; never half a surrogate pair (`shortened`).
    return shownText(shortened(text, LABEL_LENGTH));
}

/** The user's text in a hover's Markdown, read literally: `[x](command:...)`, `![](...)`, `<img>` and `#` show as written. */
export function hoverText(text: string): string {
    return literalText(shownText(text));
}

/** The user's text (a file's name, a catalog's name) as a code span in a hover, whatever backticks it holds. */
export function hoverCode(text: string): string {
    return codeSpan(shownText(text));
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
