import type { NodeFindings } from '../protocol.js';
import { FindingsPlacer, type Place } from './findings-placer.js';
import type { GraphNode, GraphRange } from './types.js';

export { FindingsPlacer, type Place };

/** A diagnostic as far as badges care: where it starts and how severe it is (LSP numbering: 1 error, 2 warning, 3+ info). */
export interface PlacedDiagnostic {
    uri: string;
    range: GraphRange;
    severity?: number;
}

/**
 * Puts each item on the innermost place whose text contains the item's start
 * (the smallest range; the earliest place on a tie); items in no place are
 * left out. Lists and the map's keys are in the items' order. To place the
 * same items on several sets of places, make one `FindingsPlacer`.
 */
export function placeOnInnermost<T extends { uri?: string; range?: GraphRange }>(places: readonly Place[], items: readonly T[]): Map<string, T[]> {
    return new FindingsPlacer(items).place(places);
}

/** Counts each diagnostic on the innermost node whose declaration contains its start. */
export function findingsByNode(nodes: readonly GraphNode[], diagnostics: readonly PlacedDiagnostic[] | FindingsPlacer<PlacedDiagnostic>): Record<string, NodeFindings> {
    const placer = diagnostics instanceof FindingsPlacer ? diagnostics : new FindingsPlacer(diagnostics);
    const result: Record<string, NodeFindings> = {};
    for (const [id, placed] of placer.place(nodes)) {
        result[id] = {
            errors: placed.filter(d => d.severity === 1).length,
            warnings: placed.filter(d => d.severity === 2).length,
            infos: placed.filter(d => d.severity !== 1 && d.severity !== 2).length
        };
    }
    return result;
}
