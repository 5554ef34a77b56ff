import * as vscode from 'vscode';
import { sameContent } from '../../language/files/mirrored-file.js';
import type { DidChangeWorkspaceFilesParams, MirroredFile } from '../../language/protocol.js';
import { WATCHED_GLOBS } from '../constants.js';
import { exists, readMirrored } from '../workspace-fs.js';

/** Folders the server skips as well (Langium's workspace manager: dot-folders, node_modules, out). */
const EXCLUDE = '{**/node_modules/**,**/out/**,**/.*/**}';

/**
 * A copy of the workspace's `.align`, CSV and `align.config.json` files (and
 * the catalog and config files of packages in `node_modules`) for
 * the web worker server, which cannot read files: read through
 * `vscode.workspace.fs` (so any file system works, vscode-vfs included) and
 * kept current by file system watchers. A file that is not UTF-8 goes as its
 * bytes, for the server to report as the desktop server does.
 */
export class WorkspaceMirror implements vscode.Disposable {
    private readonly files = new Map<string, MirroredFile>();
    private readonly emitter = new vscode.EventEmitter<DidChangeWorkspaceFilesParams>();
    private readonly disposables: vscode.Disposable[] = [this.emitter];
    /** Fires with the new content of created or changed files and the URIs of deleted ones. */
    readonly onDidChange = this.emitter.event;

    /** Reads every file once and starts watching. */
    async load(): Promise<void> {
        for (const glob of WATCHED_GLOBS) {
            const watcher = vscode.workspace.createFileSystemWatcher(glob);
            this.disposables.push(watcher,
                watcher.onDidCreate(uri => this.changed(uri).catch(logError)),
                watcher.onDidChange(uri => this.changed(uri).catch(logError)),
                watcher.onDidDelete(uri => this.deleted(uri)));
        }
        const uris = (await Promise.all(WATCHED_GLOBS.map(glob => vscode.workspace.findFiles(glob, EXCLUDE)))).flat();
        const packages = await packageFiles();
        await Promise.all([...uris, ...packages].map(async uri => { this.files.set(uri.toString(), await readMirrored(uri)); }));
    }

    /** Every file with its content, for `initializationOptions.files`. */
    snapshot(): MirroredFile[] {
        return [...this.files.values()];
    }

    dispose(): void {
        for (const d of this.disposables.splice(0)) d.dispose();
    }

    private async changed(uri: vscode.Uri): Promise<void> {
        const file = await readMirrored(uri).catch(error => {
            if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
            throw error;
        });
        if (file === undefined) return this.deleted(uri);
        const before = this.files.get(file.uri);
        if (before && sameContent(before, file)) return;
        this.files.set(file.uri, file);
        this.emitter.fire({ changed: [file], deleted: [] });
    }

    private deleted(uri: vscode.Uri): void {
        const key = uri.toString();
        const gone = [...this.files.keys()].filter(k => k === key || k.startsWith(`${key}/`));
        for (const k of gone) this.files.delete(k);
        if (gone.length > 0) this.emitter.fire({ changed: [], deleted: gone });
    }
}

/**
 * The files of installed packages that `extends` and `catalogs` may name:
 * `align.config.json` and `.align` files under `node_modules`, and the
 * `package.json` of each package that has one (its name and version).
 * Read once at start-up: on the web, `npm install` does not run.
 */
async function packageFiles(): Promise<vscode.Uri[]> {
    const found = (await Promise.all(PACKAGE_GLOBS.map(glob => vscode.workspace.findFiles(glob, '**/node_modules/**/.*/**')))).flat();
    const roots = new Map<string, vscode.Uri>();
    for (const uri of found) {
        const root = packageRoot(uri);
        if (root) roots.set(root.toString(), vscode.Uri.joinPath(root, 'package.json'));
    }
    const manifests = await Promise.all([...roots.values()].map(async uri => await exists(uri) ? uri : undefined));
    return [...found, ...manifests.filter((uri): uri is vscode.Uri => uri !== undefined)];
}

const PACKAGE_GLOBS = ['**/node_modules/**/align.config.json', '**/node_modules/**/*.align'];

/** `…/node_modules/@scope/name` or `…/node_modules/name` of a file inside an installed package. */
function packageRoot(uri: vscode.Uri): vscode.Uri | undefined {
    const segments = uri.path.split('/');
    const at = segments.lastIndexOf('node_modules');
    const length = segments[at + 1]?.startsWith('@') ? at + 3 : at + 2;
    return at >= 0 && length < segments.length ? uri.with({ path: segments.slice(0, length).join('/') }) : undefined;
}

function logError(error: unknown): void {
    console.error('Align: could not read a changed workspace file:', error);
}
