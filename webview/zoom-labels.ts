/**
 * Labels never vanish: below the readable zoom a box shows its name instead
 * of its lines, in a font scaled up so that it is drawn at READABLE_PX on
 * screen or more. Zooms are grouped in steps, so names are cut again only
 * when the zoom crosses a step.
 */
import { READABLE_PX, READABLE_ZOOM } from '../language/render/index.js';

/** The smallest zoom of wheel and buttons (Fit may go lower to show a large drawing whole): a box still shows a few letters of its name there. */
export const MIN_ZOOM = 0.25;
const STEPS = [READABLE_ZOOM, 0.7, 0.58, 0.48, 0.4, 0.33, MIN_ZOOM];

/** The step of a zoom: undefined at readable zooms, else the font size (layout px) of names. */
export function shortLabelSize(zoom: number): number | undefined {
    if (zoom >= READABLE_ZOOM) return undefined;
    const floor = STEPS.find(step => step <= zoom + 1e-9) ?? MIN_ZOOM;
    return Math.ceil((READABLE_PX / floor) * 10) / 10;
}
