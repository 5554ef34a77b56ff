import { writeMessage } from '../language/text/wrap.js';
import { escapeUnseen } from '../language/present/controls.js';

/**
 * Writes one message of the CLI (`align: ...`: a failure, a notice) on
 * standard error, wrapped at spaces to the terminal (80 columns when
 * standard error is not one), the lines after the first indented by two.
 * A message is one line and may quote what the user typed (an unknown
 * option, a bad value, a file's name): each control character in it is
 * written `\xHH`, so that an escape sequence, `\r` or `\b` in an argument
 * never drives the terminal or hides the rest of the line (a right-to-left
 * override is written `\u202e`, language/present/controls.ts).
 */
export function printMessage(message: string): void {
    writeMessage(process.stderr, escapeUnseen(message));
}
