import { focusIndexOf, type FocusIndex } from './focus-index.js';
import type { ImpactGraph } from './types.js';

/**
 * The part of the graph that concerns one program (its chain) or one
 * outcome (everything upstream of it along the chain, and the programs that
 * serve any of it). Unknown ids give the whole graph back unchanged. Nodes
 * and edges keep the graph's order. The graph's lookups are built on the
 * first focus and kept with it (`focusIndexOf`), so focusing on every
 * program in turn costs the chains, not the graph each time.
 */
export function focusGraph(graph: ImpactGraph, focus: string): ImpactGraph {
    const index = focusIndexOf(graph);
    const keep = keptBy(index, focus);
    return keep ? index.subgraph(keep) : graph;
}

/**
 * The union of the parts `focusGraph` gives for each focus (the preview's
 * scope of several programs and outcomes); the whole graph for none. An
 * unknown id among several keeps every node, as its `focusGraph` would.
 */
export function focusGraphs(graph: ImpactGraph, focuses: readonly string[]): ImpactGraph {
    if (focuses.length === 0) return graph;
    if (focuses.length === 1) return focusGraph(graph, focuses[0]!);
    const index = focusIndexOf(graph);
    const keep = new Set<string>();
    for (const focus of focuses) for (const id of keptBy(index, focus) ?? graph.nodes.map(n => n.id)) keep.add(id);
    return index.subgraph(keep);
}

/** The ids a focus keeps: a program's chain, or an outcome and what is upstream of it; undefined for an unknown id. */
function keptBy(index: FocusIndex, focus: string): Set<string> | undefined {
    const target = index.node(focus);
    if (target?.kind === 'program' && target.programFigures) return new Set(target.programFigures.chain);
    if (target?.kind === 'outcome') return index.upstream(focus);
    return undefined;
}

/**
 * The graph without the nodes declared in the documents of `uris` (and
 * their edges), its coverage counted over the objectives it keeps; the
 * graph itself when `uris` is empty or holds none of its nodes.
 */
export function graphWithout(graph: ImpactGraph, uris: ReadonlySet<string>): ImpactGraph {
    if (uris.size === 0 || !graph.nodes.some(n => uris.has(n.uri))) return graph;
    return focusIndexOf(graph).subgraph(new Set(graph.nodes.filter(n => !uris.has(n.uri)).map(n => n.id)));
}
