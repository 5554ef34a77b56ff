/** The webview's side of the host: typed `postMessage` and state, over `acquireVsCodeApi`. */
import type { WebviewMessage, WebviewState } from './protocol.js';

interface VsCodeApi {
    postMessage(message: unknown): void;
    getState(): unknown;
    setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface Host {
    post(message: WebviewMessage): void;
    /** The state saved before a hide/show or reload, if it is well formed. */
    loadState(): WebviewState | undefined;
    saveState(state: WebviewState): void;
}

export function connectHost(): Host {
    const api = acquireVsCodeApi();
    return {
        post: message => api.postMessage(message),
        loadState: () => asState(api.getState()),
        saveState: state => api.setState(state)
    };
}

function asState(value: unknown): WebviewState | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const s = value as Partial<WebviewState>;
    const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
    if (!finite(s.zoom) || s.zoom <= 0 || !finite(s.pan?.x) || !finite(s.pan?.y)) return undefined;
    return {
        zoom: s.zoom,
        pan: { x: s.pan.x, y: s.pan.y },
        ...(typeof s.focus === 'string' ? { focus: s.focus } : {}),
        hideLearningMetrics: s.hideLearningMetrics === true,
        search: typeof s.search === 'string' ? s.search : ''
    };
}
