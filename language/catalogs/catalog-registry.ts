/**
 * Catalogs (language.md, "Configuration"): the `.align` files of the
 * packages and folders `catalogs` names, loaded as a library. Their
 * declarations are global; no finding is reported inside them; rename,
 * formatting and quick fixes leave them alone. This registry knows which
 * documents are catalog files and where they come from.
 */
import { UriUtils, type FileSystemProvider, type URI } from 'langium';
import type { AlignSettingsService } from '../config/align-settings.js';
import { isAlignFileName, walkFolder } from '../files/folder-walk.js';
import { isMissing, packageInfo, type LocatedSource } from '../config/locate.js';
import { resolvedTemplatesFolderOf } from '../config/templates-folder.js';
import type { AlignHost } from '../host.js';

/** Where a catalog file comes from: the package (name and version from its `package.json`) or folder. */
export interface CatalogOrigin {
    /** As written in `catalogs`. */
    readonly spec: string;
    /** The package's name, or the folder as written when it has no `package.json`. */
    readonly name: string;
    readonly version?: string;
    readonly folder: URI;
}

/** Folders never read inside a catalog. */
const SKIPPED = new Set(['node_modules', '.git']);

/** The catalog files of the workspace, by URI. */
export class AlignCatalogRegistry {
    private files = new Map<string, CatalogOrigin>();
    private known = new Map<string, URI>();
    /**
     * Resolves once the configuration is read and the catalogs listed: the
     * language server's workspace manager waits for it before its first build.
     */
    configured: Promise<void> = Promise.resolve();
    /** Catalogs not read: outside the workspace folder in an untrusted workspace. */
    skipped: string[] = [];

    constructor(private readonly host: AlignHost, private readonly fs: FileSystemProvider, private readonly settings: AlignSettingsService) { }

    /** True when `uri` is a catalog file. */
    isCatalog(uri: URI | string): boolean {
        return this.files.has(uri.toString());
    }

    /** Where the catalog file `uri` comes from; undefined for a workspace file. */
    originOf(uri: URI | string): CatalogOrigin | undefined {
        return this.files.get(uri.toString());
    }

    /** Every catalog file. */
    get uris(): URI[] {
        return [...this.known.values()];
    }

    /**
     * Lists the catalog files again from the settings' `catalogs`, but those
     * of a templates folder inside a catalog. Returns the files now in a
     * catalog and those no longer in one.
     */
    async reload(): Promise<{ current: URI[]; removed: URI[] }> {
        const next = new Map<string, CatalogOrigin>();
        const found: URI[] = [];
        this.skipped = [];
        // The templates folder the configuration in force names by path, as the workspace walks skip it (templates-folder.ts).
        const templates = this.settings.templates;
        const configured = templates && !templates.isPackage ? templates.uri.toString() : undefined;
        for (const source of this.settings.catalogs) {
            if (!this.mayRead(source)) {
                this.skipped.push(source.spec);
                continue;
            }
            const origin = await this.originFor(source);
            // Skipped: the templates folder the catalog's own config names, and the one of the configuration in force
            // (`"catalogs": ["./std"], "templates": "./std/templates"`): their placeholder programs are no library.
            const own = (await resolvedTemplatesFolderOf(this.fs, source.uri))?.toString();
            const skipped = new Set([own, configured].filter((folder): folder is string => folder !== undefined));
            for (const uri of await this.alignFiles(source.uri, skipped)) {
                if (next.has(uri.toString())) continue;
                next.set(uri.toString(), origin);
                found.push(uri);
            }
        }
        const removed = [...this.known].filter(([key]) => !next.has(key)).map(([, uri]) => uri);
        this.files = next;
        this.known = new Map(found.map(uri => [uri.toString(), uri]));
        return { current: found, removed };
    }

    /**
     * Makes the catalog files under `given` workspace files, where a path
     * given lies inside a catalog (its folder, or one of its files): the
     * command line names the catalog itself, as its owners check it
     * (`align check catalog/`). Returns the files no longer in a catalog.
     */
    adopt(given: readonly URI[]): URI[] {
        const inCatalog = given.filter(uri => [...this.files.values()].some(origin => UriUtils.contains(origin.folder, uri)));
        const adopted = [...this.known.values()].filter(file => inCatalog.some(uri => UriUtils.contains(uri, file)));
        for (const file of adopted) {
            this.files.delete(file.toString());
            this.known.delete(file.toString());
        }
        return adopted;
    }

    /** In an untrusted workspace only catalogs inside a workspace folder are read. */
    private mayRead(source: LocatedSource): boolean {
        return this.host.fileReadsAllowed() || this.settings.inWorkspace(source.uri);
    }

    /** The package a catalog belongs to (see `packageInfo`). */
    private async originFor(source: LocatedSource): Promise<CatalogOrigin> {
        const info = await packageInfo(this.fs, source.uri);
        return { spec: source.spec, name: info.name ?? source.spec, version: info.version, folder: source.uri };
    }

    /**
     * The `.align` files under a folder (or the file itself), sorted, but
     * those of the folders `skipped`; none when it is gone. Symbolic links
     * are followed as the workspace walks follow them (language/files/folder-walk.ts),
     * inside the catalog's folder.
     */
    private async alignFiles(uri: URI, skipped: ReadonlySet<string>): Promise<URI[]> {
        if (skipped.has(uri.toString())) return [];
        try {
            const stat = await this.fs.stat(uri);
            if (stat.isFile) return isAlignFileName(UriUtils.basename(uri)) ? [uri] : [];
        } catch (error) {
            if (isMissing(error)) return [];
            throw error;
        }
        const { files } = await walkFolder<undefined>(uri, undefined, { fs: this.fs, realPath: this.host.realPath }, {
            skipsFolderNamed: name => SKIPPED.has(name) || name.startsWith('.'),
            entersFolder: (folder, _context, real) => !skipped.has(folder.toString()) && !(real && skipped.has(real.toString())),
            readsFile: file => isAlignFileName(UriUtils.basename(file)),
            contextOf: () => undefined,
            unreadable: (_folder, error) => {
                // Gone meanwhile: no files; anything else stops the listing, as before.
                if (!isMissing(error)) throw error;
            }
        });
        return files.map(file => file.uri).sort((a, b) => a.path.localeCompare(b.path));
    }
}

