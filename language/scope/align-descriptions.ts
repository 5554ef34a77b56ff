import type { AstNode, AstNodeDescription, CstNode, DocumentSegment, LangiumDocument, ReferenceDescription, URI } from 'langium';
import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, DefaultReferenceDescriptionProvider } from 'langium';
import { astNodes } from '../ast-nodes.js';

/**
 * Descriptions of declarations as Langium makes them, with the path and the
 * text segments computed when first read: indexing a large workspace makes
 * two descriptions per declaration (exported and program-local), and most
 * are never asked where they are.
 */
export class AlignAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const given = name ?? this.nameProvider.getName(node);
        if (!given) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        return new LazyDescription(node, given, (document ?? AstUtils.getDocument(node)).uri, this);
    }

    /** The path of a node in its document. */
    pathOf(node: AstNode): string {
        return this.astNodeLocator.getAstNodePath(node);
    }

    /** The syntax of a node's name. */
    nameNodeOf(node: AstNode): CstNode | undefined {
        return this.nameProvider.getNameNode(node) ?? node.$cstNode;
    }
}

/** A description whose path and segments are computed when first read (accessors on the prototype: no closures per description). */
class LazyDescription implements AstNodeDescription {
    readonly type: string;
    private pathText: string | undefined;
    private nameSegmentValue: DocumentSegment | undefined;
    private selectionSegmentValue: DocumentSegment | undefined;

    constructor(readonly node: AstNode, readonly name: string, readonly documentUri: URI, private readonly provider: AlignAstNodeDescriptionProvider) {
        this.type = node.$type;
    }

    get path(): string {
        return this.pathText ??= this.provider.pathOf(this.node);
    }

    get nameSegment(): DocumentSegment | undefined {
        return this.nameSegmentValue ??= CstUtils.toDocumentSegment(this.provider.nameNodeOf(this.node));
    }

    get selectionSegment(): DocumentSegment | undefined {
        return this.selectionSegmentValue ??= CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}

/** Langium's reference descriptions, also made synchronously for one document (the index makes them when first asked). */
export class AlignReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    /** The descriptions of every resolved reference of a document. */
    descriptionsOf(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        for (const node of astNodes(document.parseResult.value)) {
            for (const info of AstUtils.streamReferences(node)) {
                if (!info.reference.error) descriptions.push(...this.createInfoDescriptions(info));
            }
        }
        return descriptions;
    }
}
