/**
 * The drawing on screen: which part of the graph the scope shows, its
 * layout for the pane (planner.ts), the highlight of the cursor's chain and
 * where the view goes: on a first drawing, a new scope, a new direction or
 * filter, a resize, or a cursor move whose chain is not in view, the view
 * frames the cursor's chain at a readable size (or everything, when that is
 * readable); after an edit it stays where it is.
 */
import type { GraphNode } from '../language/graph/types.js';
import type { ImpactGraphResult } from '../language/protocol.js';
import { columnOf, GEOMETRY, type GraphLayout, type MeasureText } from '../language/render/index.js';
import { canvasMeasure } from './canvas-measure.js';
import { chainThrough, nodeAt } from '../language/graph/chain-through.js';
import { showEmptyState, showNotice, statusText, tooLargeText, type PageElements } from './dom.js';
import { changesContentOnly } from './graph-delta.js';
import { GraphView } from './graph-view.js';
import { patchLayout } from './patch.js';
import { frameChain, needsFraming, type Chain, type UpdateReason } from './framing.js';
import { boxOf, Planner, runSteps, type Plan } from './planner.js';
import type { CursorPosition, GraphDelta, ScopeChoice, WebviewMessage, WebviewState } from './protocol.js';
import { viewReport } from './report.js';
import { listenToNodes } from './node-events.js';
import { scopeIds, scopeTitle } from './scope.js';
import { focusGraphs } from '../language/graph/focus-graph.js';
import { StatusLine } from './status-line.js';
import { scaleFocusRing } from './focus-ring.js';
import { FIT_LEAST_ZOOM, Viewport, type ViewTransform } from './viewport.js';

export type { UpdateReason } from './framing.js';

export interface StageHooks {
    state(): WebviewState;
    transformChanged(t: ViewTransform): void;
    /** A layout is in place, of `nodes` boxes (search matches can be found; with none there is nothing to zoom or export). */
    drawn(nodes: number): void;
    post(message: WebviewMessage): void;
    /** What "follow the cursor" shows now. */
    scopeTitle(title: string): void;
    /** A graph (or a patch) is on screen. */
    painted(): void;
}

const RESIZE_DELAY_MS = 120;

export class Stage {
    readonly view = new GraphView();
    readonly viewport: Viewport;
    onReveal: (id: string) => void = () => undefined;
    private readonly planner: Planner;
    private result: ImpactGraphResult | undefined;
    private cursor: CursorPosition | undefined;
    private plan: Plan | undefined;
    private scopeKey: string | undefined;
    private measurer: MeasureText | undefined;
    private pending: Set<UpdateReason> | undefined;
    private drawGeneration = 0;
    /** The cursor's node when the last drawing was made: an edit that changes it is followed like a cursor move. */
    private drawnAround: string | undefined;
    private renders = 0;
    /** Graphs given to show(), counted (see painted). */
    private shown = 0;
    private pane = { width: 0, height: 0 };
    /** The window's size when the layout was planned: a canvas resized without it is the page's doing (a banner), not the pane's. */
    private window = { width: 0, height: 0 };
    private readonly status: StatusLine;
    /** Fit is moving the view (its notice stays; any other move removes it). */
    private fitting = false;
    /** Settles when the update scheduled last has been laid out. */
    private drawn: Promise<void> = Promise.resolve();

    constructor(private readonly page: PageElements, private readonly hooks: StageHooks) {
        this.planner = new Planner(() => this.measure());
        page.canvas.prepend(this.view.root);
        this.status = new StatusLine(page.status);
        this.viewport = new Viewport(page.canvas, this.view.root, t => {
            hooks.transformChanged(t);
            scaleFocusRing(t.zoom);
            this.stickLabels(t);
            this.status.place(t);
            if (!this.fitting) showNotice(page.notice);
        },
            labels => this.view.setShortLabels(labels === undefined ? undefined : { ...labels, measure: this.measure() }));
        this.listen();
    }

    get layout(): GraphLayout | undefined {
        return this.plan?.layout;
    }

    setCursor(cursor: CursorPosition): void {
        this.cursor = cursor;
    }

    /** Whether the element under the cursor is drawn now. */
    cursorInScope(): boolean {
        const node = this.cursorNode();
        return node !== undefined && this.plan?.layout.nodes.some(n => n.id === node.id) === true;
    }

    /** Shows a new graph. */
    show(result: ImpactGraphResult, reason: UpdateReason): void {
        this.result = result;
        document.body.setAttribute('data-shown', String(++this.shown));
        this.update(reason);
    }

    /**
     * Shows a graph that a delta changed: only the boxes whose text or
     * findings changed are drawn again when nothing else moves (patch.ts);
     * otherwise a new layout that keeps everyone's place, as after any edit.
     */
    showDelta(result: ImpactGraphResult, delta: GraphDelta): void {
        const before = this.result;
        this.result = result;
        const plan = this.plan;
        const start = performance.now();
        const patched = plan && before && !this.pending && !this.view.rendering && changesContentOnly(delta, before)
            ? patchLayout(plan.layout, delta, this.measure(), before) : undefined;
        if (!plan || !patched) {
            this.update('edit');
            return;
        }
        this.plan = { ...plan, layout: patched.layout, base: plan.base === plan.layout ? patched.layout : plan.base };
        this.view.patch(patched.layout, patched.items, result.findings);
        this.hooks.drawn(this.plan?.layout.nodes.length ?? 0);
        performance.measure('align-patch', { start, end: performance.now() });
        // Counted once the frame that shows the patch is painted.
        requestAnimationFrame(() => setTimeout(() => this.painted(patched.layout, this.shown), 0));
    }

    /** The cursor moved: a new scope, a new layout for its chain, or only a new highlight. */
    cursorMoved(): void {
        const plan = this.plan;
        if (!this.result || !plan || this.pending) return;
        const ids = this.currentScope();
        if (this.keyOf(ids) !== this.scopeKey) return this.update('scope');
        if (this.planner.needsNewPlan(plan, this.chain(), this.viewport.paneSize)) return this.update('cursor');
        const cursorIds = this.cursorScope(ids);
        this.nameCursorScope(cursorIds);
        this.highlight(cursorIds);
        const chain = this.chain();
        const box = chain && boxOf(plan.layout, chain.ids);
        if (box && !this.viewport.shows(box)) frameChain(this.viewport, plan.layout, chain);
        // This move is followed: an edit after it (a syntax error fixed) keeps the view the user has since chosen.
        this.drawnAround = chain?.around;
        this.report();
    }

    /**
     * Fit (the toolbar's button, the 0 key): the whole drawing in view, as
     * small as it takes but never below the readable floor FIT_LEAST_ZOOM
     * (zoomed far out, boxes show their names at 11 px). A drawing too large
     * for that (Viewport.fitsWhole) is shown at that floor, centred on the
     * cursor's box or from its start, and a notice at the canvas's top says
     * what to do; the view's next move removes it.
     */
    fit(): void {
        const around = this.chain()?.around;
        const keep = around ? this.plan?.layout.nodes.find(n => n.id === around) : undefined;
        if (this.viewport.fitsWhole()) {
            showNotice(this.page.notice);
            this.viewport.fit(keep, FIT_LEAST_ZOOM);
            return;
        }
        const top = showNotice(this.page.notice, tooLargeText(this.hooks.state().scope.kind === 'focus'));
        this.fitting = true;
        try {
            this.viewport.showStart(keep, top);
        } finally {
            this.fitting = false;
        }
    }

    /** Lays out and draws in a task of its own; several calls before it runs make one. */
    update(reason: UpdateReason): void {
        if (this.pending) {
            this.pending.add(reason);
            return;
        }
        this.pending = new Set([reason]);
        this.drawn = new Promise<void>(resolve => setTimeout(() => {
            const reasons = this.pending!;
            this.pending = undefined;
            void this.draw(reasons).finally(resolve);
        }, 0));
    }

    /** Resolves once every update asked for so far is laid out (an export right after a graph waits for it). */
    async whenLaidOut(): Promise<void> {
        let drawn: Promise<void>;
        do {
            drawn = this.drawn;
            await drawn;
        } while (drawn !== this.drawn || this.pending !== undefined);
    }

    private listen(): void {
        listenToNodes(this.view, this.viewport, id => this.onReveal(id));
        let timer: ReturnType<typeof setTimeout> | undefined;
        new ResizeObserver(() => {
            clearTimeout(timer);
            timer = setTimeout(() => {
                const size = this.viewport.paneSize;
                if (!this.result || (size.width === this.pane.width && size.height === this.pane.height)) return;
                // The page's own layout changed the canvas's height (a banner came or went), not the pane: the view the user chose stays.
                // (A canvas that had or has no size, a hidden webview, is a resize.)
                const own = window.innerWidth === this.window.width && window.innerHeight === this.window.height
                    && size.width === this.pane.width && size.height > 0 && this.pane.height > 0;
                if (own) {
                    this.viewport.keepInView();
                    this.status.relocate(this.viewport.current);
                    return;
                }
                this.update('resize');
            }, RESIZE_DELAY_MS);
        }).observe(this.page.canvas);
    }

    private measure(): MeasureText {
        return this.measurer ??= canvasMeasure(this.view.root);
    }

    private cursorNode(): GraphNode | undefined {
        return this.result && this.cursor ? nodeAt(this.result.graph, this.cursor.uri, this.cursor) : undefined;
    }

    private currentScope(): string[] {
        return this.scopeOf(this.hooks.state().scope);
    }

    /** The ids `choice` stands for now. */
    private scopeOf(choice: ScopeChoice): string[] {
        const cursor = this.cursor ? { node: this.cursorNode(), uri: this.cursor.uri } : undefined;
        return this.result ? scopeIds(this.result.graph, choice, cursor) : [];
    }

    /** The ids of the cursor's own scope, worked out once per update: `shown` (the scope drawn) when the cursor's scope is what is picked. */
    private cursorScope(shown: string[]): string[] {
        return this.hooks.state().scope.kind === 'cursor' ? shown : this.scopeOf({ kind: 'cursor' });
    }

    /**
     * Whether what is drawn is about the cursor: its own scope or the whole
     * workspace, a picked program or outcome the cursor is in, or one that
     * draws the element under the cursor (`cursorIds`: the cursor's scope).
     */
    private cursorChainShown(cursorIds: readonly string[]): boolean {
        const scope = this.hooks.state().scope;
        return scope.kind !== 'focus' || this.cursorInScope() || cursorIds.includes(scope.id);
    }

    /** Names what the picker's "Cursor" entry would show (`cursorIds`), whatever is picked. */
    private nameCursorScope(cursorIds: string[]): void {
        if (this.result) this.hooks.scopeTitle(scopeTitle(this.result.graph, cursorIds));
    }

    private keyOf(ids: readonly string[]): string {
        return `${JSON.stringify(this.hooks.state().scope)}|${ids.join('|')}`;
    }

    private chain(): Chain | undefined {
        const node = this.cursorNode();
        return node && this.result ? { ids: chainThrough(this.result.graph, node), around: node.id } : undefined;
    }

    private async draw(reasons: ReadonlySet<UpdateReason>): Promise<void> {
        const result = this.result;
        if (!result) return;
        const shown = this.shown;
        const generation = ++this.drawGeneration;
        const state = this.hooks.state();
        const ids = this.currentScope();
        const key = this.keyOf(ids);
        const newScope = key !== this.scopeKey;
        this.scopeKey = key;
        // The scope's part of the graph: the union of each program's or outcome's chain.
        const graph = focusGraphs(result.graph, ids);
        this.nameCursorScope(this.cursorScope(ids));
        this.pane = this.viewport.paneSize;
        this.window = { width: window.innerWidth, height: window.innerHeight };
        const previous = this.plan;
        const keep = !newScope && !reasons.has('layout');
        const steps = this.planner.plan({ graph, hideLearningMetrics: state.hideLearningMetrics, direction: state.direction, pane: this.pane, chain: this.chain(), keep });
        const plan = await runSteps(steps, () => generation === this.drawGeneration);
        if (!plan) return;
        this.plan = plan;
        this.viewport.setContentSize(plan.layout.width, plan.layout.height);
        this.stickLabels(this.viewport.current);
        showEmptyState(this.page.message, plan.layout.nodes.length > 0 ? 'none' : result.graph.nodes.some(n => columnOf(n) !== undefined) ? 'filtered' : 'empty');
        this.status.show(statusText(plan.layout.nodes.length, plan.layout.edges.length, graph.coverage), plan.layout.nodes, this.viewport.current);
        // Worked out again: the cursor may have moved while the layout was planned.
        this.highlight(this.cursorScope(ids));
        if (reasons.has('restore') && !reasons.has('first')) this.viewport.set(state);
        else if (needsFraming(reasons, newScope, previous, plan, this.viewport, this.chain(), this.chain()?.around !== this.drawnAround)) frameChain(this.viewport, plan.layout, this.chain());
        // A view kept (an edit, a resize): bounded again for the drawing and pane of now (one restored while the pane had no size was not).
        else this.viewport.keepInView();
        this.drawnAround = this.chain()?.around;
        this.hooks.drawn(plan.layout.nodes.length);
        void this.view.render(plan.layout, result.findings).then(complete => {
            if (!complete) return;
            this.painted(plan.layout, shown);
            this.report();
        });
    }

    /**
     * A drawing (or a patch) is on screen: counted for tests, marked for the
     * benchmark. `shown` counts the graphs given to show() up to the one drawn,
     * so a test waits for its graph, not for a redraw of the one before it
     * (a resize when the banner comes or goes).
     */
    private painted(layout: GraphLayout, shown: number): void {
        this.hooks.painted();
        this.renders++;
        document.body.setAttribute('data-renders', String(this.renders));
        document.body.setAttribute('data-painted-graphs', String(shown));
        performance.mark('align-painted', { detail: { nodes: layout.nodes.length, edges: layout.edges.length } });
    }

    /** Rows' labels follow the pane's left edge (columns' labels stay on top: they would cover boxes). */
    private stickLabels(t: ViewTransform): void {
        const layout = this.plan?.layout;
        this.view.offsetLabels(layout?.direction === 'down' ? Math.min(layout.width, -t.pan.x / t.zoom + 8 - GEOMETRY.margin) : 0);
    }

    /** Highlights the cursor's chain, dimming the rest; a program or outcome picked away from the cursor is shown whole, none of it dimmed. */
    private highlight(cursorIds: readonly string[]): void {
        const chain = this.cursorChainShown(cursorIds) ? this.chain() : undefined;
        this.view.setHighlight(chain?.ids, chain?.around);
    }

    /** Tells the host what is shown, once the browser has laid it out. */
    private report(): void {
        requestAnimationFrame(() => {
            const plan = this.plan;
            const result = this.result;
            if (!plan || !result) return;
            const state = this.hooks.state();
            this.hooks.post(viewReport({
                layout: plan.layout, state, zoom: this.viewport.current.zoom, pane: this.viewport.paneSize, chain: this.chain(),
                scopeTitle: scopeTitle(result.graph, this.currentScope()), canvas: this.page.canvas, root: this.view.root
            }));
        });
    }
}
