/**
 * The byte order mark (U+FEFF) that may open a text file: editors on Windows
 * write one (UTF-8 with BOM), and JSON.parse refuses it and a CSV parser
 * takes it for part of the first cell. Every reader that drops it goes
 * through `withoutBom`; `align fmt` keeps it where it was.
 */

/** The byte order mark, as the first character of decoded text. */
export const BOM = '\uFEFF';

/**
 * `text` without its leading byte order mark (one: a second is text).
 * Columns then count as an editor shows them.
 */
export function withoutBom(text: string): string {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
