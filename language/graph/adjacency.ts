import type { EdgeKind, GraphEdge } from './types.js';

const NONE: readonly string[] = Object.freeze([]);
const NO_EDGES: readonly GraphEdge[] = Object.freeze([]);

/** Outgoing and incoming edges by node id and kind, for walking the chain; lookups allocate nothing. */
export class Adjacency {
    private readonly out = new Map<string, GraphEdge[]>();
    private readonly into = new Map<string, GraphEdge[]>();
    private readonly targetsByKind = new Map<string, Map<EdgeKind, string[]>>();
    private readonly sourcesByKind = new Map<string, Map<EdgeKind, string[]>>();

    constructor(edges: readonly GraphEdge[]) {
        for (const edge of edges) {
            push(this.out, edge.from, edge);
            push(this.into, edge.to, edge);
            pushByKind(this.targetsByKind, edge.from, edge.kind, edge.to);
            pushByKind(this.sourcesByKind, edge.to, edge.kind, edge.from);
        }
    }

    /** Ids reached from `id` by one edge of `kind`. */
    targets(id: string, kind: EdgeKind): readonly string[] {
        return this.targetsByKind.get(id)?.get(kind) ?? NONE;
    }

    /** Ids with an edge of `kind` into `id`. */
    sources(id: string, kind: EdgeKind): readonly string[] {
        return this.sourcesByKind.get(id)?.get(kind) ?? NONE;
    }

    incoming(id: string): readonly GraphEdge[] {
        return this.into.get(id) ?? NO_EDGES;
    }

    outgoing(id: string): readonly GraphEdge[] {
        return this.out.get(id) ?? NO_EDGES;
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
            for (const next of this.targets(id, 'drives')) stack.push(next);
        }
        return seen;
    }
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

function pushByKind(map: Map<string, Map<EdgeKind, string[]>>, key: string, kind: EdgeKind, value: string): void {
    let byKind = map.get(key);
    if (!byKind) {
        byKind = new Map();
        map.set(key, byKind);
    }
    const list = byKind.get(kind);
    if (list) list.push(value);
    else byKind.set(kind, [value]);
}
