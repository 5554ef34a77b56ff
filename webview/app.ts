/**
 * The preview: receives graphs and cursor moves from the host, keeps the
 * user's choices (scope, direction, filter, search, zoom), and reports
 * clicks, exports and what it shows back. Drawing is the Stage's job.
 */
import type { ImpactGraphResult } from '../language/protocol.js';
import { layoutGraph } from '../language/render/index.js';
import { CompareMarks } from './compare-marks.js';
import { buildPage, setSyntaxErrors, showMessage, type PageElements } from './dom.js';
import { exportSvg, svgToPng } from './export.js';
import {
    asWebviewState, isGraphDelta, isHostMessage, jsonTextOf, type JsonText, type CursorPosition, type DirectionChoice, type HostMessage, type PreviewOptions, type ScopeChoice, type WebviewState
} from './protocol.js';
import { applyDelta } from './graph-delta.js';
import { MetricDetail } from './metric-detail.js';
import { pickerEntries } from './picker-entries.js';
import { graphFaultText, isDrawableResult, matchesQuery, syntaxErrorsText } from './result.js';
import { Stage, type UpdateReason } from './stage.js';
import { Toolbar } from './toolbar.js';
import type { Host } from './vscode-api.js';

export class PreviewApp {
    private readonly page: PageElements;
    private readonly toolbar: Toolbar;
    private readonly stage: Stage;
    private readonly compare: CompareMarks;
    private readonly detail: MetricDetail;
    private state: WebviewState;
    /** The state came from before a reload: its zoom and pan win over framing. */
    private restored: boolean;
    private result: ImpactGraphResult | undefined;
    private lastOptions: PreviewOptions | undefined;
    private matches: string[] = [];
    private matchIndex = 0;
    private saveQueued = false;
    /** The number of the graph held, for deltas (undefined: none can apply, the next must be whole). */
    private seq: number | undefined;
    /** A graph came after the banner: it goes when that graph is painted (graphCame). */
    private bannerStale = false;

    constructor(private readonly host: Host) {
        const saved = asWebviewState(host.loadState());
        this.restored = saved !== undefined;
        this.state = saved ?? { zoom: 1, pan: { x: 0, y: 0 }, scope: { kind: 'cursor' }, direction: 'auto', hideLearningMetrics: false, search: '' };
        this.page = buildPage();
        this.toolbar = new Toolbar({
            scope: choice => this.setScope(choice),
            direction: choice => this.setDirection(choice),
            hideLearningMetrics: hidden => this.setHideLearningMetrics(hidden),
            search: (text, next) => this.onSearch(text, next),
            zoom: factor => this.stage.viewport.zoomBy(factor),
            fit: () => this.stage.fit(),
            export: format => void this.export(format)
        });
        this.page.toolbarSlot.replaceWith(this.toolbar.element);
        this.toolbar.setHideLearningMetrics(this.state.hideLearningMetrics);
        this.toolbar.setDirection(this.state.direction);
        this.toolbar.setSearch(this.state.search);
        this.stage = new Stage(this.page, {
            state: () => this.state,
            transformChanged: t => { this.state.zoom = t.zoom; this.state.pan = t.pan; this.save(); },
            drawn: nodes => { this.toolbar.setDrawn(nodes > 0); this.applySearch(false, false); },
            post: message => { host.post(message); if (message.type === 'view') this.detail.keepNodeVisible(); },
            scopeTitle: title => this.toolbar.setCursorScope(title),
            painted: () => this.bannerPainted()
        });
        this.stage.viewport.set(this.state);
        this.compare = new CompareMarks(this.page, this.stage.view);
        this.detail = new MetricDetail(this.page.canvas, this.stage.view, this.stage.viewport);
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
        this.stage.onReveal = id => this.reveal(id);
        this.page.canvas.addEventListener('keydown', event => {
            if (event.key === '+' || event.key === '=') this.stage.viewport.zoomBy(1.25);
            else if (event.key === '-') this.stage.viewport.zoomBy(1 / 1.25);
            else if (event.key === '0') this.stage.fit();
        });
    }

    private async onMessage(message: HostMessage): Promise<void> {
        switch (message.type) {
            case 'graph': return this.onGraph(message);
            case 'graph-delta': return this.onDelta(message);
            case 'cursor': return this.onCursor(message, message.show === true);
            case 'syntax-errors':
                this.showBanner(syntaxErrorsText(message));
                setSyntaxErrors(this.page.message, true);
                return;
            case 'graph-fault': return this.onGraphFault(message.message);
            case 'export': return this.export(message.format);
            case 'direction': return this.setDirection(message.direction);
            case 'hide-learning-metrics': return this.setHideLearningMetrics(message.hidden);
            case 'comparison':
                this.compare.set(message.comparison);
                this.stage.view.reclassify();
                if (this.result) this.stage.show(this.compare.merge(this.result), 'edit');
                return;
        }
    }

    private onGraph(message: Extract<HostMessage, { type: 'graph' }>): void {
        const result = parseResult(message.json);
        if (!isDrawableResult(result)) return;
        const first = this.result === undefined;
        this.result = result;
        this.seq = message.seq;
        this.graphCame(message.syntaxErrors === true);
        this.adoptOptions(message.options, first);
        if (message.focus !== undefined) this.state.scope = message.focus ? { kind: 'focus', id: message.focus } : { kind: 'workspace' };
        if (this.state.scope.kind === 'focus' && !result.focusable.some(f => f.id === (this.state.scope as { id: string }).id)) this.state.scope = { kind: 'cursor' };
        if (message.cursor) this.stage.setCursor(message.cursor);
        // The toolbar in a task of its own: a large workspace has hundreds of programs and outcomes to list.
        const entries = pickerEntries(result.focusable, result.graph);
        setTimeout(() => {
            this.toolbar.setFocusable(entries, this.state.scope);
            this.toolbar.setHideLearningMetrics(this.state.hideLearningMetrics);
            this.toolbar.setDirection(this.state.direction);
        }, 0);
        this.save();
        const reason: UpdateReason = !first ? 'edit' : this.restored ? 'restore' : 'first';
        this.stage.show(this.compare.merge(result), reason);
        this.detail.setGraph(result.graph);
    }

    /** The server could not build the graph: the one held stays, under a banner; with none, the message says why. */
    private onGraphFault(reason: string): void {
        if (this.result) {
            this.showBanner(graphFaultText(reason, true));
        } else {
            showMessage(this.page.message, 'The impact chain could not be built', [graphFaultText(reason, false)]);
        }
    }

    /**
     * Shows `text` in the banner (role="alert"): the DOM is touched only
     * when it says something new, so that a screen reader does not hear the
     * same alert again on every edit.
     */
    private showBanner(text: string): void {
        this.bannerStale = false;
        const banner = this.page.banner;
        if (banner.textContent !== text) banner.textContent = text;
        if (banner.hidden) banner.hidden = false;
    }

    /**
     * A graph clears the banner once it is painted (bannerPainted), unless
     * it comes with syntax errors (`syntaxErrors`: their message follows it,
     * and may come after the graph is painted): then the banner stays as it
     * is, not hidden and shown again (it flickered, and was an alert again).
     */
    private graphCame(syntaxErrors: boolean): void {
        if (syntaxErrors) {
            this.bannerStale = false;
            return;
        }
        if (!this.page.banner.hidden) this.bannerStale = true;
        setSyntaxErrors(this.page.message, false);
    }

    private bannerPainted(): void {
        if (!this.bannerStale) return;
        this.bannerStale = false;
        this.page.banner.hidden = true;
    }

    /** Applies a delta to the graph held; asks for the whole graph when it does not fit. */
    private onDelta(message: Extract<HostMessage, { type: 'graph-delta' }>): void {
        const delta = parseResult(message.json);
        if (!this.result || this.seq !== message.base || !isGraphDelta(delta)
            || !isDrawableResult({ graph: { nodes: delta.nodes.set, edges: delta.edges.added }, findings: delta.findings.set, focusable: delta.focusable ?? [] })) {
            this.seq = undefined;
            this.host.post({ type: 'resync' });
            return;
        }
        this.result = applyDelta(this.result, delta);
        this.seq = message.seq;
        this.graphCame(message.syntaxErrors === true);
        const before = JSON.stringify([this.state.hideLearningMetrics, this.state.direction]);
        this.adoptOptions(message.options, false);
        if (delta.focusable) this.toolbar.setFocusable(pickerEntries(delta.focusable, this.result.graph), this.state.scope);
        if (JSON.stringify([this.state.hideLearningMetrics, this.state.direction]) !== before) {
            this.toolbar.setHideLearningMetrics(this.state.hideLearningMetrics);
            this.toolbar.setDirection(this.state.direction);
            this.save();
            this.stage.show(this.compare.merge(this.result), 'layout');
        } else {
            // Ghosts of a comparison are not in the delta's base: with them, lay out again.
            const shown = this.compare.merge(this.result);
            if (shown === this.result) this.stage.showDelta(this.result, delta);
            else this.stage.show(shown, 'edit');
        }
        this.detail.setGraph(this.result.graph);
    }

    /** Settings win when they change; the first graph after a reload keeps the state's choices. */
    private adoptOptions(options: PreviewOptions, first: boolean): void {
        const hide = options.hideLearningMetrics === true;
        const direction = options.direction ?? 'auto';
        const fresh = first && !this.restored;
        if (fresh || (!first && this.lastOptions?.hideLearningMetrics !== hide)) this.state.hideLearningMetrics = hide;
        if (fresh || (!first && (this.lastOptions?.direction ?? 'auto') !== direction)) this.state.direction = direction;
        this.lastOptions = { hideLearningMetrics: hide, direction };
    }

    private onCursor(cursor: CursorPosition, show: boolean): void {
        this.stage.setCursor(cursor);
        if (show && this.state.scope.kind === 'focus' && !this.stage.cursorInScope()) {
            this.setScope({ kind: 'cursor' });
            return;
        }
        this.stage.cursorMoved();
    }

    private setScope(choice: ScopeChoice): void {
        if (JSON.stringify(choice) === JSON.stringify(this.state.scope)) return;
        this.state.scope = choice;
        this.save();
        if (this.result) this.toolbar.setFocusable(pickerEntries(this.result.focusable, this.result.graph), choice);
        this.stage.update('scope');
    }

    private setDirection(choice: DirectionChoice): void {
        this.toolbar.setDirection(choice);
        if (choice === this.state.direction) return;
        this.state.direction = choice;
        this.save();
        this.stage.update('layout');
    }

    private setHideLearningMetrics(hidden: boolean): void {
        this.toolbar.setHideLearningMetrics(hidden);
        if (hidden === this.state.hideLearningMetrics) return;
        this.state.hideLearningMetrics = hidden;
        this.save();
        this.stage.update('layout');
    }

    private onSearch(text: string, next: boolean): void {
        this.state.search = text;
        this.save();
        this.applySearch(true, next);
    }

    private applySearch(center: boolean, next: boolean): void {
        const layout = this.stage.layout;
        const query = this.state.search.trim().toLowerCase();
        this.matches = query && layout ? layout.nodes.filter(n => matchesQuery(n.node, query)).map(n => n.id) : [];
        this.stage.view.setMatches(new Set(this.matches));
        this.toolbar.setMatches(query ? this.matches.length : undefined);
        if (!center || this.matches.length === 0) return;
        this.matchIndex = next ? (this.matchIndex + 1) % this.matches.length : 0;
        const box = layout?.nodes.find(n => n.id === this.matches[this.matchIndex]);
        if (box) this.stage.viewport.centerOn(box);
    }

    private reveal(id: string): void {
        const node = this.result?.graph.nodes.find(n => n.id === id) ?? this.compare.ghost(id);
        if (node) this.host.post({ type: 'reveal', nodeId: node.id, uri: node.uri, range: node.nameRange ?? node.range });
    }

    private async export(format: 'svg' | 'png'): Promise<void> {
        await this.stage.whenLaidOut();
        const layout = this.stage.layout ?? layoutGraph({ nodes: [], edges: [], coverage: { aligned: 0, total: 0 } });
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
function parseResult(json: JsonText): unknown {
    try {
        return JSON.parse(jsonTextOf(json));
    } catch (error) {
        console.warn(`Align preview: ignored a graph message that is not JSON (${String(error)})`);
        return undefined;
    }
}
