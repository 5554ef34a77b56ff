/**
 * Vertical placement within columns, keeping the order: each node is pulled
 * towards the mean centre of its neighbours in other columns, then the
 * column is projected back onto "in order, boxes apart" by isotonic
 * regression (pool adjacent violators), which is O(n) per column. A few
 * alternating passes make short chains straight. O(N + E) per pass.
 */
import type { OrderGraph } from './order.js';
import type { Steps } from './steps.js';

export interface PlaceInput {
    readonly graph: OrderGraph;
    readonly cols: readonly (readonly number[])[];
    /** Height of each node. */
    readonly height: ArrayLike<number>;
    readonly gap: number;
    readonly passes?: number;
    /**
     * The room across the layers: each layer whose boxes fit in it side by
     * side stays within 0..room (a layer too full for it keeps its own
     * extent). Default: no limit.
     */
    readonly room?: number;
}

/** Centre y of every node; the topmost box starts at 0. In steps: one per pass. */
export function* placeSteps(input: PlaceInput): Steps<Float64Array> {
    const { graph, cols, height, gap, room } = input;
    const center = new Float64Array(graph.column.length);
    const extent = cols.map(col => col.reduce((sum, v) => sum + height[v]!, 0) + gap * Math.max(0, col.length - 1));
    const tallest = Math.max(0, ...extent);
    cols.forEach((col, c) => {
        let y = (tallest - extent[c]!) / 2;
        for (const v of col) {
            center[v] = y + height[v]! / 2;
            y += height[v]! + gap;
        }
    });
    const passes = input.passes ?? 4;
    for (let p = 0; p < passes; p++) {
        for (let k = 0; k < cols.length; k++) {
            const c = p % 2 === 0 ? k : cols.length - 1 - k;
            relaxColumn(graph, cols[c]!, c, center, height, gap, () => true, room);
        }
        yield;
    }
    // A last pass left to right towards upstream neighbours only: chains read straight from their objectives.
    for (let c = 1; c < cols.length; c++) relaxColumn(graph, cols[c]!, c, center, height, gap, u => graph.column[u]! < c, room);
    let top = Infinity;
    for (const col of cols) if (col.length > 0) top = Math.min(top, center[col[0]!]! - height[col[0]!]! / 2);
    if (Number.isFinite(top)) for (let v = 0; v < center.length; v++) center[v] = center[v]! - top;
    return center;
}

function relaxColumn(graph: OrderGraph, col: readonly number[], c: number, center: Float64Array, height: ArrayLike<number>, gap: number, accept: (u: number) => boolean, room?: number): void {
    const m = col.length;
    if (m === 0) return;
    const target = new Float64Array(m);
    const offset = new Float64Array(m);
    for (let i = 0; i < m; i++) {
        const v = col[i]!;
        if (i > 0) offset[i] = offset[i - 1]! + height[col[i - 1]!]! / 2 + gap + height[v]! / 2;
        let sum = 0;
        let count = 0;
        for (const u of pullOf(graph, v)) {
            if (graph.column[u] === c || !accept(u)) continue;
            sum += center[u]!;
            count++;
        }
        target[i] = (count > 0 ? sum / count : center[v]!) - offset[i]!;
    }
    const z = isotonic(target);
    // Within a room: the first box starts at 0 or later, the last ends by `room`. Clipping the fit
    // to these bounds is the least-squares fit under them (the bounds are the same for every z).
    const low = height[col[0]!]! / 2;
    const high = (room ?? Infinity) - offset[m - 1]! - height[col[m - 1]!]! / 2;
    const bounded = room !== undefined && low <= high;
    for (let i = 0; i < m; i++) center[col[i]!] = (bounded ? Math.min(high, Math.max(low, z[i]!)) : z[i]!) + offset[i]!;
}

/** The neighbours that pull a node into line: its chain neighbours, or for a node linked only by `kpi` shortcuts, those. */
function pullOf(graph: OrderGraph, v: number): readonly number[] {
    const pull = graph.pull?.[v];
    return pull && pull.length > 0 ? pull : graph.neighbors[v]!;
}

/** Least-squares non-decreasing fit of `values`, each with its weight (default 1): pool adjacent violators. */
export function isotonic(values: ArrayLike<number>, weights?: ArrayLike<number>): Float64Array {
    const n = values.length;
    const sum = new Float64Array(n);
    const weight = new Float64Array(n);
    const count = new Int32Array(n);
    let blocks = 0;
    for (let i = 0; i < n; i++) {
        const w = weights?.[i] ?? 1;
        sum[blocks] = values[i]! * w;
        weight[blocks] = w;
        count[blocks] = 1;
        blocks++;
        while (blocks > 1 && sum[blocks - 2]! / weight[blocks - 2]! > sum[blocks - 1]! / weight[blocks - 1]!) {
            sum[blocks - 2] = sum[blocks - 2]! + sum[blocks - 1]!;
            weight[blocks - 2] = weight[blocks - 2]! + weight[blocks - 1]!;
            count[blocks - 2] = count[blocks - 2]! + count[blocks - 1]!;
            blocks--;
        }
    }
    const out = new Float64Array(n);
    let i = 0;
    for (let b = 0; b < blocks; b++) {
        const mean = sum[b]! / weight[b]!;
        for (let k = 0; k < count[b]!; k++) out[i++] = mean;
    }
    return out;
}

export interface PlaceStableInput extends PlaceInput {
    /** Centre of each node in the previous layout, NaN for new nodes. */
    readonly previous: Float64Array;
}

/**
 * Placement that keeps positions between edits: nodes of the previous layout
 * stay where they were, new ones go to the mean centre of their placed
 * neighbours, and each column is then swept top-down pushing boxes apart
 * (never up), so an insertion moves only what sits below it in its column.
 */
export function placeStable(input: PlaceStableInput): Float64Array {
    const { graph, cols, height, gap, previous } = input;
    const target = Float64Array.from(previous);
    for (let round = 0; round < 2; round++) {
        for (let k = 0; k < cols.length; k++) {
            const c = round === 0 ? k : cols.length - 1 - k;
            for (const v of cols[c]!) {
                if (!Number.isNaN(previous[v]!)) continue;
                let sum = 0;
                let count = 0;
                for (const u of pullOf(graph, v)) {
                    if (graph.column[u] === c || Number.isNaN(target[u]!)) continue;
                    sum += target[u]!;
                    count++;
                }
                if (count > 0) target[v] = sum / count;
            }
        }
    }
    const center = new Float64Array(graph.column.length);
    for (const col of cols) {
        let bottom = -gap;
        for (const v of col) {
            const half = height[v]! / 2;
            const t = target[v]!;
            center[v] = Number.isNaN(t) ? bottom + gap + half : Math.max(t, bottom + gap + half);
            bottom = center[v]! + half;
        }
    }
    return center;
}
