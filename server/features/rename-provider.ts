import type { AstNode, LangiumDocument, LangiumDocuments } from 'langium';
import { AstUtils, CstUtils, URI } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import type { Position, Range, RenameParams, TextDocumentPositionParams, WorkspaceEdit } from 'vscode-languageserver';
import { ResponseError, TextEdit } from 'vscode-languageserver';
import type { AlignServices } from '../../language/align-module.js';
import { isProgram } from '../../language/generated/ast.js';
import { referenceNameLeaves } from '../../language/scope/align-references.js';
import type { AlignCatalogRegistry } from '../../language/catalogs/catalog-registry.js';
import type { AlignSettingsService } from '../../language/config/align-settings.js';
import { referrersRefusal, renameRefusal, type CatalogReferrer } from './catalog-origin.js';
import { programSegments, segmentRange, type NamedAt } from './program-references.js';
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
 * Rename never edits a catalog: a catalog's declaration, and a workspace
 * declaration that a catalog refers to, are refused with where to change it.
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
        const named = this.namedAt(target.node);
        this.refuseCatalogReferrers(target.node, named);
        const conflict = conflictReason(this.documents, target.node, params.newName, { root: this.settings.workspaceRoot, isCatalog: uri => this.catalogs.isCatalog(uri) });
        if (conflict) throw new ResponseError(INVALID_PARAMS, conflict);
        const changes: Record<string, TextEdit[]> = {};
        for (const { uri, range } of named) (changes[uri] ??= []).push(TextEdit.replace(range, params.newName));
        return { changes };
    }

    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Range | undefined {
        const target = this.targetAt(document, params.position);
        if (target) {
            this.refuseCatalog(target.node);
            this.refuseCatalogReferrers(target.node, this.namedAt(target.node));
        }
        return target?.range;
    }

    /**
     * Every place a rename of `node` rewrites: its name, the last segment of
     * each reference to it, and, for a program, the first segment of each
     * qualified reference to one of its members.
     */
    private namedAt(node: AstNode): NamedAt[] {
        const named: NamedAt[] = [];
        for (const ref of this.references.findReferences(node, { includeDeclaration: true })) {
            const range = segmentRange(this.documents, ref, 'last');
            if (range) named.push({ uri: ref.sourceUri.toString(), range });
        }
        if (isProgram(node)) named.push(...programSegments(this.references, this.documents, node));
        return named;
    }

    /**
     * A workspace declaration that catalog files refer to keeps its name:
     * rename never edits a catalog, so those references would no longer
     * resolve, and nothing would say so (no finding in a catalog is shown).
     */
    private refuseCatalogReferrers(node: AstNode, named: readonly NamedAt[]): void {
        const referrers: CatalogReferrer[] = [];
        const seen = new Set<string>();
        for (const { uri } of named) {
            const origin = this.catalogs.originOf(uri);
            if (!origin || seen.has(uri)) continue;
            seen.add(uri);
            referrers.push({ origin, file: URI.parse(uri) });
        }
        if (referrers.length === 0) return;
        throw new ResponseError(INVALID_PARAMS, referrersRefusal((node as { name?: string }).name ?? '', referrers, this.settings.workspaceRoot));
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

