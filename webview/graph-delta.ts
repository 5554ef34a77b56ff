/**
 * Graph changes as deltas: the host diffs the graph it is about to post with
 * the one it posted last and sends only what changed; the webview applies
 * the delta to its copy (the GraphDelta type is in protocol.ts). Pure (no DOM,
 * no `vscode`): imported by both sides.
 */
import type { GraphEdge, GraphNode } from '../language/graph/types.js';
import type { ImpactGraphResult } from '../language/protocol.js';
import type { GraphDelta } from './protocol.js';

/** The key of an edge: one edge per kind between two nodes. */
export const edgeKey = (e: GraphEdge): string => `${e.kind}|${e.from}|${e.to}`;

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

/** How many things a delta changes (nodes, edges, findings). */
export function deltaSize(delta: GraphDelta): number {
    return delta.nodes.set.length + delta.nodes.removed.length + delta.edges.added.length + delta.edges.removed.length
        + Object.keys(delta.findings.set).length + delta.findings.removed.length;
}

/** True when a delta only changes what existing nodes say (no node or edge added or removed). */
export function changesContentOnly(delta: GraphDelta, before: ImpactGraphResult): boolean {
    if (delta.nodes.removed.length > 0 || delta.edges.added.length > 0 || delta.edges.removed.length > 0 || delta.focusable) return false;
    const ids = new Set(before.graph.nodes.map(n => n.id));
    return delta.nodes.set.every(n => ids.has(n.id));
}

/**
 * `result` with `delta` applied, as a new result: node and edge order kept
 * (new nodes and edges at the end), unchanged node objects shared.
 */
export function applyDelta(result: ImpactGraphResult, delta: GraphDelta): ImpactGraphResult {
    const changed = new Map(delta.nodes.set.map(n => [n.id, n]));
    const removed = new Set(delta.nodes.removed);
    const nodes = result.graph.nodes.filter(n => !removed.has(n.id)).map(n => changed.get(n.id) ?? n);
    const present = new Set(nodes.map(n => n.id));
    nodes.push(...delta.nodes.set.filter(n => !present.has(n.id)));
    const gone = new Set(delta.edges.removed);
    const edges = [...result.graph.edges.filter(e => !gone.has(edgeKey(e))), ...delta.edges.added];
    const findings = { ...result.findings, ...delta.findings.set };
    for (const id of delta.findings.removed) delete findings[id];
    return { graph: { nodes, edges, coverage: delta.coverage }, findings, focusable: delta.focusable ?? result.focusable, version: delta.version };
}
