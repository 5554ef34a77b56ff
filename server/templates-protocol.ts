import type { Connection } from 'vscode-languageserver';
import type { AlignServices } from '../language/align-module.js';
import { ProgramTemplatesRequest, type ProgramTemplatesResult } from '../language/protocol.js';
import { listTemplates } from '../language/templates/configured-templates.js';
import type { WorkspaceSettings } from './workspace-settings.js';

/** Answers `align/programTemplates`: the built-in template and those `templates` of `align.config.json` names. */
export function registerTemplatesProtocol(connection: Connection, services: AlignServices, settings: WorkspaceSettings): void {
    connection.onRequest(ProgramTemplatesRequest, async (): Promise<ProgramTemplatesResult> => {
        await settings.ready;
        const templates = await listTemplates({ fs: services.shared.workspace.FileSystemProvider, realPath: services.align.Host.realPath }, services.align.Settings.templates);
        return { templates: templates.map(t => ({ ...t })) };
    });
}
