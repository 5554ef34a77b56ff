import { push } from './adjacency.js';
import type { GraphEdge, GraphNode, ImpactGraph } from './types.js';

/**
 * What focusing on a program or outcome looks up, built once per graph
 * (`focusIndexOf`): node and edge positions by id and the chain's incoming
 * ids. A focus then costs the size of its chain (sorted back into the
 * graph's order), not the size of the graph: the report focuses once per
 * program and outcome.
 */
export class FocusIndex {
    /** Positions in `graph.nodes` by id (an id is unique; a list in case it is not). */
    private readonly nodesById = new Map<string, number[]>();
    /** Positions in `graph.edges` of the edges leaving each id. */
    private readonly edgesFrom = new Map<string, number[]>();
    /** Ids with a chain edge (not `serves`) into each id. */
    private readonly chainSources = new Map<string, string[]>();
    /** Ids with a `serves` edge into each id. */
    private readonly servers = new Map<string, string[]>();

    private readonly nodeCount: number;
    private readonly edgeCount: number;

    constructor(private readonly nodes: readonly GraphNode[], private readonly edges: readonly GraphEdge[]) {
        this.nodeCount = nodes.length;
        this.edgeCount = edges.length;
        nodes.forEach((node, i) => push(this.nodesById, node.id, i));
        edges.forEach((edge, i) => {
            push(this.edgesFrom, edge.from, i);
            push(edge.kind === 'serves' ? this.servers : this.chainSources, edge.to, edge.from);
        });
    }

    /** True when `graph` still has the lists this index was built from, of the same lengths. */
    fits(graph: ImpactGraph): boolean {
        return graph.nodes === this.nodes && graph.edges === this.edges && this.nodes.length === this.nodeCount && this.edges.length === this.edgeCount;
    }

    /** The first node of the id, as `nodes.find` gives it. */
    node(id: string): GraphNode | undefined {
        const at = this.nodesById.get(id);
        return at ? this.nodes[at[0]!] : undefined;
    }

    /** The node and every node with a chain path into it (toolkits that reinforce those behaviors included), and the programs serving any of them. */
    upstream(start: string): Set<string> {
        const seen = new Set<string>();
        const stack = [start];
        while (stack.length > 0) {
            const id = stack.pop()!;
            if (seen.has(id)) continue;
            seen.add(id);
            const sources = this.chainSources.get(id);
            if (sources) for (let i = sources.length - 1; i >= 0; i--) stack.push(sources[i]!);
        }
        // `serves` runs from a program to an outcome: the programs added here serve nothing further up.
        for (const id of [...seen]) for (const from of this.servers.get(id) ?? []) seen.add(from);
        return seen;
    }

    /** The nodes and edges between ids of `keep`, in the graph's order. */
    subgraph(keep: ReadonlySet<string>): ImpactGraph {
        const nodeAt: number[] = [];
        const edgeAt: number[] = [];
        for (const id of keep) {
            for (const i of this.nodesById.get(id) ?? []) nodeAt.push(i);
            for (const i of this.edgesFrom.get(id) ?? []) if (keep.has(this.edges[i]!.to)) edgeAt.push(i);
        }
        const nodes = nodeAt.sort((a, b) => a - b).map(i => this.nodes[i]!);
        const objectives = nodes.filter(n => n.kind === 'objective');
        return {
            nodes,
            edges: edgeAt.sort((a, b) => a - b).map(i => this.edges[i]!),
            coverage: { aligned: objectives.filter(o => (o.objective?.kpis.length ?? 0) > 0).length, total: objectives.length }
        };
    }
}

const cache = new WeakMap<ImpactGraph, FocusIndex>();

/**
 * The focus index of a graph, kept while the graph has the same node and
 * edge lists of the same lengths (a published graph's lists are never
 * changed; a graph whose lists were replaced or grew gets a new index).
 */
export function focusIndexOf(graph: ImpactGraph): FocusIndex {
    const known = cache.get(graph);
    if (known?.fits(graph)) return known;
    const index = new FocusIndex(graph.nodes, graph.edges);
    cache.set(graph, index);
    return index;
}
