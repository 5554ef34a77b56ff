import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import type { AlignApi } from './api.js';
import { activateAlign } from './activate.js';
import { CatalogDocuments } from './catalog-documents.js';
import { clientOptions, trustOptions } from './client-options.js';
import { pullActuals } from './commands/pull-actuals.js';
import { registerCommitComparison } from './compare/commit-comparison.js';
import { Commands, PACKAGE_GLOBS, WATCHED_GLOBS } from './constants.js';
import { desktopClientCommands } from './virtual-workspace.js';

let client: LanguageClient | undefined;

/** The desktop extension: the language server runs in Node, over IPC. */
export function activate(context: vscode.ExtensionContext): AlignApi {
    const module = vscode.Uri.joinPath(context.extensionUri, 'out', 'server.cjs').fsPath;
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const watchers = [...WATCHED_GLOBS, ...PACKAGE_GLOBS].map(glob => vscode.workspace.createFileSystemWatcher(glob));
    context.subscriptions.push(...watchers);
    const catalogs = new CatalogDocuments();
    const options = clientOptions(['file', 'untitled', 'vscode-vfs'], () => ({ ...trustOptions(), clientCommands: desktopClientCommands(vscode.workspace.workspaceFolders) }), catalogs);
    options.synchronize = { ...options.synchronize, fileEvents: watchers };
    client = new LanguageClient('align', 'Align', serverOptions, options);
    // Desktop only: a pull runs the CLI in a terminal (the web has none; nor has a virtual workspace, where the server offers no pull).
    context.subscriptions.push(vscode.commands.registerCommand(Commands.pullActuals, (metric?: unknown) => pullActuals(metric)));
    // Desktop only: the preview compared with the last commit, through the git extension's API.
    return activateAlign(context, { client, catalogs, randomBytes: size => randomBytes(size), features: deps => [registerCommitComparison(deps)] });
}

export function deactivate(): Thenable<void> | undefined {
    return client?.stop();
}
