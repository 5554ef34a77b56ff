/**
 * The status line (`42 nodes · 40 edges · aligned 9/11`) in the canvas's
 * bottom corner. It costs the drawing no height: framing and Fit keep that
 * strip clear (FRAME_PAD_BOTTOM), and whenever a box comes under it (a
 * search, a pan, a zoom) it is hidden, so that it never covers one.
 */
import type { Rect, ViewTransform } from './viewport.js';

export class StatusLine {
    /** Where it sits in the canvas, CSS px (measured when its text or the pane changes, not on every pan). */
    private rect: Rect | undefined;
    private boxes: readonly Rect[] = [];

    constructor(private readonly element: HTMLElement) {}

    /** New text and boxes (in drawing coordinates), under the transform `t`. */
    show(text: string, boxes: readonly Rect[], t: ViewTransform): void {
        if (this.element.textContent !== text) this.element.textContent = text;
        this.boxes = boxes;
        const e = this.element;
        this.rect = { x: e.offsetLeft, y: e.offsetTop, width: e.offsetWidth, height: e.offsetHeight };
        this.place(t);
    }

    /** Measured again where it sits (the canvas changed size), then placed under the transform `t`. */
    relocate(t: ViewTransform): void {
        const e = this.element;
        if (this.rect) this.rect = { x: e.offsetLeft, y: e.offsetTop, width: e.offsetWidth, height: e.offsetHeight };
        this.place(t);
    }

    /** Hidden while any box lies under it at the transform `t`. */
    place(t: ViewTransform): void {
        const r = this.rect;
        if (!r) return;
        // The status line's rectangle in drawing coordinates, tested against every box: cheap, even for thousands.
        const x0 = (r.x - t.pan.x) / t.zoom;
        const y0 = (r.y - t.pan.y) / t.zoom;
        const x1 = (r.x + r.width - t.pan.x) / t.zoom;
        const y1 = (r.y + r.height - t.pan.y) / t.zoom;
        const covered = this.boxes.some(b => b.x < x1 && b.x + b.width > x0 && b.y < y1 && b.y + b.height > y0);
        this.element.classList.toggle('covered', covered);
    }
}
