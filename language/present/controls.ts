/**
 * The user's text (a file's name, a title, an argument) where control
 * characters would act instead of show: an escape sequence would drive the
 * terminal or the CI log, a line break would split a one-line label. They
 * are written as `\xHH` instead, by the CLI's text formats and messages and
 * by the editor's surfaces (server/features/shown-text.ts).
 */

/** C0 controls, DEL and C1 controls; `keep` lists the ones the caller escapes its own way. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** `text` with each control character as `\xHH`, except those in `keep`. */
export function escapeControls(text: string, keep = ''): string {
    return text.replace(CONTROLS, c => keep.includes(c) ? c : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
