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
import { placeColumns, placeStable } from './place.js';

/** Edge kinds drawn as edges (`reinforces` becomes a badge on the behavior, `serves` a program's focus). */
export const DRAWN_EDGE_KINDS: ReadonlySet<EdgeKind> = new Set<EdgeKind>(['builds', 'enables', 'moves', 'drives', 'measures', 'kpi']);

export interface LayoutOptions {
    /** Leave out activity and learning metrics and their edges. */
    hideLearningMetrics?: boolean;
    /**
     * The previous layout (or its `order` and `centers`): nodes found there
     * keep their relative order in their column and their place; new nodes
     * are inserted by barycenter, pushing down what is below them. Ignored
     * when fewer than half of the nodes are in it (a different graph: a
     * fresh layout reads better).
     */
    previous?: PreviousLayout;
    /** Barycenter sweeps of a fresh layout (default 4). */
    sweeps?: number;
}

/** What a layout keeps of the one before it. */
export interface PreviousLayout {
    /** Ids of nodes and edge bends, in layout order. */
    readonly order: readonly string[];
    /** Centre y of each node and edge bend, below the column headers. */
    readonly centers?: ReadonlyMap<string, number>;
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
    /** Ids of nodes and edge bends in layout order (the layout is a `PreviousLayout` for the next one). */
    readonly order: readonly string[];
    /** Centre y of each node and edge bend, below the column headers. */
    readonly centers: ReadonlyMap<string, number>;
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
    const steps = layoutSteps(graph, options);
    for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
    }
}

/**
 * The same layout in steps (prepare, order, place, assemble): a caller on a
 * UI thread can run each step in a task of its own, so no task is long.
 */
export function* layoutSteps(graph: ImpactGraph, options: LayoutOptions = {}): Generator<void, GraphLayout, void> {
    const prepared = prepare(graph, options);
    yield;
    const previous = stableBase(prepared, options.previous);
    const cols = previous ? orderStableFrom(prepared, previous) : orderBySweeps(prepared.graph, byColumn(prepared, () => true), options.sweeps ?? 4);
    yield;
    const input = { graph: prepared.graph, cols, height: prepared.vertices.map(v => v.height), gap: GEOMETRY.nodeGap };
    const centers = previous?.centers
        ? placeStable({ ...input, previous: Float64Array.from(prepared.vertices, v => previous.centers!.get(v.id) ?? NaN) })
        : placeColumns(input);
    yield;
    return assemble(prepared, cols, centers);
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

/** The previous layout when it shares at least half of the nodes, else undefined (lay out afresh). */
function stableBase(prepared: Prepared, previous: PreviousLayout | undefined): PreviousLayout | undefined {
    if (!previous) return undefined;
    const known = new Set(previous.order);
    let shared = 0;
    for (let v = 0; v < prepared.nodeCount; v++) if (known.has(prepared.vertices[v]!.id)) shared++;
    return shared > 0 && shared * 2 >= prepared.nodeCount ? previous : undefined;
}

function byColumn(prepared: Prepared, pick: (v: number) => boolean): number[][] {
    const cols: number[][] = COLUMNS.map(() => []);
    prepared.vertices.forEach((_, v) => { if (pick(v)) cols[prepared.graph.column[v]!]!.push(v); });
    return cols;
}

function orderStableFrom(prepared: Prepared, previous: PreviousLayout): number[][] {
    const rank = new Map<string, number>();
    previous.order.forEach((id, i) => { if (!rank.has(id)) rank.set(id, i); });
    const known = (v: number): boolean => rank.has(prepared.vertices[v]!.id);
    const existing = byColumn(prepared, known).map(col => col.sort((a, b) => rank.get(prepared.vertices[a]!.id)! - rank.get(prepared.vertices[b]!.id)!));
    return orderStable(prepared.graph, existing, byColumn(prepared, v => !known(v)));
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
    const flat = cols.flat();
    const order = flat.map(v => prepared.vertices[v]!.id);
    const centers = new Map(flat.map(v => [prepared.vertices[v]!.id, center[v]!]));
    return { width, height: Math.ceil(bottom + GEOMETRY.margin), nodes: laid, edges, columns, order, centers };
}
