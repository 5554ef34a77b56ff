import { focusIndexOf } from './focus-index.js';
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
    const target = index.node(focus);
    let keep: Set<string>;
    if (target?.kind === 'program' && target.programFigures) keep = new Set(target.programFigures.chain);
    else if (target?.kind === 'outcome') keep = index.upstream(focus);
    else return graph;
    return index.subgraph(keep);
}
