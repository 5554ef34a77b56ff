import type { Connection, InitializeParams, TextDocumentChangeEvent } from 'vscode-languageserver';
import { URI, UriUtils } from 'langium';
import type { DefaultSharedModuleContext, LangiumSharedServices } from 'langium/lsp';
import { startLanguageServer } from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AlignDocumentBuilder } from '../language/align-document-builder.js';
import { DiagnosedVersions, publishingChangesOnly } from './diagnostics-publisher.js';
import { namingEachFileOnce } from './document-names.js';
import { workspaceNames } from './workspace-names.js';
import { answeringNullForUnheldDocuments } from './unheld-documents.js';
import { createAlignServices, type AlignServices } from '../language/align-module.js';
import { HOST_WITHOUT_LINKS, nodeHost } from '../language/host.js';
import { ALIGN_VERSION } from '../language/version.js';
import type { AlignInitializationOptions } from '../language/protocol.js';
import { AlignDocumentUpdateHandler } from './align-update-handler.js';
import { AlignLspModule, AlignSharedLspModule } from './align-lsp-module.js';
import { registerCompareProtocol } from './compare-protocol.js';
import { registerGraphProtocol } from './graph-protocol.js';
import { refreshingLensesAndHints } from './editor-refresh.js';
import { registerTemplatesProtocol } from './templates-protocol.js';
import { registerWorkspaceFilesProtocol } from './workspace-files-protocol.js';
import { WorkspaceSettings } from './workspace-settings.js';
import { askingForFolderChanges, followingWorkspaceFolders, withoutTrailingSlash } from './workspace-folders.js';

/** How the server's host finds real paths: node passes `fs.promises.realpath`; the browser has no symbolic links (`null`). */
export type ServerContext = Omit<DefaultSharedModuleContext, 'connection'> & { readonly realPath: ((path: string) => Promise<string>) | null };

/**
 * Starts the Align language server on a connection (node: stdio or IPC; browser: a web worker).
 * `initializationOptions.trusted === false` (an untrusted workspace) turns off CSV reads.
 */
export function startAlignServer(connection: Connection, { realPath, ...context }: ServerContext): AlignServices {
    let trusted = true;
    const fileReadsAllowed = () => trusted;
    const host = realPath ? nodeHost(realPath, fileReadsAllowed) : { ...HOST_WITHOUT_LINKS, fileReadsAllowed };
    const versions = new DiagnosedVersions();
    // Innermost: every part of the server sees one name per real file (server/document-names.ts); the browser has no links.
    const named = host.realPath ? namingEachFileOnce(connection, workspaceNames(() => shared, host.realPath)) : connection;
    const publishing = publishingChangesOnly(named, uri => versions.of(uri));
    const answering = answeringNullForUnheldDocuments(publishing, () => shared);
    const { shared, Align } = createAlignServices({ connection: answering, ...context, host }, AlignLspModule, AlignSharedLspModule);
    versions.listen(shared);
    (shared.workspace.DocumentBuilder as AlignDocumentBuilder).onDiagnosticsChanged(document => {
        void publishing.sendDiagnostics({ uri: document.uri.toString(), diagnostics: document.diagnostics ?? [] });
    });
    (shared.lsp.DocumentUpdateHandler as AlignDocumentUpdateHandler).onOpenedAsBuilt((document, version) => {
        versions.opened(document, version);
        void publishing.sendDiagnostics({ uri: document.uri.toString(), diagnostics: document.diagnostics ?? [] });
    });
    shared.lsp.LanguageServer.onInitialize(params => {
        trusted = (params.initializationOptions as AlignInitializationOptions | undefined)?.trusted !== false;
    });
    shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    const settings = new WorkspaceSettings(Align, publishing);
    (shared.lsp.DocumentUpdateHandler as AlignDocumentUpdateHandler).settings = settings;
    registerGraphProtocol(publishing, Align);
    refreshingLensesAndHints(publishing, shared);
    registerCompareProtocol(publishing, Align);
    registerTemplatesProtocol(publishing, Align, settings);
    registerWorkspaceFilesProtocol(publishing, Align);
    followingWorkspaceFolders(publishing, shared, settings);
    withWorkspaceFolderFromRoot(shared);
    ignoringOtherLanguages(shared, publishing);
    startLanguageServer(shared);
    return Align;
}

/**
 * Clients that send only `rootUri`, or only `rootPath` (the ones before LSP
 * 3.6 and some today), open a workspace all the same: Langium reads only
 * `workspaceFolders`, and without it loaded no file of the workspace.
 * Without any of the three the server runs on the open files alone.
 */
function withWorkspaceFolderFromRoot(shared: LangiumSharedServices): void {
    const server = shared.lsp.LanguageServer;
    const initialize = server.initialize.bind(server);
    // `serverInfo` names the server and its version to the client (Neovim's :checkhealth, Helix's log).
    server.initialize = async params => ({ ...askingForFolderChanges(await initialize(workspaceFoldersOf(params))), serverInfo: { name: 'align-language-server', version: ALIGN_VERSION } });
}

/** The initialize params with `workspaceFolders` from `rootUri` or `rootPath` when it has none, every folder without a trailing `/`. */
export function workspaceFoldersOf(params: InitializeParams): InitializeParams {
    if (params.workspaceFolders && params.workspaceFolders.length > 0) return { ...params, workspaceFolders: params.workspaceFolders.map(withoutTrailingSlash) };
    const root = params.rootUri ? URI.parse(params.rootUri) : params.rootPath ? URI.file(params.rootPath) : undefined;
    if (!root) return params;
    return { ...params, workspaceFolders: [withoutTrailingSlash({ uri: root.toString(), name: UriUtils.basename(root) || root.toString() })] };
}

/**
 * A document the client opens in another language (a client set up for
 * more file types than `.align`) is left alone: building it threw in
 * Langium's service registry and stopped the server. Requests about it
 * answer nothing; the log says once why.
 */
function ignoringOtherLanguages(shared: LangiumSharedServices, connection: Connection): void {
    const handler = shared.lsp.DocumentUpdateHandler;
    const registry = shared.ServiceRegistry;
    const logged = new Set<string>();
    const isAlign = (change: TextDocumentChangeEvent<TextDocument>): boolean => {
        const { uri, languageId } = change.document;
        if (registry.hasServices(URI.parse(uri))) return true;
        if (!logged.has(uri)) {
            logged.add(uri);
            connection.console.warn(`${uri} (language '${languageId}') is not an Align file (.align, or language 'align'): the Align server ignores it`);
        }
        return false;
    };
    // Not `didCloseDocument`: by then the client's language is gone, and it only drops documents Langium has.
    for (const method of ['didOpenDocument', 'didChangeContent', 'didSaveDocument'] as const) {
        const original = handler[method]?.bind(handler);
        if (original) handler[method] = (change: TextDocumentChangeEvent<TextDocument>) => { if (isAlign(change)) original(change); };
    }
}
