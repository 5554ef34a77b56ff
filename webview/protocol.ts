/**
 * The preview panel (client/) <-> webview (webview/) boundary: every message
 * either side posts, as a discriminated union, imported by both sides.
 */
import type { GraphEdge, GraphNode, GraphRange } from '../language/graph/types.js';
import type { ChainComparison, ImpactGraphResult, NodeFindings } from '../language/protocol.js';
import type { Direction } from '../language/render/index.js';

/** Serialises a graph as JSON text. */
export function graphJson(result: ImpactGraphResult): string {
    return JSON.stringify(result);
}

/**
 * JSON text in a message: a string, or its UTF-8 bytes. A long string is
 * slow to receive (Chromium copies it into the webview's heap in the task
 * that reads the message: 60-100 ms for the 1.4 MB of a 2,000-node graph),
 * while an ArrayBuffer is handed over whole (VS Code transfers ArrayBuffers
 * to webviews since 1.57) and decoded in a few ms.
 */
export type JsonText = string | ArrayBuffer;

/** JSON text as UTF-8 bytes, in an ArrayBuffer of their exact size (what the host posts for a whole graph). */
export function jsonBytes(text: string): ArrayBuffer {
    const bytes = new TextEncoder().encode(text);
    return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer as ArrayBuffer : bytes.slice().buffer as ArrayBuffer;
}

/** Whether a message field holds JSON text (a string, an ArrayBuffer, or a view of one: a host may send either). */
export function isJsonText(value: unknown): value is JsonText {
    return typeof value === 'string' || value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

/** The text of a JSON text field. */
export function jsonTextOf(value: JsonText | ArrayBufferView): string {
    return typeof value === 'string' ? value : new TextDecoder().decode(value);
}

/** Which way the layers run: chosen to fit the pane (`auto`), or forced. */
export type DirectionChoice = 'auto' | Direction;
export const DIRECTION_CHOICES: readonly DirectionChoice[] = ['auto', 'right', 'down'];

/** What the preview shows: the programs and outcomes of the element under the cursor, the whole workspace, or one program or outcome. */
export type ScopeChoice = { kind: 'cursor' } | { kind: 'workspace' } | { kind: 'focus'; id: string };

/** Options of the preview that the host passes with every graph (from `align.preview.*` settings). */
export interface PreviewOptions {
    hideLearningMetrics: boolean;
    /** `align.preview.direction`; absent means `auto`. */
    direction?: DirectionChoice;
}

/** Where the editor cursor is (0-based). */
export interface CursorPosition {
    uri: string;
    line: number;
    character: number;
}

/**
 * What changed between two graph results (the `graph-delta` message, as JSON
 * text): made by `diffResults` (client/preview/graph-diff.ts) and applied by
 * `applyDelta` (webview/graph-delta.ts).
 */
export interface GraphDelta {
    /** Nodes added or changed (whole), and ids of nodes removed. */
    nodes: { set: GraphNode[]; removed: string[] };
    /** Edges added, and keys (`kind|from|to`) of edges removed; a changed edge is removed and added. */
    edges: { added: GraphEdge[]; removed: string[] };
    /** Findings of nodes that changed, and ids of nodes that have none any more. */
    findings: { set: Record<string, NodeFindings>; removed: string[] };
    /** The new picker entries, when they changed. */
    focusable?: ImpactGraphResult['focusable'];
    coverage: ImpactGraphResult['graph']['coverage'];
    version: number;
}

/** The key of an edge in a GraphDelta (`edges.removed`): one edge per kind between two nodes. */
export const edgeKey = (e: GraphEdge): string => `${e.kind}|${e.from}|${e.to}`;

/** Messages from the host (extension) to the webview. */
export type HostMessage =
    /**
     * A new graph of the workspace (an ImpactGraphResult as JSON text, in
     * UTF-8 bytes from the extension: the structured clone of a large object
     * blocks the webview's main thread, about 200 ms at 2,000 nodes, and a
     * long string 60-100 ms, while decoding and parsing the bytes take 20);
     * `focus`: a program or outcome the host wants shown; `cursor`: where
     * the editor cursor is, so that the first drawing already shows its chain.
     * `syntaxErrors`: the workspace has syntax errors, and a `syntax-errors`
     * message follows: the banner stays as it is instead of going when the
     * graph is painted (and coming back with that message, an alert again).
     */
    | { type: 'graph'; json: JsonText; options: PreviewOptions; focus?: string; cursor?: CursorPosition; seq?: number; syntaxErrors?: boolean }
    /**
     * What changed since the graph (or delta) numbered `base`: a GraphDelta
     * as JSON text. The webview applies it when it
     * holds graph `base`, else answers `resync`. `syntaxErrors` as for `graph`.
     */
    | { type: 'graph-delta'; json: string; options: PreviewOptions; base: number; seq: number; syntaxErrors?: boolean }
    /** The editor cursor moved: highlight the innermost node containing it and its chain (`show`: even outside a picked scope). */
    | ({ type: 'cursor'; show?: boolean } & CursorPosition)
    /**
     * Sent after a graph (or instead of one, when the webview holds the graph
     * to show): the workspace has `errors` syntax errors in `files`
     * (workspace-relative). `shows`: what the graph held is, for the banner:
     * the last graph read without syntax errors, or (there was none since
     * the preview opened) what could be read. The next graph without
     * `syntaxErrors` clears it.
     */
    | { type: 'syntax-errors'; files: string[]; errors: number; shows: 'last-valid' | 'partial' }
    /**
     * The server could not build the impact graph (a bug in Align): `message`
     * says why (`The impact graph could not be built: TypeError: ...`). The
     * webview keeps the graph it holds under a banner that says so, or shows
     * the message in place of one. The next graph clears it.
     */
    | { type: 'graph-fault'; message: string }
    /** The host asks for an export (command palette); answered with `exported`. */
    | { type: 'export'; format: 'svg' | 'png' }
    /** The editor's title bar changed the direction. */
    | { type: 'direction'; direction: DirectionChoice }
    /** The editor's title bar hid or showed activity and learning metrics. */
    | { type: 'hide-learning-metrics'; hidden: boolean }
    /** The chain compared with the last commit (webview/compare-marks.ts), or null to stop comparing. */
    | { type: 'comparison'; comparison: ChainComparison | null };

/** How one node of the cursor's chain is shown, measured in the webview's DOM. */
export interface ChainNodeView {
    id: string;
    /** Its box lies wholly inside the visible pane. */
    inView: boolean;
    /** Font size of its title (or of its name, zoomed far out) on screen, in CSS px. */
    titlePx: number;
}

/** What the preview shows after a drawing or a cursor move: for the panel's title and title bar, and for tests. */
export interface ViewReport {
    direction: Direction;
    directionChoice: DirectionChoice;
    hideLearningMetrics: boolean;
    zoom: number;
    scope: ScopeChoice;
    /** `Consultative discovery bootcamp`, `Whole workspace`, `Churn reduction pilot + 1 outcome`. */
    scopeTitle: string;
    /** Nodes drawn. */
    nodes: number;
    /** The visible pane of the drawing (below the toolbar), CSS px. */
    pane: { width: number; height: number };
    /** The node under the editor cursor, if it is drawn. */
    cursor?: string;
    chain: ChainNodeView[];
}

/** Messages from the webview to the host. */
export type WebviewMessage =
    /** Sent once the webview listens: the host answers with the latest graph. */
    | { type: 'ready' }
    /** A delta did not apply to the graph the webview holds: the host sends the whole graph again. */
    | { type: 'resync' }
    /** A node was clicked or Enter pressed on it: reveal its declaration. */
    | { type: 'reveal'; nodeId: string; uri: string; range: GraphRange }
    /** The result of an export: SVG text, or a PNG as a base64 data URL. */
    | { type: 'exported'; format: 'svg' | 'png'; data: string }
    /** The drawing settled (after a graph, a scope, a resize or a cursor move). */
    | ({ type: 'view' } & ViewReport);

/** State the webview keeps with `setState`, restored after hide/show and reload. */
export interface WebviewState {
    zoom: number;
    pan: { x: number; y: number };
    scope: ScopeChoice;
    direction: DirectionChoice;
    hideLearningMetrics: boolean;
    search: string;
}

const isDirectionChoice = (value: unknown): value is DirectionChoice => (DIRECTION_CHOICES as readonly unknown[]).includes(value);

/** True when a value is a well-formed ScopeChoice. */
export function isScopeChoice(value: unknown): value is ScopeChoice {
    const s = value as Partial<{ kind: string; id: unknown }> | null;
    return typeof s === 'object' && s !== null && (s.kind === 'cursor' || s.kind === 'workspace' || (s.kind === 'focus' && typeof s.id === 'string'));
}

function isCursor(m: Record<string, unknown>): boolean {
    return typeof m['uri'] === 'string' && typeof m['line'] === 'number' && typeof m['character'] === 'number';
}

const isOptionalBoolean = (value: unknown): boolean => value === undefined || typeof value === 'boolean';

/** True when a value is a well-formed HostMessage (the webview ignores anything else). */
export function isHostMessage(value: unknown): value is HostMessage {
    if (typeof value !== 'object' || value === null) return false;
    const m = value as Record<string, unknown>;
    switch (m['type']) {
        case 'graph': return isJsonText(m['json']) && typeof m['options'] === 'object' && m['options'] !== null
            && (m['cursor'] === undefined || (typeof m['cursor'] === 'object' && m['cursor'] !== null && isCursor(m['cursor'] as Record<string, unknown>)))
            && (m['seq'] === undefined || typeof m['seq'] === 'number') && isOptionalBoolean(m['syntaxErrors']);
        case 'graph-delta': return typeof m['json'] === 'string' && typeof m['options'] === 'object' && m['options'] !== null
            && typeof m['base'] === 'number' && typeof m['seq'] === 'number' && isOptionalBoolean(m['syntaxErrors']);
        case 'cursor': return isCursor(m);
        case 'syntax-errors': return Array.isArray(m['files']) && m['files'].every(f => typeof f === 'string')
            && typeof m['errors'] === 'number' && (m['shows'] === 'last-valid' || m['shows'] === 'partial');
        case 'graph-fault': return typeof m['message'] === 'string';
        case 'export': return m['format'] === 'svg' || m['format'] === 'png';
        case 'direction': return isDirectionChoice(m['direction']);
        case 'hide-learning-metrics': return typeof m['hidden'] === 'boolean';
        case 'comparison': return m['comparison'] === null || isComparison(m['comparison']);
        default: return false;
    }
}

/** True when a value is a well-formed WebviewMessage (the host ignores anything else). */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
    if (typeof value !== 'object' || value === null) return false;
    const m = value as Record<string, unknown>;
    switch (m['type']) {
        case 'ready': case 'resync': return true;
        case 'reveal': return typeof m['nodeId'] === 'string' && typeof m['uri'] === 'string' && isRange(m['range']);
        case 'exported': return (m['format'] === 'svg' || m['format'] === 'png') && typeof m['data'] === 'string';
        case 'view': return (m['direction'] === 'right' || m['direction'] === 'down') && isDirectionChoice(m['directionChoice'])
            && isScopeChoice(m['scope']) && typeof m['scopeTitle'] === 'string' && typeof m['zoom'] === 'number' && Array.isArray(m['chain']);
        default: return false;
    }
}

function isComparison(value: unknown): boolean {
    const c = value as Partial<ChainComparison> | null;
    return typeof c === 'object' && c !== null && typeof c.base === 'string' && typeof c.marks === 'object' && c.marks !== null
        && Array.isArray(c.removed?.nodes) && Array.isArray(c.removed.edges) && Array.isArray(c.addedLinks) && typeof c.counts === 'object' && c.counts !== null;
}

function isRange(value: unknown): value is GraphRange {
    const r = value as GraphRange | undefined;
    return typeof r?.start?.line === 'number' && typeof r.start.character === 'number' && typeof r.end?.line === 'number' && typeof r.end.character === 'number';
}

/** A state saved by this or an earlier version, if well formed (an earlier `focus` becomes a picked scope). */
export function asWebviewState(value: unknown): WebviewState | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const s = value as Partial<WebviewState> & { focus?: unknown };
    const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
    if (!finite(s.zoom) || s.zoom <= 0 || !finite(s.pan?.x) || !finite(s.pan?.y)) return undefined;
    const scope: ScopeChoice = isScopeChoice(s.scope) ? s.scope : typeof s.focus === 'string' ? { kind: 'focus', id: s.focus } : { kind: 'cursor' };
    return {
        zoom: s.zoom,
        pan: { x: s.pan.x, y: s.pan.y },
        scope,
        direction: isDirectionChoice(s.direction) ? s.direction : 'auto',
        hideLearningMetrics: s.hideLearningMetrics === true,
        search: typeof s.search === 'string' ? s.search : ''
    };
}

/** True when a value has the shape of a GraphDelta (the webview checks what it receives). */
export function isGraphDelta(value: unknown): value is GraphDelta {
    const d = value as Partial<GraphDelta> | null;
    return typeof d === 'object' && d !== null && Array.isArray(d.nodes?.set) && Array.isArray(d.nodes?.removed)
        && Array.isArray(d.edges?.added) && Array.isArray(d.edges?.removed) && typeof d.findings?.set === 'object' && d.findings.set !== null
        && Array.isArray(d.findings.removed) && typeof d.coverage === 'object' && d.coverage !== null && typeof d.version === 'number'
        && (d.focusable === undefined || Array.isArray(d.focusable));
}
