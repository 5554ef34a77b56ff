/**
 * The drawing on screen: which part of the graph the scope shows, its
 * layout for the pane (planner.ts), the highlight of the cursor's chain and
 * where the view goes: on a first drawing, a new scope, a new direction or
 * filter, a resize, or a cursor move whose chain is not in view, the view
 * frames the cursor's chain at a readable size (or everything, when that is
 * readable); after an edit it stays where it is.
 */
import type { GraphNode, ImpactGraph } from '../language/graph/types.js';
import type { ImpactGraphResult } from '../language/protocol.js';
import { columnOf, GEOMETRY, type GraphLayout, type MeasureText } from '../language/render/index.js';
import { canvasMeasure } from './canvas-measure.js';
import { chainOf, nodeAt } from './chain.js';
import { showEmptyState, type PageElements } from './dom.js';
import { GraphView } from './graph-view.js';
import { boxOf, fitsReadable, LABEL_ROOM, Planner, type Plan } from './planner.js';
import type { CursorPosition, WebviewMessage, WebviewState } from './protocol.js';
import { chainViews } from './report.js';
import { scopedGraph, scopeIds, scopeTitle } from './scope.js';
import { Viewport, type ViewTransform } from './viewport.js';

/** Why the drawing is updated: it decides whether places are kept and whether the view moves. */
export type UpdateReason = 'first' | 'restore' | 'edit' | 'scope' | 'layout' | 'resize' | 'cursor';

export interface StageHooks {
    state(): WebviewState;
    transformChanged(t: ViewTransform): void;
    /** A layout is in place (search matches can be found). */
    drawn(): void;
    post(message: WebviewMessage): void;
    /** What "follow the cursor" shows now. */
    scopeTitle(title: string): void;
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
    private renders = 0;
    private pane = { width: 0, height: 0 };
    /** Settles when the update scheduled last has been laid out. */
    private drawn: Promise<void> = Promise.resolve();

    constructor(private readonly page: PageElements, private readonly hooks: StageHooks) {
        this.planner = new Planner(() => this.measure());
        page.canvas.prepend(this.view.root);
        this.viewport = new Viewport(page.canvas, this.view.root, t => { hooks.transformChanged(t); this.stickLabels(t); },
            size => this.view.setShortLabels(size === undefined ? undefined : { size, measure: this.measure() }));
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
        this.update(reason);
    }

    /** The cursor moved: a new scope, a new layout for its chain, or only a new highlight. */
    cursorMoved(): void {
        const plan = this.plan;
        if (!this.result || !plan || this.pending) return;
        if (this.keyOf(this.currentScope()) !== this.scopeKey) return this.update('scope');
        if (this.planner.needsNewPlan(plan, this.chain(), this.viewport.paneSize)) return this.update('cursor');
        this.highlight();
        const chain = this.chain();
        const box = chain && boxOf(plan.layout, chain.ids);
        if (box && !this.viewport.shows(box)) this.frame(plan.layout);
        this.report();
    }

    /** Fit: the whole drawing, no smaller than readable (then from the cursor's box). */
    fit(): void {
        const around = this.chain()?.around;
        this.viewport.fit(around ? this.plan?.layout.nodes.find(n => n.id === around) : undefined);
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
        const root = this.view.root;
        root.addEventListener('click', event => {
            const id = this.view.nodeIdAt(event.target);
            if (id) this.onReveal(id);
        });
        root.addEventListener('keydown', event => {
            const id = this.view.nodeIdAt(event.target);
            if (!id || (event.key !== 'Enter' && event.key !== ' ')) return;
            event.preventDefault();
            this.onReveal(id);
        });
        root.addEventListener('focusin', event => {
            const id = this.view.nodeIdAt(event.target);
            const box = id ? this.view.box(id) : undefined;
            if (box) this.viewport.ensureVisible(box);
        });
        let timer: ReturnType<typeof setTimeout> | undefined;
        new ResizeObserver(() => {
            clearTimeout(timer);
            timer = setTimeout(() => {
                const size = this.viewport.paneSize;
                if (this.result && (size.width !== this.pane.width || size.height !== this.pane.height)) this.update('resize');
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
        const cursor = this.cursor ? { node: this.cursorNode(), uri: this.cursor.uri } : undefined;
        return this.result ? scopeIds(this.result.graph, this.hooks.state().scope, cursor) : [];
    }

    private keyOf(ids: readonly string[]): string {
        return `${JSON.stringify(this.hooks.state().scope)}|${ids.join('|')}`;
    }

    private chain(): { ids: ReadonlySet<string>; around: string } | undefined {
        const node = this.cursorNode();
        return node && this.result ? { ids: chainOf(this.result.graph, node), around: node.id } : undefined;
    }

    private async draw(reasons: ReadonlySet<UpdateReason>): Promise<void> {
        const result = this.result;
        if (!result) return;
        const generation = ++this.drawGeneration;
        const state = this.hooks.state();
        const ids = this.currentScope();
        const key = this.keyOf(ids);
        const newScope = key !== this.scopeKey;
        this.scopeKey = key;
        const graph = scopedGraph(result.graph, ids);
        this.hooks.scopeTitle(scopeTitle(result.graph, ids));
        this.pane = this.viewport.paneSize;
        const previous = this.plan;
        const keep = !newScope && !reasons.has('layout');
        const plan = await this.runPlan(graph, state, keep, generation);
        if (!plan) return;
        this.plan = plan;
        this.viewport.setContentSize(plan.layout.width, plan.layout.height);
        this.stickLabels(this.viewport.current);
        showEmptyState(this.page.message, plan.layout.nodes.length > 0 ? 'none' : result.graph.nodes.some(n => columnOf(n) !== undefined) ? 'filtered' : 'empty');
        this.page.status.textContent = `${plan.layout.nodes.length} nodes · ${plan.layout.edges.length} edges · aligned ${graph.coverage.aligned}/${graph.coverage.total}`;
        this.highlight();
        this.place(reasons, newScope, previous, plan);
        this.hooks.drawn();
        void this.view.render(plan.layout, result.findings).then(complete => {
            if (!complete) return;
            this.renders++;
            document.body.setAttribute('data-renders', String(this.renders));
            performance.mark('align-painted', { detail: { nodes: plan.layout.nodes.length, edges: plan.layout.edges.length } });
            this.report();
        });
    }

    /** Runs the planner's steps, each in a task of its own; undefined when a newer draw took over. */
    private async runPlan(graph: ImpactGraph, state: WebviewState, keep: boolean, generation: number): Promise<Plan | undefined> {
        const steps = this.planner.plan({ graph, hideLearningMetrics: state.hideLearningMetrics, direction: state.direction, pane: this.pane, chain: this.chain(), keep });
        const started = performance.now();
        for (;;) {
            const start = performance.now();
            const step = steps.next();
            performance.measure('align-layout-step', { start, end: performance.now() });
            if (step.done) {
                performance.measure('align-layout', { start: started, end: performance.now() });
                return step.value;
            }
            await new Promise(resolve => setTimeout(resolve, 0));
            if (generation !== this.drawGeneration) return undefined;
        }
    }

    /** Where the view goes after a drawing. */
    private place(reasons: ReadonlySet<UpdateReason>, newScope: boolean, previous: Plan | undefined, plan: Plan): void {
        if (reasons.has('restore') && !reasons.has('first')) {
            this.viewport.set(this.hooks.state());
            return;
        }
        const moved = previous !== undefined && (previous.layout.direction !== plan.layout.direction || previous.layout.nodeWidth !== plan.layout.nodeWidth || previous.aligned || plan.aligned);
        const chain = this.chain();
        const box = chain && boxOf(plan.layout, chain.ids);
        const lost = box !== undefined && !this.viewport.shows(box);
        if (reasons.has('first') || reasons.has('layout') || newScope || ((reasons.has('resize') || reasons.has('cursor')) && (moved || lost))) this.frame(plan.layout);
    }

    /** Frames the cursor's chain (everything, when everything is readable). */
    private frame(layout: GraphLayout): void {
        const chain = this.chain();
        const box = chain && boxOf(layout, chain.ids);
        if (!box || fitsReadable({ x: 0, y: 0, width: layout.width, height: layout.height }, this.viewport.paneSize)) {
            this.viewport.fit();
            return;
        }
        // With the label of the layer above the chain's first box.
        const top = Math.max(0, box.y - LABEL_ROOM);
        this.viewport.frame({ ...box, y: top, height: box.height + box.y - top }, layout.nodes.find(n => n.id === chain.around));
    }

    /** Rows' labels follow the pane's left edge (columns' labels stay on top: they would cover boxes). */
    private stickLabels(t: ViewTransform): void {
        const layout = this.plan?.layout;
        this.view.offsetLabels(layout?.direction === 'down' ? Math.min(layout.width, -t.pan.x / t.zoom + 8 - GEOMETRY.margin) : 0);
    }

    private highlight(): void {
        const chain = this.chain();
        this.view.setHighlight(chain?.ids, chain?.around);
    }

    /** Tells the host what is shown, once the browser has laid it out. */
    private report(): void {
        requestAnimationFrame(() => {
            const plan = this.plan;
            const result = this.result;
            if (!plan || !result) return;
            const state = this.hooks.state();
            const chain = this.chain();
            const drawn = new Set(plan.layout.nodes.map(n => n.id));
            const ids = this.currentScope();
            this.hooks.post({
                type: 'view', direction: plan.layout.direction, directionChoice: state.direction, hideLearningMetrics: state.hideLearningMetrics,
                zoom: this.viewport.current.zoom, scope: state.scope, scopeTitle: scopeTitle(result.graph, ids), nodes: plan.layout.nodes.length, pane: this.viewport.paneSize,
                ...(chain && drawn.has(chain.around) ? { cursor: chain.around } : {}),
                chain: chain ? chainViews(this.page.canvas, this.view.root, [...chain.ids].filter(id => drawn.has(id)), this.viewport.current.zoom) : []
            });
        });
    }
}
