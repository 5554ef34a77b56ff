/**
 * The changed neighbourhood of a diff, for drawing: the elements that were
 * added, removed, renamed or changed (removed ones taken from the base),
 * the neighbours that give them context, and the links between them with
 * their status. The Markdown diff draws it in Mermaid; the preview marks
 * its nodes the same way.
 */
import type { GraphEdge, GraphNode, ImpactGraph } from '../graph/types.js';
import type { ChainDiff } from './types.js';

/** How an element of the picture relates to the change. */
export type NodeStatus = 'added' | 'removed' | 'renamed' | 'changed' | 'context';
/** How a link of the picture relates to the change. */
export type LinkStatus = 'added' | 'removed' | 'context';

export interface ChangeNode {
    node: GraphNode;
    status: NodeStatus;
}

export interface ChangeEdge {
    edge: GraphEdge;
    status: LinkStatus;
}

/** The picture: changed elements first (added, removed, renamed, changed), then context, each group by id. */
export interface ChangeGraph {
    nodes: ChangeNode[];
    edges: ChangeEdge[];
}

const ORDER: Record<NodeStatus, number> = { added: 0, removed: 1, renamed: 2, changed: 3, context: 4 };

/**
 * The changed neighbourhood: changed elements (an objective whose KPI link
 * changed counts as changed), the endpoints of added and removed links,
 * and their direct neighbours in the head as context.
 */
export function changeGraph(base: ImpactGraph, head: ImpactGraph, diff: ChainDiff): ChangeGraph {
    const headById = new Map(head.nodes.map(n => [n.id, n]));
    const baseById = new Map(base.nodes.map(n => [n.id, n]));
    const status = new Map<string, NodeStatus>();
    const mark = (id: string, s: NodeStatus) => {
        const current = status.get(id);
        if (current === undefined || ORDER[s] < ORDER[current]) status.set(id, s);
    };
    diff.nodes.added.forEach(n => mark(n.id, 'added'));
    diff.nodes.removed.forEach(n => mark(n.id, 'removed'));
    diff.nodes.renamed.forEach(r => mark(r.to.id, 'renamed'));
    diff.nodes.changed.forEach(c => mark(c.node.id, 'changed'));
    [...diff.kpiLinks.lost, ...diff.kpiLinks.gained].forEach(n => mark(n.id, 'changed'));
    for (const link of [...diff.links.added, ...diff.links.removed]) {
        for (const id of [link.from, link.to]) if (headById.has(id)) mark(id, 'context');
    }
    const changed = new Set([...status.keys()].filter(id => status.get(id) !== 'context' && headById.has(id)));
    for (const edge of head.edges) {
        if (changed.has(edge.from) && headById.has(edge.to)) mark(edge.to, 'context');
        if (changed.has(edge.to) && headById.has(edge.from)) mark(edge.from, 'context');
    }
    const nodes = [...status.entries()]
        .map(([id, s]) => ({ node: (s === 'removed' ? baseById.get(id) : headById.get(id))!, status: s }))
        .filter(n => n.node !== undefined)
        .sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0));
    const drawn = new Set(nodes.map(n => n.node.id));
    const added = new Set(diff.links.added.map(linkKey));
    const edges: ChangeEdge[] = head.edges
        .filter(e => drawn.has(e.from) && drawn.has(e.to))
        .map(edge => ({ edge, status: added.has(linkKey(edge)) ? 'added' : 'context' }));
    for (const link of diff.links.removed) {
        if (drawn.has(link.from) && drawn.has(link.to)) edges.push({ edge: { kind: link.kind, from: link.from, to: link.to }, status: 'removed' });
    }
    return { nodes, edges };
}

function linkKey(link: { kind: string; from: string; to: string }): string {
    return `${link.kind}\u0000${link.from}\u0000${link.to}`;
}
