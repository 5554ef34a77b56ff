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

/**
 * The page around a drawing's scrolling box on screen (report-css.ts): the
 * main column's padding on both sides and the figure's border, under and
 * over 640 px.
 */
const AROUND = { narrow: 2 * 12 + 2, wide: 2 * 24 + 2 } as const;
const NARROW_MAX = 640;

/** The window widths at which the report may say a drawing scrolls: every HINT_STEP px from HINT_FROM (report-css.ts has a rule for each). */
export const HINT_FROM = 320;
export const HINT_STEP = 40;
export const HINT_TO = 1040;

/**
 * The widest window, rounded down to a step, in which a drawing at least
 * `minWidth` px wide no longer fits its figure and scrolls: the report says
 * so there ("scroll sideways"). Rounded down, the note never shows where
 * nothing scrolls (a desktop's scroll bar aside); undefined when the drawing
 * fits every window from HINT_FROM.
 */
export function scrollHintWidth(minWidth: number): number | undefined {
    const widest = minWidth + AROUND.wide > NARROW_MAX + 1 ? minWidth + AROUND.wide - 1 : Math.min(minWidth + AROUND.narrow - 1, NARROW_MAX);
    const step = Math.floor((Math.min(widest, HINT_TO) - HINT_FROM) / HINT_STEP);
    return step < 0 ? undefined : HINT_FROM + step * HINT_STEP;
}
