/** What every part of the report reads (the graph, the findings), and small helpers for its text. */
import type { GraphIndex } from '../../language/graph/build-graph.js';
import type { FindingsPlacer } from '../../language/graph/findings-placer.js';
import type { PlacedDiagnostic } from '../../language/graph/node-findings.js';
import type { GraphNode } from '../../language/graph/types.js';
import type { PlacedFinding } from '../graph/load-graph.js';
import type { Inline } from './blocks.js';

export interface Context {
    index: GraphIndex;
    order: ReadonlyMap<string, number>;
    /** Findings by the id of the innermost node whose declaration holds them. */
    placed: ReadonlyMap<string, PlacedFinding[]>;
    /** Findings shown in a program or outcome section so far. */
    shown: Set<PlacedFinding>;
    findings: readonly PlacedFinding[];
    /** Each finding's position in `findings`, to keep a subset in the report's order. */
    findingOrder: ReadonlyMap<PlacedFinding, number>;
    /** The findings sorted once for placing on each drawing's nodes. */
    placer: FindingsPlacer<PlacedDiagnostic>;
    /** Ids given to charts so far, to keep element ids unique in the page. */
    chartCount: { value: number };
}

/** `Title (`Name`)`, or the name alone. */
export function nameCell(node: GraphNode): Inline {
    return node.title ? [node.title, ' (', { code: node.id }, ')'] : [{ code: node.id }];
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
