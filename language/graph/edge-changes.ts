import type { Fragment } from './fragment.js';
import type { GraphEdge } from './types.js';

/** A fragment whose edges were made again: before (undefined when new) and after (undefined when its document is gone). */
export interface LinkedPair {
    readonly before: Fragment | undefined;
    readonly after: Fragment | undefined;
    readonly oldEdges: readonly GraphEdge[];
    readonly oldTargets: ReadonlyArray<string | undefined>;
    readonly oldIsolations: ReadonlyArray<string | undefined>;
}

/** What changed with the edges of fragments made again. */
export interface EdgeChanges {
    /** Ids at either end of an edge that was added or removed. */
    readonly touched: Set<string>;
    /** Edge objects made in this update (no earlier graph holds them: they may still be changed); 'all' after a full build. */
    readonly fresh: Set<GraphEdge> | 'all';
    /** Metrics whose actuals blocks changed (read again, or now for another metric). */
    readonly retargetedMetrics: Set<string>;
    /** True when a `drives` edge was added, removed or moved. */
    readonly drivesChanged: boolean;
    /** Edges no longer in the graph, or moved within their fragment (then in `added` too). */
    readonly removed: GraphEdge[];
    /** Edges new in the graph, or moved within their fragment. */
    readonly added: GraphEdge[];
    /** Fragments whose edges, actuals targets or `isolate` targets are not the same as before. */
    readonly changed: Set<Fragment>;
    /** Fragments linked again whose `isolate` statements now name other metrics: their programs' ROI is computed again. */
    readonly reisolated: Set<Fragment>;
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
    const fresh = new Set<GraphEdge>();
    const changes: Changes = {
        touched: new Set(), fresh: full ? 'all' : fresh, retargetedMetrics: new Set(), drivesChanged: full, removed: [], added: [], changed: new Set(), reisolated: new Set()
    };
    for (const pair of pairs) {
        const { after, oldEdges } = pair;
        if (full) {
            // Built anew: every edge is new (`fresh` is 'all'), nothing to compare.
        } else if (after && samePlaces(oldEdges, after.edges)) {
            // The same edges in the same order (a document linked again to the same targets): keep the old objects.
            after.edges = oldEdges as GraphEdge[];
        } else {
            compareEdges(pair, fresh, changes);
            if (after) changes.changed.add(after);
        }
        if (compareTargets(pair, changes.retargetedMetrics) && after) changes.changed.add(after);
        if (!full && after && !sameList(pair.oldIsolations, after.isolationTargets)) {
            changes.changed.add(after);
            changes.reisolated.add(after);
        }
    }
    return changes;
}

type Changes = { -readonly [K in keyof EdgeChanges]: EdgeChanges[K] };

/** Not in a full build: there every edge is new. */
function compareEdges({ after, oldEdges }: LinkedPair, fresh: Set<GraphEdge>, changes: Changes): void {
    const touch = (edge: GraphEdge) => {
        changes.touched.add(edge.from);
        changes.touched.add(edge.to);
        if (edge.kind === 'drives') changes.drivesChanged = true;
    };
    const old = new Map(oldEdges.map(e => [key(e), e]));
    const kept: GraphEdge[] = [];
    if (after) {
        after.edges = after.edges.map(edge => {
            const k = key(edge);
            const same = old.get(k);
            old.delete(k);
            if (same) {
                kept.push(same);
                return same;
            }
            fresh.add(edge);
            changes.added.push(edge);
            touch(edge);
            return edge;
        });
    }
    for (const edge of old.values()) {
        changes.removed.push(edge);
        touch(edge);
    }
    for (const edge of movedAmong(oldEdges, kept)) {
        changes.removed.push(edge);
        changes.added.push(edge);
        touch(edge);
    }
}

/** Metrics whose actuals blocks changed: all of a fragment made again, those now for another metric otherwise. */
function compareTargets({ before, after, oldTargets }: LinkedPair, into: Set<string>): boolean {
    const newTargets = after?.actualsTargets ?? [];
    const rebuilt = before !== after;
    let changed = false;
    for (let i = 0; i < Math.max(oldTargets.length, newTargets.length); i++) {
        if (!rebuilt && oldTargets[i] === newTargets[i]) continue;
        changed = true;
        if (oldTargets[i]) into.add(oldTargets[i]!);
        if (newTargets[i]) into.add(newTargets[i]!);
    }
    return changed;
}

function sameList(a: ReadonlyArray<string | undefined>, b: ReadonlyArray<string | undefined>): boolean {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** True when two edge lists have the same edges (kind and ends) at the same places. */
function samePlaces(a: readonly GraphEdge[], b: readonly GraphEdge[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
        const [x, y] = [a[i]!, b[i]!];
        if (x.kind !== y.kind || x.from !== y.from || x.to !== y.to) return false;
    }
    return true;
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
