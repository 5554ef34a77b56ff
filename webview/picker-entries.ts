/**
 * The entries of the scope picker: one per program and outcome, labelled
 * with its kind and title. Titles need not be unique (an outcome of a
 * program and one of the workspace may share one): entries whose labels
 * would be the same get a description, as VS Code's quick pick has, with
 * the qualified name and the file, so that no two entries read alike.
 */
import type { ImpactGraph } from '../language/graph/types.js';
import type { ImpactGraphResult } from '../language/protocol.js';
import { fileName } from './result.js';

export interface PickerEntry {
    id: string;
    /** `Outcome: New hires productive sooner`. */
    label: string;
    /** Only for labels that are not unique: `SalesOnboarding.FasterRamp, onboarding.align`. */
    description?: string;
}

export function pickerEntries(focusable: ImpactGraphResult['focusable'], graph: ImpactGraph): PickerEntry[] {
    const sorted = [...focusable].sort((a, b) => a.kind.localeCompare(b.kind) || (a.title ?? a.id).localeCompare(b.title ?? b.id) || a.id.localeCompare(b.id));
    const labelOf = (f: ImpactGraphResult['focusable'][number]): string => `${f.kind === 'program' ? 'Program' : 'Outcome'}: ${f.title ?? f.id}`;
    const uses = new Map<string, number>();
    for (const f of sorted) uses.set(labelOf(f), (uses.get(labelOf(f)) ?? 0) + 1);
    const wanted = new Set(sorted.filter(f => uses.get(labelOf(f))! > 1).map(f => f.id));
    const nodes = new Map(graph.nodes.filter(n => wanted.has(n.id)).map(n => [n.id, n]));
    return sorted.map(f => {
        const label = labelOf(f);
        if (!wanted.has(f.id)) return { id: f.id, label };
        const node = nodes.get(f.id);
        const file = node ? fileName(node.uri) : undefined;
        return { id: f.id, label, description: [node?.qualifiedName ?? f.id, file].filter(Boolean).join(', ') };
    });
}
