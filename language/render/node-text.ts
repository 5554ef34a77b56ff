/**
 * What a node box says and how tall that makes it: the title wrapped to at
 * most three lines, the name line, and the footer of its kind (an
 * objective's KPIs, a behavior's toolkits, a metric's figures, progress and
 * status), each fitted to the box width with the injected measurer. The
 * layout sizes boxes with it and the SVG draws exactly these lines.
 */
import type { GraphNode, MetricFigures } from '../graph/types.js';
import { TEXT, type MeasureText } from './measure.js';
import { figuresText, plural, statusText, truncate, wrap } from './text.js';

/** Horizontal padding inside a box, and where text starts (after the kind icon). */
export const PAD = 10;
export const TEXT_X = 32;
/** At most this many title lines; the rest ends in an ellipsis. */
export const TITLE_LINES = 3;
const LINE = 15;
/** Line pitch of the small text (footers, status). */
export const SMALL_LINE = 14;
const TITLE_TOP = 22;
const BOTTOM = 10;

/** The lines of one node, and where they go (offsets from the box's top). */
export interface NodeText {
    /** Title lines (the name when the node has no title). */
    readonly title: readonly string[];
    readonly titleY: readonly number[];
    /** `Name · kind` or `Name · Program`, in the monospace font. */
    readonly name: string;
    readonly nameY: number;
    /** Objective: `2 KPIs · 1 outcome` (undefined: the "no KPI link" label). Behavior: `reinforced by ...` (two lines at most). */
    readonly footer?: readonly string[];
    /** Baseline of the footer's first line; the next ones follow SMALL_LINE apart. */
    readonly footerY?: number;
    /**
     * Metric rows: figures, progress bar top, status (two lines at most); the
     * deadline at the end of the figures' row, else of the status' last line,
     * else on a row of its own.
     */
    readonly metric?: { figures: string; deadline: string; deadlineY: number; figuresY: number; barY: number; status: readonly string[]; statusY: number };
    readonly height: number;
}

/** The text of a node box `width` wide. */
export function nodeText(node: GraphNode, toolkits: readonly GraphNode[], width: number, measure: MeasureText): NodeText {
    const inner = width - TEXT_X - PAD;
    const title = wrap(node.title ?? node.name, inner, TEXT.title, TITLE_LINES, measure);
    const titleY = title.map((_, i) => TITLE_TOP + i * LINE);
    const nameY = titleY[titleY.length - 1]! + 16;
    const name = truncate(node.name + (node.metric ? ` · ${node.metric.kind ?? 'untyped'}` : node.program ? ` · ${node.program}` : ''), inner, TEXT.name, measure);
    const base = { title, titleY, name, nameY };
    if (node.kind === 'objective') {
        const footerY = nameY + 17;
        const links = node.objective;
        const footer = links && links.kpis.length > 0
            ? [truncate(plural(links.kpis.length, 'KPI') + (links.outcomes.length > 0 ? ` · ${plural(links.outcomes.length, 'outcome')}` : ''), inner, TEXT.small, measure)]
            : undefined;
        return { ...base, footer, footerY, height: footerY + BOTTOM + (footer ? 0 : 4) };
    }
    if (node.kind === 'behavior' && toolkits.length > 0) {
        const footerY = nameY + 17;
        const kits = toolkits.length === 1 ? toolkits[0]!.name : plural(toolkits.length, 'toolkit');
        const footer = wrap(`reinforced by ${kits}`, inner - 16, TEXT.small, 2, measure);
        return { ...base, footer, footerY, height: footerY + (footer.length - 1) * SMALL_LINE + BOTTOM };
    }
    if (node.metric) {
        const { rows, bottom } = metricRows(node.metric, width, nameY, measure);
        return { ...base, metric: rows, height: bottom + BOTTOM };
    }
    return { ...base, height: nameY + BOTTOM };
}

/** A metric's rows under its name line, and the baseline of the last one. */
function metricRows(m: MetricFigures, width: number, nameY: number, measure: MeasureText): { rows: NonNullable<NodeText['metric']>; bottom: number } {
    const bar = width - 2 * PAD;
    const deadline = m.deadline ? `by ${m.deadline}` : '';
    const deadlineWidth = deadline ? measure(deadline, TEXT.small) + 8 : 0;
    const figures = truncate(figuresText(m), bar, TEXT.figures, measure);
    const figuresY = nameY + 19;
    const barY = figuresY + 6;
    const statusY = barY + 19;
    const status = wrap(statusText(m), bar - 16, TEXT.smallBold, 2, measure);
    let last = statusY + (status.length - 1) * SMALL_LINE;
    let deadlineY = figuresY;
    if (deadline && measure(figures, TEXT.figures) + deadlineWidth > bar) {
        const after = measure(status[status.length - 1]!, TEXT.smallBold) + 16 + deadlineWidth <= bar;
        deadlineY = after ? last : (last += SMALL_LINE);
    }
    return { rows: { figures, deadline, deadlineY, figuresY, barY, status, statusY }, bottom: last };
}

/** The compact form of a node far zoomed out: its name, cut to the box at `size` px. */
export function shortLabel(node: GraphNode, width: number, size: number, measure: MeasureText): string {
    return truncate(node.name, width - 2 * PAD, { size, bold: true }, measure);
}
