import type { Connection } from 'vscode-languageserver';
import type { DefaultSharedModuleContext } from 'langium/lsp';
import { startLanguageServer, type TextDocuments } from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AlignDocumentBuilder } from '../language/align-document-builder.js';
import { publishingChangesOnly } from './diagnostics-publisher.js';
import { createAlignServices, type AlignServices } from '../language/align-module.js';
import { HOST_WITHOUT_LINKS, nodeHost } from '../language/host.js';
import type { AlignInitializationOptions } from '../language/protocol.js';
import { AlignDocumentUpdateHandler } from './align-update-handler.js';
import { AlignLspModule, AlignSharedLspModule } from './align-lsp-module.js';
import { registerCompareProtocol } from './compare-protocol.js';
import { registerGraphProtocol } from './graph-protocol.js';
import { registerTemplatesProtocol } from './templates-protocol.js';
import { WorkspaceSettings } from './workspace-settings.js';

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
    let textDocuments: TextDocuments<TextDocument> | undefined;
    const publishing = publishingChangesOnly(connection, uri => textDocuments?.get(uri)?.version);
    const { shared, Align } = createAlignServices({ connection: publishing, ...context, host }, AlignLspModule, AlignSharedLspModule);
    textDocuments = shared.workspace.TextDocuments;
    (shared.workspace.DocumentBuilder as AlignDocumentBuilder).onDiagnosticsChanged(document => {
        void publishing.sendDiagnostics({ uri: document.uri.toString(), diagnostics: document.diagnostics ?? [] });
    });
    shared.lsp.LanguageServer.onInitialize(params => {
        trusted = (params.initializationOptions as AlignInitializationOptions | undefined)?.trusted !== false;
    });
    shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    const settings = new WorkspaceSettings(Align, publishing);
    (shared.lsp.DocumentUpdateHandler as AlignDocumentUpdateHandler).settings = settings;
    registerGraphProtocol(publishing, Align);
    registerCompareProtocol(publishing, Align);
    registerTemplatesProtocol(publishing, Align, settings);
    startLanguageServer(shared);
    return Align;
}
