/**
 * The preview panel (client/) <-> webview (webview/) boundary: every message
 * either side posts, as a discriminated union, imported by both sides.
 */
import type { ImpactGraphResult } from '../language/protocol.js';

/** Serialises a graph for the `graph` message. */
export function graphJson(result: ImpactGraphResult): string {
    return JSON.stringify(result);
}
import type { GraphRange } from '../language/graph/types.js';

/** Options of the preview that the host passes with every graph (from `align.preview.*` settings). */
export interface PreviewOptions {
    hideLearningMetrics: boolean;
}

/** Messages from the host (extension) to the webview. */
export type HostMessage =
    /**
     * A new graph of the workspace (an ImpactGraphResult as JSON text: the
     * structured clone of a large object blocks the webview's main thread,
     * about 200 ms at 2,000 nodes, while parsing the text takes a few ms);
     * `focus` is the program/outcome the host wants shown, if any.
     */
    | { type: 'graph'; json: string; options: PreviewOptions; focus?: string }
    /** The editor cursor moved: highlight the innermost node containing it and its chain. */
    | { type: 'cursor'; uri: string; line: number; character: number }
    /** The workspace has syntax errors: keep the last good graph and show a banner. */
    | { type: 'syntax-errors'; files: string[] }
    /** The host asks for an export (command palette); answered with `exported`. */
    | { type: 'export'; format: 'svg' | 'png' };

/** Messages from the webview to the host. */
export type WebviewMessage =
    /** Sent once the webview listens: the host answers with the latest graph. */
    | { type: 'ready' }
    /** A node was clicked or Enter pressed on it: reveal its declaration. */
    | { type: 'reveal'; nodeId: string; uri: string; range: GraphRange }
    /** The result of an export: SVG text, or a PNG as a base64 data URL. */
    | { type: 'exported'; format: 'svg' | 'png'; data: string }
    /** The user picked a focus in the toolbar (undefined: whole workspace). */
    | { type: 'focus-changed'; focus?: string };

/** State the webview keeps with `setState`, restored after hide/show and reload. */
export interface WebviewState {
    zoom: number;
    pan: { x: number; y: number };
    focus?: string;
    hideLearningMetrics: boolean;
    search: string;
}

/** True when a value is a well-formed HostMessage (the webview ignores anything else). */
export function isHostMessage(value: unknown): value is HostMessage {
    if (typeof value !== 'object' || value === null) return false;
    const m = value as Record<string, unknown>;
    switch (m['type']) {
        case 'graph': return typeof m['json'] === 'string' && typeof m['options'] === 'object' && m['options'] !== null;
        case 'cursor': return typeof m['uri'] === 'string' && typeof m['line'] === 'number' && typeof m['character'] === 'number';
        case 'syntax-errors': return Array.isArray(m['files']) && m['files'].every(f => typeof f === 'string');
        case 'export': return m['format'] === 'svg' || m['format'] === 'png';
        default: return false;
    }
}

/** True when a value is a well-formed WebviewMessage (the host ignores anything else). */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
    if (typeof value !== 'object' || value === null) return false;
    const m = value as Record<string, unknown>;
    switch (m['type']) {
        case 'ready': return true;
        case 'reveal': return typeof m['nodeId'] === 'string' && typeof m['uri'] === 'string' && isRange(m['range']);
        case 'exported': return (m['format'] === 'svg' || m['format'] === 'png') && typeof m['data'] === 'string';
        case 'focus-changed': return m['focus'] === undefined || typeof m['focus'] === 'string';
        default: return false;
    }
}

function isRange(value: unknown): value is GraphRange {
    const r = value as GraphRange | undefined;
    return typeof r?.start?.line === 'number' && typeof r.start.character === 'number' && typeof r.end?.line === 'number' && typeof r.end.character === 'number';
}
