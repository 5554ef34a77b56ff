import { DefaultConfigurationProvider } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { DidChangeConfigurationParams } from 'vscode-languageserver';

/**
 * As Langium's, and a `workspace/didChangeConfiguration` without settings
 * (the pull model: `{ settings: null }`, as the specification has clients
 * that support `workspace/configuration` send it) makes the server ask for
 * the `align` settings again. Langium ignored it: the new settings never
 * applied in such an editor.
 */
export class AlignConfigurationProvider extends DefaultConfigurationProvider {
    constructor(private readonly shared: LangiumSharedServices) {
        super(shared);
    }

    override updateConfiguration(change: DidChangeConfigurationParams): void {
        if (typeof change.settings === 'object' && change.settings !== null) return super.updateConfiguration(change);
        const connection = this.shared.lsp.Connection;
        if (!this.workspaceConfig || !connection) return;
        const sections = this.serviceRegistry.all.map(language => this.toSectionName(language.LanguageMetaData.languageId));
        connection.workspace.getConfiguration(sections.map(section => ({ section }))).then((configs: unknown[]) => {
            sections.forEach((section, i) => {
                this.updateSectionConfiguration(section, configs[i]);
                this.onConfigurationSectionUpdateEmitter.fire({ section, configuration: configs[i] });
            });
        }, (error: unknown) => console.error('Align: the client did not answer workspace/configuration:', error));
    }
}
