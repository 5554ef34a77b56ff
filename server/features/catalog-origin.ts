import { UriUtils, type URI } from 'langium';
import { catalogLabel } from '../../language/catalogs/catalog-label.js';
import type { AlignCatalogRegistry, CatalogOrigin } from '../../language/catalogs/catalog-registry.js';
import { escapeUnseen } from '../../language/present/index.js';
import { hoverCode } from './shown-text.js';

/** The line a hover on a catalog declaration starts its body with; the catalog's name (a package's, a folder's as written) as code, whatever it holds. */
export function originHoverLine(catalogs: AlignCatalogRegistry, uri: string): string | undefined {
    const origin = catalogs.originOf(uri);
    return origin ? `*From catalog ${hoverCode(catalogLabel(origin))} (read-only)*` : undefined;
}

/**
 * Why a catalog declaration cannot be renamed from the workspace, and where
 * to rename it: in the catalog folder's file (`lib/rates.align`, from the
 * workspace root when it is inside), or, for an installed package (under
 * `node_modules`), in the package, published anew.
 */
export function renameRefusal(origin: CatalogOrigin, name: string, file: URI, root: URI | undefined): string {
    const declared = `'${name}' is declared in catalog ${escapeUnseen(catalogLabel(origin))}, which the workspace does not edit. `;
    if (file.path.split('/').includes('node_modules')) {
        return `${declared}Rename it in the catalog's package, publish a new version, then update the workspace (npm install).`;
    }
    return `${declared}Rename it in ${shownFile(file, root)}, then the references to it in the workspace.`;
}

/** A catalog file that refers to a workspace declaration, and the catalog it is in. */
export interface CatalogReferrer {
    readonly origin: CatalogOrigin;
    readonly file: URI;
}

/**
 * Why a workspace declaration that catalog files refer to (`drives WsKpi`
 * in a folder catalog) cannot be renamed: the workspace does not edit the
 * catalogs, so their references would no longer resolve, and no finding in
 * a catalog is shown. Names each catalog and its files, and what to do
 * instead: write the new name in the catalog's files first, or, for an
 * installed package, have its owners publish it with the new name.
 */
export function referrersRefusal(name: string, referrers: readonly CatalogReferrer[], root: URI | undefined): string {
    const byCatalog = new Map<string, Set<string>>();
    for (const { origin, file } of referrers) {
        const label = escapeUnseen(catalogLabel(origin));
        const files = byCatalog.get(label) ?? new Set<string>();
        files.add(shownFile(file, root));
        byCatalog.set(label, files);
    }
    const catalogs = [...byCatalog].map(([label, files]) => `${label} (${[...files].sort().join(', ')})`);
    const listed = catalogs.length === 1 ? catalogs[0]! : `${catalogs.slice(0, -1).join(', ')} and ${catalogs.at(-1)!}`;
    const refused = `'${name}' cannot be renamed: ${catalogs.length === 1 ? 'catalog' : 'catalogs'} ${listed} ${catalogs.length === 1 ? 'refers' : 'refer'} to it, `
        + `and the workspace does not edit catalogs, so ${catalogs.length === 1 ? 'its' : 'their'} references would no longer resolve. `;
    const installed = referrers.some(r => r.file.path.split('/').includes('node_modules'));
    return installed
        ? `${refused}Keep the name, or have the catalog's package use the new one in a new version first.`
        : `${refused}Write the new name in the catalog first, then rename it in the workspace.`;
}

/** A file by its path from the workspace root when it is inside, else by its path on disk (or its URI); controls and bidi characters escaped (`escapeUnseen`). */
function shownFile(file: URI, root: URI | undefined): string {
    return escapeUnseen(root && UriUtils.contains(root, file) ? UriUtils.relative(root, file) : file.scheme === 'file' ? file.fsPath : file.toString());
}
