/**
 * A layout for a printed or scrolled page (the HTML report): the preview's
 * direction logic (direction.ts) proposes a direction and box width from an
 * estimate; here real layouts check it, each placing its boxes within the
 * page (`across`: its width top to bottom, where edges passing a wrapped row
 * would otherwise pull its boxes apart). Boxes narrow step by step (with
 * `wrapRows`, rows too full for the page also wrap), then the other
 * direction is tried, then the widths between the steps, until the drawing
 * fits the page at its own size; when nothing does, the layout that needs
 * the least scaling wins (of near-equals, the one tried first: wider boxes,
 * the estimated direction).
 */
import type { ImpactGraph } from '../graph/types.js';
import { GEOMETRY, LAYERS, NODE_WIDTH_RANGE, type Direction } from './columns.js';
import { fitToSpace, layerCounts, type LayerCounts, type Space } from './direction.js';
import { layoutGraph, type GraphLayout, type LayoutOptions } from './layout.js';
import { cachedMeasure, tableMeasure } from './measure.js';

/** A try this close to the best scale counts as as good: the first of them (wider boxes, the estimated direction) wins. */
const NEAR = 0.98;

/**
 * How much narrower each try makes the boxes; when no width fits, the widths
 * halfway between are tried too (a chain may fit at 170 px and neither at
 * 180 nor 160: the report's value-selling pilot, whose text printed at 6.6 pt
 * instead of 7).
 */
const STEP = 20;

export interface PageLayoutOptions extends Pick<LayoutOptions, 'fullText' | 'measure'> {
    /** The narrowest box to try (default NODE_WIDTH_RANGE.min); with `fullText` narrower boxes only take more lines. */
    minNodeWidth?: number;
    /**
     * Top to bottom, a row with more boxes than the page's width holds may wrap
     * onto two (`maxPerRow`, layout.ts): at each box width, tried after the
     * unwrapped layout (for paper, which cannot scroll sideways; default false).
     */
    wrapRows?: boolean;
}

/** A row wraps onto at most this many rows: a layer fuller than that is too large for a page anyway (and every edge that crosses a row gains a bend). */
const MAX_WRAP = 2;

/** How many boxes of this width sit side by side in the space's width. */
function boxesPerRow(space: Space, nodeWidth: number): number {
    return Math.max(1, Math.floor((space.width - 2 * GEOMETRY.margin + GEOMETRY.nodeGap) / (nodeWidth + GEOMETRY.nodeGap)));
}

/** Box widths to try: from `first` down by STEP, and the narrowest last; or (`between`) the widths halfway between those. */
function widths(first: number, min: number, between = false): number[] {
    const list: number[] = [];
    if (between) {
        for (let width = first - STEP / 2; width > min; width -= STEP) list.push(width);
        return list;
    }
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
    const { minNodeWidth = NODE_WIDTH_RANGE.min, wrapRows = false, measure, ...rest } = options;
    // One measurer for every try: the tries wrap the same texts at the same widths.
    const layoutOptions = { ...rest, measure: cachedMeasure(measure ?? tableMeasure) };
    const counts = layerCounts(graph);
    const fit = fitToSpace(counts, space);
    const other: Direction = fit.direction === 'down' ? 'right' : 'down';
    const tries: Array<{ layout: GraphLayout; scale: number }> = [];
    for (const between of [false, true]) {
        for (const [direction, first] of [[fit.direction, fit.nodeWidth], [other, NODE_WIDTH_RANGE.max]] as const) {
            for (const width of widths(first, minNodeWidth, between)) {
                for (const maxPerRow of wrapRows && direction === 'down' ? rowLimits(counts, boxesPerRow(space, width)) : [undefined]) {
                    const layout = layoutGraph(graph, { ...layoutOptions, direction, nodeWidth: width, maxPerRow, across: direction === 'down' ? space.width : space.height });
                    const scale = scaleToFit(layout, space);
                    if (scale >= 1) return layout;
                    tries.push({ layout, scale });
                }
            }
        }
    }
    const best = Math.max(...tries.map(t => t.scale));
    return tries.find(t => t.scale >= best * NEAR)!.layout;
}

/**
 * The limits of boxes per row to try at one box width: none first, then, when
 * a row holds more than fit side by side, from as many as fit down to fewer
 * (edges passing between boxes widen a row too), as long as no row wraps onto
 * more than MAX_WRAP rows.
 */
function rowLimits(counts: LayerCounts, perRow: number): Array<number | undefined> {
    const fullest = Math.max(0, ...LAYERS.down.map(ids => counts.filter(l => ids.includes(l.id)).reduce((sum, l) => sum + l.count, 0)));
    const limits: Array<number | undefined> = [undefined];
    for (let max = Math.min(perRow, fullest - 1); max >= Math.max(2, Math.ceil(fullest / MAX_WRAP)); max--) limits.push(max);
    return limits;
}
