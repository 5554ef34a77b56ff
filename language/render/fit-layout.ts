/**
 * A layout fitted to a space in one call, for drawings outside the preview:
 * `align graph --format svg` (a screen) and the HTML report (a page). The
 * same direction logic as the preview's pane (direction.ts).
 */
import type { ImpactGraph } from '../graph/types.js';
import type { Direction } from './columns.js';
import { fitToSpace, layerCounts, type Space } from './direction.js';
import { layoutGraph, type GraphLayout, type LayoutOptions } from './layout.js';

/** The space a standalone SVG is fitted to: a common laptop screen. */
export const SCREEN: Space = { width: 1600, height: 1000 };

/** Lays out a graph with the direction (unless forced) and box width that fit `space`. */
export function layoutToFit(graph: ImpactGraph, space: Space, options: Omit<LayoutOptions, 'direction' | 'nodeWidth'> & { direction?: Direction | 'auto' } = {}): GraphLayout {
    const { direction, ...rest } = options;
    const fit = fitToSpace(layerCounts(graph, rest.hideLearningMetrics), space, { direction });
    return layoutGraph(graph, { ...rest, direction: fit.direction, nodeWidth: fit.nodeWidth });
}
