/**
 * The user's text (a file's name, a title, an argument) where some
 * characters would act instead of show: an escape sequence would drive the
 * terminal or the CI log, a line break would split a one-line label, and
 * the line and paragraph separators and the bidirectional embeddings,
 * overrides and isolates change how the rest of the line shows without
 * being seen (U+202E shows it backwards, the Trojan Source trick). The
 * CLI's text formats and messages and the editor's surfaces
 * (server/features/shown-text.ts) write them as escapes instead. The
 * marks (LRM, RLM, ALM), which a right-to-left title may need and which
 * move no letter, stay.
 */

/** C0 controls, DEL and C1 controls; `keep` lists the ones the caller escapes its own way. */
export const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** The line and paragraph separators and the bidirectional embeddings, overrides and isolates. */
export const SEPARATORS_AND_BIDI = /[\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with each control character as `\xHH`, except those in `keep`. */
export function escapeControls(text: string, keep = ''): string {
    return text.replace(CONTROLS, c => keep.includes(c) ? c : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A character of {@link SEPARATORS_AND_BIDI} (or any past Latin-1) as `\uHHHH`. */
export function unicodeEscape(c: string): string {
    return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with controls as `\xHH` (but those in `keep`) and {@link SEPARATORS_AND_BIDI} as `\uHHHH`: as a terminal or a one-line label shows it. */
export function escapeUnseen(text: string, keep = ''): string {
    return escapeControls(text, keep).replace(SEPARATORS_AND_BIDI, unicodeEscape);
}
