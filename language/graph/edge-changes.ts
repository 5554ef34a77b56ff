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
    /** True when a `drives` edge was added or removed. */
    readonly drivesChanged: boolean;
}

/**
 * Compares the edges of each fragment made again with its edges before. An
 * edge that was there before keeps its old object, so that unchanged edges
 * are the same objects in the next graph. With `full`, every edge is new.
 */
export function edgeChanges(pairs: readonly LinkedPair[], full: boolean): EdgeChanges {
    const touched = new Set<string>();
    const fresh = new Set<GraphEdge>();
    const retargetedMetrics = new Set<string>();
    let drivesChanged = full;
    const touch = (edge: GraphEdge) => {
        touched.add(edge.from);
        touched.add(edge.to);
        if (edge.kind === 'drives') drivesChanged = true;
    };
    for (const { before, after, oldEdges, oldTargets } of pairs) {
        const old = new Map(oldEdges.map(e => [key(e), e]));
        if (after) {
            after.edges = after.edges.map(edge => {
                const k = key(edge);
                const kept = full ? undefined : old.get(k);
                old.delete(k);
                if (kept) return kept;
                fresh.add(edge);
                if (!full) touch(edge);
                return edge;
            });
        }
        if (!full) for (const edge of old.values()) touch(edge);
        const newTargets = after?.actualsTargets ?? [];
        const rebuilt = before !== after;
        for (let i = 0; i < Math.max(oldTargets.length, newTargets.length); i++) {
            if (!rebuilt && oldTargets[i] === newTargets[i]) continue;
            if (oldTargets[i]) retargetedMetrics.add(oldTargets[i]!);
            if (newTargets[i]) retargetedMetrics.add(newTargets[i]!);
        }
    }
    return { touched, fresh, retargetedMetrics, drivesChanged };
}

function key(edge: GraphEdge): string {
    return `${edge.kind}\u0000${edge.from}\u0000${edge.to}`;
}
