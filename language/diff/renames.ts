/**
 * Renamed elements: an element that disappears from the base and one that
 * appears in the head with the same kind, the same title and the same links
 * (neighbours compared through the renames found so far) are one element
 * under a new name. Only one-to-one matches count; an element with neither
 * a title nor a link is never taken for a rename. An element declared in a
 * program pairs only when its program is on both sides (the same or
 * renamed) on each end: the children of an added or removed program are
 * added or removed with it, however alike they are.
 */
import type { GraphNode, ImpactGraph } from '../graph/types.js';

/** Base id -> head id for every element on both sides: the same id, or its new name. */
export function matchNodes(base: ImpactGraph, head: ImpactGraph): Map<string, string> {
    const headIds = new Set(head.nodes.map(n => n.id));
    const mapping = new Map<string, string>();
    for (const node of base.nodes) if (headIds.has(node.id)) mapping.set(node.id, node.id);
    const taken = new Set(mapping.values());
    const baseNeighbours = neighbours(base);
    const headNeighbours = neighbours(head);
    const kindOf = new Map([...base.nodes, ...head.nodes].map(n => [n.id, n.kind]));
    for (let found = true; found;) {
        found = false;
        const removed = base.nodes.filter(n => !mapping.has(n.id));
        const added = head.nodes.filter(n => !taken.has(n.id));
        const baseKey = (id: string) => mapping.get(id) ?? `?${kindOf.get(id)}`;
        const headKey = (id: string) => taken.has(id) ? id : `?${kindOf.get(id)}`;
        const removedBySig = groupBy(removed, n => signature(n, baseNeighbours, baseKey));
        const addedBySig = groupBy(added, n => signature(n, headNeighbours, headKey));
        for (const [sig, removedNodes] of removedBySig) {
            const candidates = addedBySig.get(sig) ?? [];
            if (removedNodes.length !== 1 || candidates.length !== 1) continue;
            const [from, to] = [removedNodes[0]!, candidates[0]!];
            if (!onBothSides(from.program, mapping) || !onBothSides(to.program, taken)) continue;
            mapping.set(from.id, to.id);
            taken.add(to.id);
            found = true;
        }
    }
    return mapping;
}

/** True for an element outside every program, or one whose program is matched so far (`matched`: base ids mapped, or head ids taken). */
function onBothSides(program: string | undefined, matched: { has(id: string): boolean }): boolean {
    return program === undefined || matched.has(program);
}

type Neighbours = Map<string, string[]>;

/** For each node id: `>kind other` for its outgoing edges, `<kind other` for its incoming ones. */
function neighbours(graph: ImpactGraph): Neighbours {
    const result: Neighbours = new Map();
    const push = (id: string, entry: string) => {
        const list = result.get(id);
        if (list) list.push(entry);
        else result.set(id, [entry]);
    };
    for (const edge of graph.edges) {
        push(edge.from, `>${edge.kind}\u0000${edge.to}`);
        push(edge.to, `<${edge.kind}\u0000${edge.from}`);
    }
    return result;
}

/** Kind, title and links with neighbours named by `key`; undefined for an element with neither title nor link. */
function signature(node: GraphNode, all: Neighbours, key: (id: string) => string): string | undefined {
    const links = (all.get(node.id) ?? []).map(entry => {
        const [head, other] = entry.split('\u0000') as [string, string];
        return `${head} ${key(other)}`;
    }).sort();
    if (links.length === 0 && node.title === undefined) return undefined;
    return JSON.stringify([node.kind, node.title ?? null, links]);
}

/** Nodes by signature; nodes without one are left out. */
function groupBy(nodes: readonly GraphNode[], sig: (n: GraphNode) => string | undefined): Map<string, GraphNode[]> {
    const groups = new Map<string, GraphNode[]>();
    for (const node of nodes) {
        const key = sig(node);
        if (key === undefined) continue;
        const list = groups.get(key);
        if (list) list.push(node);
        else groups.set(key, [node]);
    }
    return groups;
}
