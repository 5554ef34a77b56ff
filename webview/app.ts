/**
 * The preview: receives graphs and cursor moves from the host, lays out and
 * draws the chain, and reports clicks, focus changes and exports back.
 */
import { focusGraph } from '../language/graph/focus-graph.js';
import type { ImpactGraphResult } from '../language/protocol.js';
import { columnOf, layoutGraph, layoutSteps, type GraphLayout } from '../language/render/index.js';
import { chainOf, nodeAt } from './chain.js';
import { buildPage, showEmptyState, showMessage, type PageElements } from './dom.js';
import { exportSvg, svgToPng } from './export.js';
import { GraphView } from './graph-view.js';
import { isHostMessage, type HostMessage, type PreviewOptions, type WebviewState } from './protocol.js';
import { isDrawableResult, matchesQuery, syntaxErrorsText } from './result.js';
import { Toolbar } from './toolbar.js';
import { Viewport } from './viewport.js';
import type { Host } from './vscode-api.js';

/** The first view of a graph is no smaller than this (the Fit button shows everything). */
const READABLE_ZOOM = 0.6;

type CursorMessage = Extract<HostMessage, { type: 'cursor' }>;

export class PreviewApp {
    private readonly page: PageElements;
    private readonly toolbar: Toolbar;
    private readonly view = new GraphView();
    private readonly viewport: Viewport;
    private state: WebviewState;
    /** The state came from before a reload: its zoom and pan win over fitting. */
    private restored: boolean;
    private result: ImpactGraphResult | undefined;
    private lastOptions: PreviewOptions | undefined;
    private layout: GraphLayout | undefined;
    private cursor: CursorMessage | undefined;
    private matches: string[] = [];
    private matchIndex = 0;
    private renders = 0;
    private saveQueued = false;
    private drawGeneration = 0;
    /** Settles when the update scheduled last has been laid out. */
    private drawn: Promise<void> = Promise.resolve();
    private pendingUpdate: { fit: boolean | 'first'; restore: boolean; keep: boolean } | undefined;

    constructor(private readonly host: Host) {
        const saved = host.loadState();
        this.restored = saved !== undefined;
        this.state = saved ?? { zoom: 1, pan: { x: 0, y: 0 }, hideLearningMetrics: false, search: '' };
        this.page = buildPage();
        this.toolbar = new Toolbar({
            focus: id => this.onFocus(id),
            hideLearningMetrics: hidden => { this.state.hideLearningMetrics = hidden; this.save(); this.update(false); },
            search: (text, next) => this.onSearch(text, next),
            zoom: factor => this.viewport.zoomBy(factor),
            fit: () => this.viewport.fit(),
            export: format => void this.export(format)
        });
        this.page.toolbarSlot.replaceWith(this.toolbar.element);
        this.toolbar.setHideLearningMetrics(this.state.hideLearningMetrics);
        this.toolbar.setSearch(this.state.search);
        this.page.canvas.prepend(this.view.root);
        this.viewport = new Viewport(this.page.canvas, this.view.root, t => { this.state.zoom = t.zoom; this.state.pan = t.pan; this.save(); });
        this.viewport.set(this.state);
        showMessage(this.page.message, 'Loading the impact chain…');
        this.listen();
        host.post({ type: 'ready' });
    }

    private listen(): void {
        window.addEventListener('message', event => {
            const start = performance.now();
            if (isHostMessage(event.data)) void this.onMessage(event.data);
            performance.measure('align-message', { start, end: performance.now() });
        });
        this.view.root.addEventListener('click', event => {
            const id = this.view.nodeIdAt(event.target);
            if (id) this.reveal(id);
        });
        this.view.root.addEventListener('keydown', event => {
            const id = this.view.nodeIdAt(event.target);
            if (!id || (event.key !== 'Enter' && event.key !== ' ')) return;
            event.preventDefault();
            this.reveal(id);
        });
        this.view.root.addEventListener('focusin', event => {
            const id = this.view.nodeIdAt(event.target);
            const box = id ? this.view.box(id) : undefined;
            if (box) this.viewport.ensureVisible(box);
        });
        this.page.canvas.addEventListener('keydown', event => {
            if (event.key === '+' || event.key === '=') this.viewport.zoomBy(1.25);
            else if (event.key === '-') this.viewport.zoomBy(1 / 1.25);
            else if (event.key === '0') this.viewport.fit();
        });
    }

    private async onMessage(message: HostMessage): Promise<void> {
        switch (message.type) {
            case 'graph': return this.onGraph(message);
            case 'cursor':
                this.cursor = message;
                this.applyCursor(true);
                return;
            case 'syntax-errors':
                this.page.banner.textContent = syntaxErrorsText(message.files, this.result !== undefined);
                this.page.banner.hidden = false;
                return;
            case 'export': return this.export(message.format);
        }
    }

    private onGraph(message: Extract<HostMessage, { type: 'graph' }>): void {
        const result = parseResult(message.json);
        if (!isDrawableResult(result)) return;
        const first = this.result === undefined;
        this.result = result;
        this.page.banner.hidden = true;
        const hide = message.options.hideLearningMetrics === true;
        if ((first && !this.restored) || (!first && this.lastOptions?.hideLearningMetrics !== hide)) this.state.hideLearningMetrics = hide;
        this.lastOptions = { hideLearningMetrics: hide };
        if (message.focus !== undefined) this.state.focus = message.focus || undefined;
        if (this.state.focus && !result.focusable.some(f => f.id === this.state.focus)) this.state.focus = undefined;
        // The toolbar in a task of its own: a large workspace has hundreds of programs and outcomes to list.
        const focusable = result.focusable;
        setTimeout(() => {
            this.toolbar.setFocusable(focusable, this.state.focus);
            this.toolbar.setHideLearningMetrics(this.state.hideLearningMetrics);
        }, 0);
        this.save();
        this.update(first && !this.restored ? 'first' : false, first && this.restored, true);
    }

    private onFocus(id: string | undefined): void {
        if (this.state.focus === id) return;
        this.state.focus = id;
        this.save();
        this.host.post(id === undefined ? { type: 'focus-changed' } : { type: 'focus-changed', focus: id });
        this.update(true);
    }

    /**
     * Lays out the graph as filtered now and draws it, in a task of its own
     * (after the one that received the message), several calls making one.
     * `fit`: show it all (`first`: but no smaller than readable);
     * `restore`: the saved zoom and pan; `keep`: an edit, keep the places
     * of the nodes that were there.
     */
    private update(fit: boolean | 'first', restore = false, keep = false): void {
        const pending = this.pendingUpdate;
        this.pendingUpdate = {
            fit: pending?.fit === 'first' || fit === 'first' ? 'first' : (pending?.fit ?? false) || fit,
            restore: (pending?.restore ?? false) || restore,
            keep: (pending?.keep ?? true) && keep
        };
        if (pending) return;
        this.drawn = new Promise<void>(resolve => setTimeout(() => {
            const { fit: f, restore: r, keep: k } = this.pendingUpdate!;
            this.pendingUpdate = undefined;
            void this.draw(f, r, k).finally(resolve);
        }, 0));
    }

    /** Resolves once every update asked for so far is laid out (an export right after a graph waits for it). */
    private async whenLaidOut(): Promise<void> {
        let drawn: Promise<void>;
        do {
            drawn = this.drawn;
            await drawn;
        } while (drawn !== this.drawn || this.pendingUpdate !== undefined);
    }

    private async draw(fit: boolean | 'first', restore: boolean, keep: boolean): Promise<void> {
        const result = this.result;
        if (!result) return;
        const generation = ++this.drawGeneration;
        const graph = this.state.focus ? focusGraph(result.graph, this.state.focus) : result.graph;
        const started = performance.now();
        // An edit keeps the places of what was there; a new focus or filter is laid out afresh.
        const steps = layoutSteps(graph, { hideLearningMetrics: this.state.hideLearningMetrics, previous: keep ? this.layout : undefined });
        let layout: GraphLayout | undefined;
        while (!layout) {
            const start = performance.now();
            const step = steps.next();
            performance.measure('align-layout-step', { start, end: performance.now() });
            if (step.done) layout = step.value;
            else {
                // Each step of a large layout in a task of its own.
                await new Promise(resolve => setTimeout(resolve, 0));
                if (generation !== this.drawGeneration) return;
            }
        }
        performance.measure('align-layout', { start: started, end: performance.now() });
        this.layout = layout;
        this.viewport.setContentSize(layout.width, layout.height);
        showEmptyState(this.page.message, layout.nodes.length > 0 ? 'none' : result.graph.nodes.some(n => columnOf(n) !== undefined) ? 'filtered' : 'empty');
        this.page.status.textContent = `${layout.nodes.length} nodes · ${layout.edges.length} edges · aligned ${graph.coverage.aligned}/${graph.coverage.total}`;
        if (restore) this.viewport.set(this.state);
        else if (fit) this.viewport.fit(fit === 'first' ? READABLE_ZOOM : 0);
        this.applyCursor(false);
        this.applySearch(false, false);
        void this.view.render(layout, result.findings).then(complete => {
            if (!complete) return;
            this.renders++;
            document.body.setAttribute('data-renders', String(this.renders));
            performance.mark('align-painted', { detail: { nodes: layout.nodes.length, edges: layout.edges.length } });
        });
    }

    private applyCursor(reveal: boolean): void {
        const node = this.result && this.cursor ? nodeAt(this.result.graph, this.cursor.uri, this.cursor) : undefined;
        if (!node || !this.result) {
            this.view.setHighlight(undefined);
            return;
        }
        this.view.setHighlight(chainOf(this.result.graph, node), node.id);
        const box = this.view.box(node.id) ?? this.layout?.nodes.find(n => n.id === node.id);
        if (reveal && box) this.viewport.ensureVisible(box);
    }

    private onSearch(text: string, next: boolean): void {
        this.state.search = text;
        this.save();
        this.applySearch(true, next);
    }

    private applySearch(center: boolean, next: boolean): void {
        const query = this.state.search.trim().toLowerCase();
        this.matches = query && this.layout ? this.layout.nodes.filter(n => matchesQuery(n.node, query)).map(n => n.id) : [];
        this.view.setMatches(new Set(this.matches));
        this.toolbar.setMatches(query ? this.matches.length : undefined);
        if (!center || this.matches.length === 0) return;
        this.matchIndex = next ? (this.matchIndex + 1) % this.matches.length : 0;
        const box = this.layout?.nodes.find(n => n.id === this.matches[this.matchIndex]);
        if (box) this.viewport.centerOn(box);
    }


    private reveal(id: string): void {
        const node = this.result?.graph.nodes.find(n => n.id === id);
        if (node) this.host.post({ type: 'reveal', nodeId: node.id, uri: node.uri, range: node.nameRange ?? node.range });
    }

    private async export(format: 'svg' | 'png'): Promise<void> {
        await this.whenLaidOut();
        const layout = this.layout ?? layoutGraph({ nodes: [], edges: [], coverage: { aligned: 0, total: 0 } });
        const svg = exportSvg(layout, this.result?.findings ?? {});
        const data = format === 'svg' ? svg : await svgToPng(svg, layout.width, layout.height);
        this.host.post({ type: 'exported', format, data });
    }

    /** Saves the state once per task, however many changes it had. */
    private save(): void {
        if (this.saveQueued) return;
        this.saveQueued = true;
        queueMicrotask(() => {
            this.saveQueued = false;
            this.host.saveState({ ...this.state, pan: { ...this.state.pan } });
        });
    }
}

/** The graph of a `graph` message; undefined (the message is ignored) when the text is not JSON. */
function parseResult(json: string): unknown {
    try {
        return JSON.parse(json);
    } catch (error) {
        console.warn(`Align preview: ignored a graph message that is not JSON (${String(error)})`);
        return undefined;
    }
}
