import type { DefaultReference, LangiumDocument, ReferenceInfo } from 'langium';
import { DefaultLinker } from 'langium';

/**
 * Langium's linker, plus resolving one reference again in place: after an
 * edit of another document, only the references that may now resolve
 * differently are resolved again, instead of the whole document (see
 * `PartialRelinker`).
 */
export class AlignLinker extends DefaultLinker {
    /**
     * Resolves a linked reference again through the scopes, as linking does;
     * the reference keeps its place in its document's `references`.
     */
    relink(info: ReferenceInfo): void {
        const reference = info.reference as DefaultReference;
        reference._ref = undefined;
        delete reference._nodeDescription;
        // `doLink` records the reference in the document it is given: here a scratch one, since it is recorded already.
        this.doLink(info, { references: [] } as unknown as LangiumDocument);
    }
}
