import type { Connection } from 'vscode-languageserver';
import type { DefaultSharedModuleContext } from 'langium/lsp';
import { startLanguageServer } from 'langium/lsp';
import { createAlignServices, type AlignServices } from '../language/align-module.js';
import type { AlignInitializationOptions } from '../language/protocol.js';
import { AlignDocumentUpdateHandler } from './align-update-handler.js';
import { AlignLspModule, AlignSharedLspModule } from './align-lsp-module.js';
import { registerGraphProtocol } from './graph-protocol.js';
import { WorkspaceSettings } from './workspace-settings.js';

/**
 * Starts the Align language server on a connection (node: stdio or IPC; browser: a web worker).
 * `initializationOptions.trusted === false` (an untrusted workspace) turns off CSV reads.
 */
export function startAlignServer(connection: Connection, context: Omit<DefaultSharedModuleContext, 'connection'>): AlignServices {
    const { shared, Align } = createAlignServices({ connection, ...context }, AlignLspModule, AlignSharedLspModule);
    shared.lsp.LanguageServer.onInitialize(params => {
        const options = params.initializationOptions as AlignInitializationOptions | undefined;
        if (options?.trusted === false) Align.align.Settings.allowFileReads = false;
    });
    shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    const settings = new WorkspaceSettings(Align, connection);
    (shared.lsp.DocumentUpdateHandler as AlignDocumentUpdateHandler).settings = settings;
    registerGraphProtocol(connection, Align);
    startLanguageServer(shared);
    return Align;
}
