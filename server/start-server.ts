import type { Connection } from 'vscode-languageserver';
import type { DefaultSharedModuleContext } from 'langium/lsp';
import { startLanguageServer } from 'langium/lsp';
import { createAlignServices, type AlignServices } from '../language/align-module.js';
import { HOST_WITHOUT_LINKS, nodeHost } from '../language/host.js';
import type { AlignInitializationOptions } from '../language/protocol.js';
import { AlignDocumentUpdateHandler } from './align-update-handler.js';
import { AlignLspModule, AlignSharedLspModule } from './align-lsp-module.js';
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
    const { shared, Align } = createAlignServices({ connection, ...context, host }, AlignLspModule, AlignSharedLspModule);
    shared.lsp.LanguageServer.onInitialize(params => {
        trusted = (params.initializationOptions as AlignInitializationOptions | undefined)?.trusted !== false;
    });
    shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    const settings = new WorkspaceSettings(Align, connection);
    (shared.lsp.DocumentUpdateHandler as AlignDocumentUpdateHandler).settings = settings;
    registerGraphProtocol(connection, Align);
    registerTemplatesProtocol(connection, Align, settings);
    startLanguageServer(shared);
    return Align;
}
