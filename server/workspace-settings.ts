import { URI, UriUtils } from 'langium';
import type { Connection, Diagnostic, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import { DiagnosticSeverity, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import type { AlignServices } from '../language/align-module.js';
import type { AlignDocumentBuilder } from '../language/align-document-builder.js';
import type { AlignWorkspaceManager } from '../language/catalogs/catalog-workspace-manager.js';
import { CONFIG_FILE, resolveConfig, type ResolvedConfig } from '../language/config/extends.js';
import { configText, offsetPosition, settingsFromValue } from '../language/config/parse-config.js';
import { updateCatalogDocuments } from './catalog-updates.js';
import type { AlignConfigurationProvider } from './configuration-provider.js';
import { DidChangeCatalogFilesNotification } from '../language/protocol.js';
import { catalogMark } from '../language/catalogs/catalog-label.js';
import { NOT_REGULAR_CODE, NOT_REGULAR_WORDS } from '../language/files/regular-files.js';

/**
 * Keeps the rule settings in step with the editor (`workspace/configuration`,
 * section `align`) and with `align.config.json` at the workspace root, whose
 * problems are published as `config-invalid` diagnostics on that file.
 * Validation waits for `ready`, so the first diagnostics already use them.
 */
export class WorkspaceSettings {
    private readonly services: AlignServices;
    private readonly connection: Connection;
    private resolveReady!: () => void;
    readonly ready = new Promise<void>(resolve => { this.resolveReady = resolve; });

    constructor(services: AlignServices, connection: Connection) {
        this.services = services;
        this.connection = connection;
        const shared = services.shared;
        shared.lsp.LanguageServer.onInitialize(params => {
            const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
            if (root) services.align.Settings.workspaceRoot = URI.parse(root);
            services.align.Settings.otherFolders = (params.workspaceFolders ?? []).slice(1).map(folder => URI.parse(folder.uri));
        });
        shared.lsp.LanguageServer.onInitialized(async () => {
            await shared.workspace.ConfigurationProvider.ready;
            this.applyEditorSettings(await this.editorSection());
            await this.reloadConfigFile();
            this.resolveReady();
        });
        shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
            if (update.section !== 'align') return;
            this.applyEditorSettings(update.configuration);
            // In the workspace lock, as the builds of edits and file changes; a failure is logged, not an unhandled rejection that ends the server.
            shared.workspace.WorkspaceLock.write(() => this.revalidate()).catch((error: unknown) => {
                console.error('Align: validating the workspace again after a settings change failed:', error);
            });
        });
        services.validation.ValidationRegistry.registerBeforeDocument(async () => { await this.ready; });
        services.align.Catalogs.configured = this.ready;
    }

    /** The URI of `align.config.json` at the workspace root, if there is a root. */
    get configUri(): URI | undefined {
        const root = this.services.align.Settings.workspaceRoot;
        return root ? UriUtils.joinPath(root, CONFIG_FILE) : undefined;
    }

    /**
     * Reads `align.config.json` again (with its `extends` chain), publishes
     * its problems and lists the catalog files again. After the first time
     * (the workspace manager loads the first catalogs), call it under the
     * workspace lock: it updates the catalog documents, and the documents of
     * the templates folders that changed.
     */
    async reloadConfigFile(): Promise<void> {
        const read = await this.readConfigFile();
        const catalogs = this.services.align.Catalogs;
        const { current, removed } = await catalogs.reload();
        if (read) {
            const skipped = catalogs.skipped.map(spec => skippedCatalogDiagnostic(read.text, spec));
            void this.connection.sendDiagnostics({ uri: read.uri.toString(), diagnostics: [...read.diagnostics, ...skipped] });
        }
        const files = catalogs.uris.map(uri => ({ uri: uri.toString(), catalog: catalogMark(catalogs.originOf(uri)!) }));
        void this.connection.sendNotification(DidChangeCatalogFilesNotification, { files });
        if (this.catalogsLoaded) {
            await updateCatalogDocuments(this.services, current, removed);
            // `templates` (its own or through `extends`) may name another folder: its files leave the workspace, those of the former one return.
            const templates = await (this.services.shared.workspace.WorkspaceManager as AlignWorkspaceManager).updateTemplateFolders();
            if (templates.removed.length > 0 || templates.added.length > 0) await this.services.shared.workspace.DocumentBuilder.update(templates.added, templates.removed);
        }
        this.catalogsLoaded = true;
        await this.warnIgnoredConfigs();
    }

    private catalogsLoaded = false;
    /** The config files in force (`align.config.json` and its `extends` chain, whatever their names), as URI strings. */
    private configFiles = new Set<string>();
    /** What `catalogs` and `templates` name by relative path where nothing was when the configuration was read. */
    private unresolved: readonly URI[] = [];

    /** Whether `uri` is one of the config files in force: `align.config.json` or a file of its `extends` chain (`./std/base.jsonc`). */
    isConfigFile(uri: URI): boolean {
        return this.configFiles.has(uri.toString());
    }

    /**
     * Whether `uri`, just created, is or lies in a catalog or templates path
     * the configuration names where nothing was (`"catalogs":
     * ["./kpis/people.align"]` before the file is written): the configuration
     * reads differently now.
     */
    completesUnresolved(uri: URI): boolean {
        return this.unresolved.some(path => UriUtils.contains(path, uri));
    }

    /** Config files of other folders that carry the "not applied" warning now. */
    private readonly warnedConfigs = new Set<string>();

    /**
     * One settings object serves the whole workspace, read from the first
     * folder's `align.config.json` (as the editor's own `align` settings are
     * one per window). A config file in another folder of a multi-root
     * workspace would otherwise be ignored without a word: it gets a warning
     * saying so and where the settings come from; the warning goes when the
     * file does.
     */
    private async warnIgnoredConfigs(): Promise<void> {
        const fileSystem = this.services.shared.workspace.FileSystemProvider;
        const { workspaceRoot: first, otherFolders } = this.services.align.Settings;
        const others = otherFolders.map(folder => UriUtils.joinPath(folder, CONFIG_FILE).toString());
        for (const key of [...this.warnedConfigs]) {
            // A folder removed from the workspace, or the first folder now: its config file is not "not applied" any more.
            if (others.includes(key)) continue;
            this.warnedConfigs.delete(key);
            if (key !== this.configUri?.toString()) void this.connection.sendDiagnostics({ uri: key, diagnostics: [] });
        }
        for (const folder of otherFolders) {
            const uri = UriUtils.joinPath(folder, CONFIG_FILE);
            const key = uri.toString();
            const exists = await fileSystem.exists(uri).catch(() => false);
            if (exists) {
                this.warnedConfigs.add(key);
                const message = `This ${CONFIG_FILE} is not applied: in a workspace of several folders, Align reads the first folder's `
                    + `(${first ? UriUtils.basename(first) : 'none'}/${CONFIG_FILE}) for all of them. Move these settings there, or open this folder on its own.`;
                void this.connection.sendDiagnostics({ uri: key, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: DiagnosticSeverity.Warning, source: 'align', message }] });
            } else if (this.warnedConfigs.delete(key)) {
                void this.connection.sendDiagnostics({ uri: key, diagnostics: [] });
            }
        }
    }

    /** Reads the config file into the settings; returns its text and problems, to publish once the catalogs are listed. */
    private async readConfigFile(): Promise<{ uri: URI; text: string; diagnostics: Diagnostic[] } | undefined> {
        const uri = this.configUri;
        if (!uri) return undefined;
        const fileSystem = this.services.shared.workspace.FileSystemProvider;
        let read: ResolvedConfig = { settings: {}, catalogs: [], problems: [], files: [uri], unresolved: [] };
        let text = '';
        try {
            if (await fileSystem.exists(uri)) read = await resolveConfig(fileSystem, uri, text = await fileSystem.readFile(uri));
        } catch (error) {
            // A folder, or a file it may not read: the defaults apply, as in `align check` (a throw here stopped the server).
            read = { settings: {}, catalogs: [], problems: [{ message: `${CONFIG_FILE} cannot be read (${describeReadError(error)}); the defaults apply`, line: 1, column: 1 }], files: [uri], unresolved: [] };
        }
        const { settings, problems } = read;
        this.configFiles = new Set(read.files.map(file => file.toString()));
        this.unresolved = read.unresolved;
        const target = this.services.align.Settings;
        target.setConfigFile(settings);
        target.catalogs = read.catalogs;
        target.templates = read.templates;
        const diagnostics: Diagnostic[] = problems.map(p => ({
            range: { start: { line: p.line - 1, character: p.column - 1 }, end: { line: p.line - 1, character: (p.endColumn ?? p.column + 1) - 1 } },
            severity: DiagnosticSeverity.Error, code: 'config-invalid', source: 'align', message: p.message
        }));
        return { uri, text, diagnostics };
    }

    /**
     * Follows the editor's workspace folders (`workspace/didChangeWorkspaceFolders`):
     * the files of the folders added are read, the documents of those removed
     * dropped. When the first folder changes, its `align.config.json` (with
     * the catalogs and templates it names) applies instead of the former's,
     * whose diagnostics go. Every document is validated again: a CSV file
     * or lock file may lie in a folder that came or went. Call under the
     * workspace lock.
     */
    async followFolders(event: WorkspaceFoldersChangeEvent): Promise<void> {
        const shared = this.services.shared;
        const manager = shared.workspace.WorkspaceManager as AlignWorkspaceManager;
        const texts = shared.workspace.TextDocuments;
        const formerConfig = this.configUri?.toString();
        const change = await manager.changeFolders(event.added, event.removed, uri => texts.get(uri.toString()) !== undefined);
        const [first, ...others] = (manager.workspaceFolders ?? []).map(folder => URI.parse(folder.uri));
        const settings = this.services.align.Settings;
        settings.workspaceRoot = first;
        settings.otherFolders = others;
        await shared.workspace.DocumentBuilder.update(change.added, change.removed);
        if (formerConfig !== this.configUri?.toString()) {
            if (formerConfig) void this.connection.sendDiagnostics({ uri: formerConfig, diagnostics: [] });
            await this.reloadConfigFile();
        } else {
            await this.warnIgnoredConfigs();
        }
        await this.revalidate();
    }

    /** Re-reads what files may have changed and validates every document again. */
    async revalidate(): Promise<void> {
        this.services.align.Graph.invalidate();
        this.services.align.Snapshots.invalidate();
        await (this.services.shared.workspace.DocumentBuilder as AlignDocumentBuilder).revalidateAll();
    }

    /** The editor's whole `align` section (its unknown keys are said too). */
    private editorSection(): Promise<unknown> {
        return (this.services.shared.workspace.ConfigurationProvider as AlignConfigurationProvider).section('align');
    }

    /** The problems of the editor settings last shown, so that a settings change that keeps them says them once. */
    private shownProblems = '';

    /**
     * Applies the valid parts of the editor's settings. What is ignored is
     * said once (a warning message and the log): VS Code's settings schema
     * underlines it, but Neovim, Helix, Emacs and Sublime have no schema.
     */
    private applyEditorSettings(section: unknown): void {
        const { settings, problems } = settingsFromValue(section);
        this.services.align.Settings.setOverrides(settings);
        const key = problems.join('\n');
        if (key === this.shownProblems) return;
        this.shownProblems = key;
        if (problems.length === 0) return;
        const message = `Align: editor settings ignored (the rest applies): ${problems.join('; ')}`;
        this.connection.console.warn(message);
        // A notification (window/showMessage), not showWarningMessage's request: nothing to answer, nothing to wait for.
        void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
}

/**
 * The warning for a catalog an untrusted workspace does not read (outside
 * the workspace folder): at the catalog's name in the file, else at the
 * `catalogs` key, else at `extends` (a catalog of an extended package).
 */
export function skippedCatalogDiagnostic(source: string, spec: string): Diagnostic {
    const text = configText(source); // comments blanked: a catalog named in a comment is not the place
    const offset = [JSON.stringify(spec), '"catalogs"', '"extends"'].map(needle => text.indexOf(needle)).find(at => at >= 0) ?? 0;
    const at = offsetPosition(text, offset);
    const start = { line: at.line - 1, character: at.column - 1 };
    return {
        range: { start, end: { line: start.line, character: start.character + (text.startsWith(JSON.stringify(spec), offset) ? JSON.stringify(spec).length : 1) } },
        severity: DiagnosticSeverity.Warning, code: 'config-invalid', source: 'align',
        message: `catalogs: ${spec} is outside the workspace folder and is not read in Restricted Mode (an untrusted workspace); `
            + 'its declarations do not resolve. Trust the workspace to read it.'
    };
}

/** A short reason for a failed read, e.g. `is a folder, EISDIR` (the words of `align check`). */
function describeReadError(error: unknown): string {
    const code = (error as { code?: unknown } | undefined)?.code;
    if (code === 'EISDIR') return 'is a folder, EISDIR';
    if (code === 'EACCES' || code === 'EPERM') return `permission denied, ${code}`;
    if (code === NOT_REGULAR_CODE) return NOT_REGULAR_WORDS;
    return typeof code === 'string' ? code : error instanceof Error ? error.message.split(/\r?\n/)[0]! : String(error);
}
