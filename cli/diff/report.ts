/**
 * What every `align diff` format prints: the comparison, the two sides
 * (label, commit, files), and the picture of the changed neighbourhood.
 */
import type { ChainDiff, ChangeGraph } from '../../language/diff/index.js';
import type { Inline } from '../report/blocks.js';

/** One side as the output names it. */
export interface SideInfo {
    /** As given: `main`, `HEAD~1`, `old/`; `working tree` for the files on disk. */
    label: string;
    /** The full commit SHA, for a revision. */
    commit?: string;
    /** How many `.align` files were read. */
    files: number;
}

/** The input of the formats. */
export interface DiffReport {
    diff: ChainDiff;
    base: SideInfo;
    head: SideInfo;
    /** For git, when not the whole repository is compared: the paths that are, relative to its top. */
    scope?: readonly string[];
    change: ChangeGraph;
}

/**
 * `` `main` (1a2b3c4) → working tree ``: the compared sides, the labels as
 * code, and `` in `catalog` `` when only some paths of the repository are
 * compared (paths after `--`, or a run from a subfolder). Spans, not text
 * with backticks: a label may hold a backtick (a folder, a branch `a`b`).
 */
export function sidesLine(report: DiffReport): Inline {
    const side = (s: SideInfo): Inline => s.commit ? [{ code: s.label }, ' (', { commit: s.commit.slice(0, 7) }, ')'] : s.label === 'working tree' ? [s.label] : [{ code: s.label }];
    const scope: Inline = report.scope ? [', in ', ...report.scope.flatMap((p, i): Inline => [...(i > 0 ? [', '] : []), { code: p }])] : [];
    return [...side(report.base), ' → ', ...side(report.head), ...scope];
}

/** Short notes for the picture: `renamed from Old`, and the fields that changed. */
export function changeNotes(diff: ChainDiff): Map<string, string> {
    const notes = new Map<string, string>();
    for (const r of diff.nodes.renamed) notes.set(r.to.id, `from ${r.from.id}`);
    for (const c of diff.nodes.changed) notes.set(c.node.id, c.changes.map(f => f.field).join(', '));
    for (const n of [...diff.kpiLinks.lost, ...diff.kpiLinks.addedWithout]) notes.set(n.id, [notes.get(n.id), 'no KPI link'].filter(Boolean).join(', '));
    return notes;
}
