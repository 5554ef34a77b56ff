import type { FileSystemProvider, URI } from 'langium';
import { UriUtils } from 'langium';
import type { AlignCatalogRegistry } from '../catalogs/catalog-registry.js';
import type { AlignSettingsService } from '../config/align-settings.js';
import type { AlignHost } from '../host.js';
import type { CsvFileResult } from '../actuals/read-actuals.js';
import { NOT_REGULAR_CODE, NOT_REGULAR_WORDS } from './regular-files.js';

/**
 * Reads the CSV files of `actuals ... from "file.csv"`, confined to the
 * workspace folder, or for a catalog file to its catalog's folder (symbolic
 * links resolved through the host), and only where the host allows file
 * reads (not in an untrusted workspace).
 */
export class AlignCsvFiles {
    constructor(
        private readonly host: AlignHost,
        private readonly fileSystem: FileSystemProvider,
        private readonly settings: AlignSettingsService,
        private readonly catalogs: AlignCatalogRegistry
    ) { }

    /** The text of the file `path` names, relative to the document, or why it was not read. */
    async read(documentUri: URI, path: string): Promise<CsvFileResult> {
        if (!this.host.fileReadsAllowed()) return { error: 'was not read: CSV files are not read in an untrusted workspace' };
        try {
            const located = await this.locate(documentUri, path);
            if ('error' in located) return located;
            const text = await this.fileSystem.readFile(located.uri);
            return text.includes('\uFFFD') ? { error: 'is not UTF-8 text' } : { text };
        } catch (error) {
            return { error: describeReadError(error) };
        }
    }

    /**
     * Where the file `path` names (relative to the document) really is, when
     * it is inside the workspace folder, or why it is not read (the document
     * links of actuals follow this too). Throws when a symbolic link cannot
     * be resolved (a missing file).
     */
    async locate(documentUri: URI, path: string): Promise<{ uri: URI } | { error: string }> {
        if (path.trim() === '') return { error: 'is an empty path' };
        const uri = UriUtils.resolvePath(UriUtils.dirname(documentUri), path);
        const { root, name } = this.confinementOf(documentUri);
        if (root && !UriUtils.contains(root, uri)) return { error: `is outside ${name} and is not read` };
        const realPath = this.host.realPath;
        if (!root || !realPath) return { uri };
        // A symbolic link inside the folder may point outside it: compare where both really are.
        const [realFile, realRoot] = [await realPath(uri), await realPath(root).catch(() => root)];
        if (!UriUtils.contains(realRoot, realFile)) return { error: `leads, through a symbolic link, outside ${name} and is not read` };
        return { uri: realFile };
    }

    /** The folder a document's CSV files must be in: its catalog's (a package may lie outside the workspace), or the workspace's. */
    private confinementOf(documentUri: URI): { root?: URI; name: string } {
        const origin = this.catalogs.originOf(documentUri);
        if (!origin) return { root: this.settings.folderOf(documentUri), name: 'the workspace folder' };
        const root = origin.folder.path.endsWith('.align') ? UriUtils.dirname(origin.folder) : origin.folder;
        return { root, name: `the folder of catalog ${origin.name}` };
    }
}

function describeReadError(error: unknown): string {
    const code = (error as { code?: unknown } | undefined)?.code;
    if (code === 'ENOENT') return 'is missing';
    if (code === 'EISDIR') return 'is a folder, not a CSV file';
    if (code === NOT_REGULAR_CODE) return `is ${NOT_REGULAR_WORDS} and is not read`;
    if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
    return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
}
