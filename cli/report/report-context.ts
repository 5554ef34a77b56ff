/** What every part of the report reads (the graph, the findings), and small helpers for its text. */
import type { GraphIndex } from '../../language/graph/build-graph.js';
import { push } from '../../language/graph/adjacency.js';
import type { FindingsPlacer } from '../../language/graph/findings-placer.js';
import type { PlacedDiagnostic } from '../../language/graph/node-findings.js';
import type { GraphNode } from '../../language/graph/types.js';
import type { PlacedFinding } from '../graph/load-graph.js';
import { TRACK_WORDS } from '../../language/present/index.js';
import type { MeasureText } from '../../language/render/index.js';
import type { Inline } from './blocks.js';
import { cadenceOfNode, statusAt, withStatus, type DatedStatus } from './dated-status.js';

export interface Context {
    index: GraphIndex;
    order: ReadonlyMap<string, number>;
    /** Findings by the id of the innermost node whose declaration holds them. */
    placed: ReadonlyMap<string, PlacedFinding[]>;
    /** For each program: the ids of `placed` that its chain or its `isolate` statements hold (`heldBy`). */
    heldBy: ReadonlyMap<string, readonly string[]>;
    /** Findings shown in a program or outcome section so far. */
    shown: Set<PlacedFinding>;
    findings: readonly PlacedFinding[];
    /** Each finding's position in `findings`, to keep a subset in the report's order. */
    findingOrder: ReadonlyMap<PlacedFinding, number>;
    /** The findings sorted once for placing on each drawing's nodes. */
    placer: FindingsPlacer<PlacedDiagnostic>;
    /** Ids given to charts so far, to keep element ids unique in the page. */
    chartCount: { value: number };
    /** The report's date (`YYYY-MM-DD`): KPI statuses are judged as of it (dated-status.ts). */
    date: string;
    /** Each metric's status as of `date`, by node id, once computed. */
    statuses: Map<string, DatedStatus>;
    /** The measurer of every drawing's text: the chains share nodes, so their texts are measured and wrapped once. */
    measure: MeasureText;
    /** Heading ids given so far, to keep them unique in the page. */
    headingIds: Set<string>;
    /** The heading id of each program's section, by program id (given before the summary links to them). */
    programIds: Map<string, string>;
}

/** A metric's status as of the report's date. */
export function statusOf(ctx: Context, node: GraphNode): DatedStatus {
    let status = ctx.statuses.get(node.id);
    if (!status) {
        status = node.metric ? statusAt(node.metric, ctx.date, cadenceOfNode(node, id => ctx.index.astOf(id))) : { state: 'unknown', words: TRACK_WORDS.unknown };
        ctx.statuses.set(node.id, status);
    }
    return status;
}

/** The node as of the report's date, for what draws it, so that it says what the tables say (dated-status.ts, `withStatus`). */
export function datedNode(node: GraphNode, ctx: Context): GraphNode {
    return node.metric ? withStatus(node, statusOf(ctx, node)) : node;
}

/** Of these KPIs, how many have a known status as of the report's date, and how many of those are on track or met their target. */
export function kpiCounts(kpis: readonly GraphNode[], ctx: Context): { known: number; on: number } {
    const states = kpis.map(k => statusOf(ctx, k).state);
    return { known: states.filter(s => s !== 'unknown').length, on: states.filter(s => s === 'on').length };
}

/** A heading id built from names (`program-churnpilot-alignment`), made unique with `-2`, `-3`... when taken. */
export function headingId(ctx: Context, ...parts: string[]): string {
    const base = parts.map(anchor).filter(Boolean).join('-') || 'part';
    let id = base;
    for (let n = 2; ctx.headingIds.has(id); n++) id = `${base}-${n}`;
    ctx.headingIds.add(id);
    return id;
}

/** `Title (`Name`)`, or the name alone; the title is the user's text (HTML isolates it). */
export function nameCell(node: GraphNode): Inline {
    return node.title ? [{ user: node.title }, ' (', { code: node.id }, ')'] : [{ code: node.id }];
}

export function joinSpans(parts: readonly Inline[], separator = ', '): Inline {
    return parts.flatMap((part, i) => i === 0 ? part : [separator, ...part]);
}

export function byOrder(ctx: Context): (a: GraphNode, b: GraphNode) => number {
    return (a, b) => (ctx.order.get(a.id) ?? 0) - (ctx.order.get(b.id) ?? 0);
}

export function isNode(node: GraphNode | undefined): node is GraphNode {
    return node !== undefined;
}

/** The nodes of these ids that exist. */
export function nodesOf(ctx: Context, ids: readonly string[]): GraphNode[] {
    return ids.map(id => ctx.index.node(id)).filter(isNode);
}

/** An id for HTML anchors: letters, digits and `-`. */
export function anchor(text: string): string {
    return text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
}

/** A fresh prefix for the element ids of one chart. */
export function chartId(ctx: Context, name: string): string {
    ctx.chartCount.value++;
    return `c${ctx.chartCount.value}-${anchor(name)}-`;
}

/** For each program: the ids among `ids` that its chain or `isolate` statements hold (a control group outside the chain too), read once from the graph's index. */
export function heldBy(ids: Iterable<string>, index: GraphIndex): Map<string, string[]> {
    const held = new Map<string, string[]>();
    for (const id of ids) for (const program of index.programsHolding(id)) push(held, program, id);
    return held;
}
