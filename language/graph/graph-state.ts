import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { Actuals, Declaration, Model, Program } from '../generated/ast.js';
import type { ActualsRead } from '../actuals/read-actuals.js';
import { Adjacency } from './adjacency.js';
import { ActualsIndex } from './actuals-index.js';
import { sameCatalog } from './collect-nodes.js';
import { DerivedFigures, objectivesReaching, type DerivationInput } from './derived-figures.js';
import { drivesCycleEdges } from './drives-cycles.js';
import { edgeChanges, type EdgeChanges, type LinkedPair } from './edge-changes.js';
import { Fragment } from './fragment.js';
import { assignIds, sameIds, sameKeys } from './graph-ids.js';
import type { GraphIndex } from './build-graph.js';
import { NodeRegistry } from './node-registry.js';
import { rewrittenIds } from './rewritten-ids.js';
import type { CatalogMark, Coverage, GraphEdge, GraphNode, ImpactGraph } from './types.js';

/** A linked document as the graph reads it. */
export interface DocumentInput {
    readonly uri: string;
    readonly model: Model;
    /** The document's `references` array: a new array means the document was linked again. */
    readonly references: unknown;
    /** Set when the document is a catalog file: its package (or folder) and version. */
    readonly catalog?: CatalogMark;
}

/**
 * The impact graph of a workspace, kept between edits. Each document gives
 * a fragment; an update rebuilds the fragments of the documents parsed again,
 * makes edges again for those linked again, and computes the derived figures
 * (metric figures, objective links, program figures) again only for the
 * nodes whose inputs changed. Node and edge objects of a published graph are
 * never changed: a node whose fields change is a new object, an unchanged
 * node is the same object in the next graph. When ids shift (a name taken
 * twice is renumbered) everything is computed again. It also records which
 * documents the workspace rules must look at again (`takeChangedDocuments`).
 */
export class ImpactGraphState {
    private fragments: Fragment[] = [];
    private byUri = new Map<string, Fragment>();
    private readonly nodes = new NodeRegistry();
    private derived = new DerivedFigures();
    private readonly actuals = new ActualsIndex();
    private adjacency = new Adjacency([]);
    private duplicates = new Map<AstNode, Array<Declaration | Program>>();
    /** Qualified names declared more than once. */
    private dupKeys = new Set<string>();
    /** Documents holding a name taken twice before or after the last new assignment of ids. */
    private readonly duplicateDocuments = new Set<string>();
    private drivesCycles = new Set<string>();
    /** Each edge's index in its fragment's list, found when first needed (for the order of the adjacency lists). */
    private edgeIndex = new WeakMap<GraphEdge, number>();
    /** Fragments whose edges' indexes are in `edgeIndex`. */
    private indexed = new WeakSet<Fragment>();
    private changedDocuments: Set<string> | 'all' = 'all';
    private built = false;

    /** True when the graph holds this document's text (and catalog origin) already: its fragment need not be made again. */
    knows(uri: string, model: Model, catalog?: CatalogMark): boolean {
        const f = this.byUri.get(uri);
        return f?.model === model && sameCatalog(f.catalog, catalog);
    }

    /** The documents whose workspace findings may have changed since the last call ('all' after a full build). */
    takeChangedDocuments(): Set<string> | 'all' {
        const changed = this.changedDocuments;
        this.changedDocuments = new Set();
        return changed;
    }

    /** Brings the graph up to date with the linked documents (sorted by URI) and returns it. */
    update(documents: readonly DocumentInput[], readActuals: (actuals: Actuals) => ActualsRead): GraphIndex {
        const previous = this.byUri;
        const fragments = documents.map(d => {
            const old = previous.get(d.uri);
            return old && old.model === d.model && sameCatalog(old.catalog, d.catalog) ? old : new Fragment(d.uri, d.model, readActuals, d.catalog);
        });
        this.byUri = new Map(fragments.map(f => [f.uri, f]));
        const gone = [...previous.values()].filter(f => this.byUri.get(f.uri) !== f);
        const full = this.assign(fragments, previous, gone);
        const fresh = full ? fragments : fragments.filter(f => previous.get(f.uri) !== f);
        if (full) this.derived = new DerivedFigures();
        fragments.forEach((f, i) => { f.rank = i; });
        this.fragments = fragments;
        const forgotten = this.nodes.forget(full ? previous.values() : gone, full);
        const { added, removed } = this.nodes.learn(fresh, forgotten);
        const links = this.linkFragments(documents, new Set(fresh), previous, full, gone);
        this.placeEdges(links, fresh, full);
        this.actuals.update(fragments);
        const dirty = new Set<string>([...fresh, ...gone, ...links.changed].map(f => f.uri));

        const input = this.input(links.fresh, dirty);
        const metrics = full ? this.idsOfKind(fragments, 'metric') : [...rewrittenIds(fresh, previous, 'metric'), ...links.retargetedMetrics];
        // Removed ids, and ids that changed kind, drop or remake their figures in each step below.
        const figures = this.derived.figureMetrics(new Set([...metrics, ...removed]), input);
        if (full) {
            // Everything is new: every figure is computed and every node made; no change to track.
            this.derived.linkObjectives(this.idsOfKind(fragments, 'objective'), input);
            this.derived.figurePrograms(this.idsOfKind(fragments, 'program'), input);
            this.updateCycles(dirty);
            this.built = true;
            this.nodes.refreshNodes(fragments, this.derived);
            this.recordChanged(true, dirty, [], []);
            return this.snapshot();
        }
        const touched = new Set([...links.touched, ...added, ...removed]);
        const objectives = new Set([...objectivesReaching([...touched, ...figures.kpiChanged], this.adjacency, id => this.nodes.kindOf(id)), ...removed]);
        const linked = this.derived.linkObjectives(objectives, input);
        const programs = new Set([
            ...rewrittenIds(fresh, previous, 'program'), ...this.idsOfKind(links.reisolated, 'program'), ...removed,
            ...this.derived.programsHolding([...touched, ...figures.changed, ...linked])
        ]);
        const figured = this.derived.figurePrograms(programs, input);
        if (links.drivesChanged) this.updateCycles(dirty);

        // Programs figured again are looked at again even when their figures did not change: `isolate` checks read their KPIs' figures.
        const changedIds = [...touched, ...figures.changed, ...linked, ...figured.changed, ...programs, ...figured.controlsChanged];
        this.nodes.refreshNodes(new Set([...fresh, ...changedIds.flatMap(id => this.nodes.fragmentOf(id) ?? [])]), this.derived);
        // A metric that became or stopped being a control group: its actuals blocks are judged again (a control group needs no baseline).
        this.recordChanged(false, dirty, changedIds, [...figures.changed, ...links.retargetedMetrics, ...figured.controlsChanged]);
        return this.snapshot();
    }

    /**
     * Gives new fragments their ids. Returns true when the graph must be
     * built anew: at first, or when the ids of a fragment that did not change
     * shift (a name taken twice is renumbered). A document that declares the
     * same names as before, none of them taken twice, keeps its ids.
     */
    private assign(fragments: readonly Fragment[], previous: ReadonlyMap<string, Fragment>, gone: readonly Fragment[]): boolean {
        const sameDocuments = this.built && gone.every(f => this.byUri.has(f.uri)) && fragments.every(f => previous.has(f.uri));
        if (sameDocuments && fragments.every(f => {
            const old = previous.get(f.uri)!;
            return old === f || (sameKeys(old.declared, f.declared) && !f.declared.some(d => this.dupKeys.has(d.key)));
        })) {
            for (const f of fragments) f.ids = previous.get(f.uri)!.ids;
            return false;
        }
        const { ids, duplicates, dupKeys } = assignIds(fragments);
        const shifted = !this.built || fragments.some((f, i) => previous.get(f.uri) === f && !sameIds(f.ids, ids[i]!));
        // The fragments given up keep their ids, by which they are forgotten.
        fragments.forEach((f, i) => { if (shifted || previous.get(f.uri) !== f) f.ids = ids[i]!; });
        // Findings of names taken twice say where the others are: their documents are looked at again.
        for (const ast of [...this.duplicates.keys(), ...duplicates.keys()]) this.duplicateDocuments.add(AstUtils.getDocument(ast).uri.toString());
        this.duplicates = duplicates;
        this.dupKeys = dupKeys;
        return shifted;
    }

    /** Makes the edges of fragments that are new or whose document was linked again, and what changed with them. */
    private linkFragments(documents: readonly DocumentInput[], fresh: ReadonlySet<Fragment>, previous: ReadonlyMap<string, Fragment>, full: boolean,
        gone: readonly Fragment[]): EdgeChanges {
        const idOf = (ast: AstNode) => this.nodes.idOfAst.get(ast);
        const pairs: LinkedPair[] = [];
        documents.forEach((d, i) => {
            const f = this.fragments[i]!;
            if (!fresh.has(f) && f.linkedWith === d.references) return;
            const before = full ? undefined : fresh.has(f) ? previous.get(f.uri) : f;
            pairs.push({ before, after: f, oldEdges: before?.edges ?? [], oldTargets: before?.actualsTargets ?? [], oldIsolations: before?.isolationTargets ?? [] });
            f.link(d.references, idOf);
        });
        const deleted = gone.filter(f => !this.byUri.has(f.uri))
            .map(f => ({ before: f, after: undefined, oldEdges: f.edges, oldTargets: f.actualsTargets, oldIsolations: f.isolationTargets }));
        return edgeChanges([...pairs, ...deleted], full);
    }

    /** Brings the adjacency lists up to date: all anew after a full build, else only at the ends of changed edges. */
    private placeEdges(links: EdgeChanges, fresh: readonly Fragment[], full: boolean): void {
        if (full) {
            this.edgeIndex = new WeakMap();
            this.indexed = new WeakSet();
            this.adjacency = new Adjacency(this.fragments.flatMap(f => f.edges));
            return;
        }
        for (const f of [...fresh, ...links.changed]) this.indexed.delete(f);
        this.adjacency.update(links.removed, links.added, (a, b) => {
            const [fa, fb] = [this.fragmentOfEdge(a)!, this.fragmentOfEdge(b)!];
            return fa.rank < fb.rank || (fa === fb && this.indexOfEdge(fa, a) < this.indexOfEdge(fb, b));
        });
    }

    /** The fragment that declares an edge: that of its `from` end, but for `enables` and `measures`, declared by their `to` end. */
    private fragmentOfEdge(edge: GraphEdge): Fragment | undefined {
        return this.nodes.fragmentOf(edge.kind === 'enables' || edge.kind === 'measures' ? edge.to : edge.from);
    }

    private indexOfEdge(f: Fragment, edge: GraphEdge): number {
        if (!this.indexed.has(f)) {
            f.edges.forEach((e, i) => this.edgeIndex.set(e, i));
            this.indexed.add(f);
        }
        return this.edgeIndex.get(edge)!;
    }

    private updateCycles(dirty: Set<string>): void {
        const before = this.drivesCycles;
        this.drivesCycles = drivesCycleEdges(this.fragments.flatMap(f => f.edges));
        for (const key of [...before, ...this.drivesCycles]) {
            if (before.has(key) && this.drivesCycles.has(key)) continue;
            const uri = this.nodes.fragmentOf(key.split(' -> ')[0]!)?.uri;
            if (uri) dirty.add(uri);
        }
    }

    /**
     * The documents the workspace rules must look at again: those parsed or
     * linked again, those holding a node whose edges or figures changed, or a
     * neighbour of a metric whose figures changed (outcomes and objectives
     * read them), actuals blocks of such metrics, and the other declarations
     * of a name taken twice (their messages say where the others are).
     */
    private recordChanged(full: boolean, dirty: Set<string>, changedIds: readonly string[], metrics: readonly string[]): void {
        if (full || this.changedDocuments === 'all') {
            this.changedDocuments = 'all';
            this.duplicateDocuments.clear();
            return;
        }
        const uriOf = (id: string) => this.nodes.fragmentOf(id)?.uri;
        for (const id of changedIds) dirty.add(uriOf(id) ?? '');
        for (const id of metrics) {
            for (const edge of [...this.adjacency.incoming(id), ...this.adjacency.outgoing(id)]) dirty.add(uriOf(edge.from === id ? edge.to : edge.from) ?? '');
            for (const uri of this.actuals.documentsFor(id)) dirty.add(uri);
        }
        for (const uri of this.duplicateDocuments) dirty.add(uri);
        this.duplicateDocuments.clear();
        dirty.delete('');
        for (const uri of dirty) this.changedDocuments.add(uri);
    }

    private input(freshEdges: ReadonlySet<GraphEdge> | 'all', dirty: Set<string>): DerivationInput {
        return {
            adjacency: this.adjacency,
            kindOf: id => this.nodes.kindOf(id),
            astOf: id => this.nodes.astOf(id),
            idOf: ast => this.nodes.idOfAst.get(ast as AstNode),
            nameOf: id => this.nodes.astOf(id)?.name ?? id,
            membersOf: id => this.nodes.membersOf(id),
            entriesOf: id => this.actuals.entriesOf(id),
            explain: (edge, explained) => {
                if (edge.explained === explained) return;
                dirty.add(this.nodes.fragmentOf(edge.from)?.uri ?? '');
                if (freshEdges === 'all' || freshEdges.has(edge)) {
                    edge.explained = explained;
                    return;
                }
                const replacement = { ...edge, explained };
                const f = this.fragmentOfEdge(edge);
                if (f) {
                    f.edges = f.edges.map(e => e === edge ? replacement : e);
                    this.indexed.delete(f);
                }
                this.adjacency.replaceEdge(edge, replacement);
            }
        };
    }

    private idsOfKind(fragments: Iterable<Fragment>, kind: string): Set<string> {
        const ids = new Set<string>();
        for (const f of fragments) f.declared.forEach((d, i) => { if (d.base.kind === kind) ids.add(f.ids[i]!); });
        return ids;
    }

    private snapshot(): GraphIndex {
        const { nodes } = this;
        const { nodeById, nodeOfAst, actualsRead } = nodes;
        return {
            graph: lazyGraph(this.fragments.map(f => f.nodes), this.fragments.map(f => f.edges), this.derived.coverage),
            adjacency: this.adjacency,
            nodeOf: ast => ast ? nodeOfAst.get(ast) : undefined,
            node: id => nodeById.get(id),
            astOf: id => nodes.astOf(id),
            duplicates: this.duplicates, drivesCycles: this.drivesCycles, latestActual: this.actuals.latest, repeatedActuals: this.actuals.repeats, actualsRead,
            isControlGroup: id => this.derived.isControlGroup(id),
            programsHolding: id => this.derived.programsHolding([id])
        };
    }
}

/**
 * The graph of one update: the fragments' node and edge lists of that update
 * (lists are replaced, never changed), joined when first read. Most updates
 * are read only through the index's lookups.
 */
function lazyGraph(nodeLists: ReadonlyArray<readonly GraphNode[]>, edgeLists: ReadonlyArray<readonly GraphEdge[]>, coverage: Coverage): ImpactGraph {
    let nodes: GraphNode[] | undefined;
    let edges: GraphEdge[] | undefined;
    // Keys in the order of the type: nodes, edges, coverage (as JSON shows them).
    return Object.defineProperties({} as ImpactGraph, {
        nodes: { enumerable: true, get: () => nodes ??= joined(nodeLists) },
        edges: { enumerable: true, get: () => edges ??= joined(edgeLists) },
        coverage: { enumerable: true, value: coverage }
    });
}

function joined<T>(lists: ReadonlyArray<readonly T[]>): T[] {
    if (lists.length < 10_000) return ([] as T[]).concat(...lists);
    const all: T[] = [];
    for (const list of lists) for (const item of list) all.push(item);
    return all;
}
