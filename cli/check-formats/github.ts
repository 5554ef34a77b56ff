/**
 * `--format github`: GitHub Actions workflow commands, which the runner
 * turns into annotations on the pull request. One line per finding:
 * `::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE`.
 */
import type { Finding, FindingSeverity } from '../../language/rules.js';
import type { Formatter } from './types.js';
import { sortFindings } from './sort.js';
import { escapeUnseen } from '../../language/present/controls.js';
import { withQuotedNamesShown } from './quoted-names.js';

const COMMANDS: Record<FindingSeverity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a command's message as `@actions/core` does (`escapeData`). */
export function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value as `@actions/core` does (`escapeProperty`). */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The workflow command line of one finding, without a newline. The runner
 * prints the message (and shows the title) as plain text in the log and the
 * annotation: their controls are written `\xHH` and the separators and
 * bidirectional controls `\uHHHH`, as `--format pretty` writes them (a
 * U+202E would show the rest of the line backwards, an escape sequence
 * would drive the log's viewer), a double-quoted name in the message whole
 * (quoted-names.ts); the message's own line breaks are percent-escaped,
 * which GitHub reads back. `file=` is the real path, only percent-escaped:
 * GitHub matches it to the file in the repository, and the runner does not
 * print the command line (docs/ci.md).
 */
export function githubCommand(f: Finding): string {
    const properties: [string, string | number][] = [
        ['file', f.file], ['line', f.line], ['col', f.column],
        ['endLine', f.endLine], ['endColumn', f.endColumn], ['title', escapeUnseen(f.rule)],
    ];
    const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
    const message = withQuotedNamesShown(f.message, text => escapeUnseen(text, '\r\n'));
    return `::${COMMANDS[f.severity]} ${props}::${escapeData(message)}`;
}

/** Formats findings as workflow commands; empty when there is none. */
export const formatGithub: Formatter = findings =>
    sortFindings(findings).map(f => githubCommand(f) + '\n').join('');
