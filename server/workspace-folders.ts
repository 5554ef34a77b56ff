import type { Connection, InitializeResult } from 'vscode-languageserver';
import type { LangiumSharedServices } from 'langium/lsp';
import type { WorkspaceSettings } from './workspace-settings.js';

/**
 * Folders added to or removed from the editor's workspace while the server
 * runs (VS Code's "Add Folder to Workspace...", Neovim's
 * `vim.lsp.buf.add_workspace_folder()`): the server asks the client for
 * `workspace/didChangeWorkspaceFolders` and follows them
 * ({@link WorkspaceSettings.followFolders}). Before this, a folder added
 * later was not checked until the server restarted.
 */
export function followingWorkspaceFolders(connection: Connection, shared: LangiumSharedServices, settings: WorkspaceSettings): void {
    let clientSends = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        clientSends = params.capabilities.workspace?.workspaceFolders === true;
    });
    shared.lsp.LanguageServer.onInitialized(() => {
        if (!clientSends) return; // the getter below throws for a client that never sends them
        connection.workspace.onDidChangeWorkspaceFolders(event => {
            shared.workspace.WorkspaceLock.write(() => settings.followFolders(event)).catch((error: unknown) => {
                // Never an unhandled rejection: it would end the server.
                console.error('Align: following the workspace folders failed:', error);
            });
        });
    });
}

/** The server's capabilities with workspace folder changes asked for (`changeNotifications`). */
export function askingForFolderChanges(result: InitializeResult): InitializeResult {
    const workspace = result.capabilities.workspace ?? {};
    return { ...result, capabilities: { ...result.capabilities, workspace: { ...workspace, workspaceFolders: { supported: true, changeNotifications: true } } } };
}
