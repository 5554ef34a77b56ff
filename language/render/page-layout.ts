/**
 * A layout for a printed or scrolled page (the HTML report): the preview's
 * direction logic (direction.ts) proposes a direction and box width from an
 * estimate; here real layouts check it. Boxes narrow step by step, then the
 * other direction is tried, until the drawing fits the page at its own
 * size; when nothing does, the layout that needs the least scaling wins
 * (of near-equals, the one tried first: wider boxes, the estimated
 * direction).
 */
import type { ImpactGraph } from '../graph/types.js';
import { NODE_WIDTH_RANGE, type Direction } from './columns.js';
import { fitToSpace, layerCounts, type Space } from './direction.js';
import { layoutGraph, type GraphLayout, type LayoutOptions } from './layout.js';

/** A try this close to the best scale counts as as good: the first of them (wider boxes, the estimated direction) wins. */
const NEAR = 0.98;

/** How much narrower each try makes the boxes. */
const STEP = 20;

export interface PageLayoutOptions extends Pick<LayoutOptions, 'fullText'> {
    /** The narrowest box to try (default NODE_WIDTH_RANGE.min); with `fullText` narrower boxes only take more lines. */
    minNodeWidth?: number;
}

/** Box widths to try: from `first` down by STEP, and the narrowest last. */
function widths(first: number, min: number): number[] {
    const list: number[] = [];
    for (let width = first; width > min; width -= STEP) list.push(width);
    if (first >= min) list.push(min);
    return list;
}

/** The scale at which a layout fits the space (at most 1). */
export function scaleToFit(layout: GraphLayout, space: Space): number {
    return Math.min(1, space.width / layout.width, space.height === undefined ? 1 : space.height / layout.height);
}

/** The layout of `graph` that fits `space` unscaled, else the one that needs the least scaling, trying the estimated fit first. */
export function layoutForPage(graph: ImpactGraph, space: Space, options: PageLayoutOptions = {}): GraphLayout {
    const { minNodeWidth = NODE_WIDTH_RANGE.min, ...layoutOptions } = options;
    const fit = fitToSpace(layerCounts(graph), space);
    const other: Direction = fit.direction === 'down' ? 'right' : 'down';
    const tries: Array<{ layout: GraphLayout; scale: number }> = [];
    for (const [direction, first] of [[fit.direction, fit.nodeWidth], [other, NODE_WIDTH_RANGE.max]] as const) {
        for (const width of widths(first, minNodeWidth)) {
            const layout = layoutGraph(graph, { ...layoutOptions, direction, nodeWidth: width });
            const scale = scaleToFit(layout, space);
            if (scale >= 1) return layout;
            tries.push({ layout, scale });
        }
    }
    const best = Math.max(...tries.map(t => t.scale));
    return tries.find(t => t.scale >= best * NEAR)!.layout;
}
