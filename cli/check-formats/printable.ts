/**
 * File names as the text formats print them: a name may hold control
 * characters (an escape sequence would drive the terminal or the CI log),
 * which are written as `\xHH` instead.
 */

/** C0 controls, DEL and C1 controls; `keep` lists the ones the caller escapes its own way. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** `text` with each control character as `\xHH`, except those in `keep`. */
export function escapeControls(text: string, keep = ''): string {
    return text.replace(CONTROLS, c => keep.includes(c) ? c : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
