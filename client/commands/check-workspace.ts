import * as vscode from 'vscode';
import { formatNumber, plural } from '../../language/present/index.js';
import { LANGUAGE_ID } from '../constants.js';
import type { GraphFeed } from '../graph-feed.js';

/** What `Align: Check Workspace` found (also the command's return value). */
export interface CheckSummary {
    files: number;
    errors: number;
    warnings: number;
    infos: number;
    aligned: number;
    objectives: number;
}

/**
 * `Align: Check Workspace`: waits until the server has validated every file
 * of the workspace (opened or not), opens the Problems view and reports the
 * counts.
 */
export async function checkWorkspace(feed: GraphFeed): Promise<CheckSummary> {
    const result = await feed.request();
    const files = await vscode.workspace.findFiles('**/*.align', '{**/node_modules/**,**/out/**,**/.*/**}');
    const untitled = vscode.workspace.textDocuments.filter(d => d.isUntitled && d.languageId === LANGUAGE_ID);
    const { aligned, total } = result.graph.coverage;
    const summary: CheckSummary = { files: files.length + untitled.length, errors: 0, warnings: 0, infos: 0, aligned, objectives: total };
    for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
        for (const d of diagnostics.filter(x => x.source === 'align')) {
            if (d.severity === vscode.DiagnosticSeverity.Error) summary.errors++;
            else if (d.severity === vscode.DiagnosticSeverity.Warning) summary.warnings++;
            else summary.infos++;
        }
    }
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const text = `Align: ${plural(summary.files, 'file')} checked: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ` +
        `${plural(summary.infos, 'info')}. ${formatNumber(summary.aligned)} of ${plural(summary.objectives, 'objective')} aligned to a KPI.`;
    void (summary.errors > 0 ? vscode.window.showWarningMessage(text) : vscode.window.showInformationMessage(text));
    return summary;
}
