import type { FileSystemNode, FileSystemProvider, URI } from 'langium';

/**
 * The code of the error thrown instead of opening a file that is not a
 * regular file: opening a named pipe blocks until a writer comes, and a
 * device may never end, so such files are never opened.
 */
export const NOT_REGULAR_CODE = 'ENOTREG';

/**
 * The words for `NOT_REGULAR_CODE`, which read well in both shapes of
 * message: after "is " (`a.csv is not a regular file but ...`) and in
 * parentheses, as `describeCode` gives them (`cannot be read (not a regular file but ...)`).
 */
export const NOT_REGULAR_WORDS = 'not a regular file but a named pipe, socket or device';

/** The error for `path`, which is not a regular file; `code` is `NOT_REGULAR_CODE`, as `describeCode` words it. */
export function notRegularFileError(path: string): Error {
    return Object.assign(new Error(`${path} is ${NOT_REGULAR_WORDS}`), { code: NOT_REGULAR_CODE });
}

/** True for what is neither a regular file nor a folder (symbolic links followed): a named pipe, socket or device. */
export function isSpecialFile(node: Pick<FileSystemNode, 'isFile' | 'isDirectory'>): boolean {
    return !node.isFile && !node.isDirectory;
}

/**
 * `provider`, but refusing to read what is not a regular file: every read
 * asks `stat` (which follows symbolic links) first and throws
 * `notRegularFileError` for a named pipe, socket or device. A failing `stat`
 * (a missing file) leaves the read to fail as it would. The CLI and the
 * servers (node and browser) read every file by name through this.
 */
export function regularFilesOnly(provider: FileSystemProvider): FileSystemProvider {
    const checked = async (uri: URI): Promise<void> => {
        const node = await provider.stat(uri).catch(() => undefined);
        if (node && isSpecialFile(node)) throw notRegularFileError(uri.fsPath);
    };
    const checkedSync = (uri: URI): void => {
        let node: FileSystemNode | undefined;
        try {
            node = provider.statSync(uri);
        } catch {
            return; // the read that follows fails with the file system's own error (ENOENT...)
        }
        if (isSpecialFile(node)) throw notRegularFileError(uri.fsPath);
    };
    return {
        stat: uri => provider.stat(uri),
        statSync: uri => provider.statSync(uri),
        exists: uri => provider.exists(uri),
        existsSync: uri => provider.existsSync(uri),
        readDirectory: uri => provider.readDirectory(uri),
        readDirectorySync: uri => provider.readDirectorySync(uri),
        readFile: async uri => { await checked(uri); return provider.readFile(uri); },
        readFileSync: uri => { checkedSync(uri); return provider.readFileSync(uri); },
        readBinary: async uri => { await checked(uri); return provider.readBinary(uri); },
        readBinarySync: uri => { checkedSync(uri); return provider.readBinarySync(uri); }
    };
}
