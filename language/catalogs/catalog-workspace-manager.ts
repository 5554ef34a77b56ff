import type { FileSystemNode, LangiumDocument, LangiumSharedCoreServices, URI } from 'langium';
import { DefaultWorkspaceManager } from 'langium';
import type { AlignServices } from '../align-module.js';
import { templatesFolderOf } from '../config/templates-folder.js';

type WorkspaceFolder = Parameters<DefaultWorkspaceManager['initializeWorkspace']>[0][number];

/**
 * The workspace manager of the language server: besides the workspace's
 * files, it loads the catalog files (`catalogs` of `align.config.json`,
 * often under `node_modules`, which the workspace walk skips) once the
 * configuration has been read. Like `align check`, it skips the templates
 * folder that any folder's `align.config.json` names (a standards package
 * inside the workspace): its files have placeholders. `shouldIncludeEntry`
 * is the one answer to "is this entry part of the workspace?": the start-up
 * walk, the files and folders the client reports created, and the server's
 * own file watcher (server/folder-watcher.ts) all ask it. A templates folder is known
 * once the walk has read the `align.config.json` that names it, so before
 * `ready` the answer may still include it.
 */
export class AlignWorkspaceManager extends DefaultWorkspaceManager {
    private readonly templateFolders = new Set<string>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async traverseFolder(folderPath: URI, uris: URI[]): Promise<void> {
        const templates = await templatesFolderOf(this.fileSystemProvider, folderPath);
        if (templates) this.templateFolders.add(templates.toString());
        await super.traverseFolder(folderPath, uris);
    }

    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        return super.shouldIncludeEntry(entry) && !this.inTemplatesFolder(entry.uri);
    }

    /**
     * Whether a file or folder is a templates folder or lies inside one: a
     * file created there, or the folder created after start-up, arrives
     * alone (a watched-file event), without the walk that skips the folder.
     */
    private inTemplatesFolder(uri: URI): boolean {
        if (this.templateFolders.size === 0) return false;
        const text = uri.toString();
        for (const folder of this.templateFolders) if (text === folder || text.startsWith(`${folder}/`)) return true;
        return false;
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
