/**
 * A program's learning progress beside the KPIs it feeds, as geometry
 * (progress-chart-svg.ts draws it): one row per metric, learning and
 * activity metrics first, then leading, then lagging KPIs, all on one time
 * axis with the program's window shaded, so that a reader sees whether
 * learning moved before the business did. Each row has its own value
 * scale (the metrics have different units); the row's label says what it
 * is, its right end the latest value and the change from the baseline (or
 * the first actual), as the impact graph figures it (MetricFigures.change).
 */
import type { GraphNode, MetricFigures, MetricKindName } from '../graph/types.js';
import type { Box } from './chart-labels.js';
import { extent, linearScale, round, timeTicks, valueAxis } from './chart-scale.js';
import { changeText, dayOfIso, directionWords, trackWords, valueText } from './chart-text.js';
import { tableMeasure, type MeasureText } from './measure.js';
import { trackStatus, truncate, wrap, type TrackStatus } from './text.js';

export interface ProgressChartOptions {
    readonly width?: number;
    readonly measure?: MeasureText;
    readonly title?: string;
    /** The program's window (ISO dates), shaded. */
    readonly window?: { readonly start: string; readonly end: string; readonly label?: string };
    /**
     * `columns` (the default): label, line and latest value side by side;
     * `stacked`: for a narrow screen, each row's title (wrapped on the full
     * width), its line under it and its latest value under that, its text
     * a size larger (chart-styles.ts).
     */
    readonly layout?: 'columns' | 'stacked';
}

/** Where a row of a stacked chart puts its parts (baselines of text). */
export interface StackedPlace {
    readonly kindY: number;
    /** The strip the row's line is drawn in, across the plot's width. */
    readonly band: { readonly y: number; readonly height: number };
    readonly valueY?: number;
    /** The change or status: after the latest value on its line, or on the next line. */
    readonly sub?: { readonly x: number; readonly y: number };
}

export interface ProgressRow {
    readonly id: string;
    /** The metric's title in full (its lines may end with an ellipsis). */
    readonly title: string;
    readonly kind: MetricKindName | 'untyped';
    readonly y: number;
    readonly height: number;
    /** The title in up to two lines, and the line under it (kind, direction). */
    readonly titleLines: readonly string[];
    readonly kindLine: string;
    readonly points: ReadonlyArray<{ x: number; y: number; period: string; date: string; value: number }>;
    readonly baselineY?: number;
    readonly latest?: string;
    /** `+36 points since baseline (48%)`, `+35 points since 2026-04-03 (49%)`. */
    readonly change?: string;
    /** In a columns chart: the change in the lines it takes in the value column. */
    readonly changeLines?: readonly string[];
    readonly status?: TrackStatus;
    readonly statusWords?: string;
    /** In a stacked chart: where its parts go (a columns chart places them from `y`). */
    readonly place?: StackedPlace;
}

export interface ProgressChart {
    readonly layout: 'columns' | 'stacked';
    readonly width: number;
    readonly height: number;
    readonly plot: Box;
    readonly title: string;
    readonly description: string;
    readonly rows: readonly ProgressRow[];
    readonly xTicks: ReadonlyArray<{ x: number; date: string; label: string; year?: string }>;
    readonly window?: { x1: number; x2: number; label: string };
    /** The line above the rows (`each row on its own scale ...`), in lines when stacked. */
    readonly legend: readonly string[];
}

const KIND_ORDER: Record<MetricKindName | 'untyped', number> = { learning: 0, activity: 1, leading: 2, untyped: 2, lagging: 3 };
const KIND_LABEL: Record<MetricKindName | 'untyped', string> = { learning: 'LEARNING', activity: 'ACTIVITY', leading: 'LEADING KPI', untyped: 'METRIC', lagging: 'LAGGING KPI' };
const ROW = 46;
/** A row whose title takes two lines is this much taller. */
const LINE = 14;
const TOP = 30;
const AXIS = 34;
const LABEL_WIDTH = 240;
const TITLE = { size: 12, bold: true } as const;
const VALUE_WIDTH = 150;
/** The change under the latest value, in the value column of a columns chart (chart-styles.ts: .row-change). */
const CHANGE = { size: 10.5 } as const;
const CHANGE_WIDTH = VALUE_WIDTH - 10;
const LEGEND = 'each row on its own scale · dotted line: baseline';

/** The stacked layout: its text sizes (chart-styles.ts) and spacing. */
const STACKED = {
    pad: 10, title: { size: 12.5, bold: true }, titleLine: 16, small: { size: 11.5 }, smallLine: 15,
    value: { size: 12.5, bold: true }, band: 46, emptyBand: 26, titleLines: 4
} as const;

/** The panel of these metrics (in chain order: learning, activity, leading, lagging), or undefined when none has actuals. */
export function progressChart(metrics: readonly GraphNode[], options: ProgressChartOptions = {}): ProgressChart | undefined {
    const measure = options.measure ?? tableMeasure;
    const width = options.width ?? 880;
    const sorted = metrics.filter(n => n.metric).map((node, i) => ({ node, m: node.metric!, i }))
        .sort((a, b) => KIND_ORDER[a.m.kind ?? 'untyped'] - KIND_ORDER[b.m.kind ?? 'untyped'] || a.i - b.i);
    const days = sorted.flatMap(r => r.m.actuals.map(a => dayOfIso(a.date)));
    if (days.length === 0) return undefined;
    if (options.window) days.push(dayOfIso(options.window.start), dayOfIso(options.window.end));
    const [first, last] = extent(days);
    const pad = Math.max(3, (last - first) * 0.03);
    const title = options.title ?? 'Learning beside the KPIs it feeds';
    const w = options.window;
    const nodes = sorted.map(r => r.node);
    const domain = [first - pad, last + pad] as const;
    const laid = options.layout === 'stacked' ? stacked(sorted, width, domain, measure) : columns(sorted, width, domain, measure);
    const { plot, x } = laid;
    return {
        layout: options.layout ?? 'columns', width, height: laid.height, plot, title, rows: laid.rows, legend: laid.legend,
        description: describe(title, nodes, w),
        xTicks: timeTicks(domain[0], domain[1], Math.max(2, Math.floor(plot.width / 60)))
            .map(t => ({ x: x(t.day), date: new Date(t.day * 86_400_000).toISOString().slice(0, 10), label: t.label, year: t.year })),
        window: w ? { x1: x(dayOfIso(w.start)), x2: x(dayOfIso(w.end)), label: w.label ?? 'program window' } : undefined
    };
}

interface Metric { readonly node: GraphNode; readonly m: MetricFigures; }
interface Laid { readonly plot: Box; readonly x: (day: number) => number; readonly rows: ProgressRow[]; readonly height: number; readonly legend: string[]; }

/** Label, line and latest value side by side, the rows on one plot. */
function columns(sorted: readonly Metric[], width: number, domain: readonly [number, number], measure: MeasureText): Laid {
    const titles = sorted.map(({ node }) => wrap(node.title ?? node.name, LABEL_WIDTH - 8, TITLE, 2, measure));
    // A KPI's row says its status under its value; another metric's its change, on two lines when it needs them.
    const changes = sorted.map(({ m }) => {
        const change = m.isKpi && m.latest ? undefined : changeWords(m);
        return change ? wrap(change, CHANGE_WIDTH, CHANGE, 2, measure) : [];
    });
    const heights = titles.map((lines, i) => Math.max(ROW + (lines.length - 1) * LINE, 46 + (Math.max(1, changes[i]!.length) - 1) * LINE));
    const plot: Box = { x: LABEL_WIDTH + 12, y: TOP, width: width - LABEL_WIDTH - VALUE_WIDTH - 24, height: heights.reduce((a, b) => a + b, 0) };
    const x = linearScale([...domain], [plot.x, plot.x + plot.width]);
    let top = plot.y;
    const rows = sorted.map(({ node, m }, i) => {
        const r = row(node, m, { top, height: heights[i]!, titleLines: titles[i]! }, x, measure);
        top += heights[i]!;
        return changes[i]!.length > 0 ? { ...r, changeLines: changes[i]! } : r;
    });
    return { plot, x, rows, height: plot.y + plot.height + AXIS, legend: [LEGEND] };
}

/**
 * Each row's title on the chart's full width, its line in a strip under
 * it, its latest value and change under that: a chart narrow enough for a
 * phone with its text a size larger, every title wrapped rather than cut.
 */
function stacked(sorted: readonly Metric[], width: number, domain: readonly [number, number], measure: MeasureText): Laid {
    const S = STACKED;
    const inner = width - 2 * S.pad;
    const legend = wrap(LEGEND, inner, S.small, 2, measure);
    // The legend, then a line for the window's label above the first row.
    const head = 6 + legend.length * S.smallLine + 18;
    const plotX = S.pad + 4;
    const plotWidth = width - 2 * plotX;
    const x = linearScale([...domain], [plotX, plotX + plotWidth]);
    let top = head;
    const rows = sorted.map(({ node, m }) => {
        const titleLines = wrap(node.title ?? node.name, inner, S.title, S.titleLines, measure);
        const kindY = top + 17 + titleLines.length * S.titleLine;
        const band = { y: kindY + 6, height: m.actuals.length > 0 ? S.band : S.emptyBand };
        const base = row(node, m, { top, height: 0, titleLines }, x, measure, { band, inner });
        let bottom = band.y + band.height;
        let valueY: number | undefined;
        let sub: StackedPlace['sub'];
        if (base.latest) {
            valueY = bottom + 16;
            const words = base.status && base.statusWords ? base.statusWords : base.change;
            const tx = S.pad + (base.status ? 17 : 0);
            bottom = valueY;
            if (words) {
                const after = tx + measure(base.latest, S.value) + 8;
                sub = after + measure(words, S.small) <= width - S.pad ? { x: after, y: valueY } : { x: tx, y: valueY + S.smallLine };
                bottom = sub.y;
            }
        }
        const height = bottom + 10 - top;
        const r: ProgressRow = { ...base, height, place: { kindY, band, valueY, sub } };
        top += height;
        return r;
    });
    const plot: Box = { x: plotX, y: head, width: plotWidth, height: top - head };
    return { plot, x, rows, height: top + AXIS, legend };
}

interface RowBox { readonly top: number; readonly height: number; readonly titleLines: readonly string[]; }

/** A stacked row's strip for its line and the width of its text. */
interface Strip { readonly band: { readonly y: number; readonly height: number }; readonly inner: number; }

function row(node: GraphNode, m: MetricFigures, box: RowBox, x: (day: number) => number, measure: MeasureText, strip?: Strip): ProgressRow {
    const { top, height, titleLines } = box;
    const kind = m.kind ?? 'untyped';
    const values = [...m.actuals.map(a => a.value), ...(m.baseline !== undefined ? [m.baseline] : [])];
    const [low, high] = strip ? [strip.band.y + strip.band.height - 6, strip.band.y + 6] : [top + height - 9, top + 9];
    const y = m.actuals.length > 0 ? linearScale(valueAxis(values, 2).domain, [low, high]) : undefined;
    const direction = directionWords(m.direction);
    const kindLine = truncate(`${KIND_LABEL[kind]}${direction ? ` · ${direction}` : ''}`, strip ? strip.inner : LABEL_WIDTH - 8, strip ? STACKED.small : { size: 10.5 }, measure);
    const latest = m.latest;
    return {
        id: node.id, title: node.title ?? node.name, kind, y: top, height, titleLines, kindLine,
        points: y ? m.actuals.map(a => ({ x: x(dayOfIso(a.date)), y: y(a.value), period: a.period, date: a.date, value: a.value })) : [],
        baselineY: y && m.baseline !== undefined ? y(m.baseline) : undefined,
        latest: latest ? `${valueText(latest.value, m.unit)} (${latest.period})` : undefined,
        change: changeWords(m),
        status: m.isKpi && latest ? trackStatus(m) : undefined,
        statusWords: m.isKpi && latest ? trackWords(m) : undefined
    };
}

/** The latest actual's change as the graph figures it, and what from: `+36 points since baseline (48%)`, `+35 points since 2026-04-03 (49%)`. */
function changeWords(m: MetricFigures): string | undefined {
    const c = m.change;
    if (!c) return undefined;
    const since = c.from === 'baseline' ? 'baseline' : c.period ?? 'the first actual';
    return `${changeText(round(c.amount), m.unit)} since ${since} (${valueText(c.reference, m.unit)})`;
}

function describe(title: string, nodes: readonly GraphNode[], window: ProgressChartOptions['window']): string {
    const parts = [`${title}, on one time axis${window ? ` (${window.label ?? 'program window'} ${window.start} to ${window.end})` : ''}.`];
    for (const node of nodes) {
        const m = node.metric!;
        const name = `${node.title ?? node.name} (${m.kind ?? 'untyped'})`;
        const first = m.actuals[0];
        const latest = m.latest;
        // A KPI's status, as its row says it, however many actuals it has.
        const status = m.isKpi ? `, ${trackWords(m).toLowerCase()}` : '';
        if (!first || !latest) parts.push(`${name}: no actuals yet.`);
        else if (first === latest) parts.push(`${name}: ${valueText(latest.value, m.unit)} on ${latest.date}${status}.`);
        else parts.push(`${name}: from ${valueText(first.value, m.unit)} on ${first.date} to ${valueText(latest.value, m.unit)} on ${latest.date}${status}.`);
    }
    return parts.join(' ');
}
