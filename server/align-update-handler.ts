import { FileChangeType, type DidChangeWatchedFilesParams, type TextDocumentChangeEvent } from 'vscode-languageserver';
import { URI, type FileSystemProvider, type LangiumDocuments } from 'langium';
import type { AlignDocumentBuilder } from '../language/align-document-builder.js';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices, type TextDocuments } from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE, type WorkspaceSettings } from './workspace-settings.js';

/**
 * Watched-file changes: `.align` files go to Langium as usual;
 * `align.config.json`, CSV files, the query files and lock of pulled
 * snapshots make the settings and actuals be read again and every document
 * be validated again; `package.json` and the npm lock files make the
 * configuration and the catalogs be read again.
 */
export class AlignDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    settings: WorkspaceSettings | undefined;
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
     * A document closed without saving kept, in Langium, the text it had in
     * the editor, and with it findings of text that exists nowhere. Read it
     * again from disk when that differs, or drop it when it is gone.
     */
    didCloseDocument(change: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(change.document.uri);
        const document = this.documents.getDocument(uri);
        if (!document) return;
        const shown = document.textDocument.getText();
        void (async () => {
            const exists = await this.fileSystem.exists(uri);
            const onDisk = exists ? await this.fileSystem.readFile(uri).catch(() => shown) : undefined;
            if (this.textDocuments.get(change.document.uri)) return; // opened again meanwhile
            if (onDisk === undefined) this.fireDocumentUpdate([], [uri]);
            else if (onDisk !== shown) this.fireDocumentUpdate([uri], []);
        })();
    }

    /**
     * Langium starts the rebuild a few ticks after an edit arrives; a request
     * that comes in between (completion right after typing) would be answered
     * from the previous parse. Marking the document changed at once makes
     * every request wait for the build of the text just sent.
     */
    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
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
            .then(() => this.workspaceLock.write(token => this.documentBuilder.update(changed, deleted, token)))
            // Never an unhandled rejection: it would end the server.
            .catch((error: unknown) => console.error('Align: updating the documents failed:', error))
            .finally(done);
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const isSource = (uri: string) => uri.endsWith('.align') || !/\.[A-Za-z0-9]+$/.test(uri.split('/').pop() ?? '');
        const data = params.changes.filter(c => !isSource(c.uri));
        super.didChangeWatchedFiles({ changes: params.changes.filter(c => isSource(c.uri)) });
        const settings = this.settings;
        // A folder created or deleted (one event, no extension) may hold CSV or query files.
        const folder = params.changes.some(c => c.type !== FileChangeType.Changed && !/\.[A-Za-z0-9]+$/.test(c.uri.split('/').pop() ?? ''));
        if (!settings || (data.length === 0 && !folder)) return;
        // `npm install` rewrites the lock files: a package named by `extends` or `catalogs` may have a new version.
        const configChanged = data.some(c => c.uri.endsWith(`/${CONFIG_FILE}`) || /\/\.?package(-lock)?\.json$/.test(c.uri));
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
