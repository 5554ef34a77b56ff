import { URI } from 'langium';

/**
 * What the program hosting Align (CLI, node server, browser worker, tests)
 * provides beyond Langium's file system, given to `createAlignServices` at
 * creation. Every field is required, so that a new entry point cannot
 * forget the confinement of CSV files to the workspace folder.
 */
export interface AlignHost {
    /**
     * Where a file really is, symbolic links resolved: a CSV file whose real
     * path is outside the real workspace folder is refused. `null` where
     * files cannot be links (the browser, in-memory file systems).
     */
    readonly realPath: ((uri: URI) => Promise<URI>) | null;
    /** False in an untrusted workspace: no CSV file is read. Asked before every read. */
    readonly fileReadsAllowed: () => boolean;
}

/** A host whose files cannot be symbolic links (browser, memory), and which may read them. */
export const HOST_WITHOUT_LINKS: AlignHost = { realPath: null, fileReadsAllowed: () => true };

/** The node host: `realpath` is `fs.promises.realpath`, passed in so that `language/` imports no node module. */
export function nodeHost(realpath: (path: string) => Promise<string>, fileReadsAllowed: () => boolean = () => true): AlignHost {
    return { realPath: async uri => URI.file(await realpath(uri.fsPath)), fileReadsAllowed };
}
