import type { AstNode } from 'langium';
import type { Actuals, Model } from '../generated/ast.js';
import type { ActualsRead } from '../actuals/read-actuals.js';
import { actualsBlocks } from '../model-utils.js';
import { collectDeclared, type DeclaredNode } from './collect-nodes.js';
import { collectEdges } from './collect-edges.js';
import type { CatalogMark, GraphEdge, GraphNode } from './types.js';

/** An actuals block and what reading it gave. */
export interface ReadActuals {
    readonly actuals: Actuals;
    readonly read: ActualsRead;
}

/**
 * What one document gives the impact graph. The declarations and actuals
 * depend on the document's text alone and are kept until it is parsed
 * again; ids, edges and node objects depend on the whole workspace and are
 * set when the graph is assembled (edges again only when the document's
 * references are linked again or ids shift).
 */
export class Fragment {
    readonly declared: DeclaredNode[];
    readonly actuals: ReadActuals[];
    /** Ids of `declared`, in order. */
    ids: string[] = [];
    /** Current node objects of `declared`, in order (replaced, never changed, when something changes). */
    nodes: GraphNode[] = [];
    /** Chain edges declared in this document, in declaration order. */
    edges: GraphEdge[] = [];
    /** Id of the metric each actuals block is for, in the order of `actuals`. */
    actualsTargets: Array<string | undefined> = [];
    /** Ids of the metrics the programs' `isolate` statements name (KPI, control group), in order. */
    isolationTargets: Array<string | undefined> = [];
    /** Position among the graph's fragments (documents sorted by URI), set at each update. */
    rank = 0;
    /** The document's `references` when `edges` were made: Langium replaces the array when it links again. */
    linkedWith: unknown = undefined;

    /** `catalog`: where the document comes from when it is a catalog file (its nodes carry it). */
    constructor(readonly uri: string, readonly model: Model, readActuals: (actuals: Actuals) => ActualsRead, readonly catalog?: CatalogMark) {
        this.declared = collectDeclared(uri, model, catalog);
        this.actuals = actualsBlocks(model).map(actuals => ({ actuals, read: readActuals(actuals) }));
    }

    /** Indexes in `declared` of the members of the program at `programIndex`. */
    membersOf(programIndex: number): readonly number[] {
        if (!this.members) {
            this.members = new Map();
            this.declared.forEach((d, i) => {
                if (d.programIndex < 0) return;
                const list = this.members!.get(d.programIndex);
                if (list) list.push(i);
                else this.members!.set(d.programIndex, [i]);
            });
        }
        return this.members.get(programIndex) ?? [];
    }

    private members: Map<number, number[]> | undefined;

    /** Makes edges and actuals targets from the linked references, with `idOf` for their targets. */
    link(references: unknown, idOf: (ast: AstNode) => string | undefined): void {
        this.linkedWith = references;
        this.edges = collectEdges(this.declared, idOf);
        this.actualsTargets = this.actuals.map(({ actuals }) => actuals.metric?.ref ? idOf(actuals.metric.ref) : undefined);
        this.isolationTargets = this.model.elements.flatMap(e => e.$type !== 'Program' ? [] : e.isolations.flatMap(i => [
            i.metric?.ref ? idOf(i.metric.ref) : undefined,
            i.method?.$type === 'ControlGroup' && i.method.control?.ref ? idOf(i.method.control.ref) : undefined
        ]));
    }
}
