import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../constants.js';
import { graphFaultOf, type GraphFeed } from '../graph-feed.js';
import { checkMessage, type CheckCounts, type CheckSummary } from './check-message.js';

export type { CheckSummary } from './check-message.js';

/** An untitled document, or a local file outside every workspace folder (the folders' files are found on disk). */
function isOutsideFolders(uri: vscode.Uri): boolean {
    return uri.scheme === 'untitled' || (uri.scheme === 'file' && !vscode.workspace.getWorkspaceFolder(uri));
}

/**
 * `Align: Check Workspace`: waits until the server has validated every file
 * of the workspace (opened or not) and the `.align` documents open outside
 * it, opens the Problems view and reports the counts.
 */
export async function checkWorkspace(feed: GraphFeed): Promise<CheckSummary> {
    // The graph could not be built (a bug, reported on every file): the findings are counted all the same.
    const graph = await feed.request().then(({ graph: { coverage } }) => ({ aligned: coverage.aligned, objectives: coverage.total }), (error: unknown) => {
        const fault = graphFaultOf(error);
        if (fault === undefined) throw error;
        return { fault };
    });
    // The folders' files as the server walks them: no hidden, node_modules, out, dist or templates folder.
    const files = (await feed.workspaceFiles()).files.map(uri => vscode.Uri.parse(uri));
    // Open documents too: untitled ones, and files opened outside every folder (or with no folder open).
    // (Not a catalog's read-only view, nor the other side of a diff: `git:` and the like.)
    const open = vscode.workspace.textDocuments.filter(d => d.languageId === LANGUAGE_ID && isOutsideFolders(d.uri)).map(d => d.uri);
    const checked = new Set([...files, ...open].map(uri => uri.toString()));
    const counts: CheckCounts = { files: checked.size, errors: 0, warnings: 0, infos: 0 };
    for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
        for (const d of diagnostics.filter(x => x.source === 'align')) {
            if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
            else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
            else counts.infos++;
        }
    }
    const summary: CheckSummary = { ...counts, ...graph };
    if (summary.files > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
    const text = checkMessage(summary);
    void (summary.errors > 0 ? vscode.window.showWarningMessage(text) : vscode.window.showInformationMessage(text));
    return summary;
}
