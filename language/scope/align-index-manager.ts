import type { AstNodeDescription, LangiumDocument, URI } from 'langium';
import { Cancellation, DefaultIndexManager } from 'langium';

/**
 * Langium's index, which also keeps the exported descriptions by name (in
 * index order, as the global scope sees them), so that the global scope
 * needs no rebuilding after an edit.
 */
export class AlignIndexManager extends DefaultIndexManager {
    private readonly byName = new Map<string, AstNodeDescription[]>();

    /** Every exported description with this name, in the order of the index (documents as indexed, then document order). */
    named(name: string): readonly AstNodeDescription[] {
        return this.byName.get(name) ?? [];
    }

    override async updateContent(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const uri = document.uri.toString();
        // Indexed again: to the end of the index, as Langium does when an edit resets a document.
        if (this.symbolIndex.has(uri)) this.removeContent(document.uri);
        await super.updateContent(document, cancelToken);
        for (const description of this.symbolIndex.get(uri) ?? []) {
            const list = this.byName.get(description.name);
            if (list) list.push(description);
            else this.byName.set(description.name, [description]);
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
