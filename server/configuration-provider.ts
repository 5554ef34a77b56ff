import { DefaultConfigurationProvider, type ConfigurationInitializedParams } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { ConfigurationItem, DidChangeConfigurationParams, InitializeParams } from 'vscode-languageserver';
import { reason } from './failure-reason.js';

/** How long the server waits for the client's answer to its first `workspace/configuration` before it goes on without it. */
export const CONFIGURATION_TIMEOUT_MS = 3000;

/**
 * As Langium's, and:
 * - a `workspace/didChangeConfiguration` without settings (the pull model:
 *   `{ settings: null }`, as the specification has clients that support
 *   `workspace/configuration` send it) makes the server ask for the `align`
 *   settings again. Langium ignored it: the new settings never applied in
 *   such an editor.
 * - `workspace/didChangeConfiguration` is registered only with a client that
 *   declares `didChangeConfiguration.dynamicRegistration` (Langium asked
 *   every client with `workspace/configuration`: eglot warned at every start,
 *   Neovim logged it), and a refused registration is logged, not an
 *   unhandled rejection that ended the server.
 * - a first `workspace/configuration` answered with an error, or not
 *   answered within {@link CONFIGURATION_TIMEOUT_MS}, is logged in one line
 *   and the server goes on with `align.config.json` and the defaults (it
 *   checked nothing and every request waited forever); a late answer applies
 *   when it comes.
 */
export class AlignConfigurationProvider extends DefaultConfigurationProvider {
    private dynamicRegistration = false;

    constructor(private readonly shared: LangiumSharedServices) {
        super(shared);
    }

    override initialize(params: InitializeParams): void {
        super.initialize(params);
        this.dynamicRegistration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    }

    override initialized(params: ConfigurationInitializedParams): Promise<void> {
        const { register, fetchConfiguration } = params;
        return super.initialized({
            ...params,
            register: register && this.dynamicRegistration
                ? options => { Promise.resolve(register(options) as unknown).catch((error: unknown) => this.log(`the editor refused the registration of workspace/didChangeConfiguration (${reason(error)}); settings changes come only if the editor sends them unasked`)); }
                : undefined,
            fetchConfiguration: fetchConfiguration && (items => this.firstConfiguration(fetchConfiguration(items), items))
        });
    }

    /** The first answer to `workspace/configuration`, or none (`undefined` per item) if it fails or is late; a late answer applies when it comes. */
    private firstConfiguration(answer: Promise<unknown>, items: ConfigurationItem[]): Promise<unknown[]> {
        const none = items.map(() => undefined);
        return new Promise(resolve => {
            let late = false;
            const timer = setTimeout(() => {
                late = true;
                this.log(`the editor did not answer workspace/configuration within ${CONFIGURATION_TIMEOUT_MS / 1000} s; align.config.json and the defaults apply until it does`);
                resolve(none);
            }, CONFIGURATION_TIMEOUT_MS);
            answer.then(configs => {
                clearTimeout(timer);
                if (!late) return resolve(Array.isArray(configs) ? configs : none);
                if (Array.isArray(configs)) this.apply(items.map(item => item.section ?? ''), configs);
            }, (error: unknown) => {
                clearTimeout(timer);
                if (!late) this.log(`the editor answered workspace/configuration with an error (${reason(error)}); align.config.json and the defaults apply`);
                resolve(none);
            });
        });
    }

    override updateConfiguration(change: DidChangeConfigurationParams): void {
        if (typeof change.settings === 'object' && change.settings !== null) return super.updateConfiguration(change);
        const connection = this.shared.lsp.Connection;
        if (!this.workspaceConfig || !connection) return;
        const sections = this.serviceRegistry.all.map(language => this.toSectionName(language.LanguageMetaData.languageId));
        connection.workspace.getConfiguration(sections.map(section => ({ section }))).then(
            (configs: unknown[]) => this.apply(sections, configs),
            (error: unknown) => this.log(`the editor answered workspace/configuration with an error (${reason(error)}); the settings stay as they were`));
    }

    /** A whole section of the editor's settings, as the client gave it, once the first answer is in. */
    async section(name: string): Promise<unknown> {
        await this.ready;
        return (this.settings as Record<string, unknown>)[name];
    }

    private apply(sections: readonly string[], configs: readonly unknown[]): void {
        sections.forEach((section, i) => {
            this.updateSectionConfiguration(section, configs[i]);
            this.onConfigurationSectionUpdateEmitter.fire({ section, configuration: configs[i] });
        });
    }

    /** One line in the client's log (window/logMessage), no stack trace. */
    private log(message: string): void {
        this.shared.lsp.Connection?.console.warn(`Align: ${message}`);
    }
}
