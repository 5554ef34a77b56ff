/**
 * A layout for a printed or scrolled page (the HTML report): the preview's
 * direction logic (direction.ts) proposes a direction and box width from an
 * estimate; here real layouts check it. Boxes narrow step by step, then the
 * other direction is tried, until the drawing fits the page's width at its
 * own size or, failing that, at a readable size; when nothing does, the
 * layout that comes closest wins.
 */
import type { ImpactGraph } from '../graph/types.js';
import { NODE_WIDTH_RANGE, type Direction } from './columns.js';
import { fitToSpace, layerCounts, READABLE_ZOOM, type Space } from './direction.js';
import { layoutGraph, type GraphLayout } from './layout.js';

/** How much narrower each try makes the boxes. */
const STEP = 20;

/** The scale at which a layout fits the space (at most 1). */
export function scaleToFit(layout: GraphLayout, space: Space): number {
    return Math.min(1, space.width / layout.width, space.height === undefined ? 1 : space.height / layout.height);
}

/** The layout of `graph` that fits `space` unscaled, else at READABLE_ZOOM or more, trying the estimated fit first. */
export function layoutForPage(graph: ImpactGraph, space: Space): GraphLayout {
    const fit = fitToSpace(layerCounts(graph), space);
    const other: Direction = fit.direction === 'down' ? 'right' : 'down';
    const tries: Array<{ layout: GraphLayout; scale: number }> = [];
    for (const [direction, first] of [[fit.direction, fit.nodeWidth], [other, NODE_WIDTH_RANGE.max]] as const) {
        for (let width = first; width >= NODE_WIDTH_RANGE.min; width -= STEP) {
            const layout = layoutGraph(graph, { direction, nodeWidth: width });
            const scale = scaleToFit(layout, space);
            if (scale >= 1) return layout;
            tries.push({ layout, scale });
        }
    }
    const chosen = tries.find(t => t.scale >= READABLE_ZOOM) ?? tries.reduce((a, b) => b.scale > a.scale ? b : a);
    return chosen.layout;
}
