import type { AstNode } from 'langium';
import type { Actuals, Declaration, Model, Program } from '../generated/ast.js';
import type { ActualsEntry, ActualsRead } from '../actuals/read-actuals.js';
import type { RepeatedActuals } from './actuals-index.js';
import type { Adjacency } from './adjacency.js';
import { ImpactGraphState } from './graph-state.js';
import type { CatalogMark, GraphNode, ImpactGraph } from './types.js';

export { programWindow } from './program-window.js';

/** What the graph is built from: the linked documents and a reader for actuals. */
export interface GraphInput {
    /** `catalog`: set for a catalog file (its nodes carry their package and version). */
    readonly documents: ReadonlyArray<{ uri: string; model: Model; catalog?: CatalogMark }>;
    readActuals(actuals: Actuals): ActualsRead;
}

/** The latest actual of a metric and the block it was written in. */
export interface LatestActual {
    readonly actuals: Actuals;
    readonly entry: ActualsEntry;
}

/**
 * The impact graph plus what rules and editor features need to map it back
 * to the syntax tree. Read by everything; valid until the next update of
 * the workspace (ask the graph service again after an edit): `graph` and
 * its node and edge objects never change, the lookups follow the workspace.
 */
export interface GraphIndex {
    readonly graph: ImpactGraph;
    readonly adjacency: Adjacency;
    nodeOf(ast: AstNode | undefined): GraphNode | undefined;
    node(id: string): GraphNode | undefined;
    astOf(id: string): Declaration | Program | undefined;
    /** For each declaration whose name is taken twice in a scope: every declaration of that name, itself included (one array per name). */
    readonly duplicates: ReadonlyMap<AstNode, ReadonlyArray<Declaration | Program>>;
    /** Keys `from -> to` of `drives` edges on a cycle. */
    readonly drivesCycles: ReadonlySet<string>;
    /** The latest actual of each metric id that has actuals. */
    readonly latestActual: ReadonlyMap<string, LatestActual>;
    /**
     * For each actuals block: its rows whose period an earlier block of the
     * same metric gives a value already (that value counts); of a CSV file's
     * rows, the first few, and the lines of the others.
     */
    readonly repeatedActuals: ReadonlyMap<Actuals, RepeatedActuals>;
    /** What reading each actuals block gave. */
    readonly actualsRead: ReadonlyMap<Actuals, ActualsRead>;
    /** True when a program's ROI uses the metric as its control group. */
    isControlGroup(id: string): boolean;
    /** The ids of the programs whose chain or `isolate` holds the node (an index: no walk over the graph). */
    programsHolding(id: string): ReadonlySet<string>;
}

/** Builds the impact graph of a workspace from scratch: a pure function of its documents (sorted by URI) and actuals. */
export function buildImpactGraph(input: GraphInput): GraphIndex {
    return new ImpactGraphState().update(input.documents.map(d => ({ ...d, references: undefined })), actuals => input.readActuals(actuals));
}
