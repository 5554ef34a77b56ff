/**
 * From a graph and a pane to the layout to draw: the scope's part of the
 * graph, the direction and box width that fit the pane, the layout (stable
 * against the one before), and, when the cursor's chain would not fit the
 * pane at a readable size, the same layout with that chain brought into line.
 */
import type { ImpactGraph } from '../language/graph/types.js';
import {
    fitToSpace, GEOMETRY, layerCounts, layoutGraph, layoutSteps, READABLE_ZOOM, TEXT, type Fit, type GraphLayout, type MeasureText
} from '../language/render/index.js';
import type { DirectionChoice } from './protocol.js';
import { FRAME_PAD, FRAME_PAD_BOTTOM, type Rect } from './viewport.js';
import { nextTask } from './scheduling.js';

/** Room above a framed chain for its first layer's label (as the stage frames it). */
export const LABEL_ROOM = 26;
/** The narrowest boxes a lined-up chain may get, for three or more boxes side by side in a narrow pane. */
const NARROWEST = 130;
/** Drawings with more nodes than this are not re-laid out to line up a chain: the cursor would be slow to follow. */
const ALIGN_LIMIT = 400;

export interface PlanInput {
    readonly graph: ImpactGraph;
    readonly hideLearningMetrics: boolean;
    readonly direction: DirectionChoice;
    readonly pane: { width: number; height: number };
    /** The cursor's chain (drawn or not) and the cursor's node. */
    readonly chain?: { ids: ReadonlySet<string>; around: string };
    /** Keep the places of the last layout (an edit, a cursor move); false: lay out afresh (a new scope). */
    readonly keep: boolean;
}

export interface Plan {
    readonly layout: GraphLayout;
    /** The layout before any chain was lined up (the base of the next one). */
    readonly base: GraphLayout;
    readonly fit: Fit;
    /** The layout lines up the cursor's chain. */
    readonly aligned: boolean;
}

/** The box around the drawn nodes among `ids`, if any. */
export function boxOf(layout: GraphLayout, ids: ReadonlySet<string>): Rect | undefined {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const n of layout.nodes) {
        if (!ids.has(n.id)) continue;
        x0 = Math.min(x0, n.x);
        y0 = Math.min(y0, n.y);
        x1 = Math.max(x1, n.x + n.width);
        y1 = Math.max(y1, n.y + n.height);
    }
    return x0 === Infinity ? undefined : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Whether a box can be shown whole in the pane at a readable zoom. */
export function fitsReadable(box: Rect, pane: { width: number; height: number }): boolean {
    return Math.min((pane.width - 2 * FRAME_PAD) / box.width, (pane.height - FRAME_PAD - FRAME_PAD_BOTTOM) / box.height) >= READABLE_ZOOM - 1e-9;
}

export class Planner {
    private base: GraphLayout | undefined;
    private fit: Fit | undefined;
    /** The fonts have been measured with once. */
    private warm = false;

    constructor(private readonly measure: () => MeasureText) { }

    /** The layout of the last plan before alignment (what the next edit keeps). */
    get lastBase(): GraphLayout | undefined {
        return this.base;
    }

    /** Plans a drawing in steps (each may run in a task of its own). */
    *plan(input: PlanInput): Generator<void, Plan, void> {
        const fit = fitToSpace(layerCounts(input.graph, input.hideLearningMetrics), input.pane, { direction: input.direction, current: this.fit?.direction });
        const measure = this.measure();
        if (!this.warm) {
            // The first text measured in each font costs the browser tens of ms (fonts found and set up): a step of its own.
            for (const style of Object.values(TEXT)) {
                measure('Align 0123456789 %', style);
                yield;
            }
            this.warm = true;
        }
        const options = { hideLearningMetrics: input.hideLearningMetrics, direction: fit.direction, nodeWidth: fit.nodeWidth, measure };
        const base = yield* layoutSteps(input.graph, { ...options, previous: input.keep ? this.base : undefined });
        this.base = base;
        this.fit = fit;
        return { layout: base, base, fit, aligned: false, ...this.aligned(input, base, options) };
    }

    /** Whether a plan would line up a different chain than `plan` shows (a cursor move that needs a new layout). */
    needsNewPlan(plan: Plan, chain: PlanInput['chain'], pane: PlanInput['pane']): boolean {
        return plan.aligned || this.wantsAlignment(plan.base, chain, pane);
    }

    private wantsAlignment(base: GraphLayout, chain: PlanInput['chain'], pane: PlanInput['pane']): boolean {
        if (!chain || base.nodes.length > ALIGN_LIMIT) return false;
        const box = boxOf(base, chain.ids);
        return box !== undefined && base.nodes.some(n => n.id === chain.around) && !fitsReadable({ ...box, height: box.height + LABEL_ROOM }, pane);
    }

    /**
     * The layout with the chain lined up. Rows (down) whose chain boxes would
     * not fit side by side in the pane at a readable size get narrower boxes
     * (their titles wrap to more lines), down to NARROWEST.
     */
    private aligned(input: PlanInput, base: GraphLayout, options: NonNullable<Parameters<typeof layoutGraph>[1]>): Partial<Plan> {
        const chain = input.chain;
        if (!chain || !this.wantsAlignment(base, chain, input.pane)) return {};
        let nodeWidth = options.nodeWidth!;
        if (base.direction === 'down') {
            const side = Math.max(...base.columns.map(c => base.nodes.filter(n => n.column === c.id && chain.ids.has(n.id)).length));
            const room = (input.pane.width - 2 * FRAME_PAD) / READABLE_ZOOM;
            if (side * (nodeWidth + GEOMETRY.nodeGap) - GEOMETRY.nodeGap > room) nodeWidth = Math.max(NARROWEST, Math.floor((room + GEOMETRY.nodeGap) / side - GEOMETRY.nodeGap));
        }
        const previous = nodeWidth === base.nodeWidth ? base : { order: base.order };
        return { layout: layoutGraph(input.graph, { ...options, nodeWidth, previous, align: chain }), aligned: true };
    }
}

/**
 * Runs a plan's steps, each in a task of its own (so that no task of a large
 * layout is long); undefined when `current()` turns false (a newer drawing
 * took over).
 */
export async function runSteps(steps: Generator<void, Plan, void>, current: () => boolean): Promise<Plan | undefined> {
    const started = performance.now();
    // The first step in a task of its own too: the caller's task has done its own work.
    await nextTask();
    if (!current()) return undefined;
    for (;;) {
        const start = performance.now();
        const step = steps.next();
        performance.measure('align-layout-step', { start, end: performance.now() });
        if (step.done) {
            performance.measure('align-layout', { start: started, end: performance.now() });
            return step.value;
        }
        await nextTask();
        if (!current()) return undefined;
    }
}
