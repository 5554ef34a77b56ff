/**
 * The layered layout of the impact chain, shared by the preview (webview)
 * and `align graph --format svg`: known columns by node kind, order within
 * columns by barycenter sweeps (stable between edits when given the previous
 * order), fixed node sizes per column, cubic edges. Pure: no DOM.
 */
import type { EdgeKind, GraphEdge, GraphNode, ImpactGraph } from '../graph/types.js';
import { COLUMN_INDEX, COLUMNS, GEOMETRY, NODE_HEIGHT, NODE_WIDTH, columnOf, isActivityOrLearning, type ColumnId } from './columns.js';
import { edgePath, type Box } from './geometry.js';
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
    /** Ids of nodes and edge bends in layout order: pass as `previousOrder` to the next layout. */
    readonly order: readonly string[];
}

/** A node of the layout: a graph node, or a bend of an edge that spans columns (so edges pass between boxes). */
interface Vertex {
    readonly id: string;
    readonly node?: GraphNode;
    readonly column: ColumnId;
    readonly height: number;
}

interface Prepared {
    /** Graph nodes first (indices 0..nodeCount-1), then edge bends. */
    vertices: Vertex[];
    nodeCount: number;
    /** Each drawn edge with the vertices it runs through, source to target. */
    edges: Array<{ edge: GraphEdge; chain: number[] }>;
    graph: OrderGraph;
    toolkits: Map<string, GraphNode[]>;
}

/** Height of an edge bend: the slot an edge takes when it passes a column. */
const BEND_HEIGHT = 6;

/** Lays out the drawable part of an impact graph. */
export function layoutGraph(graph: ImpactGraph, options: LayoutOptions = {}): GraphLayout {
    const prepared = prepare(graph, options);
    const cols = orderNodes(prepared, options);
    const center = placeColumns({ graph: prepared.graph, cols, height: prepared.vertices.map(v => v.height), gap: GEOMETRY.nodeGap });
    return assemble(prepared, cols, center);
}

function prepare(graph: ImpactGraph, options: LayoutOptions): Prepared {
    const vertices: Vertex[] = [];
    const index = new Map<string, number>();
    const byId = new Map<string, GraphNode>();
    for (const node of graph.nodes) {
        byId.set(node.id, node);
        const column = columnOf(node);
        if (!column || index.has(node.id) || (options.hideLearningMetrics && isActivityOrLearning(node))) continue;
        index.set(node.id, vertices.length);
        vertices.push({ id: node.id, node, column, height: NODE_HEIGHT[column] });
    }
    const nodeCount = vertices.length;
    const present = new Set(vertices.map(v => COLUMN_INDEX[v.column]));
    const edges: Prepared['edges'] = [];
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
        const chain = [a];
        for (let c = COLUMN_INDEX[vertices[a]!.column] + 1; c < COLUMN_INDEX[vertices[b]!.column]; c++) {
            if (!present.has(c)) continue;
            chain.push(vertices.length);
            vertices.push({ id: `${edge.kind}:${edge.from}>${edge.to}@${c}`, column: COLUMNS[c]!.id, height: BEND_HEIGHT });
        }
        chain.push(b);
        edges.push({ edge, chain });
    }
    const neighbors: number[][] = vertices.map(() => []);
    for (const { chain } of edges) {
        for (let i = 1; i < chain.length; i++) {
            neighbors[chain[i - 1]!]!.push(chain[i]!);
            neighbors[chain[i]!]!.push(chain[i - 1]!);
        }
    }
    const column = Int32Array.from(vertices, v => COLUMN_INDEX[v.column]);
    return { vertices, nodeCount, edges, toolkits, graph: { column, neighbors, columnCount: COLUMNS.length } };
}

function orderNodes(prepared: Prepared, options: LayoutOptions): number[][] {
    const { vertices, graph } = prepared;
    const previous = new Map<string, number>();
    (options.previousOrder ?? []).forEach((id, i) => { if (!previous.has(id)) previous.set(id, i); });
    let known = 0;
    for (let v = 0; v < prepared.nodeCount; v++) if (previous.has(vertices[v]!.id)) known++;
    const byColumn = (pick: (v: number) => boolean): number[][] => {
        const cols: number[][] = COLUMNS.map(() => []);
        vertices.forEach((_, v) => { if (pick(v)) cols[graph.column[v]!]!.push(v); });
        return cols;
    };
    if (known === 0 || known * 2 < prepared.nodeCount) return orderBySweeps(graph, byColumn(() => true), options.sweeps ?? 4);
    const rank = (v: number): number => previous.get(vertices[v]!.id)!;
    const existing = byColumn(v => previous.has(vertices[v]!.id)).map(col => col.sort((a, b) => rank(a) - rank(b)));
    return orderStable(graph, existing, byColumn(v => !previous.has(vertices[v]!.id)));
}

function assemble(prepared: Prepared, cols: number[][], center: Float64Array): GraphLayout {
    const columns: LaidOutColumn[] = [];
    const columnX = new Map<ColumnId, number>();
    let x = GEOMETRY.margin;
    COLUMNS.forEach((spec, c) => {
        const count = cols[c]!.filter(v => v < prepared.nodeCount).length;
        if (count === 0) return;
        columns.push({ id: spec.id, label: spec.label, x, width: NODE_WIDTH, count });
        columnX.set(spec.id, x);
        x += NODE_WIDTH + GEOMETRY.columnGap;
    });
    const top = GEOMETRY.margin + GEOMETRY.header;
    const laid: LaidOutNode[] = [];
    const boxes: Box[] = [];
    let bottom = top;
    for (const col of cols) {
        for (const v of col) {
            const vertex = prepared.vertices[v]!;
            const box: Box = { x: columnX.get(vertex.column)!, y: Math.round(top + center[v]! - vertex.height / 2), width: NODE_WIDTH, height: vertex.height };
            boxes[v] = box;
            bottom = Math.max(bottom, box.y + box.height);
            if (vertex.node) laid.push({ id: vertex.id, node: vertex.node, column: vertex.column, ...box, toolkits: prepared.toolkits.get(vertex.id) ?? [] });
        }
    }
    const edges = prepared.edges.map(({ edge: e, chain }): LaidOutEdge => ({
        key: `${e.kind}:${e.from}>${e.to}`, kind: e.kind, from: e.from, to: e.to,
        ...(e.kind === 'kpi' ? { explained: e.explained === true } : {}),
        path: edgePath(boxes[chain[0]!]!, boxes[chain[chain.length - 1]!]!, chain.slice(1, -1).map(v => boxes[v]!))
    }));
    const width = columns.length === 0 ? 2 * GEOMETRY.margin : x - GEOMETRY.columnGap + GEOMETRY.margin;
    const order = cols.flat().map(v => prepared.vertices[v]!.id);
    return { width, height: Math.ceil(bottom + GEOMETRY.margin), nodes: laid, edges, columns, order };
}
