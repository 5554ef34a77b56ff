import type { FileSystemNode, FileSystemProvider } from 'langium';
import { URI } from 'langium';
import { contentBytes, contentText, mirroredContent } from '../language/files/mirrored-file.js';
import type { DidChangeWorkspaceFilesParams, MirroredFile } from '../language/protocol.js';

/**
 * The file system of the web worker server: the workspace files the client
 * read for it (`.align`, CSV, `align.config.json`), kept by URI: the text of
 * a UTF-8 file, the bytes of another, which `readBinary` gives as they are
 * (the document factory judges them as on the desktop: not UTF-8, UTF-16).
 * Folders are implied by the file URIs, so Langium's workspace manager can
 * walk them.
 */
export class BrowserFileSystem implements FileSystemProvider {
    private readonly files = new Map<string, string | Uint8Array>();

    /** Replaces every file (at `initialize`). */
    setAll(files: readonly MirroredFile[]): void {
        this.files.clear();
        for (const file of files) this.files.set(key(file.uri), mirroredContent(file));
    }

    /** Applies a change the client reported. */
    apply(change: DidChangeWorkspaceFilesParams): void {
        for (const file of change.changed) this.files.set(key(file.uri), mirroredContent(file));
        for (const uri of change.deleted) this.files.delete(key(uri));
    }

    /** The file's text, as the desktop server reads it (a byte that is not UTF-8 as U+FFFD). */
    async readFile(uri: URI): Promise<string> { return this.readFileSync(uri); }
    readFileSync(uri: URI): string { return contentText(this.content(uri)); }

    /** The file's bytes. */
    async readBinary(uri: URI): Promise<Uint8Array> { return this.readBinarySync(uri); }
    readBinarySync(uri: URI): Uint8Array { return contentBytes(this.content(uri)); }

    async exists(uri: URI): Promise<boolean> { return this.existsSync(uri); }
    existsSync(uri: URI): boolean { return this.files.has(uri.toString()) || this.isFolder(uri); }

    async stat(uri: URI): Promise<FileSystemNode> { return this.statSync(uri); }
    statSync(uri: URI): FileSystemNode {
        if (this.files.has(uri.toString())) return { isFile: true, isDirectory: false, uri };
        if (this.isFolder(uri)) return { isFile: false, isDirectory: true, uri };
        throw Object.assign(new Error(`ENOENT: ${uri.toString()}`), { code: 'ENOENT' });
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> { return this.readDirectorySync(uri); }

    /** The files and folders directly inside a folder. */
    readDirectorySync(uri: URI): FileSystemNode[] {
        const prefix = folderPrefix(uri);
        const entries = new Map<string, FileSystemNode>();
        for (const file of this.files.keys()) {
            if (!file.startsWith(prefix)) continue;
            const [name, ...rest] = file.slice(prefix.length).split('/');
            if (!name || entries.has(name)) continue;
            const isDirectory = rest.length > 0;
            entries.set(name, { isFile: !isDirectory, isDirectory, uri: URI.parse(prefix + name) });
        }
        return [...entries.values()];
    }

    private content(uri: URI): string | Uint8Array {
        const content = this.files.get(uri.toString());
        if (content !== undefined) return content;
        const isFolder = this.isFolder(uri);
        throw Object.assign(new Error(`${isFolder ? 'EISDIR' : 'ENOENT'}: ${uri.toString()}`), { code: isFolder ? 'EISDIR' : 'ENOENT' });
    }

    private isFolder(uri: URI): boolean {
        const prefix = folderPrefix(uri);
        for (const file of this.files.keys()) if (file.startsWith(prefix)) return true;
        return false;
    }
}

/** The normal form of a URI string, as `URI.toString()` gives it. */
function key(uri: string): string {
    return URI.parse(uri).toString();
}

function folderPrefix(uri: URI): string {
    const text = uri.toString();
    return text.endsWith('/') ? text : `${text}/`;
}
