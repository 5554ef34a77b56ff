import type { FileSystemNode, FileSystemProvider } from 'langium';
import { URI } from 'langium';

/** A read-only file system over a map of paths (relative to `root`) to text: for CSV reads in tests. */
export class MemoryFileSystem implements FileSystemProvider {
    constructor(private readonly root: URI, private readonly files: Readonly<Record<string, string>>) { }

    private text(uri: URI): string {
        const relative = uri.path.startsWith(this.root.path + '/') ? uri.path.slice(this.root.path.length + 1) : undefined;
        const text = relative === undefined ? undefined : this.files[relative];
        if (text === undefined) throw Object.assign(new Error(`ENOENT: ${uri.path}`), { code: 'ENOENT' });
        return text;
    }

    async readFile(uri: URI): Promise<string> { return this.text(uri); }
    readFileSync(uri: URI): string { return this.text(uri); }
    async readBinary(uri: URI): Promise<Uint8Array> { return new TextEncoder().encode(this.text(uri)); }
    readBinarySync(uri: URI): Uint8Array { return new TextEncoder().encode(this.text(uri)); }
    async exists(uri: URI): Promise<boolean> { return this.existsSync(uri); }
    existsSync(uri: URI): boolean {
        try { this.text(uri); return true; } catch (error) { if ((error as { code?: string }).code === 'ENOENT') return false; throw error; }
    }
    async stat(uri: URI): Promise<FileSystemNode> { return this.statSync(uri); }
    statSync(uri: URI): FileSystemNode { return { isFile: true, isDirectory: false, uri: URI.parse(uri.toString()) }; }
    async readDirectory(): Promise<FileSystemNode[]> { return []; }
    readDirectorySync(): FileSystemNode[] { return []; }
}
