import type { DidChangeWatchedFilesParams, TextDocumentChangeEvent } from 'vscode-languageserver';
import { URI, type LangiumDocuments } from 'langium';
import type { AlignDocumentBuilder } from '../language/align-document-builder.js';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE, type WorkspaceSettings } from './workspace-settings.js';

/**
 * Watched-file changes: `.align` files go to Langium as usual;
 * `align.config.json` and CSV files make the settings and actuals be read
 * again and every document be validated again.
 */
export class AlignDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    settings: WorkspaceSettings | undefined;
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
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

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const isSource = (uri: string) => uri.endsWith('.align') || !/\.[A-Za-z0-9]+$/.test(uri.split('/').pop() ?? '');
        const data = params.changes.filter(c => !isSource(c.uri));
        super.didChangeWatchedFiles({ changes: params.changes.filter(c => isSource(c.uri)) });
        const settings = this.settings;
        if (!settings || data.length === 0) return;
        const configChanged = data.some(c => c.uri.endsWith(`/${CONFIG_FILE}`));
        const csvChanged = data.some(c => c.uri.toLowerCase().endsWith('.csv'));
        if (!configChanged && !csvChanged) return;
        void this.workspaceLock.write(async () => {
            if (configChanged) await settings.reloadConfigFile();
            await settings.revalidate();
        });
    }
}
