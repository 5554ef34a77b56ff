/**
 * The one order every formatter prints findings in: file, line, column
 * (language.md "Machine output"), then the rest of the range, rule and
 * message so that the output does not depend on the order of validation.
 * Messages compare their numbers as numbers: findings on one place that
 * name CSV lines come in line order ("line 9" before "line 10").
 */
import type { Finding } from '../../language/rules.js';
import { compareNatural, compareText } from '../../language/text/compare-text.js';

/** Orders findings by file, line, column, end, rule, message. */
export function compareFindings(a: Finding, b: Finding): number {
    return compareText(a.file, b.file)
        || a.line - b.line
        || a.column - b.column
        || a.endLine - b.endLine
        || a.endColumn - b.endColumn
        || compareText(a.rule, b.rule)
        || compareNatural(a.message, b.message);
}

/** A sorted copy of `findings`; the input is left as it is. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
    return [...findings].sort(compareFindings);
}
