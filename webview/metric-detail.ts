/**
 * The detail panel of a metric node: opened by a click, Enter or Space on a
 * metric node (which also reveals its declaration, as for every node),
 * closed by Escape or its close button (focus then goes back to the node).
 * It lies over the drawing (at the right of a wide pane, along the bottom
 * of a narrow one) and pans the drawing so that the node it describes stays
 * in view beside it. Its content is metric-detail-content.ts.
 */
import type { GraphNode, ImpactGraph } from '../language/graph/types.js';
import type { MeasureText } from '../language/render/index.js';
import { canvasMeasure } from './canvas-measure.js';
import { element } from './dom.js';
import type { GraphView } from './graph-view.js';
import { attributionSection, chartFigure, factsList, kindLine } from './metric-detail-content.js';
import type { Rect, Viewport } from './viewport.js';

/** The chart's width bounds, CSS px: narrower would not hold its labels; wider adds nothing. */
const CHART_MIN = 280;
const CHART_MAX = 520;
/** The panel's element id: nodes refer to it with `aria-controls`. */
const DETAIL_ID = 'metric-detail';
/** Room kept between the node and the panel's edge, CSS px. */
const GAP = 16;

export class MetricDetail {
    readonly element: HTMLElement;
    private readonly heading = element('h2', { id: 'metric-detail-title' });
    private readonly kind = element('p', { class: 'kind' });
    private readonly name = element('code', { class: 'name' });
    private readonly body = element('div', { class: 'detail-body' });
    private graph: ImpactGraph | undefined;
    private nodeId: string | undefined;
    private chartWidth = 0;
    private measurer: MeasureText | undefined;

    constructor(private readonly canvas: HTMLElement, private readonly view: GraphView, private readonly viewport: Viewport) {
        const close = element('button', { type: 'button', class: 'close', 'aria-label': 'Close the metric details', title: 'Close (Escape)' }, '\u00d7');
        close.addEventListener('click', () => this.close());
        this.element = element('aside', { id: DETAIL_ID, class: 'metric-detail', 'aria-labelledby': 'metric-detail-title', tabindex: '-1', hidden: '' },
            element('header', {}, element('div', { class: 'titles' }, this.kind, this.heading, this.name), close), this.body);
        canvas.append(this.element);
        this.listen();
    }

    /** The id of the metric shown, if the panel is open. */
    get shown(): string | undefined {
        return this.nodeId;
    }

    /** A new graph: the open panel shows the metric's new figures, or closes when the metric is gone. */
    setGraph(graph: ImpactGraph): void {
        this.graph = graph;
        if (this.nodeId === undefined) return;
        const node = this.metricNode(this.nodeId);
        if (node) this.render(node);
        else this.close(false);
    }

    /** Opens the panel on a metric node (nothing for another kind of node); focus moves to the panel. */
    open(id: string): void {
        const node = this.metricNode(id);
        if (!node) return;
        this.nodeId = id;
        this.element.hidden = false;
        this.chartWidth = 0;
        this.render(node);
        this.mark();
        this.element.focus({ preventScroll: true });
        requestAnimationFrame(() => this.keepNodeVisible());
    }

    /** Closes the panel; focus goes back to the node it described when `returnFocus`. */
    close(returnFocus = true): void {
        const id = this.nodeId;
        if (id === undefined) return;
        this.nodeId = undefined;
        this.element.hidden = true;
        this.body.replaceChildren();
        this.mark();
        if (returnFocus) this.nodeElement(id)?.focus({ preventScroll: true });
    }

    /** Pans the drawing when the panel covers the node it describes (after opening, and after the drawing moved). */
    keepNodeVisible(): void {
        this.mark();
        const box = this.nodeId === undefined ? undefined : this.view.box(this.nodeId);
        if (!box || this.element.hidden) return;
        const { zoom, pan } = this.viewport.current;
        const c = this.canvas.getBoundingClientRect();
        const p = this.element.getBoundingClientRect();
        // A panel at the right leaves the part at its left; one along the bottom leaves the part above it.
        const free: Rect = p.left - c.left > 1 ? { x: 0, y: 0, width: p.left - c.left, height: c.height } : { x: 0, y: 0, width: c.width, height: p.top - c.top };
        const node: Rect = { x: pan.x + box.x * zoom, y: pan.y + box.y * zoom, width: box.width * zoom, height: box.height * zoom };
        const inside = node.x >= free.x && node.y >= free.y && node.x + node.width <= free.x + free.width - GAP && node.y + node.height <= free.y + free.height - GAP;
        if (inside) return;
        this.viewport.set({ zoom, pan: { x: pan.x + axisShift(node.x, node.width, free.width), y: pan.y + axisShift(node.y, node.height, free.height) } });
    }

    private listen(): void {
        // Another kind of node has no details: picking one closes the panel (the focus stays where it is).
        const activate = (target: EventTarget | null): void => {
            const id = this.view.nodeIdAt(target);
            if (id !== undefined && this.metricNode(id)) this.open(id);
            else if (id !== undefined) this.close(false);
        };
        this.view.root.addEventListener('click', event => activate(event.target));
        this.view.root.addEventListener('keydown', event => {
            if (event.key === 'Enter' || event.key === ' ') activate(event.target);
        });
        document.addEventListener('keydown', event => {
            if (event.key !== 'Escape' || this.nodeId === undefined || event.defaultPrevented) return;
            // Not from the toolbar (the search field keeps its own Escape).
            const at = document.activeElement;
            if (at && at !== document.body && !this.canvas.contains(at)) return;
            event.preventDefault();
            this.close();
        });
        // Inside the panel, the drawing's gestures and keys (drag to pan, wheel to zoom, + - 0) do not apply.
        for (const type of ['pointerdown', 'wheel', 'keydown', 'click'] as const) {
            this.element.addEventListener(type, event => { if (!(event instanceof KeyboardEvent && event.key === 'Escape')) event.stopPropagation(); });
        }
        new ResizeObserver(() => {
            const node = this.nodeId === undefined ? undefined : this.metricNode(this.nodeId);
            if (node && Math.abs(this.widthForChart() - this.chartWidth) >= 8) this.render(node);
        }).observe(this.element);
    }

    /** The node described is `aria-expanded` and controls the panel (and drawn with a dashed ring); no other node is. */
    private mark(): void {
        for (const el of this.view.root.querySelectorAll('.node[aria-expanded]')) {
            if (el.getAttribute('data-id') === this.nodeId) continue;
            el.removeAttribute('aria-expanded');
            el.removeAttribute('aria-controls');
        }
        const el = this.nodeId === undefined ? null : this.nodeElement(this.nodeId);
        el?.setAttribute('aria-expanded', 'true');
        el?.setAttribute('aria-controls', DETAIL_ID);
    }

    private nodeElement(id: string): SVGGElement | null {
        return this.view.root.querySelector<SVGGElement>(`.node[data-id="${CSS.escape(id)}"]`);
    }

    private metricNode(id: string): GraphNode | undefined {
        const node = this.graph?.nodes.find(n => n.id === id);
        return node?.metric ? node : undefined;
    }

    private widthForChart(): number {
        const style = getComputedStyle(this.body);
        const content = this.body.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return Math.max(CHART_MIN, Math.min(CHART_MAX, Math.floor(content)));
    }

    private render(node: GraphNode): void {
        const m = node.metric!;
        this.heading.textContent = node.title ?? node.name;
        this.kind.textContent = kindLine(m);
        this.name.textContent = node.qualifiedName;
        this.chartWidth = this.widthForChart();
        this.measurer ??= canvasMeasure(this.element);
        const attribution = this.graph ? attributionSection(this.graph, node) : undefined;
        this.body.replaceChildren(factsList(m), chartFigure(node, this.chartWidth, this.measurer), ...(attribution ? [attribution] : []));
    }
}

/** How far to move along one axis so that [start, start + length] lies in [GAP, view - GAP], centred when it fits. */
function axisShift(start: number, length: number, view: number): number {
    if (start >= GAP && start + length <= view - GAP) return 0;
    return (view - length) / 2 - start;
}
