/**
 * SVG markup of a KPI chart (kpi-chart.ts). No script, no transform, no
 * external reference; a `<title>` and a `<desc>` are its text alternative.
 * Elements carry their data (`data-period`, `data-value`, `data-date`) so
 * that tests and tools can read the chart back.
 */
import { chartCss, glyphFill, latestFill, paint } from './chart-styles.js';
import { drawGlyph, STATUS_GLYPHS } from './icons.js';
import { UNIT_Y, type KpiChart } from './kpi-chart.js';
import { escapeXml, labelHalo } from './text.js';

export interface ChartSvgOptions {
    /** Prefix of element ids (title, description), unique within the page. */
    readonly idPrefix?: string;
    /** Embed the chart styles (a standalone file); a page that holds many charts includes `chartCss()` once instead. */
    readonly embedStyles?: boolean;
}

/** Up and down arrows, 10x12, for "higher/lower is better". */
const ARROWS = {
    up: 'M5 0.5 9.5 5.5H6.4V11.5H3.6V5.5H0.5Z',
    down: 'M5 11.5 9.5 6.5H6.4V0.5H3.6V6.5H0.5Z'
} as const;

const n = (v: number): string => String(Math.round(v * 10) / 10);

/** The SVG of a KPI chart. */
export function renderKpiChart(chart: KpiChart, options: ChartSvgOptions = {}): string {
    const id = options.idPrefix ?? 'kpi-chart-';
    const { width, height } = chart;
    return `<svg xmlns="http://www.w3.org/2000/svg" class="align-chart kpi-chart status-${chart.status}${chart.direction ? ` direction-${chart.direction}` : ''}" `
        + `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"${paint('root')} role="img" aria-labelledby="${id}title ${id}desc">`
        + `<title id="${id}title">${escapeXml(chart.title)}</title><desc id="${id}desc">${escapeXml(chart.description)}</desc>`
        + (options.embedStyles ? `<style><![CDATA[\n${chartCss()}\n]]></style>` : '')
        + `<rect class="background"${paint('background')} width="${width}" height="${height}"/>`
        + header(chart)
        + (chart.zone ? `<path class="zone"${paint('zone')} d="M${chart.zone.map(([x, y]) => `${n(x)} ${n(y)}`).join(' L')}Z"/>` : '')
        + grid(chart)
        + references(chart)
        + actuals(chart)
        + `<g class="labels">${chart.labels.map(l => `${labelHalo(l.box, undefined, paint('labelHalo'))}<text class="label label-${l.role}"${paint('label', l.role === 'latest' ? 'labelLatest' : 'muted')} x="${n(l.x)}" y="${n(l.y)}"${l.anchor === 'end' ? ' text-anchor="end"' : ''}>${escapeXml(l.text)}</text>`).join('')}</g>`
        + `</svg>`;
}

/** Status glyph and words at the top left; the direction in words and an arrow at the top right; the unit over the value axis. */
function header(chart: KpiChart): string {
    const right = chart.width - 6;
    const arrow = chart.direction ? `<path class="direction-glyph"${paint('muted')} d="${shift(ARROWS[chart.direction], right - 10, 5)}"/>` : '';
    const directionX = chart.direction ? right - 14 : right;
    return `<g class="chart-header">`
        + `<g class="status-glyph"${paint(glyphFill(chart.status))}>${drawGlyph(STATUS_GLYPHS[chart.status], 6, 5)}</g>`
        + `<text class="status-words"${paint('statusWords')} x="24" y="15.5">${escapeXml(chart.statusWords)}</text>`
        + (chart.statusDetail ? `<text class="status-detail"${paint('statusDetail')} x="24" y="31">${escapeXml(chart.statusDetail)}</text>` : '')
        + (chart.directionText ? `<text class="direction"${paint('direction')} x="${n(directionX)}" y="15" text-anchor="end">${escapeXml(chart.directionText)}</text>${arrow}` : '')
        + `</g>`
        + (chart.unitLabel && chart.unitX !== undefined ? `<text class="unit"${paint('muted')} x="${n(chart.unitX)}" y="${UNIT_Y}" text-anchor="end">${escapeXml(chart.unitLabel)}</text>` : '');
}

function shift(d: string, dx: number, dy: number): string {
    let i = 0;
    return d.replace(/-?\d+(?:\.\d+)?/g, v => n(Number(v) + (i++ % 2 === 0 ? dx : dy)));
}

function grid(chart: KpiChart): string {
    const { plot } = chart;
    const bottom = plot.y + plot.height;
    const ys = chart.yTicks.map(t => `<line data-value="${t.value}" x1="${n(plot.x)}" x2="${n(plot.x + plot.width)}" y1="${n(t.y)}" y2="${n(t.y)}"/>`).join('');
    const xs = chart.xTicks.map(t => `<line data-date="${t.date}" x1="${n(t.x)}" x2="${n(t.x)}" y1="${n(plot.y)}" y2="${n(bottom)}"/>`).join('');
    const yLabels = chart.yTicks.map(t => `<text class="tick tick-y" data-value="${t.value}" x="${n(plot.x - 6)}" y="${n(t.y + 4)}" text-anchor="end">${escapeXml(t.label)}</text>`).join('');
    const xLabels = chart.xTicks.map(t => `<text class="tick tick-x" data-date="${t.date}" x="${n(t.x)}" y="${n(bottom + 14)}" text-anchor="middle">${escapeXml(t.label)}</text>`
        + (t.year ? `<text class="tick tick-year" x="${n(t.x)}" y="${n(bottom + 27)}" text-anchor="middle">${t.year}</text>` : '')).join('');
    return `<g class="grid"${paint('grid')}>${ys}${xs}</g>`
        + `<line class="axis-line"${paint('axisLine')} x1="${n(plot.x)}" x2="${n(plot.x + plot.width)}" y1="${n(bottom)}" y2="${n(bottom)}"/>`
        + `<g class="axis axis-y"${paint('muted')}>${yLabels}</g>`
        + `<g class="axis axis-x"${paint('muted')}>${xLabels}</g>`;
}

/** Target and baseline lines, the deadline, the trajectory and its end marks. */
function references(chart: KpiChart): string {
    const { plot, trajectory: t } = chart;
    const hLine = (cls: string, y: number | undefined): string => y === undefined ? '' : `<line class="${cls}"${paint('referenceLine')} x1="${n(plot.x)}" x2="${n(plot.x + plot.width)}" y1="${n(y)}" y2="${n(y)}"/>`;
    let out = hLine('target-line', chart.targetY);
    if (!t) out += hLine('baseline-line', chart.baselineY);
    if (chart.deadlineX !== undefined) out += `<line class="deadline-line"${paint('referenceLine')} x1="${n(chart.deadlineX)}" x2="${n(chart.deadlineX)}" y1="${n(plot.y)}" y2="${n(plot.y + plot.height)}"/>`;
    if (t) {
        out += `<line class="trajectory"${paint('trajectory')} data-from="${t.from}" data-to="${t.to}" data-baseline="${t.baseline}" data-target="${t.target}" x1="${n(t.x1)}" y1="${n(t.y1)}" x2="${n(t.x2)}" y2="${n(t.y2)}"/>`
            + `<circle class="baseline-mark"${paint('baselineMark')} cx="${n(t.x1)}" cy="${n(t.y1)}" r="3.5"/>`
            + `<path class="target-mark"${paint('targetMark')} d="M${n(t.x2)} ${n(t.y2 - 6)} L${n(t.x2 + 6)} ${n(t.y2)} L${n(t.x2)} ${n(t.y2 + 6)} L${n(t.x2 - 6)} ${n(t.y2)}Z"/>`;
    }
    return `<g class="references">${out}</g>`;
}

/** The actuals as a line with a mark each; the latest larger, with the gap to the trajectory. */
function actuals(chart: KpiChart): string {
    const points = chart.points;
    const latest = points.at(-1)!;
    const line = points.length > 1 ? `<path class="actual-line"${paint('actualLine')} d="M${points.map(p => `${n(p.x)} ${n(p.y)}`).join(' L')}"/>` : '';
    const e = chart.expected;
    const gap = e && Math.abs(e.y - latest.y) > 3
        ? `<line class="gap"${paint('gap')} x1="${n(e.x)}" x2="${n(e.x)}" y1="${n(e.y)}" y2="${n(latest.y)}"/><circle class="expected-mark"${paint('expectedMark')} data-value="${e.value}" cx="${n(e.x)}" cy="${n(e.y)}" r="3"/>`
        : '';
    const marks = points.map((p, i) => {
        const last = i === points.length - 1;
        return `<circle class="actual${last ? ' latest' : ''}"${last ? paint('latest', latestFill(chart.status)) : paint('actual')} data-period="${escapeXml(p.period)}" data-date="${p.date}" data-value="${p.value}" cx="${n(p.x)}" cy="${n(p.y)}" r="${last ? 5 : 3.5}"/>`;
    }).join('');
    return `<g class="actuals">${gap}${line}${marks}</g>`;
}
