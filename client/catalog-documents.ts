import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { CatalogMark } from '../language/graph/types.js';
import { DidChangeCatalogFilesNotification, type DidChangeCatalogFilesParams } from '../language/protocol.js';
import { CATALOG_SCHEME } from './constants.js';

/** Shown when the user tries to type in a catalog file. */
const READ_ONLY_MESSAGE = 'This file belongs to an Align **catalog** (`catalogs` in `align.config.json`): the workspace reads it as a '
    + 'library and never edits it. Change it in the catalog\'s own package, publish a new version, then `npm install` it here.';

/**
 * Catalog files (language.md, "Configuration") open read-only: the server
 * tells which files are catalog files (`align/didChangeCatalogFiles`); the
 * language client's URI converters give every location in such a file
 * (definition, references, symbols...) the `align-catalog` scheme, whose
 * read-only file system reads the original file through
 * `vscode.workspace.fs` (desktop and web alike). Requests from that editor
 * (hover, go to definition) reach the server with the original URI.
 */
export class CatalogDocuments implements vscode.FileSystemProvider, vscode.Disposable {
    private files = new Map<string, CatalogMark>();
    private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
    readonly onDidChangeFile = this.emitter.event;

    /** The URI converters of the language client (its options are made before the client). */
    readonly uriConverters: NonNullable<LanguageClientOptions['uriConverters']> = {
        code2Protocol: uri => (uri.scheme === CATALOG_SCHEME ? originalOf(uri) : uri).toString(),
        protocol2Code: value => {
            const uri = vscode.Uri.parse(value);
            return this.files.has(uri.toString()) && uri.query === '' ? catalogUriOf(uri) : uri;
        }
    };

    /** Registers the file system and listens to the server. */
    register(client: BaseLanguageClient): vscode.Disposable[] {
        return [
            vscode.workspace.registerFileSystemProvider(CATALOG_SCHEME, this, { isCaseSensitive: true, isReadonly: new vscode.MarkdownString(READ_ONLY_MESSAGE) }),
            // By method name: the client bundles its own copy of vscode-jsonrpc.
            client.onNotification(DidChangeCatalogFilesNotification.method, (params: DidChangeCatalogFilesParams) => this.update(params)),
            this
        ];
    }

    /** The catalog the file `uri` (original or read-only view) belongs to, if it is a catalog file. */
    catalogOf(uri: vscode.Uri): CatalogMark | undefined {
        return this.files.get((uri.scheme === CATALOG_SCHEME ? originalOf(uri) : uri).toString());
    }

    private update(params: DidChangeCatalogFilesParams): void {
        this.files = new Map(params.files.map(f => [vscode.Uri.parse(f.uri).toString(), f.catalog]));
        // A new version (`npm install`): open views read their file again.
        const open = vscode.workspace.textDocuments.filter(d => d.uri.scheme === CATALOG_SCHEME);
        if (open.length > 0) this.emitter.fire(open.map(d => ({ type: vscode.FileChangeType.Changed, uri: d.uri })));
    }

    watch(): vscode.Disposable {
        return new vscode.Disposable(() => undefined);
    }

    async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
        const { type, ctime, mtime, size } = await vscode.workspace.fs.stat(originalOf(uri));
        return { type, ctime, mtime, size, permissions: vscode.FilePermission.Readonly };
    }

    readDirectory(uri: vscode.Uri): Thenable<Array<[string, vscode.FileType]>> {
        return vscode.workspace.fs.readDirectory(originalOf(uri));
    }

    readFile(uri: vscode.Uri): Thenable<Uint8Array> {
        return vscode.workspace.fs.readFile(originalOf(uri));
    }

    createDirectory(uri: vscode.Uri): never {
        throw vscode.FileSystemError.NoPermissions(uri);
    }

    writeFile(uri: vscode.Uri): never {
        throw vscode.FileSystemError.NoPermissions(uri);
    }

    delete(uri: vscode.Uri): never {
        throw vscode.FileSystemError.NoPermissions(uri);
    }

    rename(uri: vscode.Uri): never {
        throw vscode.FileSystemError.NoPermissions(uri);
    }

    dispose(): void {
        this.emitter.dispose();
    }
}

/** The read-only view of a catalog file: same path, the `align-catalog` scheme, the original scheme in the query. */
export function catalogUriOf(original: vscode.Uri): vscode.Uri {
    return original.with({ scheme: CATALOG_SCHEME, query: original.scheme });
}

/** The file a read-only view shows. */
export function originalOf(view: vscode.Uri): vscode.Uri {
    return view.with({ scheme: view.query || 'file', query: '' });
}
