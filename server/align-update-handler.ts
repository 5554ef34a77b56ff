import { DidChangeWatchedFilesNotification, FileChangeType, type DidChangeWatchedFilesParams, type FileEvent, type TextDocumentChangeEvent } from 'vscode-languageserver';
import type { AlignServices } from '../language/align-module.js';
import { decodeSource } from '../language/files/decode-source.js';
import type { AlignWorkspaceManager } from '../language/catalogs/catalog-workspace-manager.js';
import { Disposable, DocumentState, URI, UriUtils, type FileSystemProvider, type LangiumDocument, type LangiumDocuments } from 'langium';
import { isFileGone, type AlignDocumentBuilder } from '../language/align-document-builder.js';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices, type TextDocuments } from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceSettings } from './workspace-settings.js';
import { reason } from './failure-reason.js';

/**
 * Watched-file changes: `.align` files go to Langium as usual;
 * `align.config.json` and the files of its `extends` chain (whatever their
 * names), what `catalogs` or `templates` names created after the
 * configuration did, CSV files, the query files and lock of pulled
 * snapshots make the settings and actuals be read again and every document
 * be validated again; `package.json` and the npm lock files make the
 * configuration and the catalogs be read again.
 */
export class AlignDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    settings: WorkspaceSettings | undefined;
    /** Resolves false when the client refused to watch the files for the server (the server then watches them itself). */
    private answerToWatch!: (accepted: boolean) => void;
    readonly clientWatching = new Promise<boolean>(resolve => { this.answerToWatch = resolve; });
    private readonly documents: LangiumDocuments;
    private readonly fileSystem: FileSystemProvider;
    private readonly textDocuments: TextDocuments<TextDocument>;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
        this.fileSystem = services.workspace.FileSystemProvider;
        this.textDocuments = services.workspace.TextDocuments;
    }

    /**
     * As Langium, and a refused registration (a client that declares
     * `didChangeWatchedFiles.dynamicRegistration` and answers with an error)
     * is logged in one line and settles {@link clientWatching} false: the
     * rejection was unhandled and ended the server.
     */
    protected override registerFileWatcher(services: LangiumSharedServices): void {
        const connection = services.lsp.Connection;
        if (!connection) return this.answerToWatch(false);
        connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: this.getWatchers() }).then(() => this.answerToWatch(true), (error: unknown) => {
            connection.console.warn(`Align: the editor refused to watch the workspace files (${reason(error)}); the server watches them itself`);
            this.answerToWatch(false);
        });
    }

    /**
     * A document closed without saving kept, in Langium, the text it had in
     * the editor, and with it findings of text that exists nowhere. Read it
     * again from disk when that differs (a leading byte order mark aside:
     * the editor shows the text without it, as the workspace reads it; a
     * file that is not Align source by its bytes, a Latin-1 one the editor
     * showed with U+FFFD, always differs), or drop it when it is gone. A file
     * the workspace does not hold (outside its folders, or in a folder its
     * walk skips) was checked only while it was open: it is dropped, its
     * diagnostics cleared, and what it declared is gone from the workspace.
     * A catalog file that shows syntax errors is built again all the same:
     * they were shown only while it was open.
     */
    didCloseDocument(change: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(change.document.uri);
        const document = this.documents.getDocument(uri);
        if (!document) return;
        const shown = document.textDocument.getText();
        void (async () => {
            // null: not source text (decode-source.ts), whatever the editor showed; undefined: gone (one read, so a file
            // deleted meanwhile is not taken for one that cannot be read); another problem reading it: as shown.
            const onDisk = await this.fileSystem.readBinary(uri).then(sourceText, (error: unknown) => isFileGone(error) ? undefined : shown);
            if (this.textDocuments.get(change.document.uri)) return; // opened again meanwhile
            if (onDisk === undefined || !this.holds(uri)) this.fireDocumentUpdate([], [uri]);
            else if (onDisk !== shown || (this.isCatalog(uri) && (document.diagnostics?.length ?? 0) > 0)) this.fireDocumentUpdate([uri], []);
        })();
    }

    /** The document whose `didOpen` found it built from the editor's text: the content change Langium fires next builds nothing. */
    private openedAsBuilt: TextDocument | undefined;
    private readonly openedAsBuiltListeners: Array<(document: LangiumDocument, version: number) => void> = [];

    /**
     * A document opened with the very text the server built it from (read
     * from disk at start-up, or when it was last closed) is not built again:
     * its findings are those of that text already. Each open was an update
     * of the whole workspace, and opening 5,000 files at once took about two
     * minutes. The document becomes the editor's, as a build would make it,
     * and the listeners record its version and publish its diagnostics.
     */
    didOpenDocument(change: TextDocumentChangeEvent<TextDocument>): void {
        const document = this.builtFrom(change.document);
        this.openedAsBuilt = document && change.document;
        if (!document) return;
        // As Langium's factory does when it builds an open document (langium/lib/workspace/documents.js, `update`).
        Object.defineProperty(document, 'textDocument', { value: change.document });
        for (const listener of this.openedAsBuiltListeners) listener(document, change.document.version);
    }

    /** Called with each document opened with the text it was built from, and the editor's version of it. */
    onOpenedAsBuilt(listener: (document: LangiumDocument, version: number) => void): Disposable {
        this.openedAsBuiltListeners.push(listener);
        return Disposable.create(() => this.openedAsBuiltListeners.splice(this.openedAsBuiltListeners.indexOf(listener), 1));
    }

    /**
     * The workspace's document for `open` when it is validated from the same
     * text and no build is under way or queued (one may change its findings
     * or its text). Not a catalog file (open, it shows its syntax errors),
     * nor an empty text: a file that is not source (binary, unreadable) was
     * built as '' with its problem, which the editor's text replaces.
     */
    private builtFrom(open: TextDocument): LangiumDocument | undefined {
        const uri = URI.parse(open.uri);
        const document = this.documents.getDocument(uri);
        if (!document || document.state < DocumentState.Validated || this.isCatalog(uri)) return undefined;
        if (!(this.documentBuilder as AlignDocumentBuilder).idle) return undefined;
        const text = open.getText();
        return text !== '' && document.parseResult.value.$cstNode?.root.fullText === text ? document : undefined;
    }

    /**
     * Langium starts the rebuild a few ticks after an edit arrives; a request
     * that comes in between (completion right after typing) would be answered
     * from the previous parse. Marking the document changed at once makes
     * every request wait for the build of the text just sent.
     */
    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        const opened = this.openedAsBuilt;
        this.openedAsBuilt = undefined;
        if (opened === change.document) return;
        const document = this.documents.getDocument(URI.parse(change.document.uri));
        if (document) (this.documentBuilder as AlignDocumentBuilder).markChanged(document);
        super.didChangeContent(change);
    }

    /**
     * As Langium, and the builder is told of the update before it waits
     * behind the workspace lock (requests on a document opened meanwhile
     * wait for it instead of failing), and when it is over.
     */
    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        const done = (this.documentBuilder as AlignDocumentBuilder).announce(changed);
        this.workspaceManager.ready
            // A program template open in the editor stays out (once the walk knows the templates folders): its placeholders
            // are not Align, and its declarations are not the workspace's (docs/standards.md).
            .then(() => changed.filter(uri => !(this.workspaceManager as Partial<AlignWorkspaceManager>).inTemplatesFolder?.(uri)))
            .then(kept => this.workspaceLock.write(token => this.documentBuilder.update(kept, deleted, token)))
            // Never an unhandled rejection: it would end the server.
            .catch((error: unknown) => console.error('Align: updating the documents failed:', error))
            .finally(done);
    }

    /**
     * Whether a source change concerns the workspace: a deletion, a document
     * it has or the editor shows, or a file or folder its start-up walk
     * reaches. Clients watch every file (`**\/*`): a `.align` file written
     * under `node_modules`, `out`, `dist` or a hidden folder (`.history`) is
     * no more part of the workspace than it was at start-up.
     */
    private concerns(change: FileEvent): boolean {
        if (change.type === FileChangeType.Deleted || this.textDocuments.get(change.uri)) return true;
        const uri = URI.parse(change.uri);
        if (this.documents.hasDocument(uri)) return true;
        return this.holds(uri);
    }

    /** Whether the workspace holds a file when the editor does not show it: a catalog file, or one its walk reaches. */
    private holds(uri: URI): boolean {
        if (this.isCatalog(uri)) return true;
        return (this.workspaceManager as Partial<AlignWorkspaceManager>).isWalked?.(uri) ?? true;
    }

    /**
     * The same changes for the files the workspace read through symbolic
     * links: a client reports a change at the file's real path (a linked
     * folder under a dot-folder, `lib -> .shared/lib`, is not even walked).
     * A file created there is one changed where the link already was; a
     * change or deletion concerns the links the workspace still reads.
     */
    private throughLinks(changes: readonly FileEvent[]): FileEvent[] {
        const manager = this.workspaceManager as Partial<AlignWorkspaceManager>;
        if (!manager.readThroughLinks) return [];
        return changes.flatMap(change => manager.readThroughLinks!(URI.parse(change.uri))
            .filter(uri => change.type === FileChangeType.Created || this.documents.hasDocument(uri))
            .map(uri => ({ uri: uri.toString(), type: change.type === FileChangeType.Created ? FileChangeType.Changed : change.type })));
    }

    /** Whether `uri` lies in a folder that `catalogs` names (a file there is a catalog file once the catalogs are listed again). */
    private inCatalogFolder(uri: URI): boolean {
        return this.alignOf(uri)?.Settings.catalogs.some(source => UriUtils.contains(source.uri, uri)) ?? false;
    }

    private isCatalog(uri: URI): boolean {
        return this.alignOf(uri)?.Catalogs.isCatalog(uri) ?? false;
    }

    /** Align's own services for `uri`; none for a folder (the registry throws for one). */
    private alignOf(uri: URI): AlignServices['align'] | undefined {
        return this.serviceRegistry.hasServices(uri) ? (this.serviceRegistry.getServices(uri) as Partial<AlignServices>).align : undefined;
    }

    override didChangeWatchedFiles(given: DidChangeWatchedFilesParams): void {
        const params = { changes: [...given.changes, ...this.throughLinks(given.changes)] };
        const isSource = (uri: string) => uri.endsWith('.align') || !/\.[A-Za-z0-9]+$/.test(uri.split('/').pop() ?? '');
        const data = params.changes.filter(c => !isSource(c.uri));
        super.didChangeWatchedFiles({ changes: params.changes.filter(c => isSource(c.uri) && this.concerns(c)) });
        const settings = this.settings;
        // A folder created or deleted (one event, no extension) may hold CSV or query files.
        const folders = params.changes.filter(c => c.type !== FileChangeType.Changed && !/\.[A-Za-z0-9]+$/.test(c.uri.split('/').pop() ?? ''));
        const folder = folders.length > 0;
        // A created folder's config may name a templates folder (read again below, with the configuration).
        (this.workspaceManager as Partial<AlignWorkspaceManager>).noteCreatedFolders?.(folders.filter(c => c.type === FileChangeType.Created).map(c => URI.parse(c.uri)));
        const catalogFile = params.changes.some(c => c.type !== FileChangeType.Changed && c.uri.endsWith('.align') && this.inCatalogFolder(URI.parse(c.uri)));
        if (!settings) return;
        // A config file in force, whatever its name (`./std/base.jsonc`, `./std/config`: no extension, so not in `data`).
        const configFile = params.changes.some(c => settings.isConfigFile(URI.parse(c.uri)));
        // A file or folder created where `catalogs` or `templates` names one that was missing (`./kpis/people.align`
        // written into a folder that existed: the client reports the file alone).
        const named = params.changes.some(c => c.type === FileChangeType.Created && settings.completesUnresolved(URI.parse(c.uri)));
        if (data.length === 0 && !folder && !catalogFile && !configFile && !named) return;
        // Any JSON file: `align.config.json`, a file of its `extends` chain (`./standards/base.json`), or `npm install`'s
        // package and lock files (a package named by `extends` or `catalogs` may have a new version). A folder created or
        // deleted may be a catalog or templates folder the configuration names; an `.align` file created in or deleted from
        // a catalog folder changes the catalog's files.
        const configChanged = folder || catalogFile || configFile || named || data.some(c => /\.json$/i.test(c.uri));
        const dataChanged = folder || data.some(c => /\.(csv|sql)$/i.test(c.uri) || c.uri.endsWith('/align.lock.json'));
        if (!configChanged && !dataChanged) return;
        this.workspaceLock.write(async () => {
            if (configChanged) await settings.reloadConfigFile();
            await settings.revalidate();
        }).catch((error: unknown) => {
            // Never an unhandled rejection: it would end the server.
            console.error('Align: validating the workspace again after a file change failed:', error);
        });
    }
}

/** The text of a file's bytes as the workspace reads them, or null for a file that is not Align source (binary, UTF-16, not UTF-8). */
function sourceText(bytes: Uint8Array): string | null {
    const decoded = decodeSource(bytes);
    return 'problem' in decoded ? null : decoded.text;
}
