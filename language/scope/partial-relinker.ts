import type { AstNodeDescription, DefaultReference, LangiumDocument, LangiumDocuments, Reference, ReferenceInfo, ServiceRegistry } from 'langium';
import { AstUtils, DocumentState, GrammarAST, URI } from 'langium';
import type { AlignIndexManager } from './align-index-manager.js';
import type { AlignLinker } from './align-linker.js';

/**
 * After an edit, resolves again only the references that may now resolve
 * differently, where Langium would link again every document that refers to
 * an edited one. A reference is resolved again (through the scopes, as
 * linking does) when it pointed into an edited or deleted document, did not
 * resolve, or has a name that an edited document now exports (once more).
 * Every other reference resolves as before: it finds the first description
 * of its name in its program, else in the index, and no description of its
 * name came or went.
 */
export class PartialRelinker {
    /** What each edited or deleted document exported when the others were last linked against it. */
    private readonly before = new Map<string, readonly AstNodeDescription[]>();
    /** For each reference text: the documents with a reference written so. */
    private readonly byText = new Map<string, Set<string>>();
    /** For each document: its reference texts. */
    private readonly textsOf = new Map<string, Set<string>>();
    /** For each document: the documents its references point into. */
    private readonly targets = new Map<string, Set<string>>();
    /** For each document: the documents whose references point into it. */
    private readonly referrers = new Map<string, Set<string>>();
    /** Documents with a reference that does not resolve. */
    private readonly unresolved = new Set<string>();

    constructor(private readonly documents: LangiumDocuments, private readonly index: AlignIndexManager, private readonly registry: ServiceRegistry) { }

    /** Records what a document exports before an edit or a deletion replaces it (the first record stands until it is used). */
    remember(uri: URI): void {
        const key = uri.toString();
        if (!this.before.has(key)) this.before.set(key, [...this.index.exportsOf(key)]);
    }

    /**
     * Linked documents whose references are not read yet: they are read
     * when an edit first needs them (`settle`), not at each link. A full
     * build (start-up, `align check`) never reads them.
     */
    private readonly unnoted = new Map<string, LangiumDocument>();

    /** Records where a linked document's references point (after it is linked, or relinked here), when first needed. */
    noteLinks(document: LangiumDocument): void {
        this.unnoted.set(document.uri.toString(), document);
    }

    /** Reads the references of the documents noted since (those linked still; the others are noted again when linked). */
    private settle(): void {
        for (const [uri, document] of this.unnoted) {
            if (document.state < DocumentState.Linked) continue;
            this.unnoted.delete(uri);
            this.readLinks(uri, document);
        }
    }

    private readLinks(uri: string, document: LangiumDocument): void {
        const targets = new Set<string>();
        const texts = new Set<string>();
        let unresolved = false;
        for (const ref of document.references) {
            const target = (ref as Reference).$nodeDescription?.documentUri.toString();
            if (target !== undefined) targets.add(target);
            if (ref.error) unresolved = true;
            texts.add(ref.$refText);
        }
        this.forgetLinks(uri);
        this.targets.set(uri, targets);
        this.textsOf.set(uri, texts);
        for (const text of texts) {
            const uris = this.byText.get(text);
            if (uris) uris.add(uri);
            else this.byText.set(text, new Set([uri]));
        }
        for (const target of targets) {
            const referrers = this.referrers.get(target);
            if (referrers) referrers.add(uri);
            else this.referrers.set(target, new Set([uri]));
        }
        if (unresolved) this.unresolved.add(uri);
    }

    /** Forgets where a document's references point (it is deleted). */
    forgetLinks(uri: string): void {
        this.unnoted.delete(uri);
        for (const target of this.targets.get(uri) ?? []) this.referrers.get(target)?.delete(uri);
        for (const text of this.textsOf.get(uri) ?? []) this.byText.get(text)?.delete(uri);
        this.targets.delete(uri);
        this.textsOf.delete(uri);
        this.unresolved.delete(uri);
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
        this.settle();
        const changed = new Set(ready);
        const added = new Set<string>();
        for (const uri of ready) {
            for (const name of addedNames(this.before.get(uri)!, this.index.exportsOf(uri))) added.add(name);
            this.before.delete(uri);
        }
        const relinked: LangiumDocument[] = [];
        const candidates = new Set([...this.unresolved, ...ready.flatMap(uri => [...this.referrers.get(uri) ?? []]),
            ...[...added].flatMap(name => [...this.byText.get(name) ?? []])]);
        for (const uri of candidates) {
            const document = this.documents.getDocument(URI.parse(uri));
            if (!document || changed.has(uri) || document.state < DocumentState.Linked) continue;
            const stale = new Set<Reference>((document.references as Reference[]).filter(ref => ref.error !== undefined || added.has(ref.$refText)
                || changed.has(ref.$nodeDescription?.documentUri.toString() ?? '')));
            if (stale.size === 0) continue;
            await this.relinkDocument(document, stale);
            this.noteLinks(document);
            relinked.push(document);
        }
        return relinked;
    }

    private async relinkDocument(document: LangiumDocument, stale: ReadonlySet<Reference>): Promise<void> {
        const linker = this.registry.getServices(document.uri).references.Linker as AlignLinker;
        let moved = false;
        for (const reference of stale) {
            const info = referenceInfoOf(reference) ?? searchedInfoOf(document, reference);
            const before = targetOf(reference as DefaultReference);
            linker.relink(info);
            moved ||= targetOf(reference as DefaultReference) !== before;
        }
        document.references = [...document.references];
        if (moved) await this.index.updateReferences(document);
    }
}

/**
 * Where a reference is written, as linking sees it: the syntax node that holds
 * it (the owner of its text), the property, and its index in a list.
 */
function referenceInfoOf(reference: Reference): ReferenceInfo | undefined {
    const container = reference.$refNode?.astNode;
    const property = reference.$refNode && AstUtils.getContainerOfType(reference.$refNode.grammarSource, GrammarAST.isAssignment)?.feature;
    if (!container || !property) return undefined;
    const value = (container as unknown as Record<string, unknown>)[property];
    if (value === reference) return { reference, container, property };
    const index = Array.isArray(value) ? value.indexOf(reference) : -1;
    return index >= 0 ? { reference, container, property, index } : undefined;
}

/** The same, found by walking the document (a reference without syntax, which parsing does not make). */
function searchedInfoOf(document: LangiumDocument, reference: Reference): ReferenceInfo {
    for (const node of AstUtils.streamAst(document.parseResult.value)) {
        for (const info of AstUtils.streamReferences(node)) if (info.reference === reference) return info;
    }
    throw new Error(`a reference to '${reference.$refText}' is not in ${document.uri.toString()}`);
}

/** Where a reference points, as the reference index records it. */
function targetOf(reference: DefaultReference): string {
    const description = reference._nodeDescription;
    return `${description?.documentUri.toString() ?? ''}#${description?.path ?? ''}#${reference.error ? 'error' : ''}`;
}

/** Names exported more often now than before, with a type (new names, names taken once more, or of another kind). */
function addedNames(before: readonly AstNodeDescription[], after: readonly AstNodeDescription[]): string[] {
    // Most edits export the same names in the same order: known without a map.
    if (before.length === after.length && before.every((d, i) => d.name === after[i]!.name && d.type === after[i]!.type)) return [];
    const key = (d: AstNodeDescription) => `${d.type}\u0000${d.name}`;
    const count = new Map<string, number>();
    for (const d of before) count.set(key(d), (count.get(key(d)) ?? 0) + 1);
    const names: string[] = [];
    for (const d of after) {
        const left = count.get(key(d)) ?? 0;
        if (left > 0) count.set(key(d), left - 1);
        else names.push(d.name);
    }
    return names;
}
