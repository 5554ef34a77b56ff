import type { CatalogMark } from '../graph/types.js';

/**
 * `@acme/align-standards 1.2.0`: a catalog's package and version as every
 * message shows them (hover, rename, `duplicate-name`, the preview), or the
 * folder as written for a folder catalog without `package.json`.
 */
export function catalogLabel(mark: CatalogMark): string {
    return mark.version ? `${mark.name} ${mark.version}` : mark.name;
}

/** The mark graph nodes and the client's catalog files carry: a catalog origin's name and version. */
export function catalogMark(origin: CatalogMark): CatalogMark {
    return origin.version === undefined ? { name: origin.name } : { name: origin.name, version: origin.version };
}
