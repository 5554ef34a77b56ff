import * as vscode from 'vscode';
import type { ChainComparison, ImpactGraphResult } from '../../language/protocol.js';
import { graphJson, isWebviewMessage, jsonBytes, type CursorPosition, type DirectionChoice, type HostMessage, type PreviewOptions, type ViewReport, type WebviewMessage } from '../../webview/protocol.js';
import { deltaToPost } from './graph-diff.js';
import { CATALOG_SCHEME, LANGUAGE_ID, PREVIEW_VIEW_TYPE } from '../constants.js';
import { graphFaultOf, type GraphFeed } from '../graph-feed.js';
import { createNonce, type RandomBytes } from './nonce.js';
import { previewHtml } from './preview-html.js';
import type { PreviewTraffic } from './preview-hooks.js';
import { originalOf, type CatalogDocuments } from '../catalog-documents.js';
import { revealDeclaration } from './reveal.js';
import { previewContextKeys } from './preview-context.js';

/** What a preview panel needs from the extension. */
export interface PreviewDeps {
    readonly extensionUri: vscode.Uri;
    readonly feed: GraphFeed;
    readonly randomBytes: RandomBytes;
    readonly traffic: PreviewTraffic;
    /** Catalog files open read-only from the preview too. */
    readonly catalogs?: CatalogDocuments;
}

/** Updates arriving closer together than this are sent as one. */
const REFRESH_DELAY_MS = 150;
/** How long an export may take before the command gives up. */
const EXPORT_TIMEOUT_MS = 20000;

/**
 * The impact-chain preview: one webview panel beside the editor. It sends
 * the graph (with the editor's cursor) when the webview says `ready` and
 * after every validation (debounced), follows the editor cursor and the
 * active editor, and opens declarations the user clicks. The webview picks
 * the scope and the layout; its `view` reports set the panel's title and
 * the title bar's buttons. There is at most one panel (`currentPanel`).
 */
export class ImpactPreview implements vscode.Disposable {
    static currentPanel: ImpactPreview | undefined;

    private readonly disposables: vscode.Disposable[] = [];
    private exportWaiters: Array<{ format: 'svg' | 'png'; resolve: (data: string) => void }> = [];
    private readonly graphShown: Promise<void>;
    private resolveGraphShown!: () => void;
    private refreshTimer: ReturnType<typeof setTimeout> | undefined;
    private requestCount = 0;
    private ready = false;
    /** The graph shown: the latest, or while there are syntax errors the last valid one. */
    private latest: ImpactGraphResult | undefined;
    /** The last graph read from a workspace without syntax errors: shown, under the banner, while there are some. */
    private lastValid: ImpactGraphResult | undefined;
    /** The graph the webview holds (the last posted, whole or as a delta), its number and options; undefined: send it whole. */
    private held: { result: ImpactGraphResult; seq: number; options: string } | undefined;
    private seq = 0;
    private pendingNode: string | undefined;
    private editorColumn = vscode.ViewColumn.One;
    /** The `.align` editor the preview follows: the last one active. */
    private editor: vscode.TextEditor | undefined;
    /** What the webview last said it shows. */
    private shown: ViewReport | undefined;
    /** The context keys this panel last set (for the extension tests). */
    private context: Readonly<Record<string, unknown>> = {};

    /** Shows the panel, creating it if needed; `toSide` opens it beside the active editor, keeping focus there. */
    static createOrShow(deps: PreviewDeps, toSide: boolean): ImpactPreview {
        const current = ImpactPreview.currentPanel;
        if (current) {
            current.panel.reveal(undefined, toSide);
            return current;
        }
        const column = toSide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Impact Chain',
            { viewColumn: column, preserveFocus: toSide }, webviewOptions(deps.extensionUri));
        return new ImpactPreview(panel, deps);
    }

    /** Takes over a panel VS Code restored after a reload (see the serializer). */
    static revive(panel: vscode.WebviewPanel, deps: PreviewDeps): ImpactPreview {
        panel.webview.options = webviewOptions(deps.extensionUri);
        ImpactPreview.currentPanel?.dispose();
        return new ImpactPreview(panel, deps);
    }

    private constructor(private readonly panel: vscode.WebviewPanel, private readonly deps: PreviewDeps) {
        ImpactPreview.currentPanel = this;
        this.graphShown = new Promise(resolve => { this.resolveGraphShown = resolve; });
        const active = vscode.window.activeTextEditor;
        if (active?.document.languageId === LANGUAGE_ID) {
            this.editor = active;
            if (active.viewColumn) this.editorColumn = active.viewColumn;
        }
        panel.iconPath = {
            light: vscode.Uri.joinPath(deps.extensionUri, 'images', 'align-file-light.svg'),
            dark: vscode.Uri.joinPath(deps.extensionUri, 'images', 'align-file-dark.svg')
        };
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            panel.onDidChangeViewState(() => this.setContext()),
            panel.webview.onDidReceiveMessage(message => this.receive(message).catch(logError)),
            deps.feed.onDidChange(() => this.scheduleRefresh()),
            vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('align.preview')) this.scheduleRefresh(); }),
            vscode.window.onDidChangeTextEditorSelection(e => this.followEditor(e.textEditor)),
            vscode.window.onDidChangeActiveTextEditor(editor => { if (editor) this.followEditor(editor); })
        );
        this.setHtml();
        this.setContext();
    }

    /** Handles a message from the webview; anything that is not a valid `WebviewMessage` is ignored. */
    async receive(message: unknown): Promise<void> {
        if (!isWebviewMessage(message)) return;
        this.deps.traffic.fireReceived(message);
        await this.handle(message);
    }

    /** The `.align` document the preview follows (the last one active), while it is open. */
    get followedDocument(): vscode.TextDocument | undefined {
        const document = this.editor?.document;
        return document && !document.isClosed ? document : undefined;
    }

    /** What the webview last said it shows (its scope and title), if it has said. */
    get view(): ViewReport | undefined {
        return this.shown;
    }

    /** Highlights a node and its chain (code lens "show impact chain"), whatever scope is picked. */
    showNode(nodeId: string): void {
        this.pendingNode = nodeId;
        if (this.latest) this.postPendingNode();
    }

    /** The title bar's direction buttons. */
    setDirection(direction: DirectionChoice): void {
        this.post({ type: 'direction', direction });
    }

    /** The context keys of the title bar as this panel last set them. */
    get contextKeys(): Readonly<Record<string, unknown>> {
        return this.context;
    }

    /** The "..." menu's filter: hides activity and learning metrics, or shows them again. */
    setLearningMetricsHidden(hidden: boolean): void {
        this.post({ type: 'hide-learning-metrics', hidden });
    }

    /** The former single menu item (kept for keybindings): the opposite of what the preview shows. */
    toggleLearningMetrics(): void {
        this.setLearningMetricsHidden(!(this.shown?.hideLearningMetrics ?? previewOptions().hideLearningMetrics));
    }

    /** Shows the chain compared with the last commit, or stops with null (client/compare). */
    postComparison(comparison: ChainComparison | null): void {
        this.post({ type: 'comparison', comparison });
    }

    /** Asks the webview for an export once it shows a graph; resolves with SVG text or a PNG data URL. */
    async exportGraph(format: 'svg' | 'png'): Promise<string> {
        await this.graphShown;
        return new Promise<string>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`The preview did not export the ${format.toUpperCase()} in time.`)), EXPORT_TIMEOUT_MS);
            this.exportWaiters.push({ format, resolve: data => { clearTimeout(timer); resolve(data); } });
            this.post({ type: 'export', format });
        });
    }

    dispose(): void {
        if (ImpactPreview.currentPanel === this) {
            ImpactPreview.currentPanel = undefined;
            this.applyContext(previewContextKeys(undefined));
        }
        clearTimeout(this.refreshTimer);
        this.panel.dispose();
        for (const d of this.disposables.splice(0)) d.dispose();
    }

    private async handle(message: WebviewMessage): Promise<void> {
        switch (message.type) {
            case 'ready':
                this.ready = true;
                this.held = undefined;
                return this.refresh();
            case 'resync':
                this.held = undefined;
                return this.refresh();
            case 'reveal':
                await revealDeclaration(message.uri, message.range, this.editorColumn, this.deps.catalogs);
                return;
            case 'exported':
                for (const waiter of this.exportWaiters.filter(w => w.format === message.format)) waiter.resolve(message.data);
                this.exportWaiters = this.exportWaiters.filter(w => w.format !== message.format);
                return;
            case 'view':
                this.shown = message;
                this.panel.title = message.scope.kind === 'workspace' ? 'Impact Chain' : `Impact Chain: ${message.scopeTitle}`;
                this.setContext();
                return;
        }
    }

    private setHtml(): void {
        const webview = this.panel.webview;
        const script = webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'out', 'webview', 'main.js'));
        webview.html = previewHtml(webview, script.toString(), createNonce(this.deps.randomBytes));
    }

    private scheduleRefresh(delay = REFRESH_DELAY_MS): void {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => this.refresh().catch(logError), delay);
    }

    /**
     * Requests the graph and posts it; a newer request wins over an older one
     * still running. While files have syntax errors, the webview keeps (or
     * gets) the last graph read without any, and a banner that says so; when
     * there has been none since the preview opened, what could be read, and
     * a banner that says that.
     */
    private async refresh(): Promise<void> {
        if (!this.ready) return;
        const request = ++this.requestCount;
        const current = () => request === this.requestCount && ImpactPreview.currentPanel === this;
        let result: ImpactGraphResult;
        try {
            result = await this.deps.feed.request();
        } catch (error) {
            // The graph could not be built: the webview says so, over the graph it holds.
            const fault = graphFaultOf(error);
            if (fault === undefined) throw error;
            if (current()) this.post({ type: 'graph-fault', message: fault });
            return;
        }
        if (!current()) return;
        const errors = syntaxErrorsOf(result);
        if (errors.files.length === 0) this.lastValid = result;
        const shown = errors.files.length > 0 && this.lastValid ? this.lastValid : result;
        this.latest = shown;
        this.postGraph(shown, errors.files.length > 0);
        if (errors.files.length > 0) this.post({ type: 'syntax-errors', files: errors.files, errors: errors.count, shows: this.lastValid ? 'last-valid' : 'partial' });
        this.resolveGraphShown();
        if (this.pendingNode) this.postPendingNode();
    }

    /**
     * Posts a graph: only what changed since the graph the webview holds
     * (a few nodes after an edit), or the whole graph (the first one, after a
     * reload or a `resync`, or when much changed). `syntaxErrors`: their
     * message follows, and the webview keeps its banner meanwhile.
     */
    private postGraph(result: ImpactGraphResult, syntaxErrors: boolean): void {
        const options = previewOptions();
        // The webview holds it already (the last valid graph, kept while there are syntax errors).
        if (this.held?.result === result && this.held.options === JSON.stringify(options)) return;
        const seq = ++this.seq;
        const delta = deltaToPost(this.held?.result, result);
        if (this.held && delta) {
            this.post({ type: 'graph-delta', json: JSON.stringify(delta), options, base: this.held.seq, seq, ...(syntaxErrors ? { syntaxErrors } : {}) });
        } else {
            const cursor = this.cursorPosition();
            this.post({ type: 'graph', json: jsonBytes(graphJson(result)), options, seq, ...(cursor ? { cursor } : {}), ...(syntaxErrors ? { syntaxErrors } : {}) });
        }
        this.held = { result, seq, options: JSON.stringify(options) };
    }

    /** The title bar's buttons follow the panel that is active, and what it shows. */
    private setContext(): void {
        this.applyContext(previewContextKeys({ active: this.panel.active, shown: this.shown, hiddenBySetting: previewOptions().hideLearningMetrics }));
    }

    private applyContext(keys: Record<string, unknown>): void {
        this.context = keys;
        for (const [key, value] of Object.entries(keys)) void vscode.commands.executeCommand('setContext', key, value);
    }

    /** Where the followed editor's cursor is, when the preview follows it. */
    private cursorPosition(): CursorPosition | undefined {
        const editor = this.editor;
        if (!editor || editor.document.isClosed || !followsCursor()) return undefined;
        const { line, character } = editor.selection.active;
        // A catalog file's read-only view stands for the file the graph's nodes name.
        const uri = editor.document.uri.scheme === CATALOG_SCHEME ? originalOf(editor.document.uri) : editor.document.uri;
        return { uri: uri.toString(), line, character };
    }

    private postPendingNode(): void {
        const node = this.latest?.graph.nodes.find(n => n.id === this.pendingNode);
        if (!node) return;
        this.pendingNode = undefined;
        this.post({ type: 'cursor', uri: node.uri, line: node.nameRange.start.line, character: node.nameRange.start.character, show: true });
    }

    private followEditor(editor: vscode.TextEditor): void {
        if (editor.document.languageId !== LANGUAGE_ID) return;
        this.editor = editor;
        if (editor.viewColumn) this.editorColumn = editor.viewColumn;
        const cursor = this.cursorPosition();
        if (this.ready && cursor) this.post({ type: 'cursor', ...cursor });
    }

    private post(message: HostMessage): void {
        this.deps.traffic.firePosted(message);
        void this.panel.webview.postMessage(message);
    }
}

/** Scripts on; resources only from the built webview folder. */
function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'out', 'webview')] };
}

/** The files with syntax errors when the server read `result` (workspace-relative, sorted), and how many errors they have. */
function syntaxErrorsOf(result: ImpactGraphResult): { files: string[]; count: number } {
    const files = result.syntaxErrors.map(f => vscode.workspace.asRelativePath(vscode.Uri.parse(f.uri))).sort((a, b) => a.localeCompare(b));
    return { files, count: result.syntaxErrors.reduce((n, f) => n + f.count, 0) };
}

function previewOptions(): PreviewOptions {
    const settings = vscode.workspace.getConfiguration('align.preview');
    const direction = settings.get<string>('direction', 'auto');
    return {
        hideLearningMetrics: settings.get<boolean>('hideLearningMetrics', false),
        direction: direction === 'right' || direction === 'down' ? direction : 'auto'
    };
}

function followsCursor(): boolean {
    return vscode.workspace.getConfiguration('align.preview').get<boolean>('followCursor', true);
}

function logError(error: unknown): void {
    console.error('Align preview:', error);
}
