/** Reading what the host sends: a graph result worth drawing, search matches, file names for the banner. */
import type { GraphNode, GraphRange, ImpactGraph } from '../language/graph/types.js';
import { shortened } from '../language/present/index.js';
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

/** The last segment of a URI or path, decoded: `sales onboarding.align`. */
export function fileName(uri: string): string {
    const last = uri.replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? uri;
    try {
        return decodeURIComponent(last);
    } catch {
        return last;
    }
}

/** The files the syntax-error banner names at most. */
const MAX_NAMED_FILES = 3;

/**
 * The banner shown while the workspace has syntax errors, saying what the
 * drawing is: `2 syntax errors in safety.align: showing the last valid graph
 * until they are fixed.`
 */
export function syntaxErrorsText(message: { files: readonly string[]; errors: number; shows: 'last-valid' | 'partial' }): string {
    // A few names, then a count: the banner stays a line or two above the drawing (the Problems panel lists them all).
    const shown = message.files.length > MAX_NAMED_FILES ? MAX_NAMED_FILES - 1 : message.files.length;
    const more = message.files.length - shown;
    const names = [...message.files.slice(0, shown).map(fileName), ...(more > 0 ? [`${more} more files`] : [])].join(', ') || 'the workspace';
    const count = Math.max(1, message.errors);
    const errors = `${count} syntax error${count === 1 ? '' : 's'} in ${names}`;
    return message.shows === 'last-valid'
        ? `${errors}: showing the last valid graph until ${count === 1 ? 'it is' : 'they are'} fixed.`
        : `${errors}: no valid graph yet, showing what could be read.`;
}

/** The longest reason a fault's banner quotes: a stack or a long message would push the drawing down. */
const MAX_FAULT_REASON = 240;

/**
 * What the preview says when the server could not build the graph (a bug
 * in Align), after the server's reason: `kept` when it still shows the
 * last graph it had.
 */
export function graphFaultText(reason: string, kept: boolean): string {
    const short = shortened(reason, MAX_FAULT_REASON);
    const sentence = /[.!?…]$/.test(short) ? short : `${short}.`;
    return `${sentence} This is a bug in Align: please report it. ${kept ? 'Showing the last graph built until' : 'The impact chain shows once'} it can be built again.`;
}
