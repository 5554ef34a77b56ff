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
    /** The state saved before a hide/show or reload (checked by `asWebviewState`). */
    loadState(): unknown;
    saveState(state: WebviewState): void;
}

export function connectHost(): Host {
    const api = acquireVsCodeApi();
    return {
        post: message => api.postMessage(message),
        loadState: () => api.getState(),
        saveState: state => api.setState(state)
    };
}
