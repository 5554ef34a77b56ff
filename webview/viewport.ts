/**
 * Zoom and pan of the drawing: a CSS transform on its element (CSSOM,
 * which a strict CSP allows), wheel zoom around the pointer, drag to pan,
 * fit, centring on a node.
 */
export interface ViewTransform {
    zoom: number;
    pan: { x: number; y: number };
}

export interface Rect {
    x: number;
    y: number;
    width: number;
    height: number;
}

const MIN_ZOOM = 0.02;
const MAX_ZOOM = 4;
/** Below this zoom, text is too small to read: it is hidden (and not painted). */
const TEXT_ZOOM = 0.3;
const DRAG_THRESHOLD = 4;

export class Viewport {
    private transform: ViewTransform = { zoom: 1, pan: { x: 0, y: 0 } };
    private size = { width: 0, height: 0 };
    private drag: { id: number; x: number; y: number; pan: { x: number; y: number }; moved: boolean } | undefined;
    private suppressClick = false;

    constructor(private readonly container: HTMLElement, private readonly content: HTMLElement, private readonly onChange: (t: ViewTransform) => void) {
        container.addEventListener('wheel', e => this.onWheel(e), { passive: false });
        container.addEventListener('pointerdown', e => this.onPointerDown(e));
        container.addEventListener('pointermove', e => this.onPointerMove(e));
        container.addEventListener('pointerup', e => this.onPointerUp(e));
        container.addEventListener('pointercancel', e => this.onPointerUp(e));
        // A drag that ends on a node is not a click on it.
        container.addEventListener('click', e => {
            if (!this.suppressClick) return;
            this.suppressClick = false;
            e.stopPropagation();
            e.preventDefault();
        }, true);
    }

    get current(): ViewTransform {
        return { zoom: this.transform.zoom, pan: { ...this.transform.pan } };
    }

    /** Size of the drawing, for fitting and bounds. */
    setContentSize(width: number, height: number): void {
        this.size = { width, height };
    }

    set(t: ViewTransform): void {
        const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, t.zoom));
        this.transform = { zoom, pan: { x: t.pan.x, y: t.pan.y } };
        this.content.style.transform = `translate(${t.pan.x}px, ${t.pan.y}px) scale(${zoom})`;
        this.content.classList.toggle('zoomed-out', zoom < TEXT_ZOOM);
        this.onChange(this.current);
    }

    /** Zooms by `factor` around a point of the container (default: its centre). */
    zoomBy(factor: number, around?: { x: number; y: number }): void {
        const { zoom, pan } = this.transform;
        const p = around ?? { x: this.container.clientWidth / 2, y: this.container.clientHeight / 2 };
        const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom * factor));
        const k = next / zoom;
        this.set({ zoom: next, pan: { x: p.x - (p.x - pan.x) * k, y: p.y - (p.y - pan.y) * k } });
    }

    /**
     * Shows the whole drawing, never enlarged beyond 100%. With `minZoom`
     * (the first view of a large graph), text stays readable: the drawing
     * is shown from its top-left corner instead.
     */
    fit(minZoom = 0): void {
        const w = Math.max(1, this.container.clientWidth);
        const h = Math.max(1, this.container.clientHeight);
        const { width, height } = this.size;
        if (width <= 0 || height <= 0) return;
        const zoom = Math.min(1, (w - 16) / width, (h - 16) / height);
        if (zoom < minZoom) this.set({ zoom: minZoom, pan: { x: 8, y: 8 } });
        else this.set({ zoom, pan: { x: (w - width * zoom) / 2, y: Math.max(8, (h - height * zoom) / 2) } });
    }

    /** Centres a rectangle of the drawing, zooming in to a readable size when needed. */
    centerOn(r: Rect, minZoom = 0.6): void {
        const zoom = Math.max(this.transform.zoom, minZoom);
        const w = this.container.clientWidth;
        const h = this.container.clientHeight;
        this.set({ zoom, pan: { x: w / 2 - (r.x + r.width / 2) * zoom, y: h / 2 - (r.y + r.height / 2) * zoom } });
    }

    /** Centres a rectangle when it is not wholly in view. */
    ensureVisible(r: Rect): void {
        const { zoom, pan } = this.transform;
        const left = pan.x + r.x * zoom;
        const top = pan.y + r.y * zoom;
        const inside = left >= 0 && top >= 0 && left + r.width * zoom <= this.container.clientWidth && top + r.height * zoom <= this.container.clientHeight;
        if (!inside) this.centerOn(r, zoom);
    }

    private onWheel(e: WheelEvent): void {
        e.preventDefault();
        const box = this.container.getBoundingClientRect();
        const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
        this.zoomBy(Math.exp(-delta * 0.0015), { x: e.clientX - box.left, y: e.clientY - box.top });
    }

    private onPointerDown(e: PointerEvent): void {
        if (e.button !== 0 || this.drag) return;
        this.drag = { id: e.pointerId, x: e.clientX, y: e.clientY, pan: { ...this.transform.pan }, moved: false };
    }

    private onPointerMove(e: PointerEvent): void {
        const d = this.drag;
        if (!d || d.id !== e.pointerId) return;
        const dx = e.clientX - d.x;
        const dy = e.clientY - d.y;
        if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        if (!d.moved) {
            d.moved = true;
            this.container.setPointerCapture(e.pointerId);
            this.container.classList.add('panning');
        }
        this.set({ zoom: this.transform.zoom, pan: { x: d.pan.x + dx, y: d.pan.y + dy } });
    }

    private onPointerUp(e: PointerEvent): void {
        const d = this.drag;
        if (!d || d.id !== e.pointerId) return;
        this.drag = undefined;
        if (!d.moved) return;
        this.suppressClick = true;
        this.container.classList.remove('panning');
        if (this.container.hasPointerCapture(e.pointerId)) this.container.releasePointerCapture(e.pointerId);
        // The click (if any) follows pointerup at once; a drag without one must not swallow the next click.
        setTimeout(() => { this.suppressClick = false; }, 0);
    }
}
