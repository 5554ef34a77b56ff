/**
 * The last step of the layout: boxes from the order and the centres across
 * layers, along the chosen direction. Columns (right) are one box wide and
 * boxes keep their own height; rows (down) are as tall as their tallest box
 * and boxes are top-aligned in them. Then the edges through their bends.
 */
import { COLUMN_LABEL, GEOMETRY } from './columns.js';
import { edgePath, type Box } from './geometry.js';
import type { GraphLayout, LaidOutColumn, LaidOutEdge, LaidOutNode, Prepared } from './layout.js';
import type { Steps } from './steps.js';

/** Where each layer (by index) starts along the chain, and how thick it is. */
interface Layers {
    readonly start: ReadonlyMap<number, number>;
    readonly thickness: ReadonlyMap<number, number>;
    /** Where boxes start across the layers. */
    readonly crossStart: number;
    /** End of the last layer along the chain. */
    readonly end: number;
}

function layersOf(prepared: Prepared, cols: readonly (readonly number[])[]): Layers {
    const { direction, nodeWidth } = prepared;
    const start = new Map<number, number>();
    const thickness = new Map<number, number>();
    let at = GEOMETRY.margin + (direction === 'down' ? GEOMETRY.header.down : 0);
    cols.forEach((col, c) => {
        const nodes = col.filter(v => v < prepared.nodeCount);
        if (nodes.length === 0) return;
        const thick = direction === 'right' ? nodeWidth : Math.max(...nodes.map(v => prepared.vertices[v]!.text!.height));
        start.set(c, at);
        thickness.set(c, thick);
        at += thick + GEOMETRY.layerGap[direction];
    });
    const crossStart = GEOMETRY.margin + (direction === 'right' ? GEOMETRY.header.right : 0);
    return { start, thickness, crossStart, end: start.size === 0 ? GEOMETRY.margin : at - GEOMETRY.layerGap[direction] };
}

/** The box of a vertex: its layer's place along the chain, its centre across. */
function boxOf(prepared: Prepared, layers: Layers, v: number, center: number): Box {
    const vertex = prepared.vertices[v]!;
    const along = layers.start.get(vertex.layer)!;
    const across = Math.round(layers.crossStart + center - vertex.size / 2);
    const length = vertex.text ? (prepared.direction === 'right' ? prepared.nodeWidth : vertex.text.height) : layers.thickness.get(vertex.layer)!;
    return prepared.direction === 'right'
        ? { x: along, y: across, width: length, height: vertex.size }
        : { x: across, y: along, width: vertex.size, height: length };
}

/** Edges whose paths are drawn in one step. */
const EDGE_STEP = 1000;

/** The layout from its columns' order and places, in steps: the boxes, then the edges' paths a thousand at a time. */
export function* assembleSteps(prepared: Prepared, cols: number[][], center: Float64Array): Steps<GraphLayout> {
    const { direction, nodeWidth } = prepared;
    const layers = layersOf(prepared, cols);
    const laid: LaidOutNode[] = [];
    const boxes: Box[] = [];
    let crossEnd = layers.crossStart;
    for (const col of cols) {
        for (const v of col) {
            const vertex = prepared.vertices[v]!;
            const box = boxOf(prepared, layers, v, center[v]!);
            boxes[v] = box;
            crossEnd = Math.max(crossEnd, direction === 'right' ? box.y + box.height : box.x + box.width);
            if (vertex.node) laid.push({ id: vertex.id, node: vertex.node, column: vertex.column, ...box, toolkits: prepared.toolkits.get(vertex.id) ?? [], text: vertex.text! });
        }
    }
    const columns = columnsOf(prepared, cols, layers, crossEnd);
    const edges: LaidOutEdge[] = [];
    for (const { edge: e, chain } of prepared.edges) {
        if (edges.length % EDGE_STEP === 0) yield;
        edges.push({
            key: `${e.kind}:${e.from}>${e.to}`, kind: e.kind, from: e.from, to: e.to,
            ...(e.kind === 'kpi' ? { explained: e.explained === true } : {}),
            path: edgePath(boxes[chain[0]!]!, boxes[chain[chain.length - 1]!]!, chain.slice(1, -1).map(v => boxes[v]!), direction)
        });
    }
    const alongEnd = Math.ceil(layers.end + GEOMETRY.margin);
    const acrossEnd = Math.ceil(crossEnd + GEOMETRY.margin);
    const flat = cols.flat();
    return {
        direction, nodeWidth,
        width: direction === 'right' ? alongEnd : acrossEnd,
        height: direction === 'right' ? acrossEnd : alongEnd,
        nodes: laid, edges, columns,
        order: flat.map(v => prepared.vertices[v]!.id),
        centers: new Map(flat.map(v => [prepared.vertices[v]!.id, center[v]!]))
    };
}

/**
 * A row's label (down): its baseline this far above the row's boxes, so that
 * the bottoms of its brackets (0.22 em of 11 px) stay clear of the arrowheads
 * into the row (8 px long, their tips 1 px above the boxes), and its capitals
 * (0.8 em) clear of the row above (GEOMETRY.layerGap.down).
 */
const ROW_LABEL_ABOVE = 12;

function columnsOf(prepared: Prepared, cols: readonly (readonly number[])[], layers: Layers, crossEnd: number): LaidOutColumn[] {
    const out: LaidOutColumn[] = [];
    prepared.layers.forEach((layer, c) => {
        const along = layers.start.get(c);
        if (along === undefined) return;
        const nodes = cols[c]!.filter(v => v < prepared.nodeCount).map(v => prepared.vertices[v]!);
        const thick = layers.thickness.get(c)!;
        const last = out[out.length - 1];
        if (layer.continued && last) {
            // A wrapped row carries on the one before it: one layer, one label, counted once.
            const parts = last.parts.map(p => ({ ...p, count: p.count + nodes.filter(v => v.column === p.id).length }));
            out[out.length - 1] = prepared.direction === 'right'
                ? { ...last, parts, count: last.count + nodes.length, width: along + thick - last.x }
                : { ...last, parts, count: last.count + nodes.length, height: along + thick - last.y };
            return;
        }
        const parts = layer.ids.map(id => ({ id, label: COLUMN_LABEL[id], count: nodes.filter(v => v.column === id).length })).filter(p => p.count > 0);
        const across = crossEnd - layers.crossStart;
        const base = { id: layer.ids[0]!, parts, count: nodes.length };
        out.push(prepared.direction === 'right'
            ? { ...base, x: along, y: layers.crossStart, width: thick, height: across, labelX: along + 2, labelY: GEOMETRY.margin + 14 }
            : { ...base, x: layers.crossStart, y: along, width: across, height: thick, labelX: GEOMETRY.margin + 2, labelY: along - ROW_LABEL_ABOVE });
    });
    return out;
}
