import type { Connection } from 'vscode-languageserver';
import type { DefaultSharedModuleContext } from 'langium/lsp';
import { startLanguageServer } from 'langium/lsp';
import { createAlignServices } from '../language/align-module.js';
import { AlignDocumentUpdateHandler } from './align-update-handler.js';
import { AlignLspModule, AlignSharedLspModule } from './align-lsp-module.js';
import { registerGraphProtocol } from './graph-protocol.js';
import { WorkspaceSettings } from './workspace-settings.js';

/** Starts the Align language server on a connection (node: stdio or IPC; browser: a web worker). */
export function startAlignServer(connection: Connection, context: Omit<DefaultSharedModuleContext, 'connection'>): void {
    const { shared, Align } = createAlignServices({ connection, ...context }, AlignLspModule, AlignSharedLspModule);
    shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    const settings = new WorkspaceSettings(Align, connection);
    (shared.lsp.DocumentUpdateHandler as AlignDocumentUpdateHandler).settings = settings;
    registerGraphProtocol(connection, Align);
    startLanguageServer(shared);
}
