/**
 * What the metric detail panel shows, as DOM: the metric's headline figures,
 * the KPI chart the report draws (language/render's kpiChart and
 * renderKpiChart, at the panel's width, 1 SVG px per CSS px), and, for a KPI
 * with a `value`, how much of its change each program is credited with
 * (the graph's `programFigures.roi.attribution`; words from language/present).
 */
import type { GraphNode, ImpactGraph, KpiAttribution, MetricFigures, RoiFigures } from '../language/graph/types.js';
import { attributedBenefitText, attributedValueText, deadlineText, figuresText, isolationText, MISSING, statusText } from '../language/present/index.js';
import { computedChangeText, directionWords, kpiChart, renderKpiChart, type MeasureText } from '../language/render/index.js';
import { element } from './dom.js';

/** Id prefix of the chart's `<title>` and `<desc>` (one chart on the page at a time). */
const CHART_ID = 'metric-detail-chart-';
const CHART_HEIGHT = 240;

/** A program that credits itself with part of the metric's change. */
export interface ProgramAttribution {
    readonly program: GraphNode;
    readonly roi: RoiFigures;
    readonly attribution: KpiAttribution;
}

/** The programs whose ROI counts this metric's change, in the graph's order. */
export function attributionsOf(graph: ImpactGraph, metricId: string): ProgramAttribution[] {
    return graph.nodes.flatMap(program => {
        const roi = program.programFigures?.roi;
        const attribution = roi?.attribution?.find(a => a.metric === metricId);
        return roi && attribution ? [{ program, roi, attribution }] : [];
    });
}

/** `lagging KPI · higher is better`, `learning metric`. */
export function kindLine(m: MetricFigures): string {
    const kind = m.kind ? `${m.kind} ${m.isKpi ? 'KPI' : 'metric'}` : 'metric';
    const direction = directionWords(m.direction);
    return direction ? `${kind} · ${direction}` : kind;
}

/** Baseline → latest → target and the on-track words, as a short list of facts. */
export function factsList(m: MetricFigures): HTMLElement {
    const rows: Array<[string, string]> = [
        ['Baseline → latest → target', figuresText(m)],
        ['Status', statusText(m)]
    ];
    if (m.latest) rows.push(['Latest actual', m.latest.period]);
    if (m.deadline) rows.push(['Deadline', deadlineText(m, 'long')!]);
    return definitions('facts', rows);
}

/**
 * The KPI chart at `width` CSS px, or a note in its place when the metric
 * has no actuals. The SVG's `<title>` and `<desc>` are its text alternative
 * (role `img`, labelled by both).
 */
export function chartFigure(node: GraphNode, width: number, measure: MeasureText | undefined): HTMLElement {
    const chart = kpiChart(node, { width, height: CHART_HEIGHT, ...(measure ? { measure } : {}) });
    if (!chart) return element('p', { class: 'no-chart' }, 'No actuals yet: the chart appears with the first actual (inline rows or a CSV file).');
    const figure = element('figure', { class: 'chart' });
    figure.insertAdjacentHTML('beforeend', renderKpiChart(chart, { idPrefix: CHART_ID }));
    return figure;
}

/** The attribution of the metric's change to each program that counts it, or undefined when none does. */
export function attributionSection(graph: ImpactGraph, node: GraphNode): HTMLElement | undefined {
    const programs = attributionsOf(graph, node.id);
    if (programs.length === 0) return undefined;
    const section = element('section', { class: 'attribution', 'aria-labelledby': 'metric-detail-attribution' },
        element('h3', { id: 'metric-detail-attribution' }, 'Attribution'),
        element('p', { class: 'note' }, 'Only the program\'s part of the change counts toward its ROI (Phillips: isolate the effects of the program).'));
    for (const { program, roi, attribution: a } of programs) {
        const unit = node.metric?.unit;
        const change = (v: number | undefined): string => v === undefined ? MISSING : computedChangeText(v, unit);
        const controlName = a.control ? graph.nodes.find(n => n.id === a.control)?.name : undefined;
        const value = node.metric?.value;
        const rows: Array<[string, string]> = [
            ['Method', isolationText(a, controlName)],
            ['Raw change', change(a.rawChange)],
            ['Attributed change', change(a.attributedChange)],
            [`Value per ${value?.per ?? 'point'}`, attributedValueText(a, roi.currency)],
            ['Benefit', attributedBenefitText(a, roi.currency)]
        ];
        if (a.missing.length > 0) rows.push(['Missing', a.missing.join('; ')]);
        section.append(element('div', { class: 'program', 'data-program': program.id },
            element('h4', {}, program.title ?? program.name), definitions('figures', rows)));
    }
    return section;
}

/** A `<dl>` of label and value pairs. */
function definitions(cls: string, rows: ReadonlyArray<readonly [string, string]>): HTMLElement {
    const list = element('dl', { class: cls });
    for (const [label, value] of rows) list.append(element('dt', {}, label), element('dd', {}, value));
    return list;
}
