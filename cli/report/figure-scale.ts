/**
 * How small a drawing may get on screen: never below the scale at which its
 * smallest text is SCREEN_MIN_TEXT_PX. A narrower window (a phone, a mail
 * pane 400 px wide) scrolls the drawing sideways inside its figure instead
 * of shrinking it; the charts are drawn again narrower for such windows
 * instead (kpi-blocks.ts), so that they fit without scrolling. Paper is not
 * bound by this: print scales each drawing to
 * the page (report-css.ts), and the chain's layout is sized so that its text
 * stays readable there (drawing.ts).
 */
import { TEXT } from '../../language/render/index.js';

/** The smallest text size, in CSS px, a drawing's text may be shown at on screen. */
export const SCREEN_MIN_TEXT_PX = 9;

/** The smallest text each kind of drawing holds, in its own units (render/styles.ts, render/chart-styles.ts). */
export const SMALLEST_TEXT_PX = {
    graph: Math.min(...Object.values(TEXT).map(style => style.size)),
    kpi: 11,
    progress: 10.5,
    /** The learning chart stacked for a narrow screen. */
    stacked: 11.5
} as const;

export type DrawingKind = keyof typeof SMALLEST_TEXT_PX;

/** The narrowest an SVG of this kind may be drawn on screen, in CSS px, from its `viewBox` width. */
export function screenMinWidth(svg: string, kind: DrawingKind): number | undefined {
    const width = /viewBox="0 0 ([\d.]+) /.exec(svg)?.[1];
    return width === undefined ? undefined : Math.ceil(Number(width) * SCREEN_MIN_TEXT_PX / SMALLEST_TEXT_PX[kind]);
}
