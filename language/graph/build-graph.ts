import type { AstNode } from 'langium';
import type { Actuals, Declaration, Metric, Model, Program } from '../generated/ast.js';
import type { ActualsEntry, ActualsRead } from '../actuals/read-actuals.js';
import { actualsBlocks } from '../model-utils.js';
import { addDuration, isoDay, parsePeriod } from '../dates.js';
import { Adjacency } from './adjacency.js';
import { collectEdges } from './collect-edges.js';
import { collectNodes } from './collect-nodes.js';
import { drivesCycleEdges } from './drives-cycles.js';
import { metricFigures } from './metric-figures.js';
import { objectiveLinks, programChain } from './objective-links.js';
import { programRoi } from './roi.js';
import type { Coverage, GraphNode, ImpactGraph } from './types.js';
import { attribute } from '../attributes.js';

/** What the graph is built from: the linked documents and a reader for actuals. */
export interface GraphInput {
    readonly documents: ReadonlyArray<{ uri: string; model: Model }>;
    readActuals(actuals: Actuals): ActualsRead;
}

/** The latest actual of a metric and the block it was written in. */
export interface LatestActual {
    readonly actuals: Actuals;
    readonly entry: ActualsEntry;
}

/**
 * The impact graph plus what rules and editor features need to map it back
 * to the syntax tree. Built once per workspace state; read by everything.
 */
export interface GraphIndex {
    readonly graph: ImpactGraph;
    readonly adjacency: Adjacency;
    nodeOf(ast: AstNode | undefined): GraphNode | undefined;
    node(id: string): GraphNode | undefined;
    astOf(id: string): Declaration | Program | undefined;
    /** For each declaration whose name is taken twice in a scope: the others. */
    readonly duplicates: ReadonlyMap<AstNode, ReadonlyArray<Declaration | Program>>;
    /** Keys `from -> to` of `drives` edges on a cycle. */
    readonly drivesCycles: ReadonlySet<string>;
    /** The latest actual of each metric id that has actuals. */
    readonly latestActual: ReadonlyMap<string, LatestActual>;
    /** What reading each actuals block gave. */
    readonly actualsRead: ReadonlyMap<Actuals, ActualsRead>;
}

/** Builds the impact graph of a workspace: a pure function of its documents and actuals. */
export function buildImpactGraph(input: GraphInput): GraphIndex {
    const collected = collectNodes(input.documents);
    const idOf = (ast: AstNode): string | undefined => collected.byAst.get(ast)?.id;
    const edges = collectEdges(collected.declared, idOf);
    const adjacency = new Adjacency(edges);
    const byId = new Map(collected.declared.map(d => [d.node.id, d.node]));

    const { actualsRead, entriesByMetric, latestActual } = readAllActuals(input, idOf);
    for (const { ast, node } of collected.declared) {
        if (ast.$type !== 'Metric') continue;
        const program = ast.$container.$type === 'Program' ? ast.$container : undefined;
        node.metric = metricFigures(ast as Metric, entriesByMetric.get(node.id) ?? [], program ? programWindow(program)?.start : undefined);
    }
    const isKpi = (id: string): boolean => byId.get(id)?.metric?.isKpi === true;
    for (const { node } of collected.declared) {
        if (node.kind !== 'objective') continue;
        const { links, explained } = objectiveLinks(node.id, adjacency, isKpi);
        node.objective = links;
        for (const edge of adjacency.outgoing(node.id)) {
            if (edge.kind === 'kpi') edge.explained = explained.has(edge.to);
        }
    }
    const membersOf = new Map<string, string[]>();
    for (const { node } of collected.declared) {
        if (!node.program) continue;
        const members = membersOf.get(node.program);
        if (members) members.push(node.id);
        else membersOf.set(node.program, [node.id]);
    }
    for (const { ast, node } of collected.declared) {
        if (ast.$type === 'Program') node.programFigures = programFigures(ast, node, membersOf.get(node.id) ?? [], adjacency, byId);
    }
    const objectives = collected.declared.filter(d => d.node.kind === 'objective').map(d => d.node);
    const graph: ImpactGraph = { nodes: collected.declared.map(d => d.node), edges, coverage: coverageOf(objectives) };
    return {
        graph, adjacency,
        nodeOf: ast => ast ? collected.byAst.get(ast) : undefined,
        node: id => byId.get(id),
        astOf: id => collected.astById.get(id),
        duplicates: collected.duplicates,
        drivesCycles: drivesCycleEdges(edges),
        latestActual, actualsRead
    };
}

function readAllActuals(input: GraphInput, idOf: (ast: AstNode) => string | undefined) {
    const actualsRead = new Map<Actuals, ActualsRead>();
    const entriesByMetric = new Map<string, ActualsEntry[]>();
    const latestActual = new Map<string, LatestActual>();
    for (const { model } of input.documents) {
        for (const actuals of actualsBlocks(model)) {
            const read = input.readActuals(actuals);
            actualsRead.set(actuals, read);
            const metricId = actuals.metric?.ref ? idOf(actuals.metric.ref) : undefined;
            if (!metricId) continue;
            const entries = entriesByMetric.get(metricId);
            if (entries) entries.push(...read.entries);
            else entriesByMetric.set(metricId, [...read.entries]);
            for (const entry of read.entries) {
                const latest = latestActual.get(metricId);
                if (!latest || entry.period.day >= latest.entry.period.day) latestActual.set(metricId, { actuals, entry });
            }
        }
    }
    return { actualsRead, entriesByMetric, latestActual };
}

/** A program's window as day numbers: `pilot N from D` or `window A to B`, both ends included. */
export function programWindow(program: Program): { start: number; end: number } | undefined {
    const pilot = attribute(program, 'Pilot');
    const window = attribute(program, 'Window');
    if (pilot?.start && pilot.duration) {
        const start = parsePeriod(pilot.start)?.day;
        const { amount, unit } = pilot.duration;
        if (start === undefined || amount === undefined || !unit) return undefined;
        return { start, end: addDuration(start, amount, unit) };
    }
    if (window?.start && window.end) {
        const start = parsePeriod(window.start)?.day;
        const end = parsePeriod(window.end)?.day;
        return start !== undefined && end !== undefined ? { start, end } : undefined;
    }
    return undefined;
}

function programFigures(program: Program, node: GraphNode, members: readonly string[], adjacency: Adjacency, byId: Map<string, GraphNode>) {
    const chain = programChain(node, members, adjacency);
    const chainNodes = chain.map(id => byId.get(id)).filter((n): n is GraphNode => n !== undefined);
    const kpis = chainNodes.filter(n => n.metric?.isKpi);
    const window = programWindow(program);
    return {
        chain,
        window: window ? { start: isoDay(window.start), end: isoDay(window.end) } : undefined,
        coverage: coverageOf(chainNodes.filter(n => n.kind === 'objective')),
        leadingKpis: kpis.filter(n => n.metric!.kind === 'leading').map(n => n.id),
        laggingKpis: kpis.filter(n => n.metric!.kind === 'lagging').map(n => n.id),
        roi: programRoi(program, kpis)
    };
}

function coverageOf(objectives: readonly GraphNode[]): Coverage {
    return { aligned: objectives.filter(o => (o.objective?.kpis.length ?? 0) > 0).length, total: objectives.length };
}
