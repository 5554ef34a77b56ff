/**
 * The one order every formatter prints findings in: file, line, column
 * (language.md "Machine output"), then the rest of the range, rule and
 * message so that the output does not depend on the order of validation.
 */
import type { Finding } from '../../language/rules.js';

/** Compares by UTF-16 code units, independent of the locale. */
function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders findings by file, line, column, end, rule, message. */
export function compareFindings(a: Finding, b: Finding): number {
    return compareText(a.file, b.file)
        || a.line - b.line
        || a.column - b.column
        || a.endLine - b.endLine
        || a.endColumn - b.endColumn
        || compareText(a.rule, b.rule)
        || compareText(a.message, b.message);
}

/** A sorted copy of `findings`; the input is left as it is. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
    return [...findings].sort(compareFindings);
}
