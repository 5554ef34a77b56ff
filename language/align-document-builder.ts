import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { Cancellation, DefaultDocumentBuilder, DocumentState } from 'langium';
import type { AlignServices } from './align-module.js';

/**
 * Align's rules read the whole workspace (a toolkit in one file reinforces a
 * behavior in another), so after any change every document is validated
 * again. Only the changed documents and those referring to them are relinked;
 * validation reads the one cached impact graph, so revalidating is cheap.
 */
export class AlignDocumentBuilder extends DefaultDocumentBuilder {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onUpdate(() => this.markAllForValidation());
    }

    /** Lowers every validated document to `IndexedReferences`, so the next build validates it again. */
    markAllForValidation(): void {
        for (const document of this.langiumDocuments.all) {
            if (document.state > DocumentState.IndexedReferences) this.resetToState(document, DocumentState.IndexedReferences);
        }
    }

    /**
     * Marks a document changed at once, before the queued update runs, so
     * that requests arriving meanwhile wait for the build of its new text.
     */
    markChanged(document: LangiumDocument): void {
        // Only the state is lowered here: the queued update resets the document under the workspace
        // lock, so a request already walking it (semantic tokens) keeps its links meanwhile.
        if (document.state > DocumentState.Changed) document.state = DocumentState.Changed;
        this.currentState = DocumentState.Changed;
    }

    /**
     * Langium skips the listeners of a document phase once the build is
     * cancelled, among them the waiters of requests (`waitUntil(state, uri)`):
     * the document has reached the phase and will not reach it again, so the
     * request would wait for ever. The listeners run whatever happens to the
     * build; the build itself still stops at its next check.
     */
    protected override async notifyDocumentPhase(document: LangiumDocument, state: DocumentState, _cancelToken: Cancellation.CancellationToken): Promise<void> {
        await super.notifyDocumentPhase(document, state, Cancellation.CancellationToken.None);
    }

    /** Catalog files (a library) are never validated: no finding is reported inside them. */
    protected override shouldValidate(document: LangiumDocument): boolean {
        const catalogs = (this.serviceRegistry.getServices(document.uri) as Partial<AlignServices>).align?.Catalogs;
        return super.shouldValidate(document) && !catalogs?.isCatalog(document.uri);
    }

    /** Validates every document again (settings or a CSV file changed). */
    async revalidateAll(): Promise<void> {
        this.markAllForValidation();
        await this.build(this.langiumDocuments.all.toArray(), { validation: true });
    }
}
