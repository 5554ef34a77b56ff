import type { FileSystemNode, FileSystemProvider } from 'langium';
import { URI } from 'langium';

/**
 * A read-only file system over a map of paths (relative to `root`) to text:
 * for CSV reads in tests. It records the path of every read, found or not,
 * so that a test can prove a file was never read.
 */
export class MemoryFileSystem implements FileSystemProvider {
    readonly reads: string[] = [];
    private readonly prefix: string;

    constructor(root: URI, private readonly files: Readonly<Record<string, string>>) {
        this.prefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
    }

    private lookup(uri: URI): string | undefined {
        const relative = uri.path.startsWith(this.prefix) ? uri.path.slice(this.prefix.length) : undefined;
        return relative !== undefined && Object.hasOwn(this.files, relative) ? this.files[relative] : undefined;
    }

    private text(uri: URI): string {
        this.reads.push(uri.path);
        const text = this.lookup(uri);
        if (text === undefined) throw Object.assign(new Error(`ENOENT: ${uri.path}`), { code: 'ENOENT' });
        return text;
    }

    async readFile(uri: URI): Promise<string> { return this.text(uri); }
    readFileSync(uri: URI): string { return this.text(uri); }
    async readBinary(uri: URI): Promise<Uint8Array> { return new TextEncoder().encode(this.text(uri)); }
    readBinarySync(uri: URI): Uint8Array { return new TextEncoder().encode(this.text(uri)); }
    async exists(uri: URI): Promise<boolean> { return this.existsSync(uri); }
    existsSync(uri: URI): boolean { return this.lookup(uri) !== undefined; }
    async stat(uri: URI): Promise<FileSystemNode> { return this.statSync(uri); }
    statSync(uri: URI): FileSystemNode { return { isFile: true, isDirectory: false, uri: URI.parse(uri.toString()) }; }
    async readDirectory(): Promise<FileSystemNode[]> { return []; }
    readDirectorySync(): FileSystemNode[] { return []; }
}
