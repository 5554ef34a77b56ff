/**
 * Synthetic impact graphs for the preview benchmark and the layout tests:
 * programs of about 20 nodes (objectives, skills, behaviors, a toolkit,
 * metrics of every kind, an outcome) that also use shared catalog metrics
 * and outcomes, about 1.8 edges per node. Deterministic for a seed.
 */
import type { EdgeKind, GraphEdge, GraphNode, ImpactGraph, MetricKindName, NodeKind } from '../../language/graph/types.js';
import type { ImpactGraphResult, NodeFindings } from '../../language/protocol.js';

/** mulberry32: a small seeded PRNG. */
function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const WORDS = ['customer', 'renewal', 'discovery', 'coaching', 'safety', 'quality', 'onboarding', 'pipeline', 'escalation', 'feedback',
    'forecast', 'handover', 'listening', 'planning', 'review', 'ticket', 'retention', 'negotiation', 'storytelling', 'hazard'];

/** A graph of about `size` nodes (programs included), as the server would answer `align/impactGraph`. */
export function generateImpactGraph(size: number, seed = 7): ImpactGraphResult {
    const rnd = random(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
    const nodes: GraphNode[] = [];
    const edges: GraphEdge[] = [];
    const seen = new Set<string>();
    let line = 0;
    const add = (kind: NodeKind, name: string, program: string | undefined, extra: Partial<GraphNode> = {}): GraphNode => {
        const id = program ? `${program}.${name}` : name;
        const file = program ?? 'catalog';
        const start = line;
        line += 6;
        const node: GraphNode = {
            id, kind, name, qualifiedName: id, title: `${pick(WORDS)} ${pick(WORDS)} ${kind} ${name.toLowerCase()}`.replace(/^./, c => c.toUpperCase()),
            uri: `file:///bench/${file}.align`, range: { start: { line: start, character: 0 }, end: { line: start + 5, character: 1 } },
            nameRange: { start: { line: start, character: kind.length + 1 }, end: { line: start, character: kind.length + 1 + name.length } },
            ...(program ? { program } : {}), ...extra
        };
        nodes.push(node);
        return node;
    };
    const link = (kind: EdgeKind, from: GraphNode, to: GraphNode): void => {
        const key = `${kind}|${from.id}|${to.id}`;
        if (seen.has(key)) return;
        seen.add(key);
        edges.push({ kind, from: from.id, to: to.id });
    };
    const metric = (kind: MetricKindName, name: string, program?: string): GraphNode => {
        const baseline = Math.round(20 + rnd() * 60);
        const target = baseline + Math.round(5 + rnd() * 20);
        const latest = baseline + (target - baseline) * rnd() * 1.1;
        const progress = (latest - baseline) / (target - baseline);
        const isKpi = kind === 'leading' || kind === 'lagging';
        return add('metric', name, program, {
            metric: {
                kind, isKpi, unit: 'percent', direction: 'up', baseline, target, deadline: '2026-12-31',
                actuals: [{ period: '2026-06', date: '2026-06-30', value: Math.round(latest * 10) / 10 }],
                latest: { period: '2026-06', date: '2026-06-30', value: Math.round(latest * 10) / 10 },
                onTrack: progress > 0.45, progress
            }
        });
    };
    const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
    const several = <T>(list: readonly T[], mean: number): T[] => {
        const count = Math.max(1, Math.min(list.length, Math.round(mean - 0.5 + rnd())));
        const out = new Set<T>();
        while (out.size < count) out.add(pick(list));
        return [...out];
    };

    const programs = Math.max(1, Math.round(size / 20));
    const shared = range(Math.max(2, Math.round(programs / 8))).map(i => ({
        lagging: metric('lagging', `SharedKpi${i}`),
        outcome: add('outcome', `SharedOutcome${i}`, undefined)
    }));
    for (const s of shared) link('measures', s.lagging, s.outcome);
    for (let p = 0; p < programs; p++) {
        const name = `Program${p}`;
        const program = add('program', name, undefined);
        const outcome = add('outcome', `${name}Outcome`, undefined);
        const lagging = metric('lagging', `Lagging${p}`, name);
        const sharedHere = pick(shared);
        const leading = range(2).map(i => metric('leading', `Leading${i}`, name));
        const activity = metric(rnd() < 0.5 ? 'activity' : 'learning', 'Activity', name);
        const skills = range(4).map(i => add('skill', `Skill${i}`, name));
        const behaviors = range(4).map(i => add('behavior', `Behavior${i}`, name));
        const objectives = range(5).map(i => add('objective', `Objective${i}`, name));
        const toolkit = add('toolkit', 'Kit', name);
        link('serves', program, outcome);
        link('measures', lagging, outcome);
        link('measures', sharedHere.lagging, outcome);
        for (const m of leading) for (const t of several([lagging, sharedHere.lagging], 1.6)) link('drives', m, t);
        for (const b of behaviors) for (const m of several([...leading, lagging], 2)) link('moves', b, m);
        for (const s of skills) for (const b of several(behaviors, 2)) link('enables', s, b);
        for (const o of objectives) {
            for (const s of several(skills, 2)) link('builds', o, s);
            if (rnd() < 0.4) link('kpi', o, rnd() < 0.5 ? activity : pick(leading));
        }
        for (const b of several(behaviors, 2)) link('reinforces', toolkit, b);
        program.programFigures = {
            chain: [], coverage: { aligned: 0, total: objectives.length }, leadingKpis: leading.map(m => m.id), laggingKpis: [lagging.id], roi: { missing: ['cost'] }
        };
    }
    const graph: ImpactGraph = { nodes, edges, coverage: { aligned: 0, total: 0 } };
    completeFigures(graph);
    const findings: Record<string, NodeFindings> = {};
    for (const n of nodes) {
        const r = rnd();
        if (r < 0.04) findings[n.id] = { errors: 1, warnings: 0, infos: 0 };
        else if (r < 0.1) findings[n.id] = { errors: 0, warnings: 1 + Math.floor(rnd() * 2), infos: 0 };
        else if (r < 0.14) findings[n.id] = { errors: 0, warnings: 0, infos: 1 };
    }
    return {
        graph, findings, version: 1, syntaxErrors: [],
        focusable: nodes.filter(n => n.kind === 'program' || n.kind === 'outcome').map(n => ({ id: n.id, kind: n.kind as 'program' | 'outcome', title: n.title }))
    };
}

/** Objective links (KPIs reached through the chain), kpi edges explained or not, program chains and coverage. */
function completeFigures(graph: ImpactGraph): void {
    const byId = new Map(graph.nodes.map(n => [n.id, n]));
    const out = new Map<string, GraphEdge[]>();
    for (const e of graph.edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
    const reach = (start: string, kinds: ReadonlySet<EdgeKind>): Set<string> => {
        const seen = new Set<string>();
        const stack = [start];
        while (stack.length > 0) {
            const id = stack.pop()!;
            for (const e of out.get(id) ?? []) if (kinds.has(e.kind) && !seen.has(e.to)) { seen.add(e.to); stack.push(e.to); }
        }
        return seen;
    };
    const chainKinds = new Set<EdgeKind>(['builds', 'enables', 'moves', 'drives']);
    const movesKinds = new Set<EdgeKind>(['moves', 'drives']);
    let aligned = 0;
    let total = 0;
    for (const n of graph.nodes) {
        if (n.kind !== 'objective') continue;
        const viaChain = reach(n.id, chainKinds);
        const direct = (out.get(n.id) ?? []).filter(e => e.kind === 'kpi');
        for (const e of direct) e.explained = viaChain.has(e.to);
        const metrics = new Set([...viaChain, ...direct.map(e => e.to)].filter(id => byId.get(id)?.kind === 'metric'));
        const kpis = [...metrics].filter(id => byId.get(id)!.metric!.isKpi);
        const behaviors = [...viaChain].filter(id => byId.get(id)?.kind === 'behavior');
        const via = behaviors.filter(b => [...reach(b, movesKinds)].some(id => byId.get(id)?.metric?.isKpi));
        n.objective = { metrics: [...metrics], kpis, behaviors, via, outcomes: [], paths: [] };
        total++;
        if (kpis.length > 0) aligned++;
    }
    graph.coverage = { aligned, total };
    for (const p of graph.nodes) {
        if (p.kind !== 'program' || !p.programFigures) continue;
        const own = graph.nodes.filter(n => n.program === p.id).map(n => n.id);
        const chain = new Set([p.id, ...own]);
        for (const id of own) for (const t of reach(id, new Set<EdgeKind>(['moves', 'drives', 'measures']))) chain.add(t);
        for (const e of graph.edges) if (e.kind === 'measures' && chain.has(e.from)) chain.add(e.to);
        p.programFigures.chain = [...chain];
    }
}
