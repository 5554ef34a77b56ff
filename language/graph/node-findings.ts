import type { NodeFindings } from '../protocol.js';
import type { GraphNode, GraphRange } from './types.js';

/** A diagnostic as far as badges care: where it starts and how severe it is (LSP numbering: 1 error, 2 warning, 3+ info). */
export interface PlacedDiagnostic {
    uri: string;
    range: GraphRange;
    severity?: number;
}

/** Something with an id whose text spans a range of a document: a node, or an actuals block standing for its metric. */
export interface Place {
    id: string;
    uri: string;
    range: GraphRange;
}

/** Puts each item on the innermost place whose text contains the item's start; items in no place are left out. */
export function placeOnInnermost<T extends { uri?: string; range?: GraphRange }>(places: readonly Place[], items: readonly T[]): Map<string, T[]> {
    const byUri = new Map<string, Place[]>();
    for (const place of places) {
        const list = byUri.get(place.uri);
        if (list) list.push(place);
        else byUri.set(place.uri, [place]);
    }
    const placed = new Map<string, T[]>();
    for (const item of items) {
        if (!item.uri || !item.range) continue;
        let innermost: Place | undefined;
        for (const place of byUri.get(item.uri) ?? []) {
            if (contains(place.range, item.range.start) && (!innermost || size(place.range) < size(innermost.range))) innermost = place;
        }
        if (!innermost) continue;
        const list = placed.get(innermost.id);
        if (list) list.push(item);
        else placed.set(innermost.id, [item]);
    }
    return placed;
}

/** Counts each diagnostic on the innermost node whose declaration contains its start. */
export function findingsByNode(nodes: readonly GraphNode[], diagnostics: readonly PlacedDiagnostic[]): Record<string, NodeFindings> {
    const result: Record<string, NodeFindings> = {};
    for (const [id, placed] of placeOnInnermost(nodes, diagnostics)) {
        result[id] = {
            errors: placed.filter(d => d.severity === 1).length,
            warnings: placed.filter(d => d.severity === 2).length,
            infos: placed.filter(d => d.severity !== 1 && d.severity !== 2).length
        };
    }
    return result;
}

function contains(range: GraphRange, p: { line: number; character: number }): boolean {
    const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
    const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
    return afterStart && beforeEnd;
}

function size(range: GraphRange): number {
    return (range.end.line - range.start.line) * 1e6 + (range.end.character - range.start.character);
}
