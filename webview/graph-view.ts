/**
 * The drawing in the DOM: the same markup as the exported SVG (from
 * language/render), kept up to date node by node so that an edit replaces
 * only what changed. Nodes and edges sit in tiles (small stacked SVGs, see
 * TiledLayer) and large graphs are inserted in slices across frames, so no
 * single frame lays out or paints much.
 */
import type { NodeFindings } from '../language/protocol.js';
import {
    readPath, renderDefs, renderLabelParts, renderEdge, renderNode, shortLabel, SHORT_PITCH, TEXT_X, type GraphLayout, type LaidOutEdge, type LaidOutNode, type MeasureText
} from '../language/render/index.js';
import { canvasMeasure } from './canvas-measure.js';
import { afterNextPaint, nextTask } from './scheduling.js';
import { TiledLayer, type Bounds } from './tiled-layer.js';
import type { Rect } from './viewport.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const ID_PREFIX = 'ag-';
/** Script time per slice, in ms. */
const SLICE_MS = 30;
/** Node changes per slice: what the browser then styles, lays out and paints in that frame. */
const SLICE_NODE_CHANGES = 50;
/** Edge changes per slice (an edge is one path: cheaper than a node). */
const SLICE_EDGE_CHANGES = 800;
/** Small tiles: a tile in view is drawn whole, the others are skipped (tiled-layer.ts). */
const NODES_PER_TILE = 25;
const EDGES_PER_TILE = 50;
/** Room kept between a zoomed-out name and its box's edges, in layout px (the side bar ends 4 px in). */
const SHORT_INSET = { left: 7, right: 5, y: 2 };


export class GraphView {
    /** The element that zooms and pans: it holds the base SVG and the tiles. */
    readonly root: HTMLElement;
    private readonly base: SVGSVGElement;
    private readonly background: SVGRectElement;
    /** The layer labels' boxes and texts (moved along x with the pane, see offsetLabels), and the arrowheads drawn again between them. */
    private readonly columns: SVGGElement;
    private readonly labelHeads: SVGGElement;
    private readonly labelTexts: SVGGElement;
    private labelMeasure: MeasureText | undefined;
    private readonly nodes: TiledLayer<LaidOutNode>;
    private readonly edges: TiledLayer<LaidOutEdge>;
    private layout: GraphLayout | undefined;
    private boxes = new Map<string, LaidOutNode>();
    private generation = 0;
    private highlighted: ReadonlySet<string> | undefined;
    private cursorId: string | undefined;
    private matched: ReadonlySet<string> = new Set();
    private columnsMarkup = '';
    private busy = false;
    /** Extra marks on a node or edge element, applied with the classes (webview/compare-marks.ts). */
    decorateNode: ((el: Element, id: string) => void) | undefined;
    decorateEdge: ((el: Element, edge: LaidOutEdge) => void) | undefined;
    /** Font size of the zoomed-out names, whether the kind icons show beside them, and what measures them (undefined: readable zoom, no names). */
    private short: { size: number; icons: boolean; measure: MeasureText } | undefined;

    constructor() {
        this.root = document.createElement('div');
        this.root.className = 'align-graph';
        this.root.setAttribute('role', 'group');
        this.root.setAttribute('aria-label', 'Impact chain');
        this.base = document.createElementNS(SVG_NS, 'svg');
        this.base.setAttribute('class', 'graph-base');
        this.base.insertAdjacentHTML('beforeend', renderDefs({ idPrefix: ID_PREFIX }));
        this.background = this.child('rect', 'background');
        // The layer labels sit above the edges (which cross them), each on a box of the background, and below the boxes.
        const labels = document.createElementNS(SVG_NS, 'svg');
        labels.setAttribute('class', 'labels');
        labels.setAttribute('width', '1');
        labels.setAttribute('height', '1');
        const group = (cls: string): SVGGElement => {
            const g = document.createElementNS(SVG_NS, 'g');
            g.setAttribute('class', cls);
            labels.append(g);
            return g;
        };
        this.columns = group('columns');
        this.labelHeads = group('label-arrowheads');
        this.labelTexts = group('column-labels');
        const edgeTiles = document.createElement('div');
        edgeTiles.className = 'tiles';
        const nodeTiles = document.createElement('div');
        nodeTiles.className = 'tiles';
        this.root.append(this.base, edgeTiles, labels, nodeTiles);
        this.edges = new TiledLayer(edgeTiles, 'tile edges', EDGES_PER_TILE, (el, edge) => this.classifyEdge(el, edge), edgeBounds);
        this.nodes = new TiledLayer(nodeTiles, 'tile nodes', NODES_PER_TILE, (el, node) => {
            this.classifyNode(el, node.id);
            this.writeShortLabel(el, node);
        }, node => ({ x0: node.x, y0: node.y, x1: node.x + node.width, y1: node.y + node.height }));
    }

    get current(): GraphLayout | undefined {
        return this.layout;
    }

    /**
     * Shows a layout. Resolves true once it is all in the DOM and painted,
     * false when a newer render took over first.
     */
    async render(layout: GraphLayout, findings: Readonly<Record<string, NodeFindings>>): Promise<boolean> {
        const generation = ++this.generation;
        this.busy = true;
        this.layout = layout;
        this.boxes = new Map(layout.nodes.map(n => [n.id, n]));
        const { width, height } = layout;
        for (const [name, value] of [['width', width], ['height', height], ['viewBox', `0 0 ${width} ${height}`]] as const) setIfChanged(this.base, name, String(value));
        this.root.style.width = `${width}px`;
        this.root.style.height = `${height}px`;
        setIfChanged(this.background, 'width', String(width));
        setIfChanged(this.background, 'height', String(height));
        const parts = renderLabelParts(layout, this.labelMeasure ??= canvasMeasure(this.root));
        const columns = parts.halos + parts.arrowheads + parts.texts;
        if (columns !== this.columnsMarkup) {
            this.columnsMarkup = columns;
            this.columns.innerHTML = parts.halos;
            this.labelHeads.innerHTML = parts.arrowheads;
            this.labelTexts.innerHTML = parts.texts;
            this.classifyLabelHeads();
        }
        this.nodes.begin(new Set(layout.nodes.map(n => n.id)));
        this.edges.begin(new Set(layout.edges.map(e => e.key)));
        // Edges by where they start, so that each tile holds edges near one another (and is out of view together).
        const place = new Map(layout.nodes.map((n, index) => [n.id, index]));
        const edges = [...layout.edges].sort((a, b) => (place.get(a.from) ?? 0) - (place.get(b.from) ?? 0) || (place.get(a.to) ?? 0) - (place.get(b.to) ?? 0));
        const options = { findings, interactive: true, idPrefix: ID_PREFIX };
        let i = 0;
        let j = 0;
        // The slices start after the frame that follows the layout's last step (else the browser may run
        // that step and the first slice as one long frame).
        await afterNextPaint();
        if (generation !== this.generation) return false;
        for (;;) {
            const start = performance.now();
            const changes = this.nodes.changes / SLICE_NODE_CHANGES + this.edges.changes / SLICE_EDGE_CHANGES;
            const budget = (): boolean => performance.now() - start < SLICE_MS
                && this.nodes.changes / SLICE_NODE_CHANGES + this.edges.changes / SLICE_EDGE_CHANGES - changes < 1;
            while (budget() && (i < layout.nodes.length || j < edges.length)) {
                if (i < layout.nodes.length) {
                    for (const end = Math.min(layout.nodes.length, i + 25); i < end; i++) this.nodes.add(layout.nodes[i]!.id, renderNode(layout.nodes[i]!, options), layout.nodes[i]!);
                    this.nodes.flush();
                } else {
                    for (const end = Math.min(edges.length, j + 100); j < end; j++) this.edges.add(edges[j]!.key, renderEdge(edges[j]!, options), edges[j]!);
                    this.edges.flush();
                }
            }
            const done = i >= layout.nodes.length && j >= edges.length;
            if (done) {
                this.nodes.end();
                this.edges.end();
                this.busy = false;
            }
            performance.measure('align-render-slice', { start, end: performance.now() });
            // The last slice waits for its frame (the drawing is then on screen); the others only yield.
            await (done ? afterNextPaint() : nextTask());
            if (generation !== this.generation) return false;
            if (done) return true;
        }
    }

    /** True while a render is putting a layout in the DOM (a patch must wait for it). */
    get rendering(): boolean {
        return this.busy;
    }

    /**
     * Draws some nodes again in place (their text or findings changed, not
     * their boxes): the rest of the drawing is left as it is.
     */
    patch(layout: GraphLayout, items: readonly LaidOutNode[], findings: Readonly<Record<string, NodeFindings>>): void {
        this.layout = layout;
        const options = { findings, interactive: true, idPrefix: ID_PREFIX };
        for (const item of items) {
            this.boxes.set(item.id, item);
            this.nodes.replace(item.id, renderNode(item, options), item);
        }
    }

    /** The node id of an event target inside a node, if any. */
    nodeIdAt(target: EventTarget | null): string | undefined {
        const node = target instanceof Element ? target.closest('.node') : null;
        return node?.getAttribute('data-id') ?? undefined;
    }

    /** A node's element, if it is drawn. */
    nodeElement(id: string): (Element & HTMLOrSVGElement) | undefined {
        return this.root.querySelector<SVGGElement>(`.node[data-id="${CSS.escape(id)}"]`) ?? undefined;
    }

    box(id: string): Rect | undefined {
        return this.boxes.get(id);
    }

    /** Highlights a chain (dimming the rest), or clears it with undefined. */
    setHighlight(ids: ReadonlySet<string> | undefined, cursorId?: string): void {
        this.highlighted = ids;
        this.cursorId = cursorId;
        this.root.classList.toggle('has-highlight', ids !== undefined);
        this.reclassify();
    }

    /** Marks search matches. */
    setMatches(ids: ReadonlySet<string>): void {
        const same = ids.size === this.matched.size && [...ids].every(id => this.matched.has(id));
        this.matched = ids;
        if (!same) this.reclassify();
    }

    /** Moves the layer labels along x (rows' labels stay at the pane's left edge when it shows the middle of a wide row). */
    offsetLabels(dx: number): void {
        const transform = dx > 0 ? `translate(${Math.round(dx)} 0)` : 'translate(0 0)';
        setIfChanged(this.columns, 'transform', transform);
        setIfChanged(this.labelTexts, 'transform', transform);
    }

    /** Zoomed far out: every box shows its name wrapped to fit at `size` px; undefined: back to the full lines. */
    setShortLabels(short: { size: number; icons: boolean; measure: MeasureText } | undefined): void {
        this.short = short;
        if (!short) return;
        for (const [, el, node] of this.nodes.all()) this.writeShortLabel(el, node);
    }

    /**
     * The name over the whole box, a line under another, centred down it:
     * right of the kind's icon (where the lines start) while the icon
     * shows, so that the two never overlap; from the box's left edge once
     * it is hidden (names-only, zoom-labels.ts).
     */
    private writeShortLabel(el: Element, node: LaidOutNode): void {
        if (!this.short) return;
        const label = el.querySelector('.node-short');
        if (!label) return;
        const { size, icons, measure } = this.short;
        const x = node.x + (icons ? TEXT_X : SHORT_INSET.left);
        const lines = shortLabel(node.node, node.x + node.width - SHORT_INSET.right - x, node.height - 2 * SHORT_INSET.y, size, measure);
        const pitch = SHORT_PITCH * size;
        setIfChanged(label, 'x', String(x));
        setIfChanged(label, 'y', String(node.y + node.height / 2 - ((lines.length - 1) * pitch) / 2));
        label.replaceChildren(...lines.map((line, i) => {
            const span = document.createElementNS(SVG_NS, 'tspan');
            span.setAttribute('x', String(x));
            if (i > 0) span.setAttribute('dy', String(pitch));
            span.textContent = line;
            return span;
        }));
    }

    /** Applies the classes and marks again to every element (after the marks changed). */
    reclassify(): void {
        for (const [id, el] of this.nodes.all()) this.classifyNode(el, id);
        for (const [, el, edge] of this.edges.all()) this.classifyEdge(el, edge);
        this.classifyLabelHeads();
    }

    /** The arrowheads drawn again above the labels' boxes are highlighted (or dimmed) with their edges. */
    private classifyLabelHeads(): void {
        for (const el of this.labelHeads.children) {
            const on = this.highlighted !== undefined && this.highlighted.has(el.getAttribute('data-from') ?? '') && this.highlighted.has(el.getAttribute('data-to') ?? '');
            el.classList.toggle('highlight', on);
        }
    }

    private classifyNode(el: Element, id: string): void {
        el.classList.toggle('highlight', this.highlighted?.has(id) === true);
        el.classList.toggle('cursor', this.cursorId === id);
        el.classList.toggle('match', this.matched.has(id));
        this.decorateNode?.(el, id);
    }

    private classifyEdge(el: Element, edge: LaidOutEdge): void {
        el.classList.toggle('highlight', this.highlighted !== undefined && this.highlighted.has(edge.from) && this.highlighted.has(edge.to));
        this.decorateEdge?.(el, edge);
    }

    private child<K extends 'rect' | 'g'>(tag: K, cls: string): SVGElementTagNameMap[K] {
        const el = document.createElementNS(SVG_NS, tag);
        el.setAttribute('class', cls);
        this.base.append(el);
        return el;
    }
}

/** The box around an edge: a cubic curve lies inside the hull of its points (readPath). */
function edgeBounds(edge: LaidOutEdge): Bounds {
    const points = readPath(edge.path)?.flat() ?? [];
    if (points.length === 0) return { x0: 0, y0: 0, x1: 0, y1: 0 };
    const xs = points.map(p => p.x);
    const ys = points.map(p => p.y);
    return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Sets an attribute only when its value changes (setting an SVG size again would lay it out again). */
function setIfChanged(el: Element, name: string, value: string): void {
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
