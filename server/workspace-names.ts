import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { AlignWorkspaceManager } from '../language/catalogs/catalog-workspace-manager.js';
import type { NameOf } from './document-names.js';

/**
 * The server's name for a file the client opens (server/document-names.ts):
 * the name of the workspace's document whose real path is the file's
 * (`realPath`: symbolic links resolved), else the client's. Known at once
 * for a document the workspace holds under that very name once its walk is
 * over; looked up otherwise, after the walk. A name with no real path (a
 * file not on disk, or one that cannot be reached) stays the client's, as
 * a name of another scheme (`untitled:`). `shared` is read at the first open.
 */
export function workspaceNames(shared: () => LangiumSharedServices, realPath: (uri: URI) => Promise<URI>): NameOf {
    let walked = false;
    return name => {
        const uri = URI.parse(name);
        if (uri.scheme !== 'file') return name;
        const { WorkspaceManager, LangiumDocuments } = shared().workspace;
        if (walked && LangiumDocuments.hasDocument(uri)) return uri.toString();
        return (async () => {
            await WorkspaceManager.ready;
            walked = true;
            if (LangiumDocuments.hasDocument(uri)) return uri.toString();
            const real = await realPath(uri).catch((error: unknown) => {
                // Not on disk, or not reachable (ENOENT, EACCES, ELOOP): no other name to look for.
                if ((error as { code?: unknown } | undefined)?.code !== undefined) return undefined;
                throw error;
            });
            const held = real && (WorkspaceManager as Partial<AlignWorkspaceManager>).heldAs?.(real);
            return (held ?? uri).toString();
        })();
    };
}
