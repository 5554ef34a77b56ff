/**
 * The chart of one metric, as geometry (kpi-chart-svg.ts draws it): its
 * actuals over time, each dated on its period's last day, against the
 * straight trajectory from the baseline (at the program start, or the first
 * actual) to the target at the deadline; the side of the trajectory that is
 * on track shaded; the target, the deadline and the latest actual labelled.
 * Values grow upwards whatever the direction; the direction is written in
 * words and decides which side is shaded.
 */
import type { GraphNode, MetricFigures } from '../graph/types.js';
import { placeLabels, pointBox, segmentBoxes, type Box, type LabelRequest, type PlacedLabel } from './chart-labels.js';
import { extent, linearScale, round, timeTicks, valueAxis } from './chart-scale.js';
import { axisUnit, dayOfIso, directionWords, tickText, trackWords, unknownReason, valueText } from './chart-text.js';
import { tableMeasure, type MeasureText, type TextStyle } from './measure.js';
import { deadlineText, trackStatus, type TrackStatus } from './text.js';
import { actualDecimals, ownDecimals, shownDecimals } from '../present/index.js';

export interface KpiChartOptions {
    /** Size of the drawing in px (default 400 x 240). */
    readonly width?: number;
    readonly height?: number;
    /** Text measurement (default: the Liberation Sans table). */
    readonly measure?: MeasureText;
    /** The accessible title (default: the metric's title and name). */
    readonly title?: string;
}

/** One actual, where it is drawn. */
export interface ChartPoint { readonly x: number; readonly y: number; readonly period: string; readonly date: string; readonly value: number; }

/** A chart label, placed; `role` names what it labels. */
export interface ChartLabel extends PlacedLabel { readonly role: 'latest' | 'target' | 'baseline' | 'deadline'; }

export interface KpiChart {
    readonly width: number;
    readonly height: number;
    readonly plot: Box;
    readonly title: string;
    /** The text alternative: what the chart shows, in sentences. */
    readonly description: string;
    readonly status: TrackStatus;
    readonly statusWords: string;
    readonly statusDetail: string;
    readonly directionText: string;
    readonly direction?: 'up' | 'down';
    /** What the values are counted in (`in USD`, `score`), over the value axis; '' for percent and plain numbers. */
    readonly unitLabel: string;
    /** Where the unit ends (anchored at its end, over the value axis's labels), when there is one. */
    readonly unitX?: number;
    readonly xTicks: ReadonlyArray<{ x: number; date: string; label: string; year?: string }>;
    readonly yTicks: ReadonlyArray<{ y: number; value: number; label: string }>;
    readonly points: readonly ChartPoint[];
    readonly trajectory?: { x1: number; y1: number; x2: number; y2: number; from: string; to: string; baseline: number; target: number };
    /** The shaded on-track side of the trajectory, as polygon points. */
    readonly zone?: ReadonlyArray<readonly [number, number]>;
    readonly targetY?: number;
    readonly baselineY?: number;
    readonly deadlineX?: number;
    /** Where the trajectory is at the latest actual's date. */
    readonly expected?: { x: number; y: number; value: number };
    readonly labels: readonly ChartLabel[];
}

export const KPI_CHART_SIZE = { width: 400, height: 240 } as const;

const TICK: TextStyle = { size: 11 };
const LABEL: TextStyle = { size: 11 };
const LABEL_BOLD: TextStyle = { size: 11.5, bold: true };
/** The plot's top when a unit heads the value axis: the unit's line (baseline UNIT_Y) between the header and the axis' top label. */
const UNIT_TOP = 58;
export const UNIT_Y = 47;

/** The chart of a metric node, or undefined when it has no actuals to draw. */
export function kpiChart(node: GraphNode, options: KpiChartOptions = {}): KpiChart | undefined {
    const m = node.metric;
    if (!m || m.actuals.length === 0) return undefined;
    const width = options.width ?? KPI_CHART_SIZE.width;
    const height = options.height ?? KPI_CHART_SIZE.height;
    const measure = options.measure ?? tableMeasure;
    const title = options.title ?? (node.title ? `${node.title} (${node.name})` : node.name);

    const start = m.trajectoryStart ?? m.actuals[0]!.date;
    const days = [dayOfIso(start), ...m.actuals.map(a => dayOfIso(a.date)), ...(m.deadline ? [dayOfIso(m.deadline)] : [])];
    const [first, last] = extent(days);
    const pad = Math.max(3, (last - first) * 0.04);
    const values = [...m.actuals.map(a => a.value), ...[m.baseline, m.target, m.expected].filter((v): v is number => v !== undefined)];
    const axis = valueAxis(values);
    // Every tick with the decimals of the finest (`0.1`, `0.105`, `0.11`): labels as distinct as the ticks.
    const tickDecimals = Math.max(2, ...axis.ticks.map(v => ownDecimals(v, 0)));
    const yTicks0 = axis.ticks.map(v => ({ value: v, label: tickText(v, m.unit, tickDecimals) }));
    const left = 10 + Math.max(...yTicks0.map(t => measure(t.label, TICK))) + 6;
    const unitLabel = axisUnit(m.unit);
    // The unit heads the value axis, over its labels, below the header (beside the direction it read as part of it).
    const top = unitLabel ? UNIT_TOP : 40;
    const plot: Box = { x: round(left), y: top, width: round(width - 14 - left), height: height - top - 34 };
    const x = linearScale([first - pad, last + pad], [plot.x, plot.x + plot.width]);
    const y = linearScale(axis.domain, [plot.y + plot.height, plot.y]);

    const points = m.actuals.map(a => ({ x: x(dayOfIso(a.date)), y: y(a.value), period: a.period, date: a.date, value: a.value }));
    const latest = points.at(-1)!;
    const trajectory = m.baseline !== undefined && m.target !== undefined && m.deadline && m.trajectoryStart
        ? { x1: x(dayOfIso(start)), y1: y(m.baseline), x2: x(dayOfIso(m.deadline)), y2: y(m.target), from: start, to: m.deadline, baseline: m.baseline, target: m.target }
        : undefined;
    const expected = trajectory && m.expected !== undefined ? { x: latest.x, y: y(m.expected), value: m.expected } : undefined;
    const tickCount = Math.max(2, Math.floor(plot.width / 52));
    const chart: Omit<KpiChart, 'labels'> = {
        width, height, plot, title,
        description: describe(title, m),
        status: trackStatus(m),
        statusWords: trackWords(m),
        statusDetail: statusDetail(m),
        directionText: directionWords(m.direction),
        direction: m.direction,
        unitLabel,
        unitX: unitLabel ? round(Math.max(plot.x - 6, 6 + measure(unitLabel, TICK))) : undefined,
        xTicks: timeTicks(first - pad, last + pad, tickCount).map(t => ({ x: x(t.day), date: isoOf(t.day), label: t.label, year: t.year })),
        yTicks: yTicks0.map(t => ({ ...t, y: y(t.value) })),
        points, trajectory, expected,
        zone: trajectory && m.direction ? zoneOf(trajectory, plot, m.direction) : undefined,
        targetY: m.target !== undefined ? y(m.target) : undefined,
        baselineY: m.baseline !== undefined ? y(m.baseline) : undefined,
        deadlineX: m.deadline ? x(dayOfIso(m.deadline)) : undefined
    };
    return { ...chart, labels: labelsOf(chart, m, measure) };
}

function isoOf(day: number): string {
    return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The plot area on the better side of the trajectory (flat before its start and after the deadline). */
function zoneOf(t: NonNullable<KpiChart['trajectory']>, plot: Box, direction: 'up' | 'down'): Array<[number, number]> {
    const edge = direction === 'up' ? plot.y : plot.y + plot.height;
    const right = plot.x + plot.width;
    return [[plot.x, edge], [plot.x, t.y1], [t.x1, t.y1], [t.x2, t.y2], [right, t.y2], [right, edge]];
}

function statusDetail(m: MetricFigures): string {
    if (m.onTrack !== undefined && m.latest && m.expected !== undefined) {
        // The expected value as precise as the metric's figures, or both as much more precise as tells them apart (not "54 against 54").
        const [actual, expected] = [valueText(m.latest.value, m.unit), valueText(roundLike(m.expected, m), m.unit)];
        if (actual !== expected || m.expected === m.latest.value) return `${actual} against ${expected} on the trajectory`;
        const decimals = actualDecimals(m.latest.value, m.expected);
        return `${valueText(m.latest.value, m.unit, decimals)} against ${valueText(m.expected, m.unit, decimals)} on the trajectory`;
    }
    return unknownReason(m);
}

/** `value` with as many decimals as the metric's most precise figure (at most those a figure is shown with: two, more under 0.1). */
function roundLike(value: number, m: MetricFigures): number {
    const figures = [m.baseline, m.target, ...m.actuals.map(a => a.value)].filter((v): v is number => v !== undefined);
    const decimals = Math.min(shownDecimals(value), Math.max(0, extent(figures.map(v => ownDecimals(v, 0)))[1]));
    const scale = 10 ** decimals;
    return Math.round(value * scale) / scale;
}

/** What labels must keep off: every actual, the actuals' line and the trajectory. */
function obstaclesOf(chart: Omit<KpiChart, 'labels'>): Box[] {
    const { points, trajectory: t } = chart;
    const boxes = points.map(p => pointBox(p.x, p.y, 5));
    points.forEach((p, i) => { if (i > 0) boxes.push(...segmentBoxes(points[i - 1]!.x, points[i - 1]!.y, p.x, p.y)); });
    if (t) boxes.push(...segmentBoxes(t.x1, t.y1, t.x2, t.y2));
    return boxes;
}

/** Places around a point, nearest first, on the `up` side first; left (anchored at the end) before right. */
function around(x: number, y: number, up: boolean): LabelRequest['candidates'] {
    const rows = [7, 19].flatMap(gap => up ? [y - gap - 1, y + gap + 9] : [y + gap + 9, y - gap - 1]);
    return rows.flatMap(row => [{ x: x - 7, y: row, anchor: 'end' as const }, { x: x + 7, y: row, anchor: 'start' as const }]);
}

function labelsOf(chart: Omit<KpiChart, 'labels'>, m: MetricFigures, measure: MeasureText): ChartLabel[] {
    const latest = chart.points.at(-1)!;
    const t = chart.trajectory;
    const requests: Array<LabelRequest & { role: ChartLabel['role'] }> = [];
    const above = !chart.expected || latest.y <= chart.expected.y;
    requests.push({ role: 'latest', text: `${valueText(latest.value, m.unit)} (${latest.period})`, style: LABEL_BOLD, candidates: around(latest.x, latest.y, above) });
    if (t) {
        requests.push({ role: 'target', text: `target ${valueText(t.target, m.unit)}`, style: LABEL, candidates: around(t.x2, t.y2, t.y2 < t.y1) });
        requests.push({ role: 'baseline', text: `baseline ${valueText(t.baseline, m.unit)}`, style: LABEL, candidates: around(t.x1, t.y1, t.y1 < t.y2).slice().reverse() });
    }
    if (chart.deadlineX !== undefined && m.deadline) {
        const dx = chart.deadlineX;
        const [top, bottom] = [chart.plot.y + 10, chart.plot.y + chart.plot.height - 4];
        requests.push({
            role: 'deadline', text: `deadline ${deadlineText(m, 'short')}`, style: LABEL,
            candidates: [{ x: dx - 4, y: top, anchor: 'end' }, { x: dx - 4, y: bottom, anchor: 'end' }, { x: dx + 4, y: top, anchor: 'start' }, { x: dx + 4, y: bottom, anchor: 'start' }]
        });
    }
    const bounds: Box = { x: chart.plot.x + 2, y: chart.plot.y, width: chart.width - chart.plot.x - 4, height: chart.plot.height - 1 };
    return placeLabels(requests, obstaclesOf(chart), bounds, measure).map((p, i) => ({ ...p, role: requests[i]!.role }));
}

function describe(title: string, m: MetricFigures): string {
    const kind = m.kind ? `${m.kind} ${m.isKpi ? 'KPI' : 'metric'}` : 'metric';
    const direction = directionWords(m.direction);
    const parts = [`${title}: ${kind}${direction ? `, ${direction}` : ''}.`];
    if (m.baseline !== undefined) parts.push(`Baseline ${valueText(m.baseline, m.unit)}${m.trajectoryStart ? ` on ${m.trajectoryStart}` : ''}.`);
    if (m.target !== undefined) parts.push(`Target ${valueText(m.target, m.unit)}${m.deadline ? ` by ${deadlineText(m, 'long')}` : ''}.`);
    const shown = m.actuals.slice(-6).map(a => `${valueText(a.value, m.unit)} (${a.period})`);
    const earlier = m.actuals.length - shown.length;
    parts.push(`Actuals: ${earlier > 0 ? `${earlier} earlier, then ` : ''}${shown.join(', ')}.`);
    const detail = statusDetail(m);
    parts.push(`${trackWords(m)}${detail ? `: ${detail}` : ''}.`);
    return parts.join(' ');
}
