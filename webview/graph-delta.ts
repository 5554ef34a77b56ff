/**
 * Graph deltas in the webview: applying the delta the host made
 * (client/preview/graph-diff.ts) to the graph the preview holds, and telling
 * whether it changes only what boxes say. The GraphDelta type is in protocol.ts.
 */
import type { ImpactGraphResult } from '../language/protocol.js';
import { edgeKey, type GraphDelta } from './protocol.js';

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
    return { graph: { nodes, edges, coverage: delta.coverage }, findings, focusable: delta.focusable ?? result.focusable, version: delta.version, syntaxErrors: result.syntaxErrors };
}
