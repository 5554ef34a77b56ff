import type { Fragment } from './fragment.js';
import type { GraphEdge } from './types.js';

/** A fragment whose edges were made again: before (undefined when new) and after (undefined when its document is gone). */
export interface LinkedPair {
    readonly before: Fragment | undefined;
    readonly after: Fragment | undefined;
    readonly oldEdges: readonly GraphEdge[];
    readonly oldTargets: ReadonlyArray<string | undefined>;
}

/** What changed with the edges of fragments made again. */
export interface EdgeChanges {
    /** Ids at either end of an edge that was added or removed. */
    readonly touched: Set<string>;
    /** Edge objects made in this update (no earlier graph holds them: they may still be changed). */
    readonly fresh: Set<GraphEdge>;
    /** Metrics whose actuals blocks changed (read again, or now for another metric). */
    readonly retargetedMetrics: Set<string>;
    /** True when a `drives` edge was added, removed or moved. */
    readonly drivesChanged: boolean;
    /** Edges no longer in the graph, or moved within their fragment (then in `added` too). */
    readonly removed: GraphEdge[];
    /** Edges new in the graph, or moved within their fragment. */
    readonly added: GraphEdge[];
}

/**
 * Compares the edges of each fragment made again with its edges before. An
 * edge that was there before keeps its old object, so that unchanged edges
 * are the same objects in the next graph. An edge that kept its place among
 * the kept edges changes nothing; one that moved (declarations swapped)
 * counts as removed and added, since the order of edges orders what the
 * graph derives. With `full`, every edge is new.
 */
export function edgeChanges(pairs: readonly LinkedPair[], full: boolean): EdgeChanges {
    const touched = new Set<string>();
    const fresh = new Set<GraphEdge>();
    const retargetedMetrics = new Set<string>();
    const removed: GraphEdge[] = [];
    const added: GraphEdge[] = [];
    let drivesChanged = full;
    const touch = (edge: GraphEdge) => {
        touched.add(edge.from);
        touched.add(edge.to);
        if (edge.kind === 'drives') drivesChanged = true;
    };
    for (const { before, after, oldEdges, oldTargets } of pairs) {
        const old = new Map(oldEdges.map(e => [key(e), e]));
        const kept: GraphEdge[] = [];
        if (after) {
            after.edges = after.edges.map(edge => {
                const k = key(edge);
                const same = full ? undefined : old.get(k);
                old.delete(k);
                if (same) {
                    kept.push(same);
                    return same;
                }
                fresh.add(edge);
                added.push(edge);
                if (!full) touch(edge);
                return edge;
            });
        }
        for (const edge of old.values()) {
            removed.push(edge);
            if (!full) touch(edge);
        }
        if (!full) for (const edge of movedAmong(oldEdges, kept)) {
            removed.push(edge);
            added.push(edge);
            touch(edge);
        }
        const newTargets = after?.actualsTargets ?? [];
        const rebuilt = before !== after;
        for (let i = 0; i < Math.max(oldTargets.length, newTargets.length); i++) {
            if (!rebuilt && oldTargets[i] === newTargets[i]) continue;
            if (oldTargets[i]) retargetedMetrics.add(oldTargets[i]!);
            if (newTargets[i]) retargetedMetrics.add(newTargets[i]!);
        }
    }
    return { touched, fresh, retargetedMetrics, drivesChanged, removed, added };
}

/** The kept edges whose place among the kept edges differs from before. */
function movedAmong(oldEdges: readonly GraphEdge[], kept: readonly GraphEdge[]): GraphEdge[] {
    const keptSet = new Set(kept);
    const oldOrder = oldEdges.filter(e => keptSet.has(e));
    const moved: GraphEdge[] = [];
    for (let i = 0; i < kept.length; i++) {
        if (kept[i] !== oldOrder[i]) moved.push(kept[i]!);
    }
    return moved;
}

function key(edge: GraphEdge): string {
    return `${edge.kind}\u0000${edge.from}\u0000${edge.to}`;
}
