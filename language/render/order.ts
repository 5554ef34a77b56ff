/**
 * Order within columns: barycenter sweeps to reduce edge crossings, and a
 * stable variant that keeps the previous order of existing nodes and only
 * inserts new ones. Nodes are integer indices; `column[v]` is the column of
 * node v, `neighbors[v]` its neighbours along edges (both directions).
 * Each sweep is O(N + E) plus the sort of each column.
 */
import { drain, type Steps } from './steps.js';
export interface OrderGraph {
    readonly column: ArrayLike<number>;
    readonly neighbors: ReadonlyArray<readonly number[]>;
    /** Neighbours that pull a node into line when placing (default: `neighbors`). */
    readonly pull?: ReadonlyArray<readonly number[]>;
    readonly columnCount: number;
}

/** Normalised rank of each node in its column, 0..1 (centre of its slot). */
function setRanks(rank: Float64Array, col: readonly number[]): void {
    const n = col.length;
    for (let i = 0; i < n; i++) rank[col[i]!] = (i + 0.5) / n;
}

/** Mean rank of the neighbours that `accept` allows, or undefined when there are none. */
function barycenter(graph: OrderGraph, rank: Float64Array, v: number, accept: (u: number) => boolean): number | undefined {
    let sum = 0;
    let count = 0;
    for (const u of graph.neighbors[v]!) {
        if (!accept(u)) continue;
        sum += rank[u]!;
        count++;
    }
    return count > 0 ? sum / count : undefined;
}

/**
 * Fresh order: starts from `initial` (node indices per column) and runs
 * `sweeps` alternating sweeps (left to right, then right to left), each
 * sorting a column by the barycenter of its neighbours in the columns
 * already swept. Nodes without such neighbours keep their rank.
 */
export function orderBySweeps(graph: OrderGraph, initial: readonly (readonly number[])[], sweeps = 4): number[][] {
    return drain(orderSweeps(graph, initial, sweeps));
}

/** `orderBySweeps` in steps: one per sweep. */
export function* orderSweeps(graph: OrderGraph, initial: readonly (readonly number[])[], sweeps = 4): Steps<number[][]> {
    const cols = initial.map(c => [...c]);
    const rank = new Float64Array(graph.column.length);
    cols.forEach(c => setRanks(rank, c));
    const key = new Float64Array(graph.column.length);
    for (let s = 0; s < sweeps; s++) {
        const forward = s % 2 === 0;
        for (let k = 0; k < cols.length; k++) {
            const c = forward ? k : cols.length - 1 - k;
            const col = cols[c]!;
            const side = forward ? (u: number) => graph.column[u]! < c : (u: number) => graph.column[u]! > c;
            for (const v of col) key[v] = barycenter(graph, rank, v, side) ?? rank[v]!;
            col.sort((a, b) => key[a]! - key[b]! || rank[a]! - rank[b]!);
            setRanks(rank, col);
        }
        if (s < sweeps - 1) yield;
    }
    return cols;
}

/**
 * Stable order: `existing` holds, per column, the nodes that were laid out
 * before, in their previous relative order, which is kept. `added` holds the
 * new nodes per column; each is inserted where the barycenter of its placed
 * neighbours (any other column) falls among the existing ranks. New nodes
 * with no placed neighbour go to the end of their column. Two rounds
 * (left to right, right to left) let new nodes see each other.
 */
export function orderStable(graph: OrderGraph, existing: readonly (readonly number[])[], added: readonly (readonly number[])[], rounds = 2): number[][] {
    const n = graph.column.length;
    const rank = new Float64Array(n);
    const placed = new Uint8Array(n);
    const cols = existing.map(c => [...c]);
    cols.forEach(c => { setRanks(rank, c); for (const v of c) placed[v] = 1; });
    const isNew = new Uint8Array(n);
    for (const c of added) for (const v of c) isNew[v] = 1;
    const key = new Float64Array(n);
    for (let r = 0; r < rounds; r++) {
        for (let k = 0; k < cols.length; k++) {
            const c = r % 2 === 0 ? k : cols.length - 1 - k;
            const fresh = added[c] ?? [];
            if (fresh.length === 0) continue;
            const kept = cols[c]!.filter(v => !isNew[v]);
            setRanks(rank, kept);
            for (const v of fresh) key[v] = barycenter(graph, rank, v, u => placed[u] === 1 && graph.column[u] !== c) ?? Infinity;
            const sorted = [...fresh].sort((a, b) => key[a]! - key[b]!);
            cols[c] = merge(kept, sorted, rank, key);
            setRanks(rank, cols[c]!);
            for (const v of fresh) placed[v] = 1;
        }
    }
    return cols;
}

/** Existing nodes in order, each new node before the first existing node ranked after its key. */
function merge(kept: readonly number[], fresh: readonly number[], rank: Float64Array, key: Float64Array): number[] {
    const out: number[] = [];
    let i = 0;
    for (const v of fresh) {
        while (i < kept.length && rank[kept[i]!]! <= key[v]!) out.push(kept[i++]!);
        out.push(v);
    }
    while (i < kept.length) out.push(kept[i++]!);
    return out;
}

/**
 * Edge crossings between nodes of adjacent columns, for tests and figures:
 * pairs of edges between the same two columns whose ends are in opposite
 * order. O(E^2) per column pair; meant for small graphs.
 */
export function countCrossings(graph: OrderGraph, cols: readonly (readonly number[])[]): number {
    const pos = new Float64Array(graph.column.length);
    for (const col of cols) col.forEach((v, i) => { pos[v] = i; });
    const byPair = new Map<string, Array<[number, number]>>();
    graph.neighbors.forEach((list, v) => {
        for (const u of list) {
            const a = graph.column[v]!;
            const b = graph.column[u]!;
            if (b - a !== 1) continue;
            const key = `${a}`;
            byPair.set(key, [...(byPair.get(key) ?? []), [pos[v]!, pos[u]!]]);
        }
    });
    let crossings = 0;
    for (const edges of byPair.values()) {
        for (let i = 0; i < edges.length; i++) {
            for (let j = i + 1; j < edges.length; j++) {
                const [a1, b1] = edges[i]!;
                const [a2, b2] = edges[j]!;
                if ((a1 - a2) * (b1 - b2) < 0) crossings++;
            }
        }
    }
    return crossings;
}
