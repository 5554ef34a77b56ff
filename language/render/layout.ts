/**
 * The layered layout of the impact chain, shared by the preview (webview)
 * and `align graph --format svg`: known layers by node kind, laid out left
 * to right (columns) or top to bottom (rows); order within layers by
 * barycenter sweeps (stable between edits when given the previous order);
 * boxes sized by their measured text; cubic edges. Pure: no DOM.
 */
import type { EdgeKind, GraphEdge, GraphNode, ImpactGraph } from '../graph/types.js';
import { assembleSteps } from './assemble.js';
import { COLUMNS, GEOMETRY, LAYER_INDEX, LAYERS, NODE_WIDTH, columnOf, isActivityOrLearning, type ColumnId, type Direction } from './columns.js';
import { cachedMeasure, tableMeasure, type MeasureText } from './measure.js';
import { nodeText, type NodeText } from './node-text.js';
import { orderStable, orderSweeps, type OrderGraph } from './order.js';
import { alignChain } from './align-chain.js';
import { placeStable, placeSteps, type PlaceInput } from './place.js';
import { drain } from './steps.js';

/** Edge kinds drawn as edges (`reinforces` becomes a badge on the behavior, `serves` a program's focus). */
export const DRAWN_EDGE_KINDS: ReadonlySet<EdgeKind> = new Set<EdgeKind>(['builds', 'enables', 'moves', 'drives', 'measures', 'kpi']);

export interface LayoutOptions {
    /** Leave out activity and learning metrics and their edges. */
    hideLearningMetrics?: boolean;
    /** Layers left to right (default) or top to bottom. */
    direction?: Direction;
    /** Width of every box (default: NODE_WIDTH of the direction). */
    nodeWidth?: number;
    /** Wrap every text onto as many lines as it needs, never cut with an ellipsis (print; default false). */
    fullText?: boolean;
    /** Measures text for wrapping (default: the width table of the declared fonts). */
    measure?: MeasureText;
    /**
     * The previous layout (or its `order` and `centers`): nodes found there
     * keep their relative order in their layer and, in the same direction and
     * box width, their place; new nodes are inserted by barycenter, pushing
     * aside what follows them. Ignored when fewer than half of the nodes are
     * in it (a different graph: a fresh layout reads better).
     */
    previous?: PreviousLayout;
    /** Barycenter sweeps of a fresh layout (default 4). */
    sweeps?: number;
    /**
     * A chain to bring into line (the editor cursor's): its boxes side by
     * side across the layers around the box of `around`, the layers' order
     * kept. For a pane too narrow to show the chain as laid out.
     */
    align?: { readonly ids: ReadonlySet<string>; readonly around: string };
    /**
     * Rows (`down`) only, for paper, which cannot scroll sideways (the
     * report): at most this many boxes side by side. A row with more wraps:
     * leading and activity & learning metrics take a row each, then a row
     * still too full deals its boxes out in turn, in their order along the
     * row, onto as many rows as it needs (each row then spans about the same
     * breadth, and edges pass between the boxes of the rows they cross).
     * Default: no limit (the preview never wraps).
     */
    maxPerRow?: number;
    /**
     * For paper (the report): the most the drawing may span across its
     * layers, in px (its width top to bottom, its height left to right).
     * Boxes are placed within it wherever a layer's boxes and the edges
     * passing it fit side by side; edges then bend more rather than spread
     * the drawing wider than the page. Default: no limit (the preview scrolls).
     */
    across?: number;
}

/** What a layout keeps of the one before it. */
export interface PreviousLayout {
    /** Ids of nodes and edge bends, in layout order. */
    readonly order: readonly string[];
    /** Centre of each node and edge bend across its layer (y for columns, x for rows). */
    readonly centers?: ReadonlyMap<string, number>;
    readonly direction?: Direction;
    readonly nodeWidth?: number;
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
    /** The lines the box shows, fitted to its width. */
    readonly text: NodeText;
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

/** A layer that holds nodes: a column (right) or a row (down), with the place of its label. */
export interface LaidOutColumn {
    /** The layer's first column (a row top to bottom may hold two: leading and activity & learning metrics). */
    readonly id: ColumnId;
    /** The columns it holds nodes of, with their counts, for its label. */
    readonly parts: ReadonlyArray<{ readonly id: ColumnId; readonly label: string; readonly count: number }>;
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly count: number;
    readonly labelX: number;
    readonly labelY: number;
}

export interface GraphLayout {
    readonly direction: Direction;
    readonly nodeWidth: number;
    readonly width: number;
    readonly height: number;
    /** Layer by layer, in order along each layer (also the keyboard order). */
    readonly nodes: readonly LaidOutNode[];
    readonly edges: readonly LaidOutEdge[];
    /** Layers that hold nodes, in chain order. */
    readonly columns: readonly LaidOutColumn[];
    /** Ids of nodes and edge bends in layout order (the layout is a `PreviousLayout` for the next one). */
    readonly order: readonly string[];
    /** Centre of each node and edge bend across its layer. */
    readonly centers: ReadonlyMap<string, number>;
}

/** A node of the layout: a graph node, or a bend of an edge that spans layers (so edges pass between boxes). */
export interface Vertex {
    readonly id: string;
    readonly node?: GraphNode;
    readonly text?: NodeText;
    readonly column: ColumnId;
    /** Index of its layer, in chain order. */
    readonly layer: number;
    /** Extent across the layer: the box height in a column, its width in a row. */
    readonly size: number;
}

/** A layer as laid out: the columns whose boxes it holds; `continued` when it carries on the row before it (a wrapped row: one label for both). */
export interface Layer {
    readonly ids: readonly ColumnId[];
    readonly continued?: boolean;
}

/** The layers and each node's layer, when rows wrap (`maxPerRow`). */
interface Wrap {
    readonly layers: readonly Layer[];
    readonly layerOf: ReadonlyMap<string, number>;
}

export interface Prepared {
    direction: Direction;
    nodeWidth: number;
    /** The layers in chain order (LAYERS of the direction, unless rows wrap). */
    layers: readonly Layer[];
    /** Graph nodes first (indices 0..nodeCount-1), then edge bends. */
    vertices: Vertex[];
    nodeCount: number;
    /** Each drawn edge with the vertices it runs through, source to target. */
    edges: Array<{ edge: GraphEdge; chain: number[] }>;
    graph: OrderGraph;
    toolkits: Map<string, GraphNode[]>;
}

/** Extent of an edge bend across a layer: the slot an edge takes when it passes a layer. */
const BEND_SIZE = 6;

/** Lays out the drawable part of an impact graph. */
export function layoutGraph(graph: ImpactGraph, options: LayoutOptions = {}): GraphLayout {
    return drain(layoutSteps(graph, options));
}

/**
 * The same layout in steps (prepare, order, place, assemble): a caller on a
 * UI thread can run each step in a task of its own, so no task is long.
 */
export function* layoutSteps(graph: ImpactGraph, options: LayoutOptions = {}): Generator<void, GraphLayout, void> {
    let prepared = yield* prepare(graph, options);
    yield;
    const previous = stableBase(prepared, options.previous);
    let cols = previous ? orderStableFrom(prepared, previous) : yield* orderSweeps(prepared.graph, byColumn(prepared, () => true), options.sweeps ?? 4);
    yield;
    const wrap = !previous && prepared.direction === 'down' && options.maxPerRow !== undefined ? wrapRows(prepared, cols, options.maxPerRow) : undefined;
    if (wrap) {
        prepared = yield* prepare(graph, options, wrap);
        yield;
        cols = yield* orderSweeps(prepared.graph, byColumn(prepared, () => true), options.sweeps ?? 4);
        yield;
    }
    const input = { graph: prepared.graph, cols, height: prepared.vertices.map(v => v.size), gap: GEOMETRY.nodeGap, room: roomAcross(prepared.direction, options.across) };
    const samePlaces = previous?.centers && (previous.direction ?? 'right') === prepared.direction && (previous.nodeWidth ?? prepared.nodeWidth) === prepared.nodeWidth;
    const centers = samePlaces
        ? placeStable({ ...input, previous: Float64Array.from(prepared.vertices, v => previous.centers!.get(v.id) ?? NaN) })
        : yield* placeSteps(input);
    yield;
    return yield* assembleSteps(prepared, cols, options.align ? aligned(prepared, input, centers, options.align) : centers);
}

/**
 * The room the placement has across the layers for a drawing at most `across`
 * px across: less the margins and, left to right, the column headers (1 px
 * less for the rounding of box positions).
 */
function roomAcross(direction: Direction, across: number | undefined): number | undefined {
    return across === undefined ? undefined : across - 2 * GEOMETRY.margin - (direction === 'right' ? GEOMETRY.header.right : 0) - 1;
}

/** The texts of boxes, by measurer (a cached one) and node: a page layout tries many widths, and the report draws a node in many chains. */
const NODE_TEXTS = new WeakMap<MeasureText, WeakMap<GraphNode, Map<string, NodeText>>>();

/** nodeText, kept with the cached measurer `measure` (never changed by its readers) for the same node, box width, toolkits and fullness. */
function keptNodeText(node: GraphNode, toolkits: readonly GraphNode[], width: number, measure: MeasureText, full: boolean): NodeText {
    let byNode = NODE_TEXTS.get(measure);
    if (!byNode) NODE_TEXTS.set(measure, byNode = new WeakMap());
    let texts = byNode.get(node);
    if (!texts) byNode.set(node, texts = new Map());
    const key = `${width}|${full ? 1 : 0}|${toolkits.map(kit => kit.name).join(' ')}`;
    let text = texts.get(key);
    if (!text) texts.set(key, text = nodeText(node, toolkits, width, measure, full));
    return text;
}

/** Boxes whose text is measured in one step: measuring is most of a large layout's work. */
const TEXT_STEP = 100;

function* prepare(graph: ImpactGraph, options: LayoutOptions, wrap?: Wrap): Generator<void, Prepared, void> {
    const direction = options.direction ?? 'right';
    const nodeWidth = options.nodeWidth ?? NODE_WIDTH[direction];
    const measure = cachedMeasure(options.measure ?? tableMeasure);
    const vertices: Vertex[] = [];
    const index = new Map<string, number>();
    const byId = new Map<string, GraphNode>();
    const kept: GraphNode[] = [];
    for (const node of graph.nodes) {
        byId.set(node.id, node);
        const column = columnOf(node);
        if (!column || index.has(node.id) || (options.hideLearningMetrics && isActivityOrLearning(node))) continue;
        index.set(node.id, kept.length);
        kept.push(node);
    }
    const toolkits = new Map<string, GraphNode[]>();
    for (const edge of graph.edges) {
        const kit = edge.kind === 'reinforces' ? byId.get(edge.from) : undefined;
        if (kit && index.has(edge.to)) toolkits.set(edge.to, [...(toolkits.get(edge.to) ?? []), kit]);
    }
    const layers = wrap?.layers ?? LAYERS[direction].map(ids => ({ ids }));
    const layerOf = LAYER_INDEX[direction];
    for (const node of kept) {
        if (vertices.length > 0 && vertices.length % TEXT_STEP === 0) yield;
        const text = keptNodeText(node, toolkits.get(node.id) ?? [], nodeWidth, measure, options.fullText === true);
        const column = columnOf(node)!;
        vertices.push({ id: node.id, node, text, column, layer: wrap?.layerOf.get(node.id) ?? layerOf[column], size: direction === 'right' ? text.height : nodeWidth });
    }
    const nodeCount = vertices.length;
    const present = new Set(vertices.map(v => v.layer));
    const edges: Prepared['edges'] = [];
    for (const edge of graph.edges) {
        const a = index.get(edge.from);
        const b = index.get(edge.to);
        if (a === undefined || b === undefined || a === b || !DRAWN_EDGE_KINDS.has(edge.kind)) continue;
        const chain = [a];
        for (let c = vertices[a]!.layer + 1; c < vertices[b]!.layer; c++) {
            if (!present.has(c)) continue;
            chain.push(vertices.length);
            vertices.push({ id: `${edge.kind}:${edge.from}>${edge.to}@${c}`, column: layers[c]!.ids[0]!, layer: c, size: BEND_SIZE });
        }
        chain.push(b);
        edges.push({ edge, chain });
    }
    const neighbors: number[][] = vertices.map(() => []);
    const pull: number[][] = vertices.map(() => []);
    for (const { edge, chain } of edges) {
        for (let i = 1; i < chain.length; i++) {
            neighbors[chain[i - 1]!]!.push(chain[i]!);
            neighbors[chain[i]!]!.push(chain[i - 1]!);
            if (edge.kind === 'kpi') continue;
            pull[chain[i - 1]!]!.push(chain[i]!);
            pull[chain[i]!]!.push(chain[i - 1]!);
        }
    }
    const column = Int32Array.from(vertices, v => v.layer);
    return { direction, nodeWidth, layers, vertices, nodeCount, edges, toolkits, graph: { column, neighbors, pull, columnCount: layers.length } };
}

/**
 * The layers with every row of more than `max` boxes wrapped (`maxPerRow`),
 * from a first order of the unwrapped rows; undefined when no row is too full.
 * A row of two columns (leading, activity & learning metrics) first splits by
 * column, in chain order (activity & learning first, as in columns); a part
 * still too full deals its boxes out in turn onto rows that share one label.
 */
function wrapRows(prepared: Prepared, cols: readonly (readonly number[])[], max: number): Wrap | undefined {
    const full = (c: number): boolean => cols[c]!.filter(v => v < prepared.nodeCount).length > Math.max(1, max);
    if (!prepared.layers.some((_, c) => full(c))) return undefined;
    const layers: Layer[] = [];
    const layerOf = new Map<string, number>();
    prepared.layers.forEach((layer, c) => {
        if (!full(c)) {
            for (const v of cols[c]!) if (v < prepared.nodeCount) layerOf.set(prepared.vertices[v]!.id, layers.length);
            layers.push(layer);
            return;
        }
        const nodes = cols[c]!.filter(v => v < prepared.nodeCount).map(v => prepared.vertices[v]!);
        for (const { id } of COLUMNS) {
            const part = nodes.filter(v => v.column === id);
            if (part.length === 0) continue;
            const rows = Math.ceil(part.length / Math.max(1, max));
            const first = layers.length;
            for (let r = 0; r < rows; r++) layers.push(r === 0 ? { ids: [id] } : { ids: [id], continued: true });
            part.forEach((v, i) => layerOf.set(v.id, first + i % rows));
        }
    });
    return { layers, layerOf };
}

function aligned(prepared: Prepared, input: PlaceInput, centers: Float64Array, align: NonNullable<LayoutOptions['align']>): Float64Array {
    const axisVertex = prepared.vertices.findIndex(v => v.id === align.around);
    if (axisVertex < 0 || axisVertex >= prepared.nodeCount) return centers;
    const inChain = new Uint8Array(prepared.vertices.length);
    prepared.vertices.forEach((v, i) => { if (i < prepared.nodeCount && align.ids.has(v.id)) inChain[i] = 1; });
    for (const { edge, chain } of prepared.edges) {
        if (align.ids.has(edge.from) && align.ids.has(edge.to)) for (const v of chain) inChain[v] = 1;
    }
    return alignChain(input, centers, v => inChain[v] === 1, centers[axisVertex]!);
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
    const cols: number[][] = prepared.layers.map(() => []);
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
