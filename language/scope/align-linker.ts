import type { AstNode, DefaultReference, LangiumDocument, Reference, ReferenceInfo } from 'langium';
import { AstUtils, Cancellation, DefaultLinker, interruptAndCheck } from 'langium';
import { astNodes } from '../ast-nodes.js';

type CancellationToken = Cancellation.CancellationToken;
const CancellationToken = Cancellation.CancellationToken;

/**
 * Langium's linker, with two changes:
 * - linking a document walks its nodes with the reference properties of
 *   each node type read once from the grammar's reflection (instead of
 *   looking at every property of every node) and gives a chance to cancel
 *   every few hundred nodes rather than awaiting at each node (with the
 *   shared walk of `astNodes`, the linking phase of 10k x 100 went from
 *   140-170 ms to 75-117 ms; docs/performance.md);
 * - one reference can be resolved again in place: after an edit of another
 *   document, only the references that may now resolve differently are
 *   resolved again, instead of the whole document (see `PartialRelinker`).
 */
export class AlignLinker extends DefaultLinker {
    private readonly referenceProperties = new Map<string, readonly string[]>();

    override async link(document: LangiumDocument, cancelToken: CancellationToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const nodes = astNodes(document.parseResult.value);
        // An indexed loop: until this is optimized, `for...of` makes an object per node.
        for (let n = 0; n < nodes.length; n++) {
            if ((n + 1) % 512 === 0) await interruptAndCheck(cancelToken);
            const node = nodes[n]!;
            const properties = this.referencePropertiesOf(node.$type);
            if (properties.length > 1) {
                // In the order of the node's own properties, as Langium does: the order of `document.references`.
                AstUtils.streamReferences(node).forEach(info => this.doLink(info, document));
            } else if (properties.length === 1) {
                const property = properties[0]!;
                const value = (node as unknown as Record<string, Reference | Reference[] | undefined>)[property];
                if (Array.isArray(value)) value.forEach((reference, index) => this.doLink({ reference, container: node, property, index }, document));
                else if (value) this.doLink({ reference: value, container: node, property }, document);
            }
        }
    }

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

    private referencePropertiesOf(type: AstNode['$type']): readonly string[] {
        let properties = this.referenceProperties.get(type);
        if (!properties) {
            const meta = this.reflection.getTypeMetaData(type);
            properties = Object.values(meta.properties).filter(p => p.referenceType !== undefined).map(p => p.name);
            this.referenceProperties.set(type, properties);
        }
        return properties;
    }
}
