import type { NodeFindings } from '../protocol.js';
import type { GraphNode, GraphRange } from './types.js';

/** A diagnostic as far as badges care: where it starts and how severe it is (LSP numbering: 1 error, 2 warning, 3+ info). */
export interface PlacedDiagnostic {
    uri: string;
    range: GraphRange;
    severity?: number;
}

/** Counts each diagnostic on the innermost node whose declaration contains its start. */
export function findingsByNode(nodes: readonly GraphNode[], diagnostics: readonly PlacedDiagnostic[]): Record<string, NodeFindings> {
    const byUri = new Map<string, GraphNode[]>();
    for (const node of nodes) byUri.set(node.uri, [...(byUri.get(node.uri) ?? []), node]);
    const result: Record<string, NodeFindings> = {};
    for (const d of diagnostics) {
        const candidates = (byUri.get(d.uri) ?? []).filter(n => contains(n.range, d.range.start));
        const innermost = candidates.sort((a, b) => size(a.range) - size(b.range))[0];
        if (!innermost) continue;
        const counts = result[innermost.id] ??= { errors: 0, warnings: 0, infos: 0 };
        if (d.severity === 1) counts.errors++;
        else if (d.severity === 2) counts.warnings++;
        else counts.infos++;
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
