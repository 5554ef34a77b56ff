import type { FileSystemNode, LangiumDocument, LangiumSharedCoreServices, Stream } from 'langium';
import { DefaultWorkspaceManager, stream, URI, UriUtils } from 'langium';
import { CONFIG_FILE } from '../config/extends.js';
import { describeCode } from '../files/file-errors.js';
import { isHiddenName, oncePerRealPath, walkFolder, type FoundFile } from '../files/folder-walk.js';
import { isSkippedFolder } from '../files/skipped-folders.js';
import type { AlignServices } from '../align-module.js';
import { isMissing } from '../config/locate.js';
import { resolvedTemplatesFolderOf } from '../config/templates-folder.js';

type WorkspaceFolder = Parameters<DefaultWorkspaceManager['initializeWorkspace']>[0][number];

/** What a change of the templates or workspace folders changes in the workspace: documents to drop, files to read. */
export interface WalkChange {
    /** Documents now inside a templates folder. */
    readonly removed: URI[];
    /** Files of folders that are templates folders no more. */
    readonly added: URI[];
}

/**
 * The workspace manager of the language server: besides the workspace's
 * files, it loads the catalog files (`catalogs` of `align.config.json`,
 * often under `node_modules`, which the workspace walk skips) once the
 * configuration has been read. Like `align check`, it skips the templates
 * folders: the one of the configuration in force (the workspace's
 * `align.config.json` with its `extends` chain: an extended file may name
 * it), and the one any walked folder's `align.config.json` names (a
 * standards package inside the workspace): their files have placeholders.
 * A walked folder's config file counts with its `extends` chain, as in
 * `align check` (cli/workspace/templates-of.ts). Symbolic links are
 * followed as `align check` follows them (language/files/folder-walk.ts):
 * inside the workspace folder, each file once.
 * `shouldIncludeEntry` is the one answer to "is this entry part of the
 * workspace?": the start-up walk, the files and folders the client reports
 * created, and the server's own file watcher (server/folder-watcher.ts) all
 * ask it. The configuration is read before the walk; the folder a walked
 * config names is known once the walk has read it, so before `ready` the
 * answer may still include it. After a config file changed,
 * {@link updateTemplateFolders} follows the change.
 */
export class AlignWorkspaceManager extends DefaultWorkspaceManager {
    /** Per folder walked: the templates folder its `align.config.json` names, if any. */
    private readonly walkedFolders = new Map<string, string | undefined>();
    /** The templates folder of the configuration in force (Settings.templates). */
    private configuredTemplates: string | undefined;
    /** Both of the above as one list, made again after either changed: every entry of the walk asks for it. */
    private folderList: string[] | undefined;
    private readonly walkListeners: Array<() => void> = [];
    /** The files the walks found (through a link, some): where each really is, by URI. */
    private readonly found = new Map<string, FoundFile>();
    /** The URIs of the files found through links, by their real URI. */
    private readonly linkedTo = new Map<string, Set<string>>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    /**
     * The walk of `align check` (folder-walk.ts) under this manager's rules:
     * `shouldIncludeEntry`, and a folder it may not read is one line in the
     * log (Langium logs a stack trace). Links must stay inside the workspace
     * folder that holds `folderPath`; those that lead outside are named in the log.
     */
    override async traverseFolder(folderPath: URI, uris: URI[]): Promise<void> {
        const realPath = this.align()?.align.Host.realPath ?? null;
        const result = await walkFolder<undefined>(folderPath, undefined, { fs: this.fileSystemProvider, realPath }, {
            skipsFolderNamed: isSkippedFolder,
            entersFolder: (folder, _context, real) => this.shouldIncludeEntry({ isDirectory: true, isFile: false, uri: folder }) && !(real && this.inTemplatesFolder(real)),
            readsFile: file => this.shouldIncludeEntry({ isDirectory: false, isFile: true, uri: file }),
            contextOf: async (folder, entries) => {
                const hasConfig = entries.some(entry => UriUtils.basename(entry.uri) === CONFIG_FILE);
                const templates = hasConfig ? await resolvedTemplatesFolderOf(this.fileSystemProvider, folder) : undefined;
                this.walkedFolders.set(folder.toString(), templates?.toString());
                this.folderList = undefined;
                return undefined;
            },
            unreadable: (uri, error, what) => {
                const why = describeCode((error as { code?: string }).code, error);
                console.warn(what === 'folder'
                    ? `Align: the folder ${uri.fsPath} cannot be read (${why}): its .align files are not checked`
                    : `Align: the symbolic link ${uri.fsPath} cannot be followed (${why}): what it leads to is not checked`);
            }
        }, { boundary: this.workspaceFolderOf(folderPath) });
        for (const file of result.files) {
            this.remember(file);
            uris.push(file.uri);
        }
        if (result.outside.length > 0) {
            console.warn(`Align: not read: ${result.outside.length === 1 ? 'a symbolic link that leads' : `${result.outside.length} symbolic links that lead`} outside the workspace folder `
                + `(${result.outside.map(uri => uri.fsPath).join(', ')}), as align check does not read them`);
        }
    }

    private remember(file: FoundFile): void {
        const key = file.uri.toString();
        const before = this.found.get(key);
        if (before) this.linkedTo.get(before.real.toString())?.delete(key);
        this.found.set(key, file);
        const real = file.real.toString();
        if (real !== key) this.linkedTo.set(real, (this.linkedTo.get(real) ?? new Set()).add(key));
    }

    /**
     * The files the walk read through a link under other URIs than `real`,
     * their real URI: a change the client reports there (it watches real
     * paths, not where links lead) is a change of these.
     */
    readThroughLinks(real: URI): URI[] {
        return [...this.linkedTo.get(real.toString()) ?? []].map(uri => URI.parse(uri));
    }

    /**
     * The URI under which the workspace holds the file whose real path is
     * `real` (the walk's name for it: through a link, or through a
     * workspace folder that is one), if it holds it: a file the editor
     * opens under another path is this document (server/document-names.ts).
     */
    heldAs(real: URI): URI | undefined {
        const key = real.toString();
        return this.langiumDocuments.all.find(document => (this.found.get(document.uri.toString())?.real ?? document.uri).toString() === key)?.uri;
    }

    /** The innermost workspace folder that holds `uri`: links found in a walk must stay inside it. */
    private workspaceFolderOf(uri: URI): URI | undefined {
        const holding = (this.workspaceFolders ?? []).map(folder => URI.parse(folder.uri)).filter(root => UriUtils.contains(root, uri));
        return holding.sort((a, b) => b.path.length - a.path.length)[0];
    }

    /**
     * As Langium, but a file that several workspace folders reach (one a
     * link to another, or inside it through a link) is read once, under the
     * URI the walk prefers (folder-walk.ts), as `align check` reads it.
     */
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        const files = oncePerRealPath(uris.map(uri => this.found.get(uri.toString()) ?? { uri, real: uri, direct: true }));
        await super.loadWorkspaceDocuments(stream(files.map(file => file.uri)), collector);
    }

    /** Of `files`, those whose real file the workspace holds under another URI (reached through a link). */
    private heldElsewhere(files: readonly URI[]): Set<string> {
        const real = (uri: URI) => (this.found.get(uri.toString())?.real ?? uri).toString();
        const held = new Map(this.langiumDocuments.all.map((document): [string, string] => [real(document.uri), document.uri.toString()]).toArray());
        return new Set(files.filter(uri => { const other = held.get(real(uri)); return other !== undefined && other !== uri.toString(); }).map(uri => uri.toString()));
    }

    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        const name = UriUtils.basename(entry.uri);
        // Hidden files too, as the walk (Langium's default says the same, but the rule is the walk's).
        if (isHiddenName(name) || (entry.isDirectory && isSkippedFolder(name))) return false;
        return super.shouldIncludeEntry(entry) && !this.inTemplatesFolder(entry.uri);
    }

    /**
     * Folders created after the start-up walk, which the walk would have
     * entered: their `align.config.json` (created with them, as `cp -r` or
     * `git checkout` make a standards folder) may name a templates folder,
     * which {@link updateTemplateFolders} then finds.
     */
    noteCreatedFolders(uris: readonly URI[]): void {
        for (const uri of uris) {
            if (this.walkedFolders.has(uri.toString()) || !this.isWalked(uri)) continue;
            this.walkedFolders.set(uri.toString(), undefined);
            this.folderList = undefined;
        }
    }

    /** Calls `listener` after the walk's answer changed: the templates folders (a config file changed) or the workspace folders. */
    onDidChangeWalk(listener: () => void): void {
        this.walkListeners.push(listener);
    }

    /**
     * Follows the editor's workspace folders (`workspace/didChangeWorkspaceFolders`):
     * returns the `.align` files of the folders added, to read, and the
     * documents of the folders removed that no folder holds now, to drop
     * (but catalog files, and those `isOpen` says the editor shows: a file
     * open in the editor is checked while it is open, as any other file
     * outside the workspace). The caller updates the documents with them,
     * under the workspace lock.
     */
    async changeFolders(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[], isOpen: (uri: URI) => boolean): Promise<WalkChange> {
        const key = (folder: WorkspaceFolder) => URI.parse(folder.uri).toString();
        const gone = new Set(removed.map(key));
        const kept = (this.folders ?? []).filter(folder => !gone.has(key(folder)));
        const fresh = added.filter(folder => !kept.some(other => key(other) === key(folder)));
        this.folders = [...kept, ...fresh];
        for (const folder of [...this.walkedFolders.keys()]) if (!this.isWalked(URI.parse(folder))) this.walkedFolders.delete(folder);
        this.folderList = undefined;
        const files: URI[] = [];
        for (const folder of fresh) files.push(...await this.filesOf(URI.parse(folder.uri)));
        const catalogs = this.align()?.align.Catalogs;
        const removedRoots = removed.map(folder => URI.parse(folder.uri));
        const dropped = this.langiumDocuments.all
            .filter(({ uri }) => removedRoots.some(root => UriUtils.contains(root, uri)) && !this.isWalked(uri) && !catalogs?.isCatalog(uri) && !isOpen(uri))
            .map(document => document.uri).toArray();
        for (const listener of this.walkListeners) listener();
        return { removed: dropped, added: files };
    }

    /**
     * Follows the configuration after a config file changed: the templates
     * folder of the configuration in force (read again by the caller into
     * the settings) and those the walked folders' config files name now.
     * Returns the documents now inside a templates folder (catalog files
     * aside) and the files of the folders that are templates folders no
     * more; the caller updates the documents with them, under the workspace lock.
     */
    async updateTemplateFolders(): Promise<WalkChange> {
        const before = this.templateFolders();
        this.configuredTemplates = this.align()?.align.Settings.templates?.uri.toString();
        for (const folder of [...this.walkedFolders.keys()]) {
            // A folder deleted since names none.
            this.walkedFolders.set(folder, (await resolvedTemplatesFolderOf(this.fileSystemProvider, URI.parse(folder)))?.toString());
        }
        this.folderList = undefined;
        const after = this.templateFolders();
        const entered = after.filter(folder => !before.includes(folder));
        const left = before.filter(folder => !after.includes(folder));
        if (entered.length === 0 && left.length === 0) return { removed: [], added: [] };
        const catalogs = this.align()?.align.Catalogs;
        const removed = this.langiumDocuments.all
            .filter(document => within(document.uri, entered) && !catalogs?.isCatalog(document.uri))
            .map(document => document.uri).toArray();
        const added: URI[] = [];
        for (const folder of left) added.push(...await this.filesOf(URI.parse(folder)));
        for (const listener of this.walkListeners) listener();
        return { removed, added: added.filter(uri => !this.langiumDocuments.hasDocument(uri)) };
    }

    /** The `.align` files the walk reads in `uri` (a folder or file that is no templates folder now), none when the walk does not reach it. */
    private async filesOf(uri: URI): Promise<URI[]> {
        if (!this.isWalked(uri)) return [];
        try {
            const stat = await this.fileSystemProvider.stat(uri);
            if (!stat.isDirectory) return stat.isFile && this.shouldIncludeEntry({ isFile: true, isDirectory: false, uri }) ? [uri] : [];
            const files = await this.searchFolder(uri);
            const elsewhere = this.heldElsewhere(files);
            return files.filter(file => !elsewhere.has(file.toString()));
        } catch (error) {
            if (isMissing(error)) return [];
            throw error;
        }
    }

    /**
     * Whether the walk of a workspace folder reaches `uri`: every folder from
     * the workspace folder down to it is included. A file or folder the client
     * reports created is read only then (not one under `node_modules`, `out`,
     * a hidden or a templates folder: the start-up walk skips those).
     */
    isWalked(uri: URI): boolean {
        for (const folder of this.workspaceFolders ?? []) {
            const root = URI.parse(folder.uri);
            if (!UriUtils.contains(root, uri)) continue;
            const segments = UriUtils.relative(root, uri).split('/').filter(segment => segment !== '');
            let current = root;
            let reached = true;
            for (const segment of segments) {
                current = UriUtils.joinPath(current, segment);
                if (!this.shouldIncludeEntry({ isDirectory: true, isFile: false, uri: current })) { reached = false; break; }
            }
            if (reached) return true;
        }
        return false;
    }

    private templateFolders(): string[] {
        if (this.folderList) return this.folderList;
        const folders = new Set<string>();
        for (const folder of this.walkedFolders.values()) if (folder) folders.add(folder);
        if (this.configuredTemplates) folders.add(this.configuredTemplates);
        return this.folderList = [...folders];
    }

    /**
     * Whether a file or folder is a templates folder or lies inside one: a
     * file created there, or the folder created after start-up, arrives
     * alone (a watched-file event), without the walk that skips the folder.
     */
    inTemplatesFolder(uri: URI): boolean {
        return within(uri, this.templateFolders());
    }

    private align(): AlignServices | undefined {
        return this.serviceRegistry.all.find((s): s is AlignServices => 'align' in s);
    }

    protected override async loadAdditionalDocuments(folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        await super.loadAdditionalDocuments(folders, collector);
        const align = this.align();
        if (!align) return;
        const catalogs = align.align.Catalogs;
        await catalogs.configured;
        // The configuration is read now, before the walk: the walk skips its templates folder.
        this.configuredTemplates = align.align.Settings.templates?.uri.toString();
        this.folderList = undefined;
        for (const uri of catalogs.uris) {
            collector(await this.langiumDocuments.getOrCreateDocument(uri));
        }
    }
}

/** Whether `uri` is one of `folders` or lies inside one. */
function within(uri: URI, folders: readonly string[]): boolean {
    if (folders.length === 0) return false;
    const text = uri.toString();
    return folders.some(folder => text === folder || text.startsWith(`${folder}/`));
}
