/**
 * The language server's own watch of the workspace folders, for clients
 * that do not send workspace/didChangeWatchedFiles (server/main.ts).
 */
import * as fsSync from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumSharedCoreServices } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { AlignWorkspaceManager } from '../language/catalogs/catalog-workspace-manager.js';
import type { AlignDocumentUpdateHandler } from './align-update-handler.js';
import { FileChangeType, type Connection, type FileEvent } from 'vscode-languageserver/node';
import { reason } from './failure-reason.js';

/** The files whose changes matter: sources, `align.config.json`, `package.json` and lock files, CSV actuals, pull queries. */
const WATCHED = /\.(align|json|csv|sql)$/i;
/** Most folders watched; a larger tree is left to the client's watcher (or a restart). */
const MAX_FOLDERS = 2000;

/**
 * Clients without `workspace/didChangeWatchedFiles` (Neovim on Linux
 * without inotify-tools, Helix before 24.07, many others) never tell the
 * server of files created, changed or deleted on disk (`git checkout`,
 * `align init`, a CSV written by `align pull`): the server watches the
 * workspace folders itself then, the ones the workspace manager reads (its
 * `shouldIncludeEntry`: no hidden folders, `node_modules`, `out`, `dist`, nor a
 * templates folder that an `align.config.json` names), and hands the
 * changes to the same handler. So it does when the client refuses the
 * server's registration of `workspace/didChangeWatchedFiles`.
 */
export function watchFilesUnlessTheClientDoes(connection: Connection, shared: LangiumSharedServices): void {
    let clientWatches = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        clientWatches = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    });
    shared.lsp.LanguageServer.onInitialized(() => {
        if (!clientWatches) return watchFolders(connection, shared);
        const handler = shared.lsp.DocumentUpdateHandler as Partial<AlignDocumentUpdateHandler>;
        void handler.clientWatching?.then(accepted => { if (!accepted) watchFolders(connection, shared); });
    });
}

function watchFolders(connection: Connection, shared: LangiumSharedServices): void {
    const manager = shared.workspace.WorkspaceManager;
    // The folders as the server holds them: without a trailing separator (server/workspace-folders.ts).
    const roots = () => (manager.workspaceFolders ?? []).map(f => URI.parse(f.uri)).filter(uri => uri.scheme === 'file').map(uri => uri.fsPath);
    // Watching starts at once, so that no change during the start-up walk is missed; the templates folders
    // are known once the walk has read the config files: until then changes wait, and what they exclude is let go then.
    const watcher = new FolderWatcher(shared, roots,
        changes => shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles?.({ changes }), message => connection.console.warn(message));
    manager.ready.then(() => watcher.settle(), () => watcher.settle());
    // A config file changed the templates folders, or the workspace folders changed: a folder the walk skips now is
    // watched no more, one it reads now is watched.
    (manager as Partial<AlignWorkspaceManager>).onDidChangeWalk?.(() => watcher.refresh());
}

/**
 * Watches folders with `fs.watch`, one watcher per folder, as the workspace
 * manager walks them (its `shouldIncludeEntry`), and reports the changes of
 * sources, config, CSV and query files, batched, to `report`.
 */
export class FolderWatcher {
    private readonly watchers = new Map<string, fsSync.FSWatcher>();
    private readonly pending = new Set<string>();
    private timer: NodeJS.Timeout | undefined;
    private stopped = false;
    /** Whether the workspace manager has walked the workspace (and so knows every templates folder). */
    private settled = false;

    /** `roots`: the workspace folders now (they may change while the server runs). */
    constructor(private readonly shared: LangiumSharedCoreServices, private readonly roots: () => readonly string[],
        private readonly report: (changes: FileEvent[]) => void, private readonly warn: (message: string) => void) {
        for (const root of roots()) this.watchTree(root);
    }

    /** The folders watched now. */
    get folders(): string[] {
        return [...this.watchers.keys()];
    }

    /** The workspace walk is done: folders the manager now excludes are watched no more, and the changes held back go out. */
    settle(): void {
        if (this.stopped) return;
        this.settled = true;
        this.letGoExcluded();
        this.flush();
    }

    /**
     * The manager's answer changed (the templates folders did, or the
     * workspace folders): folders it excludes now are watched no more, and
     * those it includes are watched, with their subfolders.
     */
    refresh(): void {
        if (this.stopped || !this.settled) return; // settle() applies the answers of the time
        this.letGoExcluded();
        for (const root of this.roots()) this.watchIncluded(root);
    }

    /** Stops watching the folders outside the workspace folders now, and those the manager excludes. */
    private letGoExcluded(): void {
        const roots = this.roots();
        for (const [folder, watcher] of this.watchers) {
            const underRoot = roots.some(root => folder.startsWith(root + path.sep));
            if (roots.includes(folder) || (underRoot && this.includes(folder, true))) continue;
            watcher.close();
            this.watchers.delete(folder);
        }
    }

    /** Watches `folder` and the folders under it that the manager includes and that are not watched yet. */
    private watchIncluded(folder: string): void {
        if (this.stopped) return;
        if (!this.watchers.has(folder)) {
            this.watchTree(folder);
            return;
        }
        let entries: fsSync.Dirent[] = [];
        try {
            entries = fsSync.readdirSync(folder, { withFileTypes: true });
        } catch {
            return; // gone meanwhile: its parent's watcher reports that
        }
        for (const entry of entries) {
            const child = path.join(folder, entry.name);
            if (entry.isDirectory() && this.includes(child, true)) this.watchIncluded(child);
        }
    }

    /** The workspace manager's answer for a folder or file: the same as for its start-up walk. */
    private includes(file: string, isDirectory: boolean): boolean {
        return this.shared.workspace.WorkspaceManager.shouldIncludeEntry({ isDirectory, isFile: !isDirectory, uri: URI.file(file) });
    }

    /** Whether a change of a file matters: a source file the manager reads, or a config, CSV or query file. */
    private reports(file: string): boolean {
        return this.shared.ServiceRegistry.hasServices(URI.file(file)) ? this.includes(file, false) : WATCHED.test(path.basename(file));
    }

    stop(): void {
        this.stopped = true;
        clearTimeout(this.timer);
        for (const watcher of this.watchers.values()) watcher.close();
        this.watchers.clear();
    }

    private watchTree(folder: string): void {
        if (this.stopped || this.watchers.has(folder)) return;
        if (this.watchers.size >= MAX_FOLDERS) {
            this.giveUp(`more than ${MAX_FOLDERS} folders`);
            return;
        }
        let watcher: fsSync.FSWatcher;
        try {
            watcher = fsSync.watch(folder, (_event, name) => this.changed(name ? path.join(folder, name.toString()) : folder));
        } catch (error) {
            this.giveUp(reason(error));
            return;
        }
        watcher.on('error', error => {
            // The folder was deleted (its parent reports that), or the system is out of watches.
            watcher.close();
            this.watchers.delete(folder);
            if (fsSync.existsSync(folder)) this.giveUp(reason(error));
        });
        watcher.unref(); // the connection decides when the server ends
        this.watchers.set(folder, watcher);
        let entries: fsSync.Dirent[] = [];
        try {
            entries = fsSync.readdirSync(folder, { withFileTypes: true });
        } catch (error) {
            this.warn(`Cannot read the folder ${folder} (${reason(error)}): changes in it are not seen`);
        }
        for (const entry of entries) {
            const child = path.join(folder, entry.name);
            if (entry.isDirectory() && this.includes(child, true)) this.watchTree(child);
        }
    }

    private giveUp(reason: string): void {
        if (this.stopped) return;
        this.warn(`Watching the workspace for changes on disk stopped (${reason}): files created, changed or deleted outside the editor `
            + 'are seen after a restart of the server, or configure the editor to send workspace/didChangeWatchedFiles');
        this.stop();
    }

    private changed(file: string): void {
        if (this.stopped) return;
        this.pending.add(file);
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.flush(), 100).unref();
    }

    private flush(): void {
        if (!this.settled) return; // settle() flushes
        const changes: FileEvent[] = [];
        for (const file of this.pending) {
            // Changes seen before settle() in a folder the manager excludes (a templates folder) are dropped.
            if (!this.watchers.has(path.dirname(file)) && !this.watchers.has(file)) continue;
            const name = path.basename(file);
            const uri = URI.file(file).toString();
            let stat: fsSync.Stats | undefined;
            try {
                stat = fsSync.statSync(file);
            } catch {
                stat = undefined; // gone: reported as deleted below
            }
            if (stat?.isDirectory()) {
                if (this.watchers.has(file) || !this.includes(file, true)) continue;
                this.watchTree(file);
                changes.push({ uri, type: FileChangeType.Created });
            } else if (!stat) {
                const folder = [...this.watchers.keys()].some(watched => watched === file || watched.startsWith(file + path.sep));
                for (const [watched, watcher] of this.watchers) {
                    if (watched === file || watched.startsWith(file + path.sep)) { watcher.close(); this.watchers.delete(watched); }
                }
                if (folder || WATCHED.test(name)) changes.push({ uri, type: FileChangeType.Deleted });
            } else if (stat.isFile() && this.reports(file)) {
                changes.push({ uri, type: FileChangeType.Changed });
            }
        }
        this.pending.clear();
        if (changes.length > 0) this.report(changes);
    }
}
