/**
 * Control characters from the user's data (a title, a doc comment, a
 * sponsor, a file's name) never reach the report's text: a review that is
 * mailed, printed or pasted into a wiki is no place for an escape sequence
 * (one clears a terminal that `cat`s the Markdown) or a bell. The text drops
 * them, as the report's charts and drawings do (XML cannot hold them); code
 * (a file's name, a finding's place) shows them as `\xHH`, as `align check`
 * prints that name, so that the file can still be found.
 */
import { escapeControls } from '../../language/present/controls.js';

/** C0 controls other than the tab and line breaks (which both formats read as white space), DEL and the C1 controls. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Text without its control characters. */
export function withoutControls(text: string): string {
    return text.replace(CONTROLS, '');
}

/** Code with its control characters as `\xHH` (the tab and line breaks kept). */
export function controlsShown(code: string): string {
    return escapeControls(code, '\t\n\r');
}
