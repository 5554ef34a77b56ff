import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { messageText, ruleIdOf } from '../../language/validation/align-document-validator.js';
import type { Finding, FindingSeverity } from '../../language/rules.js';
import { sortFindings } from '../check-formats/sort.js';
import type { LoadedWorkspace } from '../workspace/load-workspace.js';

/** Every diagnostic of the workspace, and of its config file, as findings with paths relative to the current folder. */
export function collectFindings(workspace: LoadedWorkspace): Finding[] {
    const findings: Finding[] = [];
    for (const document of workspace.documents) {
        const file = relativePath(document.uri.fsPath);
        for (const diagnostic of document.diagnostics ?? []) findings.push(toFinding(file, diagnostic));
    }
    if (workspace.configFile) {
        const file = relativePath(workspace.configFile);
        for (const problem of workspace.configProblems) {
            findings.push({ file, line: problem.line, column: problem.column, endLine: problem.line, endColumn: problem.column + 1, severity: 'error', rule: 'config-invalid', message: problem.message });
        }
    }
    return sortFindings(findings);
}

function toFinding(file: string, d: Diagnostic): Finding {
    return {
        file,
        line: d.range.start.line + 1, column: d.range.start.character + 1,
        endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
        severity: severityName(d.severity), rule: ruleIdOf(d), message: messageText(d)
    };
}

function severityName(severity: Diagnostic['severity']): FindingSeverity {
    return severity === 1 ? 'error' : severity === 2 ? 'warning' : 'info';
}

export function relativePath(file: string): string {
    return path.relative(process.cwd(), file).split(path.sep).join('/');
}
