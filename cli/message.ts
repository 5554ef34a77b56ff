import { writeMessage } from '../language/text/wrap.js';

/**
 * Writes one message of the CLI (`align: ...`: a failure, a notice) on
 * standard error, wrapped at spaces to the terminal (80 columns when
 * standard error is not one), the lines after the first indented by two.
 */
export function printMessage(message: string): void {
    writeMessage(process.stderr, message);
}
