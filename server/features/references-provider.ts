import type { LangiumDocument, LangiumDocuments, LeafCstNode, ReferenceDescription, References } from 'langium';
import { CstUtils, UriUtils } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { DefaultDocumentHighlightProvider, DefaultReferencesProvider } from 'langium/lsp';
import { DocumentHighlight, DocumentHighlightKind, Location, type CancellationToken, type DocumentHighlightParams, type ReferenceParams } from 'vscode-languageserver';
import { isProgram, type Program } from '../../language/generated/ast.js';
import { referenceNameLeaves } from '../../language/scope/align-references.js';
import { programSegments, segmentRange } from './program-references.js';

/** The program whose declared name the selected node is, if any. */
function programAt(references: References, selected: LeafCstNode): Program | undefined {
    const declared = references.findDeclarations(selected);
    return declared.length === 1 && isProgram(declared[0]) ? declared[0] : undefined;
}

/**
 * Find references as Langium finds them; for a program, besides, the first
 * segment of every qualified reference to one of its members
 * (`ChurnPilot` in `kpi ChurnPilot.RepeatContactRate`), which name it.
 */
export class AlignReferencesProvider extends DefaultReferencesProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    /** In file order: by document, then by position (Langium gives the declaration first, then each document's references as indexed). */
    protected override getReferences(selectedNode: LeafCstNode, params: ReferenceParams, document: LangiumDocument): Location[] {
        const locations = super.getReferences(selectedNode, params, document);
        const program = programAt(this.references, selectedNode);
        const all = program ? [...locations, ...programSegments(this.references, this.documents, program).map(s => Location.create(s.uri, s.range))] : locations;
        return all.sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    }
}

/**
 * Document highlights as Langium finds them, the declaration's name a write
 * and the references reads (editors colour them apart), a qualified one
 * at its member's name; on a program's name, besides, the first segment of the qualified references to its
 * members in the file.
 */
export class AlignDocumentHighlightProvider extends DefaultDocumentHighlightProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async getDocumentHighlight(document: LangiumDocument, params: DocumentHighlightParams, cancelToken?: CancellationToken): Promise<DocumentHighlight[] | undefined> {
        const highlights = await super.getDocumentHighlight(document, params, cancelToken);
        const root = document.parseResult.value.$cstNode;
        const selected = root && CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        const program = selected ? programAt(this.references, selected) : undefined;
        if (!program) return highlights;
        const segments = programSegments(this.references, this.documents, program, document.uri).map(s => DocumentHighlight.create(s.range, DocumentHighlightKind.Read));
        return [...highlights ?? [], ...segments];
    }

    /**
     * The declaration's name is written there; the references read it. A
     * qualified reference is highlighted at its last segment, the member's
     * name, as rename edits it: its first one names the program, highlighted with it.
     */
    protected override createDocumentHighlight(reference: ReferenceDescription): DocumentHighlight {
        const range = segmentRange(this.documents, reference, 'last') ?? reference.segment.range;
        return DocumentHighlight.create(range, this.isDeclaration(reference) ? DocumentHighlightKind.Write : DocumentHighlightKind.Read);
    }

    /**
     * Whether a reference description is the declaration's name: Langium
     * describes it as a reference from the node to itself, as it does a
     * reference the node makes to itself (`metric M { drives M }`), which
     * is the text of a reference where the name is not.
     */
    private isDeclaration(reference: ReferenceDescription): boolean {
        if (reference.sourcePath !== reference.targetPath || !UriUtils.equals(reference.sourceUri, reference.targetUri)) return false;
        const root = this.documents.getDocument(reference.sourceUri)?.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, reference.segment.offset);
        return !leaf || referenceNameLeaves(leaf).length === 0;
    }
}
