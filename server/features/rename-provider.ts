import type { AstNode, LangiumDocument, LangiumDocuments } from 'langium';
import { AstUtils, CstUtils } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import type { Position, Range, RenameParams, TextDocumentPositionParams, WorkspaceEdit } from 'vscode-languageserver';
import { ResponseError, TextEdit } from 'vscode-languageserver';
import type { AlignServices } from '../../language/align-module.js';
import { isProgram } from '../../language/generated/ast.js';
import { referenceNameLeaves } from '../../language/scope/align-references.js';
import type { AlignCatalogRegistry } from '../../language/catalogs/catalog-registry.js';
import type { AlignSettingsService } from '../../language/config/align-settings.js';
import { renameRefusal } from './catalog-origin.js';
import { programSegments, segmentRange } from './program-references.js';
import { conflictReason, invalidNameReason, reservedWords } from './rename-checks.js';
/** JSON-RPC `InvalidParams`. */
const INVALID_PARAMS = -32602;

/** What a rename position designates: a declaration, and the text range of its name there. */
interface RenameTarget {
    readonly node: AstNode;
    readonly range: Range;
}

/**
 * Renames a declaration and every reference to it across files, replacing
 * only the segment that names it: `ChurnPilot.RepeatContactRate` becomes
 * `ChurnPilot.NewName`, and renaming a program rewrites the first segment of
 * every qualified reference to one of its members. On the first segment of a
 * qualified reference, the program is what is renamed. A new name that is
 * a keyword, or that is taken in the target's scope or would make a
 * reference point elsewhere, is refused with the reason (rename-checks.ts).
 */
export class AlignRenameProvider extends DefaultRenameProvider {
    private readonly documents: LangiumDocuments;
    private readonly catalogs: AlignCatalogRegistry;
    private readonly settings: AlignSettingsService;
    private readonly reserved: ReadonlySet<string>;

    constructor(services: AlignServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.catalogs = services.align.Catalogs;
        this.settings = services.align.Settings;
        this.reserved = reservedWords(services.Grammar);
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const invalid = invalidNameReason(params.newName, this.reserved);
        if (invalid) throw new ResponseError(INVALID_PARAMS, invalid);
        const target = this.targetAt(document, params.position);
        if (!target) return undefined;
        this.refuseCatalog(target.node);
        const conflict = conflictReason(this.documents, target.node, params.newName, { root: this.settings.workspaceRoot, isCatalog: uri => this.catalogs.isCatalog(uri) });
        if (conflict) throw new ResponseError(INVALID_PARAMS, conflict);
        const changes: Record<string, TextEdit[]> = {};
        const add = (uri: string, range: Range | undefined): void => {
            if (range && !this.catalogs.isCatalog(uri)) (changes[uri] ??= []).push(TextEdit.replace(range, params.newName));
        };
        for (const ref of this.references.findReferences(target.node, { includeDeclaration: true })) {
            add(ref.sourceUri.toString(), segmentRange(this.documents, ref, 'last'));
        }
        if (isProgram(target.node)) {
            for (const segment of programSegments(this.references, this.documents, target.node)) add(segment.uri, segment.range);
        }
        return { changes };
    }

    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Range | undefined {
        const target = this.targetAt(document, params.position);
        if (target) this.refuseCatalog(target.node);
        return target?.range;
    }

    /** A catalog's declarations are renamed in its folder or package, never from the workspace. */
    private refuseCatalog(node: AstNode): void {
        const file = AstUtils.getDocument(node).uri;
        const origin = this.catalogs.originOf(file);
        if (origin) throw new ResponseError(INVALID_PARAMS, renameRefusal(origin, (node as { name?: string }).name ?? '', file, this.settings.workspaceRoot));
    }

    /**
     * The declaration at a position (on its name or on a reference to it) and
     * the range of the name segment under the cursor.
     */
    protected targetAt(document: LangiumDocument, position: Position): RenameTarget | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        if (!leaf) return undefined;
        const declared = this.references.findDeclarations(leaf)[0];
        if (!declared) return undefined;
        const nameNode = this.nameProvider.getNameNode(declared);
        if (nameNode && (nameNode === leaf || CstUtils.isChildNode(leaf, nameNode))) {
            return { node: declared, range: nameNode.range };
        }
        // On the first segment of a qualified reference the declaration found is the program (AlignReferences).
        if (isProgram(declared)) return { node: declared, range: leaf.range };
        const leaves = referenceNameLeaves(leaf);
        if (leaves.length > 0 && leaf !== leaves.at(-1)) return undefined;
        return { node: declared, range: leaf.range };
    }
}

