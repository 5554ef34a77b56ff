import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { DidChangeWorkspaceFilesNotification } from '../language/protocol.js';
import type { AlignApi } from './api.js';
import { activateAlign } from './activate.js';
import { CatalogDocuments } from './catalog-documents.js';
import { clientOptions, trustOptions } from './client-options.js';
import { Commands } from './constants.js';
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
    // A new worker per start, the one before ended: a restart (Align: Restart Language Server) cannot reuse a worker the server has left.
    const script = vscode.Uri.joinPath(context.extensionUri, 'out', 'web', 'server-browser.js').toString(true);
    let worker: Worker | undefined;
    // The transports, not the worker: the client's own `instanceof Worker` fails for the extension host's Worker.
    const startWorker = async (): Promise<MessageTransports> => {
        worker?.terminate();
        worker = new Worker(script);
        return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
    };
    const catalogs = new CatalogDocuments();
    const options = clientOptions(['file', 'untitled', 'vscode-vfs', 'vscode-test-web'],
        () => ({ ...trustOptions(), files: mirror.snapshot(), clientCommands: [Commands.showImpactChain] }), catalogs);
    client = new LanguageClient('align', 'Align', startWorker, options);
    const running = client;
    context.subscriptions.push(mirror.onDidChange(change => {
        if (running.isRunning()) void running.sendNotification(DidChangeWorkspaceFilesNotification.method, change);
    }));
    return activateAlign(context, { client, catalogs, randomBytes: webRandomBytes });
}

export function deactivate(): Thenable<void> | undefined {
    return client?.stop();
}
