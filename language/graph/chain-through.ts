/**
 * What a position in a document points at, and the chain through an
 * element: queries of the published graph, answered on its edges (the
 * preview highlights the chain under the editor's cursor with them).
 */
import { Adjacency, CHAIN_EDGE_KINDS } from './adjacency.js';
import { rangeSize } from './innermost-index.js';
import type { GraphNode, GraphPosition, GraphRange, ImpactGraph } from './types.js';

const adjacencies = new WeakMap<ImpactGraph, Adjacency>();

function adjacencyOf(graph: ImpactGraph): Adjacency {
    let adjacency = adjacencies.get(graph);
    if (!adjacency) adjacencies.set(graph, adjacency = new Adjacency(graph.edges));
    return adjacency;
}

function contains(range: GraphRange, p: GraphPosition): boolean {
    const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
    const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
    return afterStart && beforeEnd;
}

/** The innermost declaration (any kind, programs and toolkits too) whose range holds the position. */
export function nodeAt(graph: ImpactGraph, uri: string, position: GraphPosition): GraphNode | undefined {
    let best: GraphNode | undefined;
    for (const node of graph.nodes) {
        if (node.uri !== uri || !contains(node.range, position)) continue;
        if (!best || rangeSize(node.range) < rangeSize(best.range)) best = node;
    }
    return best;
}

/**
 * The node and its whole chain: everything upstream (what leads to it) and
 * downstream (what it leads to). A toolkit stands for the behaviors it
 * reinforces, a program for its chain.
 */
export function chainThrough(graph: ImpactGraph, node: GraphNode): Set<string> {
    if (node.kind === 'program') return new Set([node.id, ...(node.programFigures?.chain ?? [])]);
    const adjacency = adjacencyOf(graph);
    const starts = node.kind === 'toolkit' ? adjacency.targets(node.id, 'reinforces') : [node.id];
    const result = new Set<string>([node.id]);
    walk(starts, id => CHAIN_EDGE_KINDS.flatMap(kind => adjacency.targets(id, kind)), result);
    walk(starts, id => CHAIN_EDGE_KINDS.flatMap(kind => adjacency.sources(id, kind)), result);
    return result;
}

function walk(starts: readonly string[], next: (id: string) => string[], into: Set<string>): void {
    const seen = new Set<string>();
    const stack = [...starts];
    while (stack.length > 0) {
        const id = stack.pop()!;
        if (seen.has(id)) continue;
        seen.add(id);
        into.add(id);
        stack.push(...next(id));
    }
}
