import type { CatalogMark } from '../graph/types.js';

/**
 * `@acme/align-standards 1.2.0`: a catalog's package and version as every
 * message shows them (hover, rename, `duplicate-name`, the preview), or the
 * folder as written for a folder catalog without `package.json`.
 */
export function catalogLabel(mark: CatalogMark): string {
    return mark.version ? `${mark.name} ${mark.version}` : mark.name;
}
