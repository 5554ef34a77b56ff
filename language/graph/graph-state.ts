import type { AstNode } from 'langium';
import type { Actuals, Declaration, Model, Program } from '../generated/ast.js';
import type { ActualsEntry, ActualsRead } from '../actuals/read-actuals.js';
import { Adjacency } from './adjacency.js';
import { makeNode, sameBase } from './collect-nodes.js';
import { DerivedFigures, objectivesReaching, type DerivationInput } from './derived-figures.js';
import { drivesCycleEdges } from './drives-cycles.js';
import { edgeChanges, type EdgeChanges } from './edge-changes.js';
import { Fragment } from './fragment.js';
import { assignIds, sameIds } from './graph-ids.js';
import type { GraphIndex, LatestActual } from './build-graph.js';
import type { GraphEdge, GraphNode, NodeKind } from './types.js';

/** A linked document as the graph reads it. */
export interface DocumentInput {
    readonly uri: string;
    readonly model: Model;
    /** The document's `references` array: a new array means the document was linked again. */
    readonly references: unknown;
}

/**
 * The impact graph of a workspace, kept between edits. Each document gives
 * a fragment; an update rebuilds the fragments of the documents parsed again,
 * makes edges again for those linked again, and computes the derived figures
 * (metric figures, objective links, program figures) again only for the
 * nodes whose inputs changed. Node and edge objects of a published graph are
 * never changed: a node whose fields change is a new object, an unchanged
 * node is the same object in the next graph. When ids shift (a name taken
 * twice is renumbered) everything is computed again.
 */
export class ImpactGraphState {
    private fragments: Fragment[] = [];
    private byUri = new Map<string, Fragment>();
    private readonly idOfAst = new Map<AstNode, string>();
    private readonly astById = new Map<string, Declaration | Program>();
    /** Where each id is declared: its fragment and index there. */
    private readonly placeOf = new Map<string, { readonly f: Fragment; readonly i: number }>();
    private readonly nodeById = new Map<string, GraphNode>();
    private readonly nodeOfAst = new Map<AstNode, GraphNode>();
    private readonly derived = new DerivedFigures();
    private readonly actualsRead = new Map<Actuals, ActualsRead>();
    private adjacency = new Adjacency([]);
    private built = false;

    /** True when the graph holds this document's text already (its fragment need not be made again). */
    knows(uri: string, model: Model): boolean {
        return this.byUri.get(uri)?.model === model;
    }

    /** Brings the graph up to date with the linked documents (sorted by URI) and returns it. */
    update(documents: readonly DocumentInput[], readActuals: (actuals: Actuals) => ActualsRead): GraphIndex {
        const previous = this.byUri;
        const fragments = documents.map(d => {
            const old = previous.get(d.uri);
            return old && old.model === d.model ? old : new Fragment(d.uri, d.model, readActuals);
        });
        this.byUri = new Map(fragments.map(f => [f.uri, f]));
        const gone = [...previous.values()].filter(f => this.byUri.get(f.uri) !== f);
        const { ids, duplicates } = assignIds(fragments);
        const full = !this.built || fragments.some((f, i) => previous.get(f.uri) === f && !sameIds(f.ids, ids[i]!));
        const fresh = new Set(full ? fragments : fragments.filter(f => previous.get(f.uri) !== f));
        this.fragments = fragments;
        const forgotten = this.forget(full ? [...previous.values()] : gone, full);
        const { added, removed } = this.learn(fragments, ids, fresh, forgotten);
        const links = this.linkFragments(documents, fresh, previous, full, gone);
        fragments.forEach((f, i) => { f.rank = i; });
        this.placeEdges(links, full);
        const { entries, latestActual } = this.readActuals();

        const input = this.input(entries, links.fresh);
        const metrics = full ? this.idsOfKind('metric') : [...this.kindIn(fresh, 'metric'), ...links.retargetedMetrics];
        // Removed ids, and ids that changed kind, drop or remake their figures in each step below.
        const figures = this.derived.figureMetrics(new Set([...metrics, ...removed]), input);
        const touched = new Set([...links.touched, ...added, ...removed]);
        const objectives = full ? this.idsOfKind('objective')
            : new Set([...objectivesReaching([...touched, ...figures.kpiChanged], this.adjacency, id => this.kindOf(id)), ...removed]);
        const linked = this.derived.linkObjectives(objectives, input);
        const programs = full ? this.idsOfKind('program') : new Set([
            ...this.kindIn(fresh, 'program'), ...removed,
            ...this.derived.programsHolding([...touched, ...figures.changed, ...linked])
        ]);
        this.derived.figurePrograms(programs, input);
        if (full || links.drivesChanged) this.drivesCycles = drivesCycleEdges(fragments.flatMap(f => f.edges));
        this.built = true;

        const nodes = this.refreshNodes();
        return {
            graph: { nodes, edges: fragments.flatMap(f => f.edges), coverage: this.derived.coverageOf(this.idsOfKind('objective')) },
            adjacency: this.adjacency,
            nodeOf: ast => ast ? this.nodeOfAst.get(ast) : undefined,
            node: id => this.nodeById.get(id),
            astOf: id => this.astById.get(id),
            duplicates, drivesCycles: this.drivesCycles, latestActual, actualsRead: this.actualsRead
        };
    }

    private drivesCycles = new Set<string>();
    /** Where each edge of the graph is: its fragment and index there (for the order of the adjacency lists). */
    private readonly edgePlace = new Map<GraphEdge, { readonly f: Fragment; readonly i: number }>();

    /** Brings the adjacency lists up to date: all anew after a full build, else only at the ends of changed edges. */
    private placeEdges(links: EdgeChanges & { relinked: readonly Fragment[] }, full: boolean): void {
        if (full) this.edgePlace.clear();
        for (const edge of links.removed) this.edgePlace.delete(edge);
        for (const f of links.relinked) f.edges.forEach((edge, i) => this.edgePlace.set(edge, { f, i }));
        if (full) {
            this.adjacency = new Adjacency(this.fragments.flatMap(f => f.edges));
            return;
        }
        this.adjacency.update(links.removed, links.added, (a, b) => {
            const [pa, pb] = [this.edgePlace.get(a)!, this.edgePlace.get(b)!];
            return pa.f.rank < pb.f.rank || (pa.f === pb.f && pa.i < pb.i);
        });
    }

    /** Drops the declarations and actuals of fragments that were replaced or removed; returns their ids. */
    private forget(fragments: readonly Fragment[], full: boolean): Set<string> {
        const ids = new Set<string>();
        for (const f of fragments) {
            f.declared.forEach((d, i) => {
                this.idOfAst.delete(d.ast);
                this.nodeOfAst.delete(d.ast);
                const id = f.ids[i]!;
                if (this.astById.get(id) !== d.ast) return;
                ids.add(id);
                this.astById.delete(id);
                this.placeOf.delete(id);
            });
            for (const { actuals } of f.actuals) this.actualsRead.delete(actuals);
        }
        if (full) this.nodeById.clear();
        return ids;
    }

    /**
     * Records the declarations and actuals of new fragments. Returns the ids
     * that are new, and those that are gone or changed kind (their derived
     * figures are dropped or made anew).
     */
    private learn(fragments: readonly Fragment[], ids: string[][], fresh: ReadonlySet<Fragment>, forgotten: ReadonlySet<string>): { added: string[]; removed: string[] } {
        const added: string[] = [];
        const changedKind: string[] = [];
        fragments.forEach((f, i) => {
            if (!fresh.has(f)) return;
            f.ids = ids[i]!;
            f.declared.forEach((d, j) => {
                const id = f.ids[j]!;
                const old = this.nodeById.get(id);
                if (!forgotten.has(id)) added.push(id);
                else if (old && old.kind !== d.base.kind) changedKind.push(id);
                this.idOfAst.set(d.ast, id);
                this.astById.set(id, d.ast);
                this.placeOf.set(id, { f, i: j });
            });
            for (const { actuals, read } of f.actuals) this.actualsRead.set(actuals, read);
        });
        const removed = [...forgotten].filter(id => !this.astById.has(id));
        for (const id of removed) this.nodeById.delete(id);
        return { added: [...added, ...changedKind], removed: [...removed, ...changedKind] };
    }

    /** Makes the edges of fragments that are new or whose document was linked again, and what changed with them. */
    private linkFragments(documents: readonly DocumentInput[], fresh: ReadonlySet<Fragment>, previous: ReadonlyMap<string, Fragment>, full: boolean, gone: readonly Fragment[]): EdgeChanges & { relinked: Fragment[] } {
        const idOf = (ast: AstNode) => this.idOfAst.get(ast);
        const pairs: Array<{ before: Fragment | undefined; after: Fragment; oldEdges: GraphEdge[]; oldTargets: Array<string | undefined> }> = [];
        documents.forEach((d, i) => {
            const f = this.fragments[i]!;
            if (!fresh.has(f) && f.linkedWith === d.references) return;
            const before = full ? undefined : fresh.has(f) ? previous.get(f.uri) : f;
            pairs.push({ before, after: f, oldEdges: before?.edges ?? [], oldTargets: before?.actualsTargets ?? [] });
            f.link(d.references, idOf);
        });
        const deleted = gone.filter(f => !this.byUri.has(f.uri)).map(f => ({ before: f, after: undefined, oldEdges: f.edges, oldTargets: f.actualsTargets }));
        return { ...edgeChanges([...pairs, ...deleted], full), relinked: pairs.map(p => p.after) };
    }

    /** Actuals entries and the latest actual of each metric, in document order. */
    private readActuals(): { entries: Map<string, ActualsEntry[]>; latestActual: Map<string, LatestActual> } {
        const entries = new Map<string, ActualsEntry[]>();
        const latestActual = new Map<string, LatestActual>();
        for (const f of this.fragments) {
            f.actuals.forEach(({ actuals, read }, i) => {
                const metricId = f.actualsTargets[i];
                if (!metricId) return;
                const list = entries.get(metricId);
                if (list) list.push(...read.entries);
                else entries.set(metricId, [...read.entries]);
                for (const entry of read.entries) {
                    const latest = latestActual.get(metricId);
                    if (!latest || entry.period.day >= latest.entry.period.day) latestActual.set(metricId, { actuals, entry });
                }
            });
        }
        return { entries, latestActual };
    }

    private input(entries: ReadonlyMap<string, ActualsEntry[]>, freshEdges: ReadonlySet<GraphEdge>): DerivationInput {
        return {
            adjacency: this.adjacency,
            kindOf: id => this.kindOf(id),
            astOf: id => this.astById.get(id),
            nameOf: id => this.astById.get(id)?.name ?? id,
            membersOf: id => {
                const place = this.placeOf.get(id);
                return place ? place.f.membersOf(place.i).map(i => place.f.ids[i]!) : [];
            },
            entriesOf: id => entries.get(id) ?? [],
            explain: (edge, explained) => {
                if (edge.explained === explained) return;
                if (freshEdges.has(edge)) {
                    edge.explained = explained;
                    return;
                }
                const replacement = { ...edge, explained };
                const place = this.edgePlace.get(edge);
                if (place) {
                    place.f.edges = place.f.edges.map(e => e === edge ? replacement : e);
                    this.edgePlace.delete(edge);
                    this.edgePlace.set(replacement, place);
                }
                this.adjacency.replaceEdge(edge, replacement);
            }
        };
    }

    private kindOf(id: string): NodeKind | undefined {
        const place = this.placeOf.get(id);
        return place?.f.declared[place.i]!.base.kind;
    }

    private idsOfKind(kind: NodeKind): Set<string> {
        return this.kindIn(this.fragments, kind);
    }

    private kindIn(fragments: Iterable<Fragment>, kind: NodeKind): Set<string> {
        const ids = new Set<string>();
        for (const f of fragments) f.declared.forEach((d, i) => { if (d.base.kind === kind) ids.add(f.ids[i]!); });
        return ids;
    }

    /** The node objects: the previous object where nothing changed, a new one otherwise. */
    private refreshNodes(): GraphNode[] {
        const nodes: GraphNode[] = [];
        for (const f of this.fragments) {
            let changed = f.nodes.length !== f.declared.length;
            const next = f.declared.map((d, i) => {
                const id = f.ids[i]!;
                const program = d.programIndex >= 0 ? f.ids[d.programIndex] : undefined;
                const metric = d.base.kind === 'metric' ? this.derived.metric.get(id) : undefined;
                const objective = d.base.kind === 'objective' ? this.derived.objective.get(id) : undefined;
                const programFigures = d.base.kind === 'program' ? this.derived.program.get(id) : undefined;
                const old = f.nodes[i] ?? this.nodeById.get(id);
                if (old && old.id === id && old.program === program && old.metric === metric && old.objective === objective
                    && old.programFigures === programFigures && sameBase(old, d.base)) return old;
                changed = true;
                const node = makeNode(d.base, id, program);
                if (metric) node.metric = metric;
                if (objective) node.objective = objective;
                if (programFigures) node.programFigures = programFigures;
                return node;
            });
            if (changed) f.nodes = next;
            f.nodes.forEach((node, i) => {
                this.nodeById.set(node.id, node);
                this.nodeOfAst.set(f.declared[i]!.ast, node);
            });
            nodes.push(...f.nodes);
        }
        return nodes;
    }
}
