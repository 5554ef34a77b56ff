/**
 * The layered layout of the impact chain, shared by the preview (webview)
 * and `align graph --format svg`: known columns by node kind, order within
 * columns by barycenter sweeps (stable between edits when given the previous
 * order), fixed node sizes per column, cubic edges. Pure: no DOM.
 */
import type { EdgeKind, GraphEdge, GraphNode, ImpactGraph } from '../graph/types.js';
import { COLUMN_INDEX, COLUMNS, GEOMETRY, NODE_HEIGHT, NODE_WIDTH, columnOf, isActivityOrLearning, type ColumnId } from './columns.js';
import { edgePath } from './geometry.js';
import { orderBySweeps, orderStable, type OrderGraph } from './order.js';
import { placeColumns } from './place.js';

/** Edge kinds drawn as edges (`reinforces` becomes a badge on the behavior, `serves` a program's focus). */
export const DRAWN_EDGE_KINDS: ReadonlySet<EdgeKind> = new Set<EdgeKind>(['builds', 'enables', 'moves', 'drives', 'measures', 'kpi']);

export interface LayoutOptions {
    /** Leave out activity and learning metrics and their edges. */
    hideLearningMetrics?: boolean;
    /**
     * Node ids in the order of a previous layout (`GraphLayout.order`): nodes
     * found there keep their relative order in their column; new nodes are
     * inserted by barycenter. Ignored when fewer than half of the nodes are
     * in it (a different graph: a fresh layout reads better).
     */
    previousOrder?: readonly string[];
    /** Barycenter sweeps of a fresh layout (default 4). */
    sweeps?: number;
}

export interface LaidOutNode {
    readonly id: string;
    readonly node: GraphNode;
    readonly column: ColumnId;
    /** Top-left corner and size. */
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    /** Toolkits that reinforce this behavior. */
    readonly toolkits: readonly GraphNode[];
}

export interface LaidOutEdge {
    readonly key: string;
    readonly kind: EdgeKind;
    readonly from: string;
    readonly to: string;
    /** `kpi` edges only: whether the chain explains the direct link. */
    readonly explained?: boolean;
    /** SVG path data: one cubic curve. */
    readonly path: string;
}

export interface LaidOutColumn {
    readonly id: ColumnId;
    readonly label: string;
    readonly x: number;
    readonly width: number;
    readonly count: number;
}

export interface GraphLayout {
    readonly width: number;
    readonly height: number;
    /** Column by column, top to bottom (also the keyboard order). */
    readonly nodes: readonly LaidOutNode[];
    readonly edges: readonly LaidOutEdge[];
    /** Columns that hold nodes, left to right. */
    readonly columns: readonly LaidOutColumn[];
    /** Node ids in layout order: pass as `previousOrder` to the next layout. */
    readonly order: readonly string[];
}

interface Prepared {
    nodes: GraphNode[];
    columnOfNode: ColumnId[];
    edges: GraphEdge[];
    graph: OrderGraph;
    toolkits: Map<string, GraphNode[]>;
}

/** Lays out the drawable part of an impact graph. */
export function layoutGraph(graph: ImpactGraph, options: LayoutOptions = {}): GraphLayout {
    const prepared = prepare(graph, options);
    const cols = orderNodes(prepared, options);
    const height = prepared.columnOfNode.map(c => NODE_HEIGHT[c]);
    const center = placeColumns({ graph: prepared.graph, cols, height, gap: GEOMETRY.nodeGap });
    return assemble(prepared, cols, center);
}

function prepare(graph: ImpactGraph, options: LayoutOptions): Prepared {
    const nodes: GraphNode[] = [];
    const columnOfNode: ColumnId[] = [];
    const index = new Map<string, number>();
    const byId = new Map<string, GraphNode>();
    for (const node of graph.nodes) {
        byId.set(node.id, node);
        const column = columnOf(node);
        if (!column || index.has(node.id) || (options.hideLearningMetrics && isActivityOrLearning(node))) continue;
        index.set(node.id, nodes.length);
        nodes.push(node);
        columnOfNode.push(column);
    }
    const neighbors: number[][] = nodes.map(() => []);
    const edges: GraphEdge[] = [];
    const toolkits = new Map<string, GraphNode[]>();
    for (const edge of graph.edges) {
        if (edge.kind === 'reinforces') {
            const kit = byId.get(edge.from);
            if (kit && index.has(edge.to)) toolkits.set(edge.to, [...(toolkits.get(edge.to) ?? []), kit]);
            continue;
        }
        const a = index.get(edge.from);
        const b = index.get(edge.to);
        if (a === undefined || b === undefined || a === b || !DRAWN_EDGE_KINDS.has(edge.kind)) continue;
        edges.push(edge);
        neighbors[a]!.push(b);
        neighbors[b]!.push(a);
    }
    const column = Int32Array.from(columnOfNode, c => COLUMN_INDEX[c]);
    return { nodes, columnOfNode, edges, toolkits, graph: { column, neighbors, columnCount: COLUMNS.length } };
}

function orderNodes(prepared: Prepared, options: LayoutOptions): number[][] {
    const { nodes, graph } = prepared;
    const previous = new Map<string, number>();
    (options.previousOrder ?? []).forEach((id, i) => { if (!previous.has(id)) previous.set(id, i); });
    const known = nodes.filter(n => previous.has(n.id)).length;
    const byColumn = (pick: (v: number) => boolean): number[][] => {
        const cols: number[][] = COLUMNS.map(() => []);
        nodes.forEach((_, v) => { if (pick(v)) cols[graph.column[v]!]!.push(v); });
        return cols;
    };
    if (known === 0 || known * 2 < nodes.length) return orderBySweeps(graph, byColumn(() => true), options.sweeps ?? 4);
    const existing = byColumn(v => previous.has(nodes[v]!.id)).map(col => col.sort((a, b) => previous.get(nodes[a]!.id)! - previous.get(nodes[b]!.id)!));
    return orderStable(graph, existing, byColumn(v => !previous.has(nodes[v]!.id)));
}

function assemble(prepared: Prepared, cols: number[][], center: Float64Array): GraphLayout {
    const { nodes } = prepared;
    const columns: LaidOutColumn[] = [];
    const columnX = new Map<ColumnId, number>();
    let x = GEOMETRY.margin;
    COLUMNS.forEach((spec, c) => {
        const count = cols[c]!.length;
        if (count === 0) return;
        columns.push({ id: spec.id, label: spec.label, x, width: NODE_WIDTH, count });
        columnX.set(spec.id, x);
        x += NODE_WIDTH + GEOMETRY.columnGap;
    });
    const top = GEOMETRY.margin + GEOMETRY.header;
    const laid: LaidOutNode[] = [];
    const byId = new Map<string, LaidOutNode>();
    let bottom = top;
    for (const col of cols) {
        for (const v of col) {
            const node = nodes[v]!;
            const column = prepared.columnOfNode[v]!;
            const height = NODE_HEIGHT[column];
            const item: LaidOutNode = {
                id: node.id, node, column, x: columnX.get(column)!, y: Math.round(top + center[v]! - height / 2),
                width: NODE_WIDTH, height, toolkits: prepared.toolkits.get(node.id) ?? []
            };
            laid.push(item);
            byId.set(node.id, item);
            bottom = Math.max(bottom, item.y + height);
        }
    }
    const edges = prepared.edges.map((e): LaidOutEdge => ({
        key: `${e.kind}:${e.from}>${e.to}`, kind: e.kind, from: e.from, to: e.to,
        ...(e.kind === 'kpi' ? { explained: e.explained === true } : {}),
        path: edgePath(byId.get(e.from)!, byId.get(e.to)!)
    }));
    const width = columns.length === 0 ? 2 * GEOMETRY.margin : x - GEOMETRY.columnGap + GEOMETRY.margin;
    return { width, height: Math.ceil(bottom + GEOMETRY.margin), nodes: laid, edges, columns, order: laid.map(n => n.id) };
}
