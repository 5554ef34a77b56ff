/** Reading what the host sends: a graph result worth drawing, search matches, file names for the banner. */
import type { GraphNode, GraphRange, ImpactGraph } from '../language/graph/types.js';
import type { ImpactGraphResult } from '../language/protocol.js';

const isRange = (r: unknown): r is GraphRange =>
    typeof (r as GraphRange | null)?.start?.line === 'number' && typeof (r as GraphRange).end?.line === 'number';

/**
 * Enough of an ImpactGraphResult to draw: `isHostMessage` checks only the
 * envelope, this checks the parts the preview relies on.
 */
export function isDrawableResult(value: unknown): value is ImpactGraphResult {
    if (typeof value !== 'object' || value === null) return false;
    const result = value as ImpactGraphResult;
    const graph = result.graph as ImpactGraph | undefined;
    return typeof graph === 'object' && graph !== null && Array.isArray(graph.nodes) && Array.isArray(graph.edges)
        && Array.isArray(result.focusable) && typeof result.findings === 'object' && result.findings !== null
        && graph.nodes.every(n => typeof n?.id === 'string' && typeof n.kind === 'string' && typeof n.name === 'string'
            && typeof n.uri === 'string' && isRange(n.range) && (n.nameRange === undefined || isRange(n.nameRange)))
        && graph.edges.every(e => typeof e?.from === 'string' && typeof e.to === 'string' && typeof e.kind === 'string');
}

/** Search: the query (lower case) in the node's name or title. */
export function matchesQuery(node: GraphNode, query: string): boolean {
    return node.name.toLowerCase().includes(query) || (node.title?.toLowerCase().includes(query) ?? false);
}

/** The banner shown while the workspace has syntax errors. */
export function syntaxErrorsText(files: readonly string[], hasGraph: boolean): string {
    const names = files.map(f => decodeURIComponent(f.replace(/[?#].*$/, '').split('/').pop() ?? f)).join(', ') || 'the workspace';
    return hasGraph
        ? `Syntax errors in ${names}: showing the last valid graph until they are fixed.`
        : `Syntax errors in ${names}: the graph appears once they are fixed.`;
}
