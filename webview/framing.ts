/**
 * Where the view goes: after a first drawing, a new scope, direction or
 * filter, and after a resize or a cursor move that changed the layout or
 * lost the chain from view, the cursor's chain is framed at a readable size
 * (everything, when everything is readable); after an edit the view stays.
 */
import type { GraphLayout } from '../language/render/index.js';
import { boxOf, fitsReadable, LABEL_ROOM, type Plan } from './planner.js';
import type { Viewport } from './viewport.js';

/** Why the drawing is updated: it decides whether places are kept and whether the view moves. */
export type UpdateReason = 'first' | 'restore' | 'edit' | 'scope' | 'layout' | 'resize' | 'cursor';

/** The cursor's chain: its ids and the cursor's node. */
export interface Chain {
    readonly ids: ReadonlySet<string>;
    readonly around: string;
}

/** Whether the view should frame the chain after a drawing of `plan` (the one before: `previous`). */
export function needsFraming(reasons: ReadonlySet<UpdateReason>, newScope: boolean, previous: Plan | undefined, plan: Plan, viewport: Viewport, chain: Chain | undefined, newCursorNode = false): boolean {
    if (reasons.has('first') || reasons.has('layout') || newScope) return true;
    // An edit that gives the cursor another node (one just typed, where the cursor is) is followed as a cursor move is.
    if (!reasons.has('resize') && !reasons.has('cursor') && !newCursorNode) return false;
    const moved = previous !== undefined && (previous.layout.direction !== plan.layout.direction || previous.layout.nodeWidth !== plan.layout.nodeWidth || previous.aligned || plan.aligned);
    const box = chain && boxOf(plan.layout, chain.ids);
    return moved || (box !== undefined && !viewport.shows(box));
}

/** Frames the cursor's chain (everything, when everything is readable). */
export function frameChain(viewport: Viewport, layout: GraphLayout, chain: Chain | undefined): void {
    const box = chain && boxOf(layout, chain.ids);
    if (!chain || !box || fitsReadable({ x: 0, y: 0, width: layout.width, height: layout.height }, viewport.paneSize)) {
        viewport.fit();
        return;
    }
    // With the label of the layer above the chain's first box.
    const top = Math.max(0, box.y - LABEL_ROOM);
    viewport.frame({ ...box, y: top, height: box.height + box.y - top }, layout.nodes.find(n => n.id === chain.around));
}
