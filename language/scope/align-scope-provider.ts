import type { AstNode, AstNodeDescription, ReferenceInfo, Scope, Stream } from 'langium';
import { AstUtils, DefaultScopeProvider, MultiMapScope, stream } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { isProgram, type Program } from '../generated/ast.js';
import type { AlignIndexManager } from './align-index-manager.js';

/**
 * Resolves a reference from the members of its program (by simple name),
 * then from the workspace (global names and `Program.Name`).
 *
 * Langium's default provider filters a program's local symbols linearly for
 * every reference, which is quadratic on large files; here each program's
 * scope is built once per reference type and kept until the document's
 * local symbols are computed again.
 * The global scope reads the index's names directly (the first description
 * of the name and type, in index order, as Langium's global scope finds it),
 * so that an edit does not rebuild it.
 */
export class AlignScopeProvider extends DefaultScopeProvider {
    private readonly programScopes = new WeakMap<Program, { symbols: unknown; byType: Map<string, Scope> }>();
    private readonly index: AlignIndexManager;

    constructor(services: LangiumServices) {
        super(services);
        this.index = services.shared.workspace.IndexManager as AlignIndexManager;
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const global = this.getGlobalScope(referenceType, context);
        const program = AstUtils.getContainerOfType(context.container, isProgram);
        return program ? new LayeredScope(this.programScope(program, referenceType), global) : global;
    }

    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        let scope = this.globalScopes.get(referenceType);
        if (!scope) {
            scope = new IndexScope(name => this.index.named(name), type => this.reflection.isSubtype(type, referenceType), () => this.indexManager.allElements(referenceType));
            this.globalScopes.set(referenceType, scope);
        }
        return scope;
    }

    /** One global scope per reference type: it reads the index as it is at each lookup. */
    private readonly globalScopes = new Map<string, Scope>();

    /** The members of a program of one reference type, without outer scope (the global one changes more often). */
    private programScope(program: Program, referenceType: string): Scope {
        // A program written as before keeps its syntax tree when its document is parsed again in part
        // (language/incremental-parse.ts), but its members' descriptions (paths, ranges) are made again.
        const symbols = AstUtils.getDocument(program as AstNode).localSymbols;
        let kept = this.programScopes.get(program);
        if (!kept || kept.symbols !== symbols) {
            kept = { symbols, byType: new Map() };
            this.programScopes.set(program, kept);
        }
        const byType = kept.byType;
        let scope = byType.get(referenceType);
        if (!scope) {
            const members = symbols?.has(program) ? symbols.getStream(program).filter(d => this.reflection.isSubtype(d.type, referenceType)) : [];
            scope = new MultiMapScope(members);
            byType.set(referenceType, scope);
        }
        return scope;
    }
}

/** The workspace's exported names of one reference type. */
class IndexScope implements Scope {
    constructor(private readonly named: (name: string) => readonly AstNodeDescription[], private readonly fits: (type: string) => boolean,
        private readonly all: () => Stream<AstNodeDescription>) { }

    getElement(name: string): AstNodeDescription | undefined {
        return this.named(name).find(d => this.fits(d.type));
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.named(name).filter(d => this.fits(d.type)));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return this.all();
    }
}

/** A program's members first, then the workspace. */
class LayeredScope implements Scope {
    constructor(private readonly inner: Scope, private readonly outer: Scope) { }

    getElement(name: string): AstNodeDescription | undefined {
        return this.inner.getElement(name) ?? this.outer.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return this.inner.getElements(name).concat(this.outer.getElements(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return this.inner.getAllElements().concat(this.outer.getAllElements());
    }
}
