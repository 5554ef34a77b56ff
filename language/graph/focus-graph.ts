import type { GraphEdge, ImpactGraph } from './types.js';

/**
 * The part of the graph that concerns one program (its chain) or one
 * outcome (everything upstream of it along the chain). Unknown ids give the
 * whole graph back unchanged.
 */
export function focusGraph(graph: ImpactGraph, focus: string): ImpactGraph {
    const target = graph.nodes.find(n => n.id === focus);
    let keep: Set<string>;
    if (target?.kind === 'program' && target.programFigures) keep = new Set(target.programFigures.chain);
    else if (target?.kind === 'outcome') keep = upstream(graph.edges, focus);
    else return graph;
    const nodes = graph.nodes.filter(n => keep.has(n.id));
    const objectives = nodes.filter(n => n.kind === 'objective');
    return {
        nodes,
        edges: graph.edges.filter(e => keep.has(e.from) && keep.has(e.to)),
        coverage: { aligned: objectives.filter(o => (o.objective?.kpis.length ?? 0) > 0).length, total: objectives.length }
    };
}

/** The node and every node with a chain path into it (toolkits that reinforce those behaviors included). */
function upstream(edges: readonly GraphEdge[], start: string): Set<string> {
    const into = new Map<string, string[]>();
    for (const e of edges) if (e.kind !== 'serves') into.set(e.to, [...(into.get(e.to) ?? []), e.from]);
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
        const id = stack.pop()!;
        if (seen.has(id)) continue;
        seen.add(id);
        stack.push(...(into.get(id) ?? []));
    }
    for (const e of edges) if (e.kind === 'serves' && seen.has(e.to)) seen.add(e.from);
    return seen;
}
