/**
 * `--format github`: GitHub Actions workflow commands, which the runner
 * turns into annotations on the pull request. One line per finding:
 * `::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE`.
 */
import type { Finding, FindingSeverity } from '../../language/rules.js';
import type { Formatter } from './types.js';
import { sortFindings } from './sort.js';
import { escapeControls } from '../../language/present/controls.js';

const COMMANDS: Record<FindingSeverity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a command's message as `@actions/core` does (`escapeData`). */
export function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value as `@actions/core` does (`escapeProperty`). */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The workflow command line of one finding, without a newline. */
export function githubCommand(f: Finding): string {
    const properties: [string, string | number][] = [
        // Line breaks are percent-escaped (GitHub decodes them); other controls would reach the log raw.
        ['file', escapeControls(f.file, '\r\n')], ['line', f.line], ['col', f.column],
        ['endLine', f.endLine], ['endColumn', f.endColumn], ['title', f.rule],
    ];
    const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
    return `::${COMMANDS[f.severity]} ${props}::${escapeData(escapeControls(f.message, '\r\n'))}`;
}

/** Formats findings as workflow commands; empty when there is none. */
export const formatGithub: Formatter = findings =>
    sortFindings(findings).map(f => githubCommand(f) + '\n').join('');
