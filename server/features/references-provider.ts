import type { LangiumDocument, LangiumDocuments, LeafCstNode, References } from 'langium';
import { CstUtils } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { DefaultDocumentHighlightProvider, DefaultReferencesProvider } from 'langium/lsp';
import { DocumentHighlight, Location, type CancellationToken, type DocumentHighlightParams, type ReferenceParams } from 'vscode-languageserver';
import { isProgram, type Program } from '../../language/generated/ast.js';
import { programSegments } from './program-references.js';

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

    protected override getReferences(selectedNode: LeafCstNode, params: ReferenceParams, document: LangiumDocument): Location[] {
        const locations = super.getReferences(selectedNode, params, document);
        const program = programAt(this.references, selectedNode);
        if (!program) return locations;
        return [...locations, ...programSegments(this.references, this.documents, program).map(s => Location.create(s.uri, s.range))];
    }
}

/** Document highlights as Langium finds them; on a program's name, besides, the first segment of the qualified references to its members in the file. */
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
        const segments = programSegments(this.references, this.documents, program, document.uri).map(s => DocumentHighlight.create(s.range));
        return [...highlights ?? [], ...segments];
    }
}
