import type { Event } from 'vscode';
import type { DidChangeGraphParams } from '../language/protocol.js';
import type { HostMessage, WebviewMessage } from '../webview/protocol.js';

/** What `activate()` returns: read by the extension tests (and other extensions). */
export interface AlignApi {
    /** The text of the coverage status bar item, e.g. `$(graph) Aligned 7/9` ('' before the first graph). */
    statusText(): string;
    /** Resolves once the language client runs. */
    readonly ready: Promise<void>;
    /** How many times the language server has started running (1 after activation, one more per restart). */
    serverStarts(): number;
    /** Fires after every validation of the workspace (`align/didChangeGraph`), with the coverage, or the fault when the graph could not be built. */
    readonly onDidChangeGraph: Event<DidChangeGraphParams>;
    /** The impact-chain preview panel, while one is open. */
    readonly preview: PreviewTestHooks;
}

/** Hooks into the preview panel for tests: what crossed the webview boundary. */
export interface PreviewTestHooks {
    /** True while a preview panel is open. */
    isOpen(): boolean;
    /** Fires for every valid message the webview posts to the host. */
    readonly onDidReceiveMessage: Event<WebviewMessage>;
    /** Fires for every message the host posts to the webview. */
    readonly onDidPostMessage: Event<HostMessage>;
    /** Handles a message as if the webview had posted it (for `reveal` tests). */
    receive(message: unknown): Promise<void>;
    /** The context keys of the title bar menus as the open preview last set them ({} while none is open). */
    contextKeys(): Readonly<Record<string, unknown>>;
    /** Asks the webview to export the graph and resolves with its data (SVG text or PNG data URL). */
    exportGraph(format: 'svg' | 'png'): Promise<string>;
}
