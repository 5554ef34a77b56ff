/**
 * Graph changes as deltas, on the host's side: the preview diffs the graph it
 * is about to post with the one the webview holds and posts only what changed
 * (webview/graph-delta.ts applies it). Pure: no `vscode`.
 */
import type { GraphNode } from '../../language/graph/types.js';
import type { ImpactGraphResult } from '../../language/protocol.js';
import { edgeKey, type GraphDelta } from '../../webview/protocol.js';

/** The delta that turns `before` into `after`. */
export function diffResults(before: ImpactGraphResult, after: ImpactGraphResult): GraphDelta {
    const oldNodes = new Map(before.graph.nodes.map(n => [n.id, JSON.stringify(n)]));
    const newIds = new Set<string>();
    const set: GraphNode[] = [];
    for (const node of after.graph.nodes) {
        newIds.add(node.id);
        if (oldNodes.get(node.id) !== JSON.stringify(node)) set.push(node);
    }
    const oldEdges = new Map(before.graph.edges.map(e => [edgeKey(e), JSON.stringify(e)]));
    const newEdges = new Map(after.graph.edges.map(e => [edgeKey(e), e]));
    const added = [...newEdges].filter(([key, e]) => oldEdges.get(key) !== JSON.stringify(e)).map(([, e]) => e);
    const replaced = new Set(added.map(edgeKey));
    const removedEdges = [...oldEdges.keys()].filter(key => !newEdges.has(key) || replaced.has(key));
    const findings: GraphDelta['findings'] = { set: {}, removed: Object.keys(before.findings).filter(id => !(id in after.findings)) };
    for (const [id, f] of Object.entries(after.findings)) {
        const old = before.findings[id];
        if (!old || old.errors !== f.errors || old.warnings !== f.warnings || old.infos !== f.infos) findings.set[id] = f;
    }
    const focusableChanged = JSON.stringify(before.focusable) !== JSON.stringify(after.focusable);
    return {
        nodes: { set, removed: [...oldNodes.keys()].filter(id => !newIds.has(id)) },
        edges: { added, removed: removedEdges },
        findings,
        ...(focusableChanged ? { focusable: after.focusable } : {}),
        coverage: after.graph.coverage,
        version: after.version
    };
}

/** Deltas up to this many changes (or a quarter of the nodes) are sent as deltas; larger changes as the whole graph. */
const MIN_DELTA = 50;

/**
 * What to post after `before` (the graph the webview holds, if any): the
 * delta to `after`, or undefined when the whole graph is the better message
 * (nothing held, or a large change: more than a quarter of the nodes and
 * more than MIN_DELTA changes).
 */
export function deltaToPost(before: ImpactGraphResult | undefined, after: ImpactGraphResult): GraphDelta | undefined {
    if (!before) return undefined;
    const delta = diffResults(before, after);
    return deltaSize(delta) <= Math.max(MIN_DELTA, after.graph.nodes.length / 4) ? delta : undefined;
}

/** How many things a delta changes (nodes, edges, findings). */
export function deltaSize(delta: GraphDelta): number {
    return delta.nodes.set.length + delta.nodes.removed.length + delta.edges.added.length + delta.edges.removed.length
        + Object.keys(delta.findings.set).length + delta.findings.removed.length;
}
