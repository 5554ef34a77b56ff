import type { AstNodeDescription, DefaultReference, LangiumDocument, LangiumDocuments, Reference, ServiceRegistry } from 'langium';
import { AstUtils, DocumentState, URI } from 'langium';
import type { AlignIndexManager } from './align-index-manager.js';
import type { AlignLinker } from './align-linker.js';

/**
 * After an edit, resolves again only the references that may now resolve
 * differently, where Langium would link again every document that refers to
 * an edited one. A reference is resolved again (through the scopes, as
 * linking does) when it pointed into an edited or deleted document, when it
 * did not resolve, or when an edited document now exports its name (or the
 * same name once more). Every other reference resolves as before: the names
 * it was resolved against, and their order, did not change.
 */
export class PartialRelinker {
    /** What each edited document exported when the others were last linked against it. */
    private readonly before = new Map<string, readonly AstNodeDescription[]>();

    constructor(private readonly documents: LangiumDocuments, private readonly index: AlignIndexManager, private readonly registry: ServiceRegistry) { }

    /** Records what a document exports before an edit or a deletion replaces it (the first record stands until it is used). */
    remember(uri: URI): void {
        const key = uri.toString();
        if (!this.before.has(key)) this.before.set(key, [...this.index.exportsOf(key)]);
    }

    /**
     * Once the edited documents are indexed again: resolves again the
     * references of the other linked documents that may have changed.
     * Returns those documents (their `references` array is replaced, so that
     * readers tell they were linked again).
     */
    async relink(): Promise<LangiumDocument[]> {
        const ready = [...this.before.keys()].filter(uri => (this.documents.getDocument(URI.parse(uri))?.state ?? DocumentState.IndexedContent) >= DocumentState.IndexedContent);
        if (ready.length === 0) return [];
        const changed = new Set(ready);
        const added = new Set<string>();
        for (const uri of ready) {
            for (const name of addedNames(this.before.get(uri)!, this.index.exportsOf(uri))) added.add(name);
            this.before.delete(uri);
        }
        const relinked: LangiumDocument[] = [];
        for (const document of this.documents.all) {
            if (changed.has(document.uri.toString()) || document.state < DocumentState.Linked) continue;
            const stale = new Set(document.references.filter(ref => ref.error !== undefined || added.has(ref.$refText)
                || changed.has((ref as Reference).$nodeDescription?.documentUri.toString() ?? '')));
            if (stale.size === 0) continue;
            await this.relinkDocument(document, stale);
            relinked.push(document);
        }
        return relinked;
    }

    private async relinkDocument(document: LangiumDocument, stale: ReadonlySet<unknown>): Promise<void> {
        const linker = this.registry.getServices(document.uri).references.Linker as AlignLinker;
        let moved = false;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            for (const info of AstUtils.streamReferences(node)) {
                if (!stale.has(info.reference)) continue;
                const before = targetOf(info.reference as DefaultReference);
                linker.relink(info);
                moved ||= targetOf(info.reference as DefaultReference) !== before;
            }
        }
        document.references = [...document.references];
        if (moved) await this.index.updateReferences(document);
    }
}

/** Where a reference points, as the reference index records it. */
function targetOf(reference: DefaultReference): string {
    const description = reference._nodeDescription;
    return `${description?.documentUri.toString() ?? ''}#${description?.path ?? ''}#${reference.error ? 'error' : ''}`;
}

/** Names exported more often now than before (new names, or names taken once more). */
function addedNames(before: readonly AstNodeDescription[], after: readonly AstNodeDescription[]): string[] {
    const count = new Map<string, number>();
    for (const d of before) count.set(d.name, (count.get(d.name) ?? 0) + 1);
    const names: string[] = [];
    for (const d of after) {
        const left = count.get(d.name) ?? 0;
        if (left > 0) count.set(d.name, left - 1);
        else names.push(d.name);
    }
    return names;
}
