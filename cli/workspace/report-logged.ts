import { printMessage } from '../message.js';

/**
 * Langium logs a validation check that throws (with its stack) and reports
 * it as a diagnostic; the diagnostic is a finding, the log becomes one
 * message on stderr, wrapped like every other (all of it with ALIGN_DEBUG=1).
 */
export function reportLogged(logged: readonly string[]): void {
    if (logged.length === 0) return;
    if (process.env['ALIGN_DEBUG']) {
        for (const entry of logged) process.stderr.write(`${entry}\n`);
        return;
    }
    const first = logged[0]!.split(/\r?\n/)[0]!;
    const more = logged.length > 1 ? ` (and ${logged.length - 1} more)` : '';
    printMessage(`align: internal error while checking, some findings may be missing: ${first}${more}; set ALIGN_DEBUG=1 for details`);
}
