/**
 * Which way to lay the chain out, and how wide to make the boxes, for the
 * space there is: the preview's pane, or a page. Pure: it reads only how
 * many nodes each layer holds and estimates the drawing's extent each way.
 *
 * The chain must read end to end without zooming below the readable size:
 * a direction whose drawing is too long along the chain for the space at
 * that size (more than a short scroll) is out. Of the directions that pass, the one whose whole
 * drawing needs less shrinking wins; when neither passes, the one that comes
 * closer. A wide pane gets columns, a narrow or tall one rows.
 */
import type { ImpactGraph } from '../graph/types.js';
import { COLUMN_INDEX, COLUMNS, GEOMETRY, LAYERS, NODE_WIDTH_RANGE, columnOf, isActivityOrLearning, type ColumnId, type Direction } from './columns.js';
import { TEXT } from './measure.js';

/** The smallest size, in CSS px, a title may be drawn at. */
export const READABLE_PX = 11;
/** The zoom at which titles are drawn at READABLE_PX. */
export const READABLE_ZOOM = READABLE_PX / TEXT.title.size;

/** The space to fit: a pane, or a page (`height` undefined: it scrolls down without end). */
export interface Space {
    readonly width: number;
    readonly height?: number;
}

/** How many nodes each column holds, in chain order (columns without nodes left out). */
export type LayerCounts = ReadonlyArray<{ readonly id: ColumnId; readonly count: number }>;

export interface Fit {
    readonly direction: Direction;
    readonly nodeWidth: number;
    /** The estimated scale at which the whole drawing fits the space (at most 1). */
    readonly scale: number;
}

export interface FitOptions {
    /** A direction forced by the user (`auto` or undefined: choose). */
    readonly direction?: Direction | 'auto';
    /** The direction shown now: kept unless the other is clearly better (no flip-flop on resize). */
    readonly current?: Direction;
    /** The smallest zoom that keeps text readable (default READABLE_ZOOM). */
    readonly readableZoom?: number;
}

/** Typical box heights, for the estimate (titles of about two lines). */
const TYPICAL_HEIGHT: Readonly<Record<ColumnId, number>> = { objective: 86, skill: 68, behavior: 74, activity: 115, leading: 115, lagging: 115, outcome: 70 };
/** A chain a little longer than the space still reads end to end with a short scroll. */
const ALMOST = 0.95;
/** How much better the other direction must fit before the current one is dropped. */
const HYSTERESIS = 1.08;

/** The layers of a graph as the layout will draw them. */
export function layerCounts(graph: ImpactGraph, hideLearningMetrics = false): LayerCounts {
    const counts = new Array<number>(COLUMNS.length).fill(0);
    const seen = new Set<string>();
    for (const node of graph.nodes) {
        const column = columnOf(node);
        if (!column || seen.has(node.id) || (hideLearningMetrics && isActivityOrLearning(node))) continue;
        seen.add(node.id);
        counts[COLUMN_INDEX[column]]!++;
    }
    return COLUMNS.map((c, i) => ({ id: c.id, count: counts[i]! })).filter(l => l.count > 0);
}

/** The direction and box width for a drawing of these layers in this space. */
export function fitToSpace(layers: LayerCounts, space: Space, options: FitOptions = {}): Fit {
    const readable = options.readableZoom ?? READABLE_ZOOM;
    const right = estimate(layers, space, 'right', readable);
    const down = estimate(layers, space, 'down', readable);
    if (options.direction === 'right') return right;
    if (options.direction === 'down') return down;
    const rightReads = right.along >= readable * ALMOST;
    const downReads = down.along >= readable * ALMOST;
    let best: Estimate;
    if (rightReads !== downReads) best = rightReads ? right : down;
    else if (rightReads) best = better(right, down, e => e.scale, options.current);
    else best = better(right, down, e => e.along, options.current);
    return { direction: best.direction, nodeWidth: best.nodeWidth, scale: best.scale };
}

interface Estimate extends Fit {
    /** The scale at which the drawing fits the space along the chain. */
    readonly along: number;
}

function better(right: Estimate, down: Estimate, score: (e: Estimate) => number, current: Direction | undefined): Estimate {
    const [kept, other] = current === 'down' ? [down, right] : [right, down];
    return score(other) > score(kept) * HYSTERESIS ? other : kept;
}

/** The layers of a direction with their node counts and typical box height (a row may hold two kinds of metrics). */
function layersIn(counts: LayerCounts, direction: Direction): Array<{ count: number; height: number }> {
    const byId = new Map(counts.map(l => [l.id, l.count]));
    return LAYERS[direction].map(ids => {
        const present = ids.filter(id => (byId.get(id) ?? 0) > 0);
        return { count: present.reduce((sum, id) => sum + byId.get(id)!, 0), height: Math.max(0, ...present.map(id => TYPICAL_HEIGHT[id])) };
    }).filter(l => l.count > 0);
}

function estimate(counts: LayerCounts, space: Space, direction: Direction, readable: number): Estimate {
    const { margin, nodeGap } = GEOMETRY;
    const gap = GEOMETRY.layerGap[direction];
    const layers = layersIn(counts, direction);
    const n = Math.max(1, layers.length);
    const room = space.width / readable - 2 * margin;
    const nodeWidth = clampWidth(direction === 'right' ? (room - (n - 1) * gap) / n : (room - 2 * nodeGap) / 2.5);
    const stack = (l: { count: number }, size: number): number => l.count * size + (l.count - 1) * nodeGap;
    let width: number;
    let height: number;
    if (direction === 'right') {
        width = 2 * margin + n * nodeWidth + (n - 1) * gap;
        height = 2 * margin + GEOMETRY.header.right + Math.max(0, ...layers.map(l => stack(l, l.height)));
    } else {
        width = 2 * margin + Math.max(0, ...layers.map(l => stack(l, nodeWidth)));
        height = 2 * margin + GEOMETRY.header.down + layers.reduce((sum, l) => sum + l.height, 0) + (n - 1) * gap;
    }
    const along = direction === 'right' ? space.width / width : (space.height ?? Infinity) / height;
    const scale = Math.min(1, space.width / width, (space.height ?? Infinity) / height);
    return { direction, nodeWidth, scale, along };
}

function clampWidth(width: number): number {
    return Math.floor(Math.min(NODE_WIDTH_RANGE.max, Math.max(NODE_WIDTH_RANGE.min, width)));
}
