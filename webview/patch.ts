/**
 * The quick path for an edit that changes only what some boxes say (a
 * title, a figure, findings): the layout stays, those boxes get their new
 * lines, and only they are drawn again. It applies when no node or edge
 * came or went, no box changes layer or height, and no program or toolkit
 * changed (their chains and names shape the scope and other boxes).
 */
import type { GraphNode } from '../language/graph/types.js';
import type { ImpactGraphResult } from '../language/protocol.js';
import { columnOf, nodeText, type GraphLayout, type LaidOutNode, type MeasureText } from '../language/render/index.js';
import type { GraphDelta } from './protocol.js';

export interface Patched {
    readonly layout: GraphLayout;
    /** Boxes to draw again: new lines or new findings. */
    readonly items: readonly LaidOutNode[];
}

/**
 * `layout` with the delta's node changes in place, or undefined when the
 * delta needs a new layout. `previous`: the graph the delta applies to.
 */
export function patchLayout(layout: GraphLayout, delta: GraphDelta, measure: MeasureText, previous: ImpactGraphResult): Patched | undefined {
    if (delta.nodes.set.some(n => n.kind === 'program' || n.kind === 'toolkit')) return undefined;
    const byId = new Map<string, GraphNode>(previous.graph.nodes.map(n => [n.id, n]));
    const before = (id: string): GraphNode | undefined => byId.get(id);
    // A node that changes layer (a metric's kind) may also come into view or leave it (hidden learning metrics).
    if (delta.nodes.set.some(n => { const old = before(n.id); return !old || columnOf(old) !== columnOf(n); })) return undefined;
    const index = new Map(layout.nodes.map((n, i) => [n.id, i]));
    const nodes = [...layout.nodes];
    const items = new Map<string, LaidOutNode>();
    for (const node of delta.nodes.set) {
        const i = index.get(node.id);
        if (i === undefined) continue;
        const old = nodes[i]!;
        const text = nodeText(node, old.toolkits, old.width, measure);
        if (text.height !== old.height) return undefined;
        nodes[i] = { ...old, node, text };
        items.set(node.id, nodes[i]!);
    }
    for (const id of [...Object.keys(delta.findings.set), ...delta.findings.removed]) {
        const i = index.get(id);
        if (i !== undefined && !items.has(id)) items.set(id, nodes[i]!);
    }
    return { layout: { ...layout, nodes }, items: [...items.values()] };
}
