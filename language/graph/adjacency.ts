import type { EdgeKind, GraphEdge } from './types.js';

/**
 * The edge kinds of a chain path (objective, skill, behavior, KPIs,
 * outcome); `reinforces` (a toolkit's) and `serves` (a program's) are not
 * steps of it.
 */
export const CHAIN_EDGE_KINDS = ['builds', 'enables', 'moves', 'drives', 'measures', 'kpi'] as const satisfies readonly EdgeKind[];

const NONE: readonly string[] = Object.freeze([]);
const NO_EDGES: readonly GraphEdge[] = Object.freeze([]);

/**
 * One node's neighbour ids by edge kind: an object of one shape with a field
 * per kind rather than a Map per node (a graph of 50k elements made 100k
 * Maps; this object is a fraction of one to make and to keep).
 */
type ByKind = Record<EdgeKind, string[] | undefined>;

function byKind(): ByKind {
    return { builds: undefined, enables: undefined, moves: undefined, drives: undefined, measures: undefined, kpi: undefined, reinforces: undefined, serves: undefined };
}

/**
 * Outgoing and incoming edges by node id and kind, for walking the chain;
 * lookups allocate nothing. Every list is in the order of the graph's edges.
 * `update` changes the lists of the nodes at the ends of changed edges only.
 */
export class Adjacency {
    private readonly out = new Map<string, GraphEdge[]>();
    private readonly into = new Map<string, GraphEdge[]>();
    private readonly targetsByKind = new Map<string, ByKind>();
    private readonly sourcesByKind = new Map<string, ByKind>();

    constructor(edges: readonly GraphEdge[] = []) {
        for (let i = 0; i < edges.length; i++) {
            const edge = edges[i]!;
            push(this.out, edge.from, edge);
            push(this.into, edge.to, edge);
            pushByKind(this.targetsByKind, edge.from, edge.kind, edge.to);
            pushByKind(this.sourcesByKind, edge.to, edge.kind, edge.from);
        }
    }

    /** Ids reached from `id` by one edge of `kind`. */
    targets(id: string, kind: EdgeKind): readonly string[] {
        return this.targetsByKind.get(id)?.[kind] ?? NONE;
    }

    /** Ids with an edge of `kind` into `id`. */
    sources(id: string, kind: EdgeKind): readonly string[] {
        return this.sourcesByKind.get(id)?.[kind] ?? NONE;
    }

    incoming(id: string): readonly GraphEdge[] {
        return this.into.get(id) ?? NO_EDGES;
    }

    outgoing(id: string): readonly GraphEdge[] {
        return this.out.get(id) ?? NO_EDGES;
    }

    /**
     * Removes edges and adds others; `before(a, b)` is true when edge `a`
     * comes before `b` in the graph's order, which every list keeps.
     */
    update(removed: Iterable<GraphEdge>, added: Iterable<GraphEdge>, before: (a: GraphEdge, b: GraphEdge) => boolean): void {
        const gone = new Set(removed);
        const outOf = new Map<string, GraphEdge[]>();
        const intoOf = new Map<string, GraphEdge[]>();
        for (const edge of gone) {
            outOf.set(edge.from, outOf.get(edge.from) ?? []);
            intoOf.set(edge.to, intoOf.get(edge.to) ?? []);
        }
        for (const edge of added) {
            (outOf.get(edge.from) ?? outOf.set(edge.from, []).get(edge.from)!).push(edge);
            (intoOf.get(edge.to) ?? intoOf.set(edge.to, []).get(edge.to)!).push(edge);
        }
        for (const [id, more] of outOf) this.relist(this.out, this.targetsByKind, id, gone, more, before, e => e.to);
        for (const [id, more] of intoOf) this.relist(this.into, this.sourcesByKind, id, gone, more, before, e => e.from);
    }

    /** Puts `replacement` where `edge` was (same kind and ends; another `explained` flag). */
    replaceEdge(edge: GraphEdge, replacement: GraphEdge): void {
        for (const list of [this.out.get(edge.from), this.into.get(edge.to)]) {
            const at = list ? list.indexOf(edge) : -1;
            if (at >= 0) list![at] = replacement;
        }
    }

    /** Every id reachable from `start` by `drives` edges, `start` included. */
    drivesClosure(start: Iterable<string>): Set<string> {
        const seen = new Set<string>();
        const stack = [...start];
        while (stack.length > 0) {
            const id = stack.pop()!;
            if (seen.has(id)) continue;
            seen.add(id);
            const next = this.targets(id, 'drives');
            for (let i = 0; i < next.length; i++) stack.push(next[i]!);
        }
        return seen;
    }

    private relist(lists: Map<string, GraphEdge[]>, kindLists: Map<string, ByKind>, id: string, gone: ReadonlySet<GraphEdge>,
        more: readonly GraphEdge[], before: (a: GraphEdge, b: GraphEdge) => boolean, other: (edge: GraphEdge) => string): void {
        const list = (lists.get(id) ?? []).filter(e => !gone.has(e));
        for (const edge of more) {
            let at = list.length;
            while (at > 0 && before(edge, list[at - 1]!)) at--;
            list.splice(at, 0, edge);
        }
        if (list.length === 0) {
            lists.delete(id);
            kindLists.delete(id);
            return;
        }
        lists.set(id, list);
        const kinds = byKind();
        for (const edge of list) (kinds[edge.kind] ??= []).push(other(edge));
        kindLists.set(id, kinds);
    }
}

/** Appends `value` to the list of `key`, starting the list if there is none. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

function pushByKind(map: Map<string, ByKind>, key: string, kind: EdgeKind, value: string): void {
    let kinds = map.get(key);
    if (!kinds) {
        kinds = byKind();
        map.set(key, kinds);
    }
    const list = kinds[kind];
    if (list) list.push(value);
    else kinds[kind] = [value];
}
