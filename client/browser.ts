import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { DidChangeWorkspaceFilesNotification } from '../language/protocol.js';
import type { AlignApi } from './api.js';
import { activateAlign } from './activate.js';
import { CatalogDocuments } from './catalog-documents.js';
import { clientOptions, trustOptions } from './client-options.js';
import { webRandomBytes } from './preview/nonce.js';
import { WorkspaceMirror } from './web/workspace-mirror.js';

let client: LanguageClient | undefined;

/**
 * The web extension (vscode.dev, VS Code for the Web): the language server
 * runs in a web worker and cannot read files, so the client reads the
 * workspace's `.align`, CSV and `align.config.json` files through
 * `vscode.workspace.fs` and hands them over, at start and on every change.
 */
export async function activate(context: vscode.ExtensionContext): Promise<AlignApi> {
    const mirror = new WorkspaceMirror();
    context.subscriptions.push(mirror);
    await mirror.load();
    const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'out', 'web', 'server-browser.js').toString(true));
    const catalogs = new CatalogDocuments();
    const options = clientOptions(['file', 'untitled', 'vscode-vfs', 'vscode-test-web'],
        () => ({ ...trustOptions(), files: mirror.snapshot() }), catalogs);
    client = new LanguageClient('align', 'Align', worker, options);
    const running = client;
    context.subscriptions.push(mirror.onDidChange(change => {
        if (running.isRunning()) void running.sendNotification(DidChangeWorkspaceFilesNotification.method, change);
    }));
    return activateAlign(context, { client, catalogs, randomBytes: webRandomBytes });
}

export function deactivate(): Thenable<void> | undefined {
    return client?.stop();
}
