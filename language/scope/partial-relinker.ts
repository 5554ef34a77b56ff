import type { DefaultReference, LangiumDocument, LangiumDocuments, Reference, ServiceRegistry } from 'langium';
import { AstUtils, DocumentState, URI } from 'langium';
import type { AlignIndexManager } from './align-index-manager.js';
import type { AlignLinker } from './align-linker.js';

/**
 * After an edit, resolves again only the references that may now resolve
 * differently, where Langium would link again every document that refers to
 * an edited one. A reference is resolved again (through the scopes, as
 * linking does) when it pointed into an edited or deleted document, or did
 * not resolve. Every other reference resolves as before: a reference finds
 * the first description of its name in its program, else in the index; an
 * edited document's descriptions are indexed again at the end of the index,
 * after the one the reference found, which is still there.
 */
export class PartialRelinker {
    /** Documents edited or deleted since the others were last linked. */
    private readonly edited = new Set<string>();
    /** For each document: the documents its references point into. */
    private readonly targets = new Map<string, Set<string>>();
    /** For each document: the documents whose references point into it. */
    private readonly referrers = new Map<string, Set<string>>();
    /** Documents with a reference that does not resolve. */
    private readonly unresolved = new Set<string>();

    constructor(private readonly documents: LangiumDocuments, private readonly index: AlignIndexManager, private readonly registry: ServiceRegistry) { }

    /** Records that a document is edited or deleted. */
    remember(uri: URI): void {
        this.edited.add(uri.toString());
    }

    /** Records where a linked document's references point (after it is linked, or relinked here). */
    noteLinks(document: LangiumDocument): void {
        const uri = document.uri.toString();
        const targets = new Set<string>();
        let unresolved = false;
        for (const ref of document.references) {
            const target = (ref as Reference).$nodeDescription?.documentUri.toString();
            if (target !== undefined) targets.add(target);
            if (ref.error) unresolved = true;
        }
        this.forgetLinks(uri);
        this.targets.set(uri, targets);
        for (const target of targets) {
            const referrers = this.referrers.get(target);
            if (referrers) referrers.add(uri);
            else this.referrers.set(target, new Set([uri]));
        }
        if (unresolved) this.unresolved.add(uri);
    }

    /** Forgets where a document's references point (it is deleted). */
    forgetLinks(uri: string): void {
        for (const target of this.targets.get(uri) ?? []) this.referrers.get(target)?.delete(uri);
        this.targets.delete(uri);
        this.unresolved.delete(uri);
    }

    /**
     * Once the edited documents are indexed again: resolves again the
     * references of the other linked documents that may have changed.
     * Returns those documents (their `references` array is replaced, so that
     * readers tell they were linked again).
     */
    async relink(): Promise<LangiumDocument[]> {
        const ready = [...this.edited].filter(uri => (this.documents.getDocument(URI.parse(uri))?.state ?? DocumentState.IndexedContent) >= DocumentState.IndexedContent);
        if (ready.length === 0) return [];
        const changed = new Set(ready);
        for (const uri of ready) this.edited.delete(uri);
        const relinked: LangiumDocument[] = [];
        const candidates = new Set([...this.unresolved, ...ready.flatMap(uri => [...this.referrers.get(uri) ?? []])]);
        for (const uri of candidates) {
            const document = this.documents.getDocument(URI.parse(uri));
            if (!document || changed.has(uri) || document.state < DocumentState.Linked) continue;
            const stale = new Set(document.references.filter(ref => ref.error !== undefined
                || changed.has((ref as Reference).$nodeDescription?.documentUri.toString() ?? '')));
            if (stale.size === 0) continue;
            await this.relinkDocument(document, stale);
            this.noteLinks(document);
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
