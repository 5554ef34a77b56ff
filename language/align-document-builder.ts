import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { DefaultDocumentBuilder, DocumentState } from 'langium';

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
        this.resetToState(document, DocumentState.Changed);
        this.currentState = DocumentState.Changed;
    }

    /** Validates every document again (settings or a CSV file changed). */
    async revalidateAll(): Promise<void> {
        this.markAllForValidation();
        await this.build(this.langiumDocuments.all.toArray(), { validation: true });
    }
}
