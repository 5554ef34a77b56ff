import { UriUtils, type URI } from 'langium';
import type { AlignServices } from '../language/align-module.js';

/**
 * Reloads the catalog documents after the configuration or an installed
 * package changed: every catalog file is read again (`npm install` of a new
 * version changes them in place); a file no longer in a catalog is dropped,
 * unless it is a workspace file, which becomes an ordinary document again.
 * Call under the workspace lock.
 */
export async function updateCatalogDocuments(services: AlignServices, current: URI[], removed: URI[]): Promise<void> {
    const settings = services.align.Settings;
    const isWorkspaceFile = (uri: URI) => {
        const root = settings.folderOf(uri);
        return root !== undefined && UriUtils.contains(root, uri)
            && !UriUtils.relative(root, uri).split('/').some(segment => segment === 'node_modules' || segment.startsWith('.'));
    };
    const fileSystem = services.shared.workspace.FileSystemProvider;
    const existing = await Promise.all(current.map(async uri => await fileSystem.exists(uri) ? uri : undefined));
    const changed = [...existing.filter((uri): uri is URI => uri !== undefined), ...removed.filter(isWorkspaceFile)];
    const deleted = removed.filter(uri => !isWorkspaceFile(uri));
    await services.shared.workspace.DocumentBuilder.update(changed, deleted);
}
