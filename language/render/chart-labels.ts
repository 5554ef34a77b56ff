/**
 * Placing the direct labels of a chart (latest value, baseline, target,
 * deadline) so that they neither overlap each other nor cover a data point:
 * each label has candidate positions in order of preference, and the first
 * one that is free and inside the chart wins; when none is free, the one
 * that overlaps least.
 */
import type { MeasureText, TextStyle } from './measure.js';

export interface Box { x: number; y: number; width: number; height: number; }

/** A label to place: its text and style, and where it may go (x, y of the baseline; anchor). */
export interface LabelRequest {
    readonly text: string;
    readonly style: TextStyle;
    readonly candidates: ReadonlyArray<{ x: number; y: number; anchor: 'start' | 'end' }>;
}

export interface PlacedLabel {
    readonly text: string;
    readonly x: number;
    readonly y: number;
    readonly anchor: 'start' | 'end';
    readonly box: Box;
}

/** Covering another label costs this many times more than covering a line or a point: text on text cannot be read. */
const LABEL_WEIGHT = 20;
/**
 * Room kept around a label for other labels (so at least twice this between
 * two): two labels closer than a line's gap read as one (`deadline
 * 2026-06-30` stacked on `target 48,000 USD`).
 */
export const LABEL_GAP = 5;

/** Places labels in order; `obstacles` (data points, lines) are avoided, `bounds` must hold each label. */
export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Box[], bounds: Box, measure: MeasureText): PlacedLabel[] {
    const placed: PlacedLabel[] = [];
    for (const request of requests) {
        const width = measure(request.text, request.style);
        const height = request.style.size;
        let best: { label: PlacedLabel; cost: number } | undefined;
        for (const c of request.candidates) {
            const x = c.anchor === 'end' ? c.x - width : c.x;
            const box = { x, y: c.y - height * 0.8, width, height };
            const shifted = clampInto(box, bounds);
            const label = { text: request.text, x: c.x + (shifted.x - box.x), y: c.y + (shifted.y - box.y), anchor: c.anchor, box: shifted };
            const cost = obstacles.reduce((sum, t) => sum + overlap(shifted, t), 0)
                + LABEL_WEIGHT * placed.reduce((sum, p) => sum + overlap(shifted, p.box, LABEL_GAP), 0)
                + (shifted.x !== box.x || shifted.y !== box.y ? 1 : 0);
            if (!best || cost < best.cost) best = { label, cost };
            if (cost === 0) break;
        }
        if (best) placed.push(best.label);
    }
    return placed;
}

/** A box moved (not resized) into `bounds` as far as it fits. */
function clampInto(box: Box, bounds: Box): Box {
    const x = Math.max(bounds.x, Math.min(box.x, bounds.x + bounds.width - box.width));
    const y = Math.max(bounds.y, Math.min(box.y, bounds.y + bounds.height - box.height));
    return { ...box, x, y };
}

/** The area two boxes share (with a margin around each, 2 px unless told). */
export function overlap(a: Box, b: Box, m = 2): number {
    const w = Math.min(a.x + a.width + m, b.x + b.width + m) - Math.max(a.x - m, b.x - m);
    const h = Math.min(a.y + a.height + m, b.y + b.height + m) - Math.max(a.y - m, b.y - m);
    return w > 0 && h > 0 ? w * h : 0;
}

/** A square box around a point. */
export function pointBox(x: number, y: number, radius: number): Box {
    return { x: x - radius, y: y - radius, width: 2 * radius, height: 2 * radius };
}

/** Boxes along a straight segment, so that labels keep off a line. */
export function segmentBoxes(x1: number, y1: number, x2: number, y2: number, thickness = 3): Box[] {
    const steps = Math.max(1, Math.ceil(Math.hypot(x2 - x1, y2 - y1) / 8));
    const boxes: Box[] = [];
    for (let i = 0; i <= steps; i++) boxes.push(pointBox(x1 + (x2 - x1) * i / steps, y1 + (y2 - y1) * i / steps, thickness));
    return boxes;
}
