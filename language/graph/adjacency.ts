import type { EdgeKind, GraphEdge } from './types.js';

/** Outgoing and incoming edges by node id and kind, for walking the chain. */
export class Adjacency {
    private readonly out = new Map<string, GraphEdge[]>();
    private readonly into = new Map<string, GraphEdge[]>();

    constructor(edges: readonly GraphEdge[]) {
        for (const edge of edges) {
            push(this.out, edge.from, edge);
            push(this.into, edge.to, edge);
        }
    }

    /** Ids reached from `id` by one edge of `kind`. */
    targets(id: string, kind: EdgeKind): string[] {
        return (this.out.get(id) ?? []).filter(e => e.kind === kind).map(e => e.to);
    }

    /** Ids with an edge of `kind` into `id`. */
    sources(id: string, kind: EdgeKind): string[] {
        return (this.into.get(id) ?? []).filter(e => e.kind === kind).map(e => e.from);
    }

    incoming(id: string): readonly GraphEdge[] {
        return this.into.get(id) ?? [];
    }

    outgoing(id: string): readonly GraphEdge[] {
        return this.out.get(id) ?? [];
    }

    /** Every id reachable from `start` by `drives` edges, `start` included. */
    drivesClosure(start: Iterable<string>): Set<string> {
        const seen = new Set<string>();
        const stack = [...start];
        while (stack.length > 0) {
            const id = stack.pop()!;
            if (seen.has(id)) continue;
            seen.add(id);
            stack.push(...this.targets(id, 'drives'));
        }
        return seen;
    }
}

function push(map: Map<string, GraphEdge[]>, key: string, edge: GraphEdge): void {
    const list = map.get(key);
    if (list) list.push(edge);
    else map.set(key, [edge]);
}
