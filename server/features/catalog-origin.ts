import { UriUtils, type URI } from 'langium';
import { catalogLabel } from '../../language/catalogs/catalog-label.js';
import type { AlignCatalogRegistry, CatalogOrigin } from '../../language/catalogs/catalog-registry.js';

/** The line a hover on a catalog declaration starts its body with. */
export function originHoverLine(catalogs: AlignCatalogRegistry, uri: string): string | undefined {
    const origin = catalogs.originOf(uri);
    return origin ? `*From catalog \`${catalogLabel(origin)}\` (read-only)*` : undefined;
}

/**
 * Why a catalog declaration cannot be renamed from the workspace, and where
 * to rename it: in the catalog folder's file (`lib/rates.align`, from the
 * workspace root when it is inside), or, for an installed package (under
 * `node_modules`), in the package, published anew.
 */
export function renameRefusal(origin: CatalogOrigin, name: string, file: URI, root: URI | undefined): string {
    const declared = `'${name}' is declared in catalog ${catalogLabel(origin)}, which the workspace does not edit. `;
    if (file.path.split('/').includes('node_modules')) {
        return `${declared}Rename it in the catalog's package, publish a new version, then update the workspace (npm install).`;
    }
    const where = root && UriUtils.contains(root, file) ? UriUtils.relative(root, file) : file.scheme === 'file' ? file.fsPath : file.toString();
    return `${declared}Rename it in ${where}, then the references to it in the workspace.`;
}
