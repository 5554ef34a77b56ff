/**
 * A comparison as the preview draws it: each element that was added,
 * renamed or changed marked by its head id, the removed elements (as the
 * base declared them) to draw as ghosts, and the links that were added or
 * removed. Marked as the Markdown diff marks them (cli/diff/mermaid-diff.ts):
 * an objective whose KPI link changed counts as changed.
 */
import type { GraphNode, ImpactGraph } from '../graph/types.js';
import type { ChainDiff, FieldChange, LinkRef } from './types.js';

/** How an element relates to the base. */
export type MarkStatus = 'added' | 'removed' | 'renamed' | 'changed';
export const MARK_STATUSES: readonly MarkStatus[] = ['added', 'removed', 'renamed', 'changed'];

/** The mark of one element. */
export interface NodeMark {
    status: MarkStatus;
    /** For a renamed element: its id in the base. */
    from?: string;
    /** For a changed or renamed element: the fields that differ. */
    changes?: FieldChange[];
}

/** What the preview needs to show the chain compared with a base (`align/compareGraph`). */
export interface ChainComparison {
    /** What the base is, e.g. `HEAD (3f2a9c1)`. */
    base: string;
    /** Marks by node id: head ids, and base ids for removed elements. */
    marks: Record<string, NodeMark>;
    /** Removed elements as the base declared them, and removed links (head ids, or removed base ids). */
    removed: { nodes: GraphNode[]; edges: LinkRef[] };
    /** Links of the head that the base did not have. */
    addedLinks: LinkRef[];
    /** Elements per status. */
    counts: Record<MarkStatus, number>;
}

/** The marks of a diff of `base` against a head graph. */
export function chainMarks(base: ImpactGraph, diff: ChainDiff, label: string): ChainComparison {
    const marks: Record<string, NodeMark> = {};
    for (const n of diff.nodes.added) marks[n.id] = { status: 'added' };
    for (const n of diff.nodes.removed) marks[n.id] = { status: 'removed' };
    for (const r of diff.nodes.renamed) marks[r.to.id] = { status: 'renamed', from: r.from.id, ...(r.changes.length > 0 ? { changes: r.changes } : {}) };
    for (const c of diff.nodes.changed) marks[c.node.id] = { status: 'changed', changes: c.changes };
    for (const [refs, before, after] of [[diff.kpiLinks.lost, 'linked', 'none'], [diff.kpiLinks.gained, 'none', 'linked']] as const) {
        for (const n of refs) {
            const mark = marks[n.id] ?? { status: 'changed', changes: [] };
            if (mark.status === 'changed') mark.changes = [...(mark.changes ?? []), { field: 'KPI link', before, after }];
            marks[n.id] = mark;
        }
    }
    const removedIds = new Set(diff.nodes.removed.map(n => n.id));
    const baseById = new Map(base.nodes.map(n => [n.id, n]));
    const counts = { added: 0, removed: 0, renamed: 0, changed: 0 };
    for (const mark of Object.values(marks)) counts[mark.status]++;
    return {
        base: label,
        marks,
        removed: {
            nodes: [...removedIds].map(id => baseById.get(id)).filter((n): n is GraphNode => n !== undefined),
            // Every end is drawn: a base id is either removed (a ghost) or mapped to its head id.
            edges: diff.links.removed
        },
        addedLinks: diff.links.added,
        counts
    };
}
