import type { AstNode, AstNodeDescription, LangiumDocument, ReferenceDescription, Stream, URI } from 'langium';
import { Cancellation, DefaultIndexManager } from 'langium';
import type { AlignReferenceDescriptionProvider } from './align-descriptions.js';

/**
 * Langium's index, which also keeps the exported descriptions by name,
 * ordered by document URI (then in each document's order): the global
 * scope reads them directly, so that an edit does not rebuild it, and a
 * name declared in several documents resolves to the same declaration
 * whatever the order in which documents were loaded and edited (the one the
 * impact graph gives the plain id). The references of a document are
 * described when first asked for (find references, rename), not at every
 * build: the command line never asks, and an edit seldom does.
 */
export class AlignIndexManager extends DefaultIndexManager {
    private readonly byName = new Map<string, AstNodeDescription[]>();
    /** Linked documents whose references are not described yet. */
    private readonly undescribed = new Map<string, LangiumDocument>();

    override async updateReferences(document: LangiumDocument): Promise<void> {
        const uri = document.uri.toString();
        this.referenceIndex.delete(uri);
        this.undescribed.set(uri, document);
    }

    override removeReferences(uri: URI): void {
        this.undescribed.delete(uri.toString());
        super.removeReferences(uri);
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        this.describeReferences();
        return super.findAllReferences(targetNode, astNodePath);
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        this.describeReferences();
        return super.isAffected(document, changedUris);
    }

    private describeReferences(): void {
        for (const [uri, document] of this.undescribed) {
            const provider = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider as AlignReferenceDescriptionProvider;
            this.referenceIndex.set(uri, provider.descriptionsOf(document));
        }
        this.undescribed.clear();
    }

    /** Every exported description with this name, by document URI, then document order. */
    named(name: string): readonly AstNodeDescription[] {
        return this.byName.get(name) ?? [];
    }

    /** The descriptions a document exports, in the order it exports them. */
    exportsOf(uri: string): readonly AstNodeDescription[] {
        return this.getFileDescriptions(uri);
    }

    override async updateContent(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const uri = document.uri.toString();
        if (this.symbolIndex.has(uri)) this.removeContent(document.uri);
        await super.updateContent(document, cancelToken);
        for (const description of this.symbolIndex.get(uri) ?? []) {
            const list = this.byName.get(description.name);
            if (!list) {
                this.byName.set(description.name, [description]);
                continue;
            }
            let at = list.length;
            while (at > 0 && uri.localeCompare(list[at - 1]!.documentUri.toString()) < 0) at--;
            list.splice(at, 0, description);
        }
    }

    override removeContent(uri: URI): void {
        for (const description of this.symbolIndex.get(uri.toString()) ?? []) {
            const list = this.byName.get(description.name);
            const at = list ? list.indexOf(description) : -1;
            if (at < 0) continue;
            list!.splice(at, 1);
            if (list!.length === 0) this.byName.delete(description.name);
        }
        super.removeContent(uri);
    }
}
