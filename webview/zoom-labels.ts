/**
 * Labels never vanish: below the readable zoom a box shows its name instead
 * of its lines, in a font scaled up so that it is drawn at READABLE_PX on
 * screen or more, wrapped over the box (node-text.ts shortLabel). Zooms are
 * grouped in steps, so names are fitted again only when the zoom crosses a
 * step.
 */
import { READABLE_PX, READABLE_ZOOM } from '../language/render/index.js';

/** The readable floor, where a box still shows the start of its name: Fit goes no lower (viewport.ts FIT_LEAST_ZOOM); the wheel and buttons go lower only to show a large drawing whole. */
export const MIN_ZOOM = 0.25;
const STEPS = [READABLE_ZOOM, 0.7, 0.58, 0.48, 0.4, 0.33, MIN_ZOOM];
/**
 * Below this zoom a box's kind icon is drawn under 9 px on screen, too small
 * to tell one kind from another: it is hidden and the name takes its room
 * (the box's fill and side bar still tell the kind).
 */
const ICON_LEAST_ZOOM = 0.58;

/** How zoomed-out names are drawn at a step: their font size (layout px), and whether the kind icons stay beside them. */
export interface ShortLabels {
    readonly size: number;
    readonly icons: boolean;
}

/** The step of a zoom: undefined at readable zooms. */
export function shortLabels(zoom: number): ShortLabels | undefined {
    if (zoom >= READABLE_ZOOM) return undefined;
    const floor = STEPS.find(step => step <= zoom + 1e-9) ?? MIN_ZOOM;
    return { size: Math.ceil((READABLE_PX / floor) * 10) / 10, icons: floor >= ICON_LEAST_ZOOM - 1e-9 };
}
