/**
 * Zoom and pan of the drawing: a CSS transform on its element (CSSOM,
 * which a strict CSP allows), wheel zoom around the pointer, drag to pan,
 * fit, framing a chain, centring on a node. Below the readable zoom the
 * drawing gets the `zoomed-out` class (boxes show their names, see
 * zoom-labels.ts).
 */
import { READABLE_ZOOM } from '../language/render/index.js';
import { MIN_ZOOM, shortLabels, type ShortLabels } from './zoom-labels.js';

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

const MAX_ZOOM = 4;
/** The wheel and buttons may zoom out below MIN_ZOOM down to the zoom that shows the whole drawing, but not below this (boxes are specks). */
const LEAST_ZOOM = 0.05;
/**
 * Fit never zooms below this readable floor: MIN_ZOOM, where every box's
 * name is drawn at READABLE_PX on screen. A drawing that needs less to show
 * whole is shown in part at this zoom (fitsWhole, showStart); the wheel and
 * the buttons may still zoom out further.
 */
export const FIT_LEAST_ZOOM = MIN_ZOOM;
const DRAG_THRESHOLD = 4;
/** The share of the pane, each way, that the drawing always covers at least (all of it when smaller). */
const KEEP_IN_VIEW = 1 / 3;
/** Room kept around what is framed: above, at the sides, and below (more: the status line sits there). */
export const FRAME_PAD = 12;
export const FRAME_PAD_BOTTOM = 24;

export class Viewport {
    private transform: ViewTransform = { zoom: 1, pan: { x: 0, y: 0 } };
    private size = { width: 0, height: 0 };
    private drag: { id: number; x: number; y: number; pan: { x: number; y: number }; moved: boolean } | undefined;
    private suppressClick = false;

    private labels: ShortLabels | undefined;

    constructor(
        private readonly container: HTMLElement,
        private readonly content: HTMLElement,
        private readonly onChange: (t: ViewTransform) => void,
        /** Called when the zoomed-out names change step (undefined: back to readable zooms). */
        private readonly onShortLabels: (labels: ShortLabels | undefined) => void
    ) {
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
        const { zoom, pan } = this.bounded(t);
        this.transform = { zoom, pan };
        this.content.style.transform = `translate(${pan.x}px, ${pan.y}px) scale(${zoom})`;
        const labels = shortLabels(zoom);
        if (labels?.size !== this.labels?.size) {
            this.labels = labels;
            this.content.style.setProperty('--align-short-size', labels === undefined ? '' : `${labels.size}px`);
            this.content.classList.toggle('zoomed-out', labels !== undefined);
            this.content.classList.toggle('names-only', labels?.icons === false);
            this.onShortLabels(labels);
        }
        this.onChange(this.current);
    }

    /**
     * Applies the bounds of set again when the drawing or the pane changed
     * size since the view was set: a view restored while the pane had no
     * size (a hidden webview) was not bounded then. Moves only when it is
     * out of bounds (a move removes Fit's notice).
     */
    keepInView(): void {
        const { zoom, pan } = this.bounded(this.transform);
        if (zoom !== this.transform.zoom || pan.x !== this.transform.pan.x || pan.y !== this.transform.pan.y) this.set({ zoom, pan });
    }

    /** The view nearest to `t` within the zoom's range and with part of the drawing in view. */
    private bounded(t: ViewTransform): ViewTransform {
        // A view that is not a number (from a drawing of no size, or a state saved from one) is none: 100% at the origin.
        const finite = Number.isFinite(t.zoom) && Number.isFinite(t.pan.x) && Number.isFinite(t.pan.y);
        const view = finite ? t : { zoom: 1, pan: { x: 0, y: 0 } };
        const zoom = Math.min(MAX_ZOOM, Math.max(this.minZoom(), view.zoom));
        return { zoom, pan: this.inView(view.pan, zoom) };
    }

    /**
     * The pan nearest to `pan` that keeps part of the drawing in view (a
     * drag, the wheel or a key never leaves an empty pane): KEEP_IN_VIEW of
     * the pane each way, or the whole drawing's extent when it is smaller.
     */
    private inView(pan: { x: number; y: number }, zoom: number): { x: number; y: number } {
        const axis = (p: number, length: number, view: number): number => {
            if (length <= 0 || view <= 0) return p;
            const keep = Math.min(length * zoom, view * KEEP_IN_VIEW);
            return Math.min(view - keep, Math.max(keep - length * zoom, p));
        };
        return { x: axis(pan.x, this.size.width, this.container.clientWidth), y: axis(pan.y, this.size.height, this.container.clientHeight) };
    }

    /** The container's size in CSS px. */
    get paneSize(): { width: number; height: number } {
        return { width: this.container.clientWidth, height: this.container.clientHeight };
    }

    /** Zooms by `factor` around a point of the container (default: its centre). */
    zoomBy(factor: number, around?: { x: number; y: number }): void {
        const { zoom, pan } = this.transform;
        const p = around ?? { x: this.container.clientWidth / 2, y: this.container.clientHeight / 2 };
        const next = Math.min(MAX_ZOOM, Math.max(this.minZoom(), zoom * factor));
        const k = next / zoom;
        this.set({ zoom: next, pan: { x: p.x - (p.x - pan.x) * k, y: p.y - (p.y - pan.y) * k } });
    }

    /**
     * Shows the whole drawing, never enlarged beyond 100% nor shrunk below
     * `floor`: the readable zoom when the preview frames by itself (a
     * drawing too large for that is shown from `keep`, centred on it, else
     * from its top-left corner, and scrolls); the smallest zoom when the user
     * asks for Fit (FIT_LEAST_ZOOM), so that the whole drawing is in view
     * (zoomed far out, boxes show their names; a drawing that needs less than
     * FIT_LEAST_ZOOM is shown with showStart instead).
     */
    fit(keep?: Rect, floor = READABLE_ZOOM): void {
        const { width, height } = this.size;
        if (width <= 0 || height <= 0) return;
        this.frame({ x: 0, y: 0, width, height }, keep, floor);
    }

    /**
     * Shows `r` whole at the largest zoom up to 100%, centred; when that
     * would take the zoom below `floor` (by default the readable zoom), at
     * `floor`, centred on `r` but with `keep` (the editor cursor's box) in
     * view, or from `r`'s top-left corner.
     */
    frame(r: Rect, keep?: Rect, floor = READABLE_ZOOM): void {
        const room = this.room();
        const fits = this.fitting(r);
        const zoom = Math.min(MAX_ZOOM, Math.max(this.minZoom(), floor, fits));
        let pan = { x: FRAME_PAD + room.width / 2 - (r.x + r.width / 2) * zoom, y: FRAME_PAD + room.height / 2 - (r.y + r.height / 2) * zoom };
        if (fits < zoom) {
            pan = {
                x: r.width * zoom > room.width ? FRAME_PAD - r.x * zoom : pan.x,
                y: r.height * zoom > room.height ? FRAME_PAD - r.y * zoom : pan.y
            };
            if (keep) pan = this.panToShow(keep, zoom, pan);
        }
        this.set({ zoom, pan });
    }

    /** The pane less the room kept around what is framed. */
    private room(): { width: number; height: number } {
        return { width: Math.max(1, this.container.clientWidth) - 2 * FRAME_PAD, height: Math.max(1, this.container.clientHeight) - FRAME_PAD - FRAME_PAD_BOTTOM };
    }

    /** The zoom (up to 100%) at which `r` fills the room. */
    private fitting(r: Rect): number {
        const room = this.room();
        return Math.min(1, room.width / Math.max(1, r.width), room.height / Math.max(1, r.height));
    }

    /** The smallest zoom: MIN_ZOOM, or the zoom that shows the whole drawing when that is smaller (Fit), down to LEAST_ZOOM. */
    private minZoom(): number {
        const { width, height } = this.size;
        if (width <= 0 || height <= 0) return MIN_ZOOM;
        return Math.max(LEAST_ZOOM, Math.min(MIN_ZOOM, this.fitting({ x: 0, y: 0, width, height })));
    }

    /** Whether Fit can show the whole drawing, at FIT_LEAST_ZOOM or more. */
    fitsWhole(): boolean {
        const { width, height } = this.size;
        return width <= 0 || height <= 0 || this.fitting({ x: 0, y: 0, width, height }) >= FIT_LEAST_ZOOM - 1e-9;
    }

    /**
     * Fit for a drawing too large to show whole (fitsWhole): at the readable
     * floor FIT_LEAST_ZOOM, `top` px kept clear above (room for a notice),
     * centred on `keep` (the editor cursor's box) as far as the drawing
     * reaches, else from the drawing's top-left corner (the chain's start).
     */
    showStart(keep: Rect | undefined, top: number): void {
        const zoom = FIT_LEAST_ZOOM;
        let pan = { x: FRAME_PAD, y: FRAME_PAD + top };
        if (keep) {
            const { width, height } = this.size;
            const room = { width: this.container.clientWidth - 2 * FRAME_PAD, height: this.container.clientHeight - top - FRAME_PAD - FRAME_PAD_BOTTOM };
            // Centred on it, but with no empty room beyond the drawing's edges. A drawing narrower than the room is centred
            // across; one shorter than it starts at the top, under the notice (centred, it left an empty band above).
            const axis = (start: number, centre: number, length: number, view: number, fits: 'centre' | 'start'): number => {
                if (length * zoom <= view) return fits === 'start' ? start : start + (view - length * zoom) / 2;
                return Math.min(start, Math.max(start + view - length * zoom, start + view / 2 - centre * zoom));
            };
            pan = {
                x: axis(FRAME_PAD, keep.x + keep.width / 2, width, room.width, 'centre'),
                y: axis(FRAME_PAD + top, keep.y + keep.height / 2, height, room.height, 'start')
            };
        }
        this.set({ zoom, pan });
    }

    /** Whether `r` is wholly in view now, at a readable zoom. */
    shows(r: Rect): boolean {
        const { zoom, pan } = this.transform;
        const left = pan.x + r.x * zoom;
        const top = pan.y + r.y * zoom;
        return zoom >= READABLE_ZOOM - 1e-9 && left >= 0 && top >= 0 && left + r.width * zoom <= this.container.clientWidth + 0.5 && top + r.height * zoom <= this.container.clientHeight + 0.5;
    }

    /** The pan nearest to `pan` that shows `r` whole (as much of it as fits, from its top-left). */
    private panToShow(r: Rect, zoom: number, pan: { x: number; y: number }): { x: number; y: number } {
        // The pans that show [start, start + length] lie in [low, high]; a box larger than the view shows from its start.
        const axis = (p: number, start: number, length: number, view: number, after: number): number => {
            const low = FRAME_PAD - start * zoom;
            const high = view - after - (start + length) * zoom;
            return high < low ? low : Math.min(high, Math.max(low, p));
        };
        return { x: axis(pan.x, r.x, r.width, this.container.clientWidth, FRAME_PAD), y: axis(pan.y, r.y, r.height, this.container.clientHeight, FRAME_PAD_BOTTOM) };
    }

    /**
     * Centres a rectangle of the drawing, zooming in to the readable size
     * when needed; along a side where the drawing is larger than the pane,
     * no further than its edge (a match in the top row is shown at the top,
     * not below an empty band). Along a side where the drawing fits in the
     * pane, all of it is shown from its start (FRAME_PAD in, or centred when
     * there is less room than that): any match is then in view, and no empty
     * band pushes the drawing's far end out of the pane. A drawing already
     * wholly in view along that side at this zoom stays where it is (Fit
     * centred it: a search does not make it jump to the edge).
     */
    centerOn(r: Rect, minZoom = READABLE_ZOOM): void {
        const zoom = Math.max(this.transform.zoom, minZoom);
        const same = zoom === this.transform.zoom;
        const axis = (centre: number, length: number, view: number, now: number): number => {
            const p = view / 2 - centre * zoom;
            if (length * zoom > view) return Math.min(0, Math.max(view - length * zoom, p));
            return same && now >= 0 && now + length * zoom <= view ? now : Math.min(FRAME_PAD, (view - length * zoom) / 2);
        };
        const pan = this.transform.pan;
        this.set({ zoom, pan: { x: axis(r.x + r.width / 2, this.size.width, this.container.clientWidth, pan.x), y: axis(r.y + r.height / 2, this.size.height, this.container.clientHeight, pan.y) } });
    }

    /** Brings a rectangle into view when it is not wholly in view (keyboard focus). */
    ensureVisible(r: Rect): void {
        const { zoom, pan } = this.transform;
        const left = pan.x + r.x * zoom;
        const top = pan.y + r.y * zoom;
        const inside = left >= 0 && top >= 0 && left + r.width * zoom <= this.container.clientWidth && top + r.height * zoom <= this.container.clientHeight;
        if (!inside) this.set({ zoom, pan: this.panToShow(r, zoom, pan) });
    }

    /**
     * The wheel: upright (a mouse wheel, a trackpad's vertical scroll) and
     * with Ctrl (a trackpad's pinch) it zooms around the pointer; sideways (a
     * trackpad's horizontal scroll, deltaX) and with Shift it pans across.
     */
    private onWheel(e: WheelEvent): void {
        e.preventDefault();
        const lines = e.deltaMode === 1 ? 16 : 1;
        const dx = e.deltaX * lines;
        const dy = e.deltaY * lines;
        // Shift+wheel: some platforms turn it into deltaX themselves, others leave it in deltaY.
        const across = e.ctrlKey ? 0 : e.shiftKey ? dx || dy : Math.abs(dx) > Math.abs(dy) ? dx : 0;
        if (across !== 0) {
            this.panBy(-across, 0);
            return;
        }
        const box = this.container.getBoundingClientRect();
        this.zoomBy(Math.exp(-dy * 0.0015), { x: e.clientX - box.left, y: e.clientY - box.top });
    }

    /** Moves the drawing by (dx, dy) screen px (kept partly in view by set). */
    panBy(dx: number, dy: number): void {
        const { zoom, pan } = this.transform;
        this.set({ zoom, pan: { x: pan.x + dx, y: pan.y + dy } });
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
