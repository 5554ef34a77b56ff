import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { DefaultWorkspaceManager } from 'langium';
import type { AlignServices } from '../align-module.js';

type WorkspaceFolder = Parameters<DefaultWorkspaceManager['initializeWorkspace']>[0][number];

/**
 * The workspace manager of the language server: besides the workspace's
 * files, it loads the catalog files (`catalogs` of `align.config.json`,
 * often under `node_modules`, which the workspace walk skips) once the
 * configuration has been read.
 */
export class AlignWorkspaceManager extends DefaultWorkspaceManager {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    protected override async loadAdditionalDocuments(folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        await super.loadAdditionalDocuments(folders, collector);
        const align = this.serviceRegistry.all.find((s): s is AlignServices => 'align' in s);
        if (!align) return;
        const catalogs = align.align.Catalogs;
        await catalogs.configured;
        for (const uri of catalogs.uris) {
            collector(await this.langiumDocuments.getOrCreateDocument(uri));
        }
    }
}
