/**
 * The KPIs of the report: a table of figures, a chart per KPI (Markdown: a
 * trend line), and a program's learning and activity metrics charted beside
 * its KPIs on one time axis.
 */
import { attribute } from '../../language/attributes.js';
import { isProgram } from '../../language/generated/ast.js';
import type { GraphNode } from '../../language/graph/types.js';
import {
    directionWords, kpiChart, progressChart, renderKpiChart, renderProgressChart, shareText, unknownReason, valueText, trackWords, type KpiChart, type ProgressChart
} from '../../language/render/index.js';
import { deadlineText, TRACK_WORDS } from '../../language/present/index.js';
import type { Block, ChartFigure, Inline, Span, TrackMark } from './blocks.js';
import { chartId, datedNode, nameCell, statusOf, type Context } from './report-context.js';

const KPI_COLUMNS = [
    { label: 'KPI', align: 'left' }, { label: 'Kind', align: 'left' }, { label: 'Baseline', align: 'right' },
    { label: 'Latest actual (period)', align: 'right' }, { label: 'Target', align: 'right' }, { label: 'Deadline', align: 'left' },
    { label: 'Progress', align: 'right' }, { label: 'Status', align: 'left' }
] as const;

/** The status of a KPI as of the report's date, with its mark. */
function statusSpan(kpi: GraphNode, ctx: Context): Span {
    const status = statusOf(ctx, kpi);
    return { status: status.state, words: status.words };
}

/** The KPIs' figures as a table, or a note when there are none. */
export function kpiTableOrNote(kpis: readonly GraphNode[], none: string, ctx: Context): Block {
    return kpis.length > 0 ? kpiTable(kpis, ctx) : { type: 'paragraph', text: [none] };
}

export function kpiTable(kpis: readonly GraphNode[], ctx: Context): Block {
    return {
        type: 'table',
        columns: KPI_COLUMNS.map(c => ({ ...c })),
        rows: kpis.map(kpi => {
            const m = kpi.metric;
            return [
                nameCell(kpi),
                [m?.kind ?? 'untyped'],
                [{ value: valueText(m?.baseline, m?.unit) }],
                m?.latest ? [{ value: valueText(m.latest.value, m.unit) }, ` (${m.latest.period})`] : ['—'],
                [{ value: valueText(m?.target, m?.unit) }],
                [(m && deadlineText(m, 'long')) ?? '—'],
                [m?.progress === undefined ? '—' : shareText(m.progress)],
                [statusSpan(kpi, ctx)]
            ];
        })
    };
}

/** A chart per KPI (two to a row in HTML), or a note in its place when it has no actuals. */
export function kpiCharts(kpis: readonly GraphNode[], context: string, ctx: Context): Block {
    return {
        type: 'charts',
        charts: kpis.map((kpi): ChartFigure => {
            const title = `${kpi.title ?? kpi.name} (${kpi.id}), ${context}`;
            const chart = datedChart(kpiChart(kpi, { title }), kpi, ctx);
            const id = chartId(ctx, kpi.id);
            return {
                kind: 'kpi',
                caption: nameCell(kpi),
                svg: chart ? () => renderKpiChart(chart, { idPrefix: id }) : undefined,
                narrower: chart ? [{ view: 'kpi-narrow', svg: () => renderKpiChart(datedChart(kpiChart(kpi, { title, width: KPI_NARROW_WIDTH }), kpi, ctx)!, { idPrefix: `${id}narrow-` }) }] : undefined,
                note: chart ? undefined : ['no actuals yet; add an ', { code: `actuals ${kpi.name}` }, ' block (rows or a CSV file) to chart it.'],
                lines: [trendLine(kpi, ctx)]
            };
        })
    };
}

/**
 * A KPI chart's width for a phone, in its own units: its smallest text (11)
 * shows at 11 px or more from a 320 px wide figure (a 375 px phone leaves
 * 337 px); the 400 wide chart would show it at 9.3 px there.
 */
export const KPI_NARROW_WIDTH = 320;

const CHART_STATUS: Record<TrackMark, KpiChart['status']> = { on: 'on-track', off: 'off-track', unknown: 'unknown' };

/** The chart with its status as of the report's date, when the date changed it (a deadline passed, stale actuals). */
function datedChart(chart: KpiChart | undefined, kpi: GraphNode, ctx: Context): KpiChart | undefined {
    const status = statusOf(ctx, kpi);
    if (!chart) return chart;
    if (status.detail === undefined) return reasonedChart(chart, status.words);
    // The graph's sentence on the trajectory holds at the latest actual: say so, then the status at the report's date.
    const graphWords = trackWords(kpi.metric!);
    const at = chart.description.lastIndexOf(graphWords);
    const description = at < 0 ? chart.description : `${chart.description.slice(0, at)}${graphWords} at ${kpi.metric!.latest?.period ?? 'the latest actual'}${chart.description.slice(at + graphWords.length)}`;
    return {
        ...chart, status: CHART_STATUS[status.state], statusWords: capital(status.words), statusDetail: status.detail,
        description: `${description} As of ${ctx.date}: ${status.words}, ${status.detail}.`
    };
}

/**
 * The chart in the table's words when they give the reason its state is
 * unknown (`no target`): its detail only when it says more (`no target, deadline`).
 */
function reasonedChart(chart: KpiChart, words: string): KpiChart {
    const statusWords = capital(words);
    if (statusWords === chart.statusWords) return chart;
    const statusDetail = chart.statusDetail === words ? '' : chart.statusDetail;
    const sentence = (w: string, detail: string) => `${w}${detail ? `: ${detail}` : ''}.`;
    const was = sentence(chart.statusWords, chart.statusDetail);
    const at = chart.description.lastIndexOf(was);
    const description = at < 0 ? chart.description : chart.description.slice(0, at) + sentence(statusWords, statusDetail) + chart.description.slice(at + was.length);
    return { ...chart, statusWords, statusDetail, description };
}

/** The learning chart with each KPI's status words as of the report's date. */
function datedProgress(chart: ProgressChart | undefined, ctx: Context): ProgressChart | undefined {
    if (!chart) return chart;
    const rows = chart.rows.map(row => {
        const node = ctx.index.node(row.id);
        const status = node && row.statusWords !== undefined ? statusOf(ctx, node) : undefined;
        return status?.detail === undefined ? row : { ...row, statusWords: capital(status.words) };
    });
    return { ...chart, rows };
}

function capital(words: string): string {
    return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * One line per metric for Markdown: its recent direction, its last three
 * actuals, which way is better and its status as of the report's date.
 */
export function trendLine(node: GraphNode, ctx: Context): Inline {
    const m = node.metric;
    const name = nameCell(node);
    if (!m || m.actuals.length === 0) return [...name, ': no actuals yet.'];
    const recent = m.actuals.slice(-3);
    const move = trendWords(recent.map(a => a.value));
    const values = recent.map(a => `${valueText(a.value, m.unit)} (${a.period})`).join(' \u2192 ');
    const better = directionWords(m.direction);
    const spans: Span[] = [...name, `: ${move}, ${values}`];
    if (better) spans.push(`; ${better}`);
    // A learning or activity metric with a target is judged by the report's date as a KPI is.
    if (m.isKpi || m.target !== undefined) {
        const status = statusOf(ctx, node);
        // `track unknown (no deadline)`; `no target` says why itself.
        const reason = status.detail ?? (status.words === TRACK_WORDS[status.state] ? unknownReason(m) : '');
        const words = status.words + (reason ? ` (${reason})` : '');
        spans.push('; ', status.state === 'off' ? { strong: words } : words);
    }
    spans.push('.');
    return spans;
}

/**
 * The way the last three actuals went, honest about a turn: `rising` or
 * `falling` only when neither step went the other way (`10 → 50 → 10` rose
 * and fell back, it is not flat; `10 → 50 → 12` is not rising), `flat` when
 * neither moved.
 */
function trendWords(actuals: readonly number[]): string {
    const values = actuals.slice(-3);
    if (values.length < 2) return 'one actual';
    const steps = values.slice(1).map((v, i) => Math.sign(v - values[i]!));
    const up = steps.includes(1);
    const down = steps.includes(-1);
    if (up && down) return steps[1] === -1 ? 'up then down \u2191\u2193' : 'down then up \u2193\u2191';
    return up ? 'rising \u2191' : down ? 'falling \u2193' : 'flat \u2192';
}

/**
 * The learning chart's width, in its own units: near an A4 page's width less
 * the margins (703 px), so that printed its smallest text (10.5) stays above
 * 7 pt; the preview's 880 would print it at 6.1 pt.
 */
export const PROGRESS_WIDTH = 720;

/**
 * The widths of the learning chart stacked for a narrow screen (each row's
 * title above its line), in its own units: its smallest text (11.5) shows at
 * 11 px or more from a 306 px wide figure (a 375 px phone leaves 337 px), the
 * medium one from 498 px (report-css.ts switches between them).
 */
export const PROGRESS_STACKED_WIDTHS = { medium: 520, narrow: 320 } as const;

/**
 * The program's learning and activity metrics beside its KPIs on one time
 * axis (HTML), their trend lines (Markdown); a note when the chain has no
 * learning or activity metric, or nothing has actuals yet.
 */
export function progressBlocks(program: GraphNode, ctx: Context, id?: string): Block[] {
    const figures = program.programFigures;
    const chain = (figures?.chain ?? []).map(id => ctx.index.node(id)).filter((n): n is GraphNode => n?.kind === 'metric');
    const learning = chain.filter(n => n.metric?.kind === 'learning' || n.metric?.kind === 'activity');
    const kpis = chain.filter(n => n.metric?.isKpi);
    const heading: Block = { type: 'heading', level: 3, text: ['Learning beside the business'], id };
    if (learning.length === 0) {
        return [heading, { type: 'paragraph', text: ['No learning or activity metric in this program\'s chain: add a pre/post skills check (', { code: 'kind learning' }, ') with actuals to see whether learning moved before the KPIs did.'] }];
    }
    const title = `Learning beside the KPIs it feeds, ${program.title ?? program.name}`;
    const ast = ctx.index.astOf(program.id);
    const pilot = isProgram(ast) && attribute(ast, 'Pilot') !== undefined;
    const window = figures?.window ? { ...figures.window, label: pilot ? 'pilot' : 'window' } : undefined;
    const metrics = [...learning, ...kpis].map(n => datedNode(n, ctx));
    const laid = (width: number, layout: 'columns' | 'stacked') => datedProgress(progressChart(metrics, { title, window, width, layout }), ctx);
    const chart = laid(PROGRESS_WIDTH, 'columns');
    const intro: Block = { type: 'paragraph', muted: true, text: ['Learning and activity metrics first, then leading and lagging KPIs, on one time axis: did learning move before the business did?'] };
    if (!chart) return [heading, { type: 'paragraph', text: ['No learning, activity or KPI metric of this program has actuals yet.'] }, { type: 'list', items: learning.map(n => ({ text: trendLine(n, ctx) })) }];
    const prefix = chartId(ctx, `progress-${program.id}`);
    return [{
        type: 'group', blocks: [heading, intro, {
            type: 'charts', wide: true,
            charts: [{
                kind: 'progress', caption: ['Learning, activity and KPIs of ', ...nameCell(program)],
                svg: () => renderProgressChart(chart, { idPrefix: prefix }),
                narrower: (['medium', 'narrow'] as const).map(size => ({
                    view: `progress-${size}` as const,
                    svg: () => renderProgressChart(laid(PROGRESS_STACKED_WIDTHS[size], 'stacked')!, { idPrefix: `${prefix}${size}-` })
                })),
                lines: learning.map(n => trendLine(n, ctx))
            }]
        }]
    }];
}
