/** SVG markup of a program's progress panel (progress-chart.ts): no script, a `<title>` and a `<desc>`. */
import { chartCss, glyphFill, latestFill, paint } from './chart-styles.js';
import { drawGlyph, STATUS_GLYPHS } from './icons.js';
import type { ChartSvgOptions } from './kpi-chart-svg.js';
import type { ProgressChart, ProgressRow } from './progress-chart.js';
import { escapeXml } from './text.js';
import { lineAttributes } from './text-direction.js';

const n = (v: number): string => String(Math.round(v * 10) / 10);

/** The SVG of a progress panel. */
export function renderProgressChart(chart: ProgressChart, options: ChartSvgOptions = {}): string {
    const id = options.idPrefix ?? 'progress-chart-';
    const { width, height } = chart;
    return `<svg xmlns="http://www.w3.org/2000/svg" class="align-chart progress-chart${chart.layout === 'stacked' ? ' stacked' : ''}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"${paint(chart.layout === 'stacked' ? 'rootStacked' : 'root')} role="img" aria-labelledby="${id}title ${id}desc">`
        + `<title id="${id}title">${escapeXml(chart.title)}</title><desc id="${id}desc">${escapeXml(chart.description)}</desc>`
        + (options.embedStyles ? `<style><![CDATA[\n${chartCss()}\n]]></style>` : '')
        + `<rect class="background"${paint('background')} width="${width}" height="${height}"/>`
        + (chart.layout === 'stacked' ? stackedBody(chart) : columnsBody(chart))
        + `</svg>`;
}

/** Label, line and latest value side by side; the window and the grid span every row. */
function columnsBody(chart: ProgressChart): string {
    const { width, plot } = chart;
    const bottom = plot.y + plot.height;
    const w = chart.window;
    return (w ? `<rect class="window"${paint('window')} x="${n(w.x1)}" y="${n(plot.y - 8)}" width="${n(w.x2 - w.x1)}" height="${n(plot.height + 8)}"/>`
            + `<line class="window-edge"${paint('windowEdge')} x1="${n(w.x1)}" x2="${n(w.x1)}" y1="${n(plot.y - 8)}" y2="${n(bottom)}"/>`
            + `<line class="window-edge"${paint('windowEdge')} x1="${n(w.x2)}" x2="${n(w.x2)}" y1="${n(plot.y - 8)}" y2="${n(bottom)}"/>`
            + `<text class="window-label"${paint('windowLabel')} x="${n(w.x1 + 5)}" y="${n(plot.y - 12)}">${escapeXml(w.label.toUpperCase())}</text>` : '')
        + `<text class="muted"${paint('muted')} x="${width - 8}" y="14" text-anchor="end">${escapeXml(chart.legend.join(' '))}</text>`
        + `<g class="grid"${paint('grid')}>${chart.xTicks.map(t => `<line data-date="${t.date}" x1="${n(t.x)}" x2="${n(t.x)}" y1="${n(plot.y)}" y2="${n(bottom)}"/>`).join('')}</g>`
        + timeAxis(chart, bottom, 14, 27)
        + chart.rows.map((r, i) => renderRow(r, chart, i)).join('');
}

/** The time axis under the rows: a tick's label `dy` under the line, its year `dyYear`. */
function timeAxis(chart: ProgressChart, bottom: number, dy: number, dyYear: number): string {
    const { plot } = chart;
    return `<line class="axis-line"${paint('axisLine')} x1="${n(plot.x)}" x2="${n(plot.x + plot.width)}" y1="${n(bottom)}" y2="${n(bottom)}"/>`
        + `<g class="axis axis-x"${paint('muted')}>${chart.xTicks.map(t => `<text class="tick tick-x" data-date="${t.date}" x="${n(t.x)}" y="${n(bottom + dy)}" text-anchor="middle">${escapeXml(t.label)}</text>`
            + (t.year ? `<text class="tick tick-year" x="${n(t.x)}" y="${n(bottom + dyYear)}" text-anchor="middle">${t.year}</text>` : '')).join('')}</g>`;
}

/**
 * Each row's title on the full width, its line in a strip under it (the
 * window shaded and the grid drawn in each strip, all on one time axis),
 * its latest value under that.
 */
function stackedBody(chart: ProgressChart): string {
    const { plot } = chart;
    const bottom = plot.y + plot.height;
    const w = chart.window;
    const legend = chart.legend.map((line, i) => `<text class="muted"${paint('muted')} x="10" y="${n(16 + i * 15)}">${escapeXml(line)}</text>`).join('');
    const label = w ? `<text class="window-label"${paint('windowLabel', { 'font-size': undefined })} x="${n(w.x1 + 4)}" y="${n(plot.y - 6)}">${escapeXml(w.label.toUpperCase())}</text>` : '';
    // The window's shade runs from its label to the axis, behind the titles; its edges and the grid only through the strips.
    const shade = w ? `<rect class="window"${paint('window')} x="${n(w.x1)}" y="${n(plot.y - 20)}" width="${n(w.x2 - w.x1)}" height="${n(bottom - plot.y + 20)}"/>` : '';
    return legend + shade + label + timeAxis(chart, bottom, 15, 29)
        + chart.rows.map((r, i) => renderStackedRow(r, chart, i)).join('');
}

/** A row's title lines; when the title was too long for them (it ends with an ellipsis), hovering shows it in full. */
function titleOf(r: ProgressRow, lines: string): string {
    return r.titleLines.join(' ') === r.title ? lines : `<g><title>${escapeXml(r.title)}</title>${lines}</g>`;
}

function renderStackedRow(r: ProgressRow, chart: ProgressChart, index: number): string {
    const { plot, width } = chart;
    const place = r.place!;
    const { band } = place;
    const w = chart.window;
    const rule = index > 0 ? `<line class="row-rule"${paint('rowRule')} x1="6" x2="${width - 6}" y1="${n(r.y)}" y2="${n(r.y)}"/>` : '';
    const title = titleOf(r, r.titleLines.map((line, i) => `<text class="row-title"${paint('rowTitle', { 'font-size': 12.5 })} x="10" y="${n(r.y + 17 + i * 16)}"${lineAttributes(line)}>${escapeXml(line)}</text>`).join(''));
    const kind = `<text class="row-kind"${paint('rowKind', { 'font-size': undefined })} x="10" y="${n(place.kindY)}">${escapeXml(r.kindLine)}</text>`;
    const [y1, y2] = [band.y, band.y + band.height];
    const grid = `<g class="grid"${paint('grid')}>${chart.xTicks.map(t => `<line data-date="${t.date}" x1="${n(t.x)}" x2="${n(t.x)}" y1="${n(y1)}" y2="${n(y2)}"/>`).join('')}</g>`;
    const edges = w ? [w.x1, w.x2].map(x => `<line class="window-edge"${paint('windowEdge')} x1="${n(x)}" x2="${n(x)}" y1="${n(y1)}" y2="${n(y2)}"/>`).join('') : '';
    const baseline = r.baselineY !== undefined ? `<line class="baseline-line"${paint('referenceLine')} x1="${n(plot.x)}" x2="${n(plot.x + plot.width)}" y1="${n(r.baselineY)}" y2="${n(r.baselineY)}"/>` : '';
    const empty = r.points.length === 0 ? `<text class="no-data"${paint('noData')} x="${n(plot.x + 4)}" y="${n(band.y + band.height / 2 + 4)}">no actuals yet</text>` : '';
    const glyph = r.status && place.valueY !== undefined ? `<g class="status-glyph"${paint(glyphFill(r.status))}>${drawGlyph(STATUS_GLYPHS[r.status], 10, place.valueY - 10)}</g>` : '';
    const value = r.latest && place.valueY !== undefined ? `<text class="row-latest"${paint('rowLatest', { 'font-size': 12.5 })} x="${r.status ? 27 : 10}" y="${n(place.valueY)}">${escapeXml(r.latest)}</text>` : '';
    const words = r.status && r.statusWords ? r.statusWords : r.change;
    const under = words && place.sub ? `<text class="row-change"${paint('rowChange', { 'font-size': undefined })} x="${n(place.sub.x)}" y="${n(place.sub.y)}">${escapeXml(words)}</text>` : '';
    return `<g class="row row-${r.kind}${r.status ? ` status-${r.status}` : ''}" data-id="${escapeXml(r.id)}">${rule}${title}${kind}${grid}${edges}${baseline}${line(r)}${marks(r)}${empty}${glyph}${value}${under}</g>`;
}

function line(r: ProgressRow): string {
    return r.points.length > 1 ? `<path class="actual-line"${paint('actualLine')} d="M${r.points.map(p => `${n(p.x)} ${n(p.y)}`).join(' L')}"/>` : '';
}

function marks(r: ProgressRow): string {
    return r.points.map((p, i) => `<circle class="actual${i === r.points.length - 1 ? ' latest' : ''}"${i === r.points.length - 1 ? paint('latest', latestFill(r.status)) : paint('actual')} data-period="${escapeXml(p.period)}" data-date="${p.date}" data-value="${p.value}" cx="${n(p.x)}" cy="${n(p.y)}" r="${i === r.points.length - 1 ? 4.5 : 3}"/>`).join('');
}

function renderRow(r: ProgressRow, chart: ProgressChart, index: number): string {
    const { plot, width } = chart;
    const mid = r.y + r.height / 2;
    const rule = index > 0 ? `<line class="row-rule"${paint('rowRule')} x1="6" x2="${width - 6}" y1="${n(r.y)}" y2="${n(r.y)}"/>` : '';
    const title = titleOf(r, r.titleLines.map((line, i) => `<text class="row-title"${paint('rowTitle')} x="8" y="${n(r.y + 19 + i * 14)}"${lineAttributes(line)}>${escapeXml(line)}</text>`).join(''));
    const kind = `<text class="row-kind"${paint('rowKind')} x="8" y="${n(r.y + 19 + r.titleLines.length * 14 + 1)}">${escapeXml(r.kindLine)}</text>`;
    const baseline = r.baselineY !== undefined ? `<line class="baseline-line"${paint('referenceLine')} x1="${n(plot.x)}" x2="${n(plot.x + plot.width)}" y1="${n(r.baselineY)}" y2="${n(r.baselineY)}"/>` : '';
    const empty = r.points.length === 0 ? `<text class="no-data"${paint('noData')} x="${n(plot.x + 8)}" y="${n(mid + 4)}">no actuals yet</text>` : '';
    const vx = plot.x + plot.width + 14;
    const glyph = r.status ? `<g class="status-glyph"${paint(glyphFill(r.status))}>${drawGlyph(STATUS_GLYPHS[r.status], vx, r.y + 9)}</g>` : '';
    const tx = r.status ? vx + 17 : vx;
    const value = r.latest ? `<text class="row-latest"${paint('rowLatest')} x="${n(tx)}" y="${n(r.y + 19)}">${escapeXml(r.latest)}</text>` : '';
    const sub = r.status && r.statusWords ? [r.statusWords] : r.changeLines ?? (r.change ? [r.change] : []);
    const under = sub.map((line, i) => `<text class="row-change"${paint('rowChange')} x="${n(tx)}" y="${n(r.y + 34 + i * 14)}">${escapeXml(line)}</text>`).join('');
    return `<g class="row row-${r.kind}${r.status ? ` status-${r.status}` : ''}" data-id="${escapeXml(r.id)}">${rule}${title}${kind}${baseline}${line(r)}${marks(r)}${empty}${glyph}${value}${under}</g>`;
}
