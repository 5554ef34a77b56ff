import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../constants.js';
import { isVirtualResource } from '../virtual-workspace.js';

/** The setting that holds the command line the terminal runs. */
export const PULL_COMMAND_SETTING = 'pull.command';
export const DEFAULT_PULL_COMMAND = 'npx --no align pull';

/**
 * `Align: Pull Actuals` (desktop, trusted workspaces on disk only): runs `align pull`
 * in a terminal of the workspace folder, where the user sees its output and
 * its environment variables (the secrets of the sources) apply. With a
 * metric name, only that metric's pulls run. Returns the terminal, or
 * undefined when the workspace is not trusted, has no folder or its folder
 * is virtual (no terminal can run there).
 */
export async function pullActuals(metric?: unknown): Promise<vscode.Terminal | undefined> {
    if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage('Align: Pull Actuals connects to databases and LRSs: trust the workspace first.');
        return undefined;
    }
    const folder = folderOfActiveEditor() ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
        void vscode.window.showWarningMessage('Align: Pull Actuals needs a workspace folder: open the folder of your .align files.');
        return undefined;
    }
    if (isVirtualResource(folder.uri)) {
        void vscode.window.showWarningMessage(`Align: Pull Actuals runs align pull in a terminal, which needs the folder on disk: ${folder.name} is a virtual folder (${folder.uri.scheme}). Clone it and open the clone.`);
        return undefined;
    }
    // A resource-scoped setting: the folder's value (a multi-root workspace's folders may each set their own).
    const configured = vscode.workspace.getConfiguration(CONFIG_SECTION, folder.uri).get<string>(PULL_COMMAND_SETTING)?.trim();
    const command = configured || DEFAULT_PULL_COMMAND;
    const terminal = vscode.window.createTerminal({ name: 'Align: Pull Actuals', cwd: folder.uri });
    terminal.show();
    terminal.sendText(typeof metric === 'string' && /^[A-Za-z_][A-Za-z0-9_.]*$/.test(metric) ? `${command} --metric ${metric}` : command);
    return terminal;
}

function folderOfActiveEditor(): vscode.WorkspaceFolder | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    return uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
}
