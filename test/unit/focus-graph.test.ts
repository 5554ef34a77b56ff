import * as assert from 'node:assert/strict';
import { focusGraph, focusGraphs, graphWithout } from '../../language/graph/focus-graph.js';
import type { EdgeKind, GraphEdge, GraphNode, ImpactGraph, NodeKind } from '../../language/graph/types.js';
import { seededRandom as random } from './helpers/seeded-random.js';

/** Focusing as it was first written: the graph's lists filtered for each focus. The indexed focus must agree with it exactly. */
function referenceFocus(graph: ImpactGraph, focus: string): ImpactGraph {
    const target = graph.nodes.find(n => n.id === focus);
    let keep: Set<string>;
    if (target?.kind === 'program' && target.programFigures) keep = new Set(target.programFigures.chain);
    else if (target?.kind === 'outcome') {
        const into = new Map<string, string[]>();
        for (const e of graph.edges) if (e.kind !== 'serves') into.set(e.to, [...(into.get(e.to) ?? []), e.from]);
        keep = new Set();
        const stack = [focus];
        while (stack.length > 0) {
            const id = stack.pop()!;
            if (keep.has(id)) continue;
            keep.add(id);
            stack.push(...(into.get(id) ?? []));
        }
        for (const e of graph.edges) if (e.kind === 'serves' && keep.has(e.to)) keep.add(e.from);
    } else return graph;
    return filtered(graph, keep);
}

/** The preview's scope of several focuses as it was first written: the union of each focus's nodes, the graph's lists filtered. */
function referenceUnion(graph: ImpactGraph, focuses: readonly string[]): ImpactGraph {
    if (focuses.length <= 1) return focuses.length === 0 ? graph : referenceFocus(graph, focuses[0]!);
    const keep = new Set<string>();
    for (const focus of focuses) for (const node of referenceFocus(graph, focus).nodes) keep.add(node.id);
    return filtered(graph, keep);
}

/** The nodes of `keep` and the edges between them, in the graph's order, with their coverage. */
function filtered(graph: ImpactGraph, keep: ReadonlySet<string>): ImpactGraph {
    const nodes = graph.nodes.filter(n => keep.has(n.id));
    const objectives = nodes.filter(n => n.kind === 'objective');
    return {
        nodes,
        edges: graph.edges.filter(e => keep.has(e.from) && keep.has(e.to)),
        coverage: { aligned: objectives.filter(o => (o.objective?.kpis.length ?? 0) > 0).length, total: objectives.length }
    };
}

const KINDS: readonly NodeKind[] = ['program', 'outcome', 'metric', 'skill', 'behavior', 'objective', 'toolkit'];
const EDGE_KINDS: readonly EdgeKind[] = ['builds', 'enables', 'moves', 'drives', 'measures', 'kpi', 'reinforces'];

/** A graph with random chain edges (cycles and duplicates included), programs serving outcomes, chains naming missing ids, objectives with and without KPIs. */
function generatedGraph(seed: number, size: number, edgesPerNode = 2, longestChain = size / 4): ImpactGraph {
    const next = random(seed);
    const nodes: GraphNode[] = [];
    for (let i = 0; i < size; i++) {
        const kind = KINDS[next(KINDS.length)]!;
        const id = `${kind}${i}`;
        const r = { start: { line: i, character: 0 }, end: { line: i, character: 1 } };
        const node: GraphNode = { id, kind, name: id, qualifiedName: id, uri: 'u', range: r, nameRange: r };
        if (kind === 'objective') node.objective = { metrics: [], kpis: next(2) === 0 ? [] : ['k'], behaviors: [], via: [], outcomes: [], paths: [] };
        nodes.push(node);
    }
    const edges: GraphEdge[] = [];
    const any = () => nodes[next(nodes.length)]!.id;
    for (let i = 0; i < size * edgesPerNode; i++) edges.push({ kind: EDGE_KINDS[next(EDGE_KINDS.length)]!, from: any(), to: any() });
    for (const program of nodes.filter(n => n.kind === 'program')) {
        const outcomes = nodes.filter(n => n.kind === 'outcome');
        for (let k = next(3); k > 0 && outcomes.length > 0; k--) edges.splice(next(edges.length), 0, { kind: 'serves', from: program.id, to: outcomes[next(outcomes.length)]!.id });
        if (next(6) > 0) {
            const chain = [program.id, 'missing' + next(5)];
            for (let k = next(longestChain); k > 0; k--) chain.push(any());
            program.programFigures = { chain, coverage: { aligned: 0, total: 0 }, leadingKpis: [], laggingKpis: [], roi: { missing: [] } };
        }
    }
    return { nodes, edges, coverage: { aligned: 0, total: 0 } };
}

describe('focusing the graph on a program or an outcome', () => {
    it('agrees with filtering the whole graph, for every program and outcome of generated graphs and for unknown ids', () => {
        for (let seed = 1; seed <= 25; seed++) {
            const graph = generatedGraph(seed, 60 + seed * 4);
            const focuses = [...graph.nodes.filter(n => n.kind === 'program' || n.kind === 'outcome').map(n => n.id), 'metric3', 'Nothing'];
            for (const focus of focuses) assert.deepEqual(focusGraph(graph, focus), referenceFocus(graph, focus), `seed ${seed}, focus ${focus}`);
        }
    });

    it('focuses on several programs and outcomes at once as the union of their parts, an unknown id keeping everything', () => {
        for (let seed = 1; seed <= 25; seed++) {
            const graph = generatedGraph(seed, 60 + seed * 4);
            const ids = graph.nodes.filter(n => n.kind === 'program' || n.kind === 'outcome').map(n => n.id);
            const scopes = [[], ids.slice(0, 1), ids.slice(0, 2), ids.slice(1, 4), ids, [ids[0]!, 'Nothing'], ['metric3', ids.at(-1)!]];
            for (const scope of scopes) assert.deepEqual(focusGraphs(graph, scope), referenceUnion(graph, scope), `seed ${seed}, scope ${scope.join(',')}`);
        }
    });

    it('reads the graph lists once for many focuses, not once per focus (the report focuses once per program and outcome)', () => {
        const graph = generatedGraph(3, 3000, 0.5, 20);
        let reads = 0;
        const counted = <T>(list: T[]): T[] => new Proxy(list, { get: (target, key, receiver) => { if (typeof key === 'string' && /^\d+$/.test(key)) reads++; return Reflect.get(target, key, receiver); } });
        const watched: ImpactGraph = { nodes: counted(graph.nodes), edges: counted(graph.edges), coverage: graph.coverage };
        const focuses = graph.nodes.filter(n => n.kind === 'program' || n.kind === 'outcome').map(n => n.id);
        let kept = 0;
        for (const focus of focuses) kept += focusGraph(watched, focus).nodes.length + focusGraph(watched, focus).edges.length;
        assert.ok(focuses.length > 50 && kept > 0);
        assert.ok(reads <= 2 * (graph.nodes.length + graph.edges.length) + kept, `${reads} reads of ${graph.nodes.length} nodes and ${graph.edges.length} edges for ${focuses.length} focuses`);
    });

    it('sees a graph whose lists were replaced or grew, not the lists it first indexed', () => {
        const graph = generatedGraph(5, 80);
        const program = graph.nodes.find(n => n.kind === 'program' && n.programFigures)!;
        const before = focusGraph(graph, program.id);
        const added: GraphNode = { ...graph.nodes[0]!, id: 'Added', kind: 'skill', name: 'Added', qualifiedName: 'Added' };
        graph.nodes.push(added);
        program.programFigures!.chain.push('Added');
        assert.deepEqual(focusGraph(graph, program.id).nodes, [...before.nodes, added]);
        graph.edges = [...graph.edges, { kind: 'builds', from: 'Added', to: program.id }];
        assert.deepEqual(focusGraph(graph, program.id), referenceFocus(graph, program.id));
    });

    it('leaves out the nodes of some documents and their edges, the coverage counted over the objectives kept', () => {
        for (let seed = 1; seed <= 10; seed++) {
            const generated = generatedGraph(seed, 60 + seed * 4);
            const graph = { ...generated, nodes: generated.nodes.map((n, i) => ({ ...n, uri: `file:///f${i % 3}.align` })) };
            const without = new Set(['file:///f1.align']);
            const kept = filtered(graph, new Set(graph.nodes.filter(n => !without.has(n.uri)).map(n => n.id)));
            assert.deepEqual(graphWithout(graph, without), kept, `seed ${seed}`);
            assert.ok(kept.coverage.total < graph.nodes.filter(n => n.kind === 'objective').length, `seed ${seed}: objectives left out`);
            assert.equal(graphWithout(graph, new Set(['file:///other.align'])), graph, 'the graph itself when no node is left out');
            assert.equal(graphWithout(graph, new Set()), graph);
        }
    });
});
