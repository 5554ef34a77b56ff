import type { DidChangeWatchedFilesParams } from 'vscode-languageserver';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { CONFIG_FILE, type WorkspaceSettings } from './workspace-settings.js';

/**
 * Watched-file changes: `.align` files go to Langium as usual;
 * `align.config.json` and CSV files make the settings and actuals be read
 * again and every document be validated again.
 */
export class AlignDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    settings: WorkspaceSettings | undefined;

    constructor(services: LangiumSharedServices) {
        super(services);
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
