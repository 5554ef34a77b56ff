/**
 * `--format json`: the normative machine output of language.md, one JSON
 * array sorted by file, line, column, with a fixed key order.
 */
import type { Finding } from '../../language/rules.js';
import type { Formatter } from './types.js';
import { sortFindings } from './sort.js';

/** A copy of `f` with exactly the normative keys, in the normative order. */
function normalize(f: Finding): Finding {
    return {
        file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn,
        severity: f.severity, rule: f.rule, message: f.message,
    };
}

/** Formats findings as the pretty-printed JSON array of language.md. */
export const formatJson: Formatter = findings =>
    JSON.stringify(sortFindings(findings).map(normalize), null, 2) + '\n';
