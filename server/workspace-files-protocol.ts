import { URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { AlignServices } from '../language/align-module.js';
import type { AlignWorkspaceManager } from '../language/catalogs/catalog-workspace-manager.js';
import { WorkspaceFilesRequest, type WorkspaceFilesResult } from '../language/protocol.js';

/**
 * Answers `align/workspaceFiles` from the server's own walk of the
 * workspace folders (language/catalogs/catalog-workspace-manager.ts), so
 * that the client never re-derives which files are the workspace's.
 */
export function registerWorkspaceFilesProtocol(connection: Connection, services: AlignServices): void {
    const workspace = services.shared.workspace;
    const manager = workspace.WorkspaceManager as AlignWorkspaceManager;
    connection.onRequest(WorkspaceFilesRequest, async (params): Promise<WorkspaceFilesResult> => {
        await manager.ready;
        const catalogs = services.align.Catalogs;
        const walked = (uri: URI) => uri.path.endsWith('.align') && !catalogs.isCatalog(uri) && manager.isWalked(uri);
        const files = workspace.LangiumDocuments.all.map(document => document.uri).filter(walked).map(uri => uri.toString()).toArray().sort();
        return { files, walked: (params.uris ?? []).filter(uri => walked(URI.parse(uri))) };
    });
}
