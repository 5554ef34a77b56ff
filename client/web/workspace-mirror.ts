import * as vscode from 'vscode';
import type { DidChangeWorkspaceFilesParams, WorkspaceFile } from '../../language/protocol.js';
import { WATCHED_GLOBS } from '../constants.js';

/** Folders the server skips as well (Langium's workspace manager: dot-folders, node_modules, out). */
const EXCLUDE = '{**/node_modules/**,**/out/**,**/.*/**}';

/**
 * A copy of the workspace's `.align`, CSV and `align.config.json` files for
 * the web worker server, which cannot read files: read through
 * `vscode.workspace.fs` (so any file system works, vscode-vfs included) and
 * kept current by file system watchers.
 */
export class WorkspaceMirror implements vscode.Disposable {
    private readonly files = new Map<string, string>();
    private readonly emitter = new vscode.EventEmitter<DidChangeWorkspaceFilesParams>();
    private readonly disposables: vscode.Disposable[] = [this.emitter];
    /** Fires with the new text of created or changed files and the URIs of deleted ones. */
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
        await Promise.all(uris.map(async uri => { this.files.set(uri.toString(), await readText(uri)); }));
    }

    /** Every file with its text, for `initializationOptions.files`. */
    snapshot(): WorkspaceFile[] {
        return [...this.files].map(([uri, text]) => ({ uri, text }));
    }

    dispose(): void {
        for (const d of this.disposables.splice(0)) d.dispose();
    }

    private async changed(uri: vscode.Uri): Promise<void> {
        const text = await readText(uri).catch(error => {
            if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
            throw error;
        });
        if (text === undefined) return this.deleted(uri);
        if (this.files.get(uri.toString()) === text) return;
        this.files.set(uri.toString(), text);
        this.emitter.fire({ changed: [{ uri: uri.toString(), text }], deleted: [] });
    }

    private deleted(uri: vscode.Uri): void {
        const key = uri.toString();
        const gone = [...this.files.keys()].filter(k => k === key || k.startsWith(`${key}/`));
        for (const k of gone) this.files.delete(k);
        if (gone.length > 0) this.emitter.fire({ changed: [], deleted: gone });
    }
}

async function readText(uri: vscode.Uri): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

function logError(error: unknown): void {
    console.error('Align: could not read a changed workspace file:', error);
}
