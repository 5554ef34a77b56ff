import { URI, UriUtils } from 'langium';
import type { Connection, InitializeResult, WorkspaceFolder } from 'vscode-languageserver';
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
            const normalized = { added: event.added.map(withoutTrailingSlash), removed: event.removed.map(withoutTrailingSlash) };
            shared.workspace.WorkspaceLock.write(() => settings.followFolders(normalized)).catch((error: unknown) => {
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

/**
 * A workspace folder without the trailing `/` of its URI (eglot's
 * `file:///home/me/ws/`, a `rootPath` of `/home/me/ws/`): the same folder as
 * without it. Folders are normalized where they enter (initialize,
 * `workspace/didChangeWorkspaceFolders`); the server's own watcher missed
 * every change in a folder given with the slash. A root (`file:///`,
 * `file:///c%3A/`) keeps it.
 */
export function withoutTrailingSlash(folder: WorkspaceFolder): WorkspaceFolder {
    const uri = URI.parse(folder.uri);
    const trimmed = uri.path.replace(/\/+$/, '');
    if (trimmed === uri.path || trimmed === '' || /^\/[A-Za-z]:$/.test(trimmed)) return folder;
    const normalized = uri.with({ path: trimmed });
    // A name made of the URI (no base name with the slash: server/start-server.ts) becomes the base name.
    const name = folder.name === folder.uri ? '' : folder.name.replace(/\/+$/, '');
    return { uri: normalized.toString(), name: name || UriUtils.basename(normalized) };
}
