import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { AlignApi } from './api.js';
import type { CatalogDocuments } from './catalog-documents.js';
import { checkWorkspace } from './commands/check-workspace.js';
import { exportImpactChain } from './commands/export-graph.js';
import { newProgram } from './commands/new-program.js';
import { Commands, LANGUAGE_ID } from './constants.js';
import { regionRanges } from './folding-regions.js';
import { GraphFeed } from './graph-feed.js';
import { ImpactPreview, type PreviewDeps } from './preview/impact-preview.js';
import type { RandomBytes } from './preview/nonce.js';
import { registerPreviewCommands } from './preview/preview-commands.js';
import { PreviewTraffic } from './preview/preview-hooks.js';
import { registerPreviewSerializer } from './preview/preview-serializer.js';
import { restartClient } from './restart.js';
import { CoverageStatusBar } from './status-bar.js';

/** What differs between the desktop and the web extension. */
export interface ClientHost {
    /** The language client, not yet started. */
    readonly client: BaseLanguageClient;
    /** Random bytes for the webview's CSP nonce. */
    readonly randomBytes: RandomBytes;
    /** The catalog files' read-only views, whose URI converters the client's options hold. */
    readonly catalogs: CatalogDocuments;
    /** Features of this host only (the desktop's comparison with the last commit). */
    readonly features?: (deps: PreviewDeps) => vscode.Disposable[];
}

/**
 * Activation shared by the desktop (`main.ts`) and web (`browser.ts`)
 * extension: starts the client, registers the commands, the status bar and
 * the preview. Returns the API the extension tests read.
 */
export function activateAlign(context: vscode.ExtensionContext, host: ClientHost): AlignApi {
    const { client } = host;
    context.subscriptions.push(...host.catalogs.register(client));
    let starts = 0;
    context.subscriptions.push(client.onDidChangeState(() => { if (client.isRunning()) starts++; }));
    const ready = client.start();
    ready.catch((error: unknown) => console.error('Align: the language server did not start', error));
    const feed = new GraphFeed(client, ready);
    // Requests wait on the latest start: after a start failed, a restart's start (not the first, rejected, one).
    const restart = () => restartClient(client, start => feed.restarted(start));
    const traffic = new PreviewTraffic();
    const status = new CoverageStatusBar(feed);
    const deps: PreviewDeps = { extensionUri: context.extensionUri, feed, randomBytes: host.randomBytes, traffic, catalogs: host.catalogs };
    // From the explorer's context menu (or an editor title) the command gets the file's URI: the preview follows
    // that document, shown in an editor first, as Markdown's preview of a file clicked; without one, the active editor.
    const openPreview = async (toSide: boolean, resource?: unknown) => {
        if (resource instanceof vscode.Uri && vscode.window.activeTextEditor?.document.uri.toString() !== resource.toString()) {
            await vscode.window.showTextDocument(resource, { preserveFocus: false });
        }
        ImpactPreview.createOrShow(deps, toSide);
    };
    context.subscriptions.push(
        feed, traffic, status,
        { dispose: () => ImpactPreview.currentPanel?.dispose() },
        registerPreviewSerializer(deps),
        ...registerPreviewCommands(),
        vscode.commands.registerCommand(Commands.openPreview, (resource?: unknown) => openPreview(false, resource)),
        vscode.commands.registerCommand(Commands.openPreviewToSide, (resource?: unknown) => openPreview(true, resource)),
        vscode.commands.registerCommand(Commands.showImpactChain, (nodeId?: unknown) => {
            const preview = ImpactPreview.createOrShow(deps, true);
            if (typeof nodeId === 'string') preview.showNode(nodeId);
        }),
        vscode.commands.registerCommand(Commands.exportSvg, (target?: unknown) => exportImpactChain(deps, 'svg', target)),
        vscode.commands.registerCommand(Commands.exportPng, (target?: unknown) => exportImpactChain(deps, 'png', target)),
        vscode.commands.registerCommand(Commands.checkWorkspace, () => checkWorkspace(feed)),
        vscode.commands.registerCommand(Commands.newProgram, (name?: unknown, template?: unknown) => newProgram(feed, name, template)),
        vscode.commands.registerCommand(Commands.restartServer, () => restartServer(restart)),
        ...host.features?.(deps) ?? [],
        vscode.languages.registerFoldingRangeProvider({ language: LANGUAGE_ID }, {
            provideFoldingRanges: document => regionRanges(document.getText().split(/\r?\n/))
                .map(r => new vscode.FoldingRange(r.start, r.end, vscode.FoldingRangeKind.Region))
        })
    );
    // Trust can only be granted while running: restart so the server reads CSV files from now on.
    if (!vscode.workspace.isTrusted) {
        context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => {
            restart().catch((error: unknown) => console.error('Align: the language server did not restart', error));
        }));
    }
    return {
        statusText: () => status.text,
        ready,
        serverStarts: () => starts,
        onDidChangeGraph: feed.onDidChange,
        preview: {
            isOpen: () => ImpactPreview.currentPanel !== undefined,
            onDidReceiveMessage: traffic.onDidReceive,
            onDidPostMessage: traffic.onDidPost,
            receive: async message => { await ImpactPreview.currentPanel?.receive(message); },
            contextKeys: () => ImpactPreview.currentPanel?.contextKeys ?? {},
            exportGraph: format => ImpactPreview.createOrShow(deps, true).exportGraph(format)
        }
    };
}

/**
 * `Align: Restart Language Server`: the way back after the server stopped
 * for good (the client gives up after 5 crashes), without reloading the
 * window; says so in the status bar, or why it failed.
 */
async function restartServer(restart: () => Promise<void>): Promise<void> {
    try {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Align: restarting the language server' }, restart);
        vscode.window.setStatusBarMessage('$(check) Align: language server restarted', 4000);
    } catch (error) {
        void vscode.window.showErrorMessage(`Align: the language server did not restart: ${error instanceof Error ? error.message : String(error)}. See the "Align Language Server" output.`);
    }
}


