import type { AstNode, AstNodeDescription, DocumentSegment, LangiumDocument, ReferenceDescription } from 'langium';
import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, DefaultReferenceDescriptionProvider } from 'langium';

/**
 * Descriptions of declarations as Langium makes them, with the path and the
 * text segments computed when first read: indexing a large workspace makes
 * two descriptions per declaration (exported and program-local), and most
 * are never asked where they are.
 */
export class AlignAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const given = name ?? this.nameProvider.getName(node);
        const locator = this.astNodeLocator;
        if (!given) throw new Error(`Node at path ${locator.getAstNodePath(node)} has no name.`);
        const nameProvider = this.nameProvider;
        let path: string | undefined;
        let nameSegment: DocumentSegment | undefined;
        let selectionSegment: DocumentSegment | undefined;
        return {
            node,
            name: given,
            get nameSegment() { return nameSegment ??= CstUtils.toDocumentSegment(nameProvider.getNameNode(node) ?? node.$cstNode); },
            get selectionSegment() { return selectionSegment ??= CstUtils.toDocumentSegment(node.$cstNode); },
            type: node.$type,
            documentUri: (document ?? AstUtils.getDocument(node)).uri,
            get path() { return path ??= locator.getAstNodePath(node); }
        };
    }
}

/** Langium's reference descriptions, also made synchronously for one document (the index makes them when first asked). */
export class AlignReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    /** The descriptions of every resolved reference of a document. */
    descriptionsOf(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            for (const info of AstUtils.streamReferences(node)) {
                if (!info.reference.error) descriptions.push(...this.createInfoDescriptions(info));
            }
        }
        return descriptions;
    }
}
