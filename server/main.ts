import * as fsSync from 'node:fs';
import { promises as fs } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { LangiumSharedServices } from 'langium/lsp';
import { createConnection, FileChangeType, ProposedFeatures, SocketMessageReader, SocketMessageWriter, type Connection, type FileEvent } from 'vscode-languageserver/node';
import { startAlignServer } from './start-server.js';

// Transport from the command line: --stdio, --node-ipc, --socket=PORT or --pipe=NAME (bin/align-language-server.cjs checks them).
// CSV files are confined to the workspace folder with symbolic links resolved (fs.realpath).
const socket = socketOfCommandLine(process.argv.slice(2));
const connection = socket
    ? createConnection(ProposedFeatures.all, new SocketMessageReader(socket), new SocketMessageWriter(socket))
    : createConnection(ProposedFeatures.all);
if (socket) {
    // As stdin's end does for --stdio: the editor closed the socket, the session is over (the check of
    // `processId` every 3 s otherwise kept the server running until the editor itself exited).
    let shutdown = false;
    connection.onShutdown(() => { shutdown = true; });
    socket.once('connect', () => socket.once('close', () => process.exit(shutdown ? 0 : 1)));
}
const Align = startAlignServer(connection, { ...NodeFileSystem, realPath: fs.realpath });
watchFilesUnlessTheClientDoes(connection, Align.shared);

/**
 * The socket of `--socket=PORT` or `--pipe=NAME` (the first transport
 * decides, as in vscode-languageserver), connected here so that a failed
 * connection says why on stderr and exits 1: vscode-languageserver exited
 * 0 without a word when nothing listened on the port or pipe.
 */
function socketOfCommandLine(args: string[]): net.Socket | undefined {
    for (let i = 0; i < args.length; i++) {
        const [name, inline] = args[i]!.split(/=(.*)/s);
        if (name === '--stdio' || name === '--node-ipc') return undefined;
        if (name !== '--socket' && name !== '--pipe') continue;
        const value = inline ?? args[i + 1] ?? '';
        const where = name === '--socket' ? `port ${value} of 127.0.0.1` : `the pipe ${value}`;
        const socket = name === '--socket' ? net.createConnection(Number(value), '127.0.0.1') : net.createConnection(value);
        let connected = false;
        socket.once('connect', () => { connected = true; });
        socket.on('error', error => {
            if (connected) return; // the connection reports it and closes
            process.stderr.write(`align-language-server: cannot connect to ${where} (${reason(error)}): the editor must listen there before it starts the server\n`);
            process.exit(1);
        });
        return socket;
    }
    return undefined;
}

/** The files whose changes matter: sources, `align.config.json`, `package.json` and lock files, CSV actuals, pull queries. */
const WATCHED = /\.(align|json|csv|sql)$/i;
/** Most folders watched; a larger tree is left to the client's watcher (or a restart). */
const MAX_FOLDERS = 2000;

/**
 * Clients without `workspace/didChangeWatchedFiles` (Neovim on Linux
 * without inotify-tools, Helix before 24.07, many others) never tell the
 * server of files created, changed or deleted on disk (`git checkout`,
 * `align init`, a CSV written by `align pull`): the server watches the
 * workspace folders itself then, as Langium walks them (no hidden folders,
 * `node_modules` or `out`), and hands the changes to the same handler.
 */
function watchFilesUnlessTheClientDoes(connection: Connection, shared: LangiumSharedServices): void {
    let clientWatches = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        clientWatches = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    });
    shared.lsp.LanguageServer.onInitialized(() => {
        if (clientWatches) return;
        const folders = shared.workspace.WorkspaceManager.workspaceFolders ?? [];
        const roots = folders.map(f => URI.parse(f.uri)).filter(uri => uri.scheme === 'file').map(uri => uri.fsPath);
        if (roots.length > 0) new FolderWatcher(connection, shared, roots);
    });
}

class FolderWatcher {
    private readonly watchers = new Map<string, fsSync.FSWatcher>();
    private readonly pending = new Set<string>();
    private timer: NodeJS.Timeout | undefined;
    private stopped = false;

    constructor(private readonly connection: Connection, private readonly shared: LangiumSharedServices, roots: string[]) {
        for (const root of roots) this.watchTree(root);
    }

    private stop(): void {
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
            this.connection.console.warn(`Cannot read the folder ${folder} (${reason(error)}): changes in it are not seen`);
        }
        for (const entry of entries) if (entry.isDirectory() && included(entry.name)) this.watchTree(path.join(folder, entry.name));
    }

    private giveUp(reason: string): void {
        if (this.stopped) return;
        this.connection.console.warn(`Watching the workspace for changes on disk stopped (${reason}): files created, changed or deleted outside the editor `
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
        const changes: FileEvent[] = [];
        for (const file of this.pending) {
            const name = path.basename(file);
            if (!included(name)) continue;
            const uri = URI.file(file).toString();
            let stat: fsSync.Stats | undefined;
            try {
                stat = fsSync.statSync(file);
            } catch {
                stat = undefined; // gone: reported as deleted below
            }
            if (stat?.isDirectory()) {
                if (this.watchers.has(file)) continue;
                this.watchTree(file);
                changes.push({ uri, type: FileChangeType.Created });
            } else if (!stat) {
                const folder = [...this.watchers.keys()].some(watched => watched === file || watched.startsWith(file + path.sep));
                for (const [watched, watcher] of this.watchers) {
                    if (watched === file || watched.startsWith(file + path.sep)) { watcher.close(); this.watchers.delete(watched); }
                }
                if (folder || WATCHED.test(name)) changes.push({ uri, type: FileChangeType.Deleted });
            } else if (stat.isFile() && WATCHED.test(name)) {
                changes.push({ uri, type: FileChangeType.Changed });
            }
        }
        this.pending.clear();
        if (changes.length > 0) this.shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles?.({ changes });
    }
}

/** The folders and files Langium's workspace walk reads: no hidden ones, no `node_modules` or `out`. */
function included(name: string): boolean {
    return !name.startsWith('.') && name !== 'node_modules' && name !== 'out';
}

/** A short reason for a failure: its code (`ECONNREFUSED`), else the first line of its message. */
function reason(error: unknown): string {
    const code = (error as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? code : error instanceof Error ? error.message.split(/\r?\n/)[0]! : String(error);
}
