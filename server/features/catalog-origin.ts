import { catalogLabel } from '../../language/catalogs/catalog-label.js';
import type { AlignCatalogRegistry, CatalogOrigin } from '../../language/catalogs/catalog-registry.js';

/** The line a hover on a catalog declaration starts its body with. */
export function originHoverLine(catalogs: AlignCatalogRegistry, uri: string): string | undefined {
    const origin = catalogs.originOf(uri);
    return origin ? `*From catalog \`${catalogLabel(origin)}\` (read-only)*` : undefined;
}

/** Why a catalog declaration cannot be renamed from the workspace. */
export function renameRefusal(origin: CatalogOrigin, name: string): string {
    return `'${name}' is declared in catalog ${catalogLabel(origin)}, which the workspace does not edit. `
        + 'Rename it in the catalog\'s package, publish a new version, then update the workspace (npm install).';
}
