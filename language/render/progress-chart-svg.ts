/** SVG markup of a program's progress panel (progress-chart.ts): no script, a `<title>` and a `<desc>`. */
import { chartCss } from './chart-styles.js';
import { drawGlyph, STATUS_GLYPHS } from './icons.js';
import type { ChartSvgOptions } from './kpi-chart-svg.js';
import type { ProgressChart, ProgressRow } from './progress-chart.js';
import { escapeXml } from './text.js';

const n = (v: number): string => String(Math.round(v * 10) / 10);

/** The SVG of a progress panel. */
export function renderProgressChart(chart: ProgressChart, options: ChartSvgOptions = {}): string {
    const id = options.idPrefix ?? 'progress-chart-';
    const { width, height, plot } = chart;
    const bottom = plot.y + plot.height;
    const w = chart.window;
    return `<svg xmlns="http://www.w3.org/2000/svg" class="align-chart progress-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}title ${id}desc">`
        + `<title id="${id}title">${escapeXml(chart.title)}</title><desc id="${id}desc">${escapeXml(chart.description)}</desc>`
        + (options.embedStyles ? `<style><![CDATA[\n${chartCss()}\n]]></style>` : '')
        + `<rect class="background" width="${width}" height="${height}"/>`
        + (w ? `<rect class="window" x="${n(w.x1)}" y="${n(plot.y - 8)}" width="${n(w.x2 - w.x1)}" height="${n(plot.height + 8)}"/>`
            + `<line class="window-edge" x1="${n(w.x1)}" x2="${n(w.x1)}" y1="${n(plot.y - 8)}" y2="${n(bottom)}"/>`
            + `<line class="window-edge" x1="${n(w.x2)}" x2="${n(w.x2)}" y1="${n(plot.y - 8)}" y2="${n(bottom)}"/>`
            + `<text class="window-label" x="${n(w.x1 + 5)}" y="${n(plot.y - 12)}">${escapeXml(w.label.toUpperCase())}</text>` : '')
        + `<text class="muted" x="${width - 8}" y="14" text-anchor="end">each row on its own scale · dotted line: baseline</text>`
        + `<g class="grid">${chart.xTicks.map(t => `<line data-date="${t.date}" x1="${n(t.x)}" x2="${n(t.x)}" y1="${n(plot.y)}" y2="${n(bottom)}"/>`).join('')}</g>`
        + `<line class="axis-line" x1="${n(plot.x)}" x2="${n(plot.x + plot.width)}" y1="${n(bottom)}" y2="${n(bottom)}"/>`
        + `<g class="axis axis-x">${chart.xTicks.map(t => `<text class="tick tick-x" data-date="${t.date}" x="${n(t.x)}" y="${n(bottom + 14)}" text-anchor="middle">${escapeXml(t.label)}</text>`
            + (t.year ? `<text class="tick tick-year" x="${n(t.x)}" y="${n(bottom + 27)}" text-anchor="middle">${t.year}</text>` : '')).join('')}</g>`
        + chart.rows.map((r, i) => renderRow(r, chart, i)).join('')
        + `</svg>`;
}

function renderRow(r: ProgressRow, chart: ProgressChart, index: number): string {
    const { plot, width } = chart;
    const mid = r.y + r.height / 2;
    const rule = index > 0 ? `<line class="row-rule" x1="6" x2="${width - 6}" y1="${n(r.y)}" y2="${n(r.y)}"/>` : '';
    const title = r.titleLines.map((line, i) => `<text class="row-title" x="8" y="${n(r.y + 19 + i * 14)}">${escapeXml(line)}</text>`).join('');
    const kind = `<text class="row-kind" x="8" y="${n(r.y + 19 + r.titleLines.length * 14 + 1)}">${escapeXml(r.kindLine)}</text>`;
    const baseline = r.baselineY !== undefined ? `<line class="baseline-line" x1="${n(plot.x)}" x2="${n(plot.x + plot.width)}" y1="${n(r.baselineY)}" y2="${n(r.baselineY)}"/>` : '';
    const line = r.points.length > 1 ? `<path class="actual-line" d="M${r.points.map(p => `${n(p.x)} ${n(p.y)}`).join(' L')}"/>` : '';
    const marks = r.points.map((p, i) => `<circle class="actual${i === r.points.length - 1 ? ' latest' : ''}" data-period="${escapeXml(p.period)}" data-date="${p.date}" data-value="${p.value}" cx="${n(p.x)}" cy="${n(p.y)}" r="${i === r.points.length - 1 ? 4.5 : 3}"/>`).join('');
    const empty = r.points.length === 0 ? `<text class="no-data" x="${n(plot.x + 8)}" y="${n(mid + 4)}">no actuals yet</text>` : '';
    const vx = plot.x + plot.width + 14;
    const glyph = r.status ? `<g class="status-glyph">${drawGlyph(STATUS_GLYPHS[r.status], vx, r.y + 9)}</g>` : '';
    const tx = r.status ? vx + 17 : vx;
    const value = r.latest ? `<text class="row-latest" x="${n(tx)}" y="${n(r.y + 19)}">${escapeXml(r.latest)}</text>` : '';
    const sub = r.status && r.statusWords ? r.statusWords : r.change;
    const under = sub ? `<text class="row-change" x="${n(tx)}" y="${n(r.y + 34)}">${escapeXml(sub)}</text>` : '';
    return `<g class="row row-${r.kind}${r.status ? ` status-${r.status}` : ''}" data-id="${escapeXml(r.id)}">${rule}${title}${kind}${baseline}${line}${marks}${empty}${glyph}${value}${under}</g>`;
}
