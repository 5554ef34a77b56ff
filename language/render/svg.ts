/**
 * SVG markup of a layout: one node, one edge, or a standalone document.
 * The preview inserts the same node and edge markup into its DOM, so the
 * exported file and the CLI's `--format svg` look like the preview.
 */
import type { NodeFindings } from '../protocol.js';
import type { GraphLayout, LaidOutEdge, LaidOutNode } from './layout.js';
import { drawGlyph, kindGlyph, SEVERITY_GLYPHS, STATUS_GLYPHS, WARNING_GLYPH } from './icons.js';
import { catalogLabel } from '../catalogs/catalog-label.js';
import { nodeLabel, worstSeverity } from './labels.js';
import { PAD, SMALL_LINE, TEXT_X } from './node-text.js';
import { graphCss, type ResolveVariable } from './styles.js';
import { escapeXml, labelHalo, trackStatus } from './text.js';
import { readPath, type Box, type Point } from './geometry.js';
import { lineAttributes } from './text-direction.js';
import { tableMeasure, TEXT, type MeasureText } from './measure.js';

export interface RenderOptions {
    /** Findings per node id, for badges. */
    findings?: Readonly<Record<string, NodeFindings>>;
    /** Adds `tabindex="-1"` (the preview makes one node the Tab stop), `role="button"`, `aria-label` and the zoomed-out label to nodes (the preview's DOM). */
    interactive?: boolean;
    /** Prefix of element ids (markers), for several drawings in one page. */
    idPrefix?: string;
    /** Resolves theme variables to colours in the embedded styles (exports from the preview). */
    resolveVariable?: ResolveVariable;
    /** Title of the drawing. */
    title?: string;
}

const attrs = (values: Record<string, string | number | undefined>): string =>
    Object.entries(values).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${typeof v === 'number' ? v : escapeXml(v!)}"`).join('');

/** Classes of a node's group: kind, column, status and findings. */
export function nodeClasses(item: LaidOutNode, findings?: NodeFindings): string {
    const classes = ['node', `kind-${item.node.kind}`, `col-${item.column}`];
    if (item.node.kind === 'objective' && (item.node.objective?.kpis.length ?? 0) === 0) classes.push('unlinked');
    if (item.node.metric) classes.push(`status-${trackStatus(item.node.metric)}`, `metric-${item.node.metric.kind ?? 'untyped'}`);
    if (item.node.catalog) classes.push('from-catalog');
    const severity = worstSeverity(findings);
    if (severity) classes.push('has-findings', `sev-${severity}`);
    return classes.join(' ');
}

/**
 * One node: a `<g>` of shapes at absolute coordinates, with the lines the
 * layout fitted to the box. No `transform` anywhere, so that a page of
 * nodes paints cheaply; a node that moves is drawn again. Interactive
 * nodes also carry an empty `node-short` text: the preview writes the
 * node's name there, at a size readable when it is zoomed far out.
 */
export function renderNode(item: LaidOutNode, options: RenderOptions = {}): string {
    const findings = options.findings?.[item.id];
    const interactive = options.interactive ? { tabindex: -1, role: 'button', 'aria-label': nodeLabel(item, findings) } : {};
    const { node, x, y, width: w, height: h, text: t } = item;
    const tooltip = `${node.kind} ${node.qualifiedName}${node.title ? `: ${node.title}` : ''}`
        + (node.catalog ? `\nFrom catalog ${catalogLabel(node.catalog)} (read-only)` : '');
    return `<g${attrs({ class: nodeClasses(item, findings), 'data-id': node.id, ...interactive })}>`
        + `<title>${escapeXml(tooltip)}</title>`
        + `<rect class="focus-ring" x="${x - 5}" y="${y - 5}" width="${w + 10}" height="${h + 10}" rx="9"/>`
        + `<rect class="node-box" x="${x}" y="${y}" width="${w}" height="${h}" rx="6"/>`
        + `<rect class="node-accent" x="${x + 1}" y="${y + 8}" width="3" height="${h - 16}" rx="1.5"/>`
        + `<g class="node-icon">${drawGlyph(kindGlyph(node.kind), x + 10, y + 10)}</g>`
        + `<g class="node-text">`
        + t.title.map((line, i) => text('node-title', x + TEXT_X, y + t.titleY[i]!, line)).join('')
        + lines('node-name', x + TEXT_X, y + t.nameY, t.nameLines ?? [t.name])
        + footer(item)
        + `</g>`
        + (options.interactive ? `<text class="node-short" x="${x + PAD}" y="${y + Math.round(h / 2)}"></text>` : '')
        + catalogTag(item)
        + badge(item, findings)
        + `</g>`;
}

/** Width of the `catalog` tag: its word at 11px bold and padding. */
const TAG_WIDTH = 56;

/** The small `catalog` tag on the top border of a node declared in a catalog file (its dashed border is in the styles). */
function catalogTag(item: LaidOutNode): string {
    if (!item.node.catalog) return '';
    const tx = item.x + TEXT_X - 4;
    const ty = item.y - 8;
    return `<g class="catalog-tag"><rect x="${tx}" y="${ty}" width="${TAG_WIDTH}" height="16" rx="3"/>`
        + `<text x="${tx + TAG_WIDTH / 2}" y="${ty + 12}" text-anchor="middle">catalog</text></g>`;
}

/** One line of a box, in its own direction (text-direction.ts): its left end at x, or with `right` its right end. */
function text(cls: string, x: number, y: number, content: string, anchor?: 'right'): string {
    return `<text class="${cls}" x="${x}" y="${y}"${lineAttributes(content, anchor)}>${escapeXml(content)}</text>`;
}

function footer(item: LaidOutNode): string {
    const { node, x, y, width: w, text: t } = item;
    if (node.kind === 'objective') {
        if (t.footer !== undefined) return lines('node-footer', x + TEXT_X, y + t.footerY!, t.footer);
        const lx = x + TEXT_X;
        const ly = y + t.footerY! - 12;
        return `<g class="unlinked-label"><rect x="${lx}" y="${ly}" width="92" height="16" rx="3"/>`
            + `${drawGlyph(WARNING_GLYPH, lx + 5, ly + 2)}<text x="${lx + 21}" y="${ly + 12}">no KPI link</text></g>`;
    }
    if (t.footer !== undefined) {
        return `<g class="node-icon toolkit-icon">${drawGlyph(kindGlyph('toolkit'), x + TEXT_X, y + t.footerY! - 10, 0.7)}</g>`
            + lines('node-footer', x + TEXT_X + 16, y + t.footerY!, t.footer);
    }
    const m = node.metric;
    const f = t.metric;
    if (!m || !f) return '';
    const barWidth = w - 2 * PAD;
    const fill = Math.max(0, Math.min(1, m.progress ?? 0)) * barWidth;
    return lines('metric-figures', x + PAD, y + f.figuresY, f.figureLines ?? [f.figures])
        + (f.deadline ? text('metric-deadline', x + w - PAD, y + f.deadlineY, f.deadline, 'right') : '')
        + `<rect class="progress-track" x="${x + PAD}" y="${y + f.barY}" width="${barWidth}" height="6" rx="3"/>`
        + (fill > 0 ? `<rect class="progress-fill" x="${x + PAD}" y="${y + f.barY}" width="${Math.round(fill * 10) / 10}" height="6" rx="3"/>` : '')
        + `<g class="status-glyph">${drawGlyph(STATUS_GLYPHS[trackStatus(m)], x + PAD, y + f.statusY - 9)}</g>`
        + lines('metric-status', x + PAD + 16, y + f.statusY, f.status);
}

/** Lines of small text, SMALL_LINE apart. */
function lines(cls: string, x: number, y: number, content: readonly string[]): string {
    return content.map((line, i) => text(cls, x, y + i * SMALL_LINE, line)).join('');
}

function badge(item: LaidOutNode, findings: NodeFindings | undefined): string {
    const severity = worstSeverity(findings);
    if (!severity || !findings) return '';
    const count = String(findings.errors + findings.warnings + findings.infos);
    const bw = 24 + count.length * 7;
    const bx = item.x + item.width - bw - 8;
    const by = item.y - 9;
    return `<g class="badge"><rect x="${bx}" y="${by}" width="${bw}" height="18" rx="9"/>`
        + `<g class="glyph">${drawGlyph(SEVERITY_GLYPHS[severity], bx + 5, by + 3)}</g><text x="${bx + 19}" y="${by + 13}">${count}</text></g>`;
}

/** One edge: a cubic curve with classes by kind (`kpi` dashed, `unexplained` when the chain does not explain it). */
export function renderEdge(edge: LaidOutEdge, options: RenderOptions = {}): string {
    const prefix = options.idPrefix ?? 'ag-';
    const unexplained = edge.kind === 'kpi' && edge.explained === false;
    const cls = `edge edge-${edge.kind}${unexplained ? ' unexplained' : ''}`;
    return `<path${attrs({ class: cls, d: edge.path, 'data-from': edge.from, 'data-to': edge.to, 'marker-end': `url(#${prefix}arrow${unexplained ? '-unexplained' : ''})` })}/>`;
}

/** An arrowhead: its length back from the tip along the edge, and its half width across it (user units, as the markers draw it). */
const ARROW = { length: 8, half: 3.5 } as const;

/** The class of an edge's arrowhead (its colour), as the marker's. */
const arrowClass = (edge: LaidOutEdge): string => edge.kind === 'kpi' && edge.explained === false ? 'arrow-unexplained' : 'arrow';

/** Markers the edges refer to: a triangle ARROW.length long and 2 × ARROW.half wide, its tip at the edge's end. */
export function renderDefs(options: RenderOptions = {}): string {
    const prefix = options.idPrefix ?? 'ag-';
    const { length: l, half: h } = ARROW;
    const marker = (id: string, cls: string): string =>
        `<marker id="${prefix}${id}" viewBox="0 0 ${l} ${l}" refX="${l}" refY="${l / 2}" markerWidth="${l}" markerHeight="${l}" markerUnits="userSpaceOnUse" orient="auto">`
        + `<path class="${cls}" d="M0 ${l / 2 - h} ${l} ${l / 2} 0 ${l / 2 + h}Z"/></marker>`;
    return `<defs>${marker('arrow', 'arrow')}${marker('arrow-unexplained', 'arrow-unexplained')}</defs>`;
}

/**
 * Where an edge's path ends and the direction it arrives from there (as a
 * marker with `orient="auto"` takes it): from the last point of its last
 * segment (control point, or the point before) that differs from the end.
 * Undefined for a path with no length at its end or that readPath cannot read.
 */
function pathEnd(d: string): { tip: Point; from: Point } | undefined {
    const last = readPath(d)?.at(-1);
    const tip = last?.at(-1);
    const from = last?.slice(0, -1).reverse().find(p => p.x !== tip!.x || p.y !== tip!.y);
    return tip && from ? { tip, from } : undefined;
}

/** The arrowhead a marker draws at an edge's end, as a closed path, and its bounding box. */
function arrowhead(edge: LaidOutEdge): { d: string; box: Box } | undefined {
    const end = pathEnd(edge.path);
    if (!end) return undefined;
    const { tip, from } = end;
    const len = Math.hypot(tip.x - from.x, tip.y - from.y);
    const u = { x: (tip.x - from.x) / len, y: (tip.y - from.y) / len };
    const corner = (across: number): Point => ({ x: tip.x - ARROW.length * u.x - across * u.y, y: tip.y - ARROW.length * u.y + across * u.x });
    const points = [corner(-ARROW.half), tip, corner(ARROW.half)];
    const r = (v: number): number => Math.round(v * 100) / 100;
    const xs = points.map(p => p.x);
    const ys = points.map(p => p.y);
    return {
        d: `M${points.map(p => `${r(p.x)} ${r(p.y)}`).join(' ')}Z`,
        box: { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) }
    };
}

const meets = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Letter spacing of a layer label (0.08em of its 11 px, styles.ts), per character. */
const LABEL_SPACING = 0.88;

/**
 * How far a layer label's glyphs reach above and below its baseline, in em:
 * capitals, digits, `&` and the brackets of the count (bracket tops and
 * bottoms are the extremes, 0.73 and 0.21 em in Arial and Liberation Sans,
 * a little more in Segoe UI and Helvetica).
 */
const LABEL_ASCENT = 0.8;
const LABEL_DESCENT = 0.22;

/** The background around a layer label's glyphs: 2 px at either end, 1 px above and below. */
const HALO_PAD = { x: 2, y: 1 } as const;

/** A layer label: its text, and the boxes of its glyphs and of the background behind them. */
interface ColumnLabel {
    readonly text: string;
    readonly x: number;
    readonly y: number;
    readonly glyphs: Box;
    readonly halo: Box;
}

/** The layer labels of a layout, their widths measured with `measure` (the preview: the font drawn). */
function columnLabels(layout: GraphLayout, measure: MeasureText): ColumnLabel[] {
    return layout.columns.map(c => {
        const text = c.parts.map(p => `${p.label.toUpperCase()} (${p.count})`).join(' · ');
        const width = measure(text, TEXT.label) + LABEL_SPACING * [...text].length;
        const size = TEXT.label.size;
        const glyphs = { x: c.labelX, y: c.labelY - size * LABEL_ASCENT, width, height: size * (LABEL_ASCENT + LABEL_DESCENT) };
        const halo = { x: glyphs.x - HALO_PAD.x, y: glyphs.y - HALO_PAD.y, width: glyphs.width + 2 * HALO_PAD.x, height: glyphs.height + 2 * HALO_PAD.y };
        return { text, x: c.labelX, y: c.labelY, glyphs, halo };
    });
}

/** Every edge's arrowhead as a path of its own, with its box, class and edge. */
function arrowheads(layout: GraphLayout): Array<{ d: string; box: Box; cls: string; edge: LaidOutEdge }> {
    return layout.edges.flatMap(e => {
        const head = arrowhead(e);
        return head ? [{ ...head, cls: arrowClass(e), edge: e }] : [];
    });
}

const labelText = (l: ColumnLabel): string => `<text class="column-label" x="${l.x}" y="${l.y}">${escapeXml(l.text)}</text>`;

/**
 * Layer labels: column headers (right), or a label above each row (down).
 * Each sits on a `label-halo` box of the background (styles.ts), on screen
 * and on paper: edges crossing the label pass under it whole. (A stroke
 * halo let them show between the letters, and printed to PDF a stroke is a
 * second copy of the text, which copying and searching the PDF then find
 * twice.) The box hugs the glyphs, and the arrowheads it meets are drawn
 * again above it (`label-arrowheads`): a row's label sits right above its
 * boxes, where the edges into them end, and the box would hide them.
 * The preview draws its labels in parts instead (renderLabelParts).
 */
export function renderColumns(layout: GraphLayout): string {
    let heads: ReturnType<typeof arrowheads> | undefined;
    return columnLabels(layout, tableMeasure).map(l => {
        heads ??= arrowheads(layout);
        const under = heads.filter(h => meets(h.box, l.halo));
        return labelHalo(l.glyphs, HALO_PAD)
            + (under.length > 0 ? `<g class="label-arrowheads">${under.map(h => `<path class="${h.cls}" d="${h.d}"/>`).join('')}</g>` : '')
            + labelText(l);
    }).join('');
}

/**
 * The preview's layer labels, on screen as on paper: each on a box of the
 * background (`label-halo`, shown in the preview's `svg.labels`, styles.ts),
 * above the edges, and the arrowheads the boxes may meet drawn again above
 * them. A row's label follows the pane's left edge (stage.ts moves `halos`
 * and `texts` along x), so the arrowheads drawn again are those in its band
 * across the whole drawing, wherever the label is; they stay in place and
 * carry their edge's ends (`data-from`, `data-to`) to be dimmed with it.
 */
export function renderLabelParts(layout: GraphLayout, measure: MeasureText = tableMeasure): { halos: string; arrowheads: string; texts: string } {
    const labels = columnLabels(layout, measure);
    const bands = labels.map(l => ({ ...l.halo, x: 0, width: layout.width }));
    const heads = labels.length === 0 ? [] : arrowheads(layout).filter(h => bands.some(b => meets(h.box, b)));
    return {
        halos: labels.map(l => labelHalo(l.glyphs, HALO_PAD)).join(''),
        arrowheads: heads.map(h => `<path${attrs({ class: h.cls, d: h.d, 'data-from': h.edge.from, 'data-to': h.edge.to })}/>`).join(''),
        texts: labels.map(labelText).join('')
    };
}

/** A standalone SVG document of the layout, styles embedded. */
export function renderSvg(layout: GraphLayout, options: RenderOptions = {}): string {
    const title = options.title ?? 'Impact chain';
    return `<svg xmlns="http://www.w3.org/2000/svg" class="align-graph" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="${escapeXml(title)}">`
        + `<title>${escapeXml(title)}</title>`
        + `<style><![CDATA[\n${graphCss(options.resolveVariable)}\n]]></style>`
        + renderDefs(options)
        + `<rect class="background" width="${layout.width}" height="${layout.height}"/>`
        + `<g class="edges">${layout.edges.map(e => renderEdge(e, options)).join('')}</g>`
        + `<g class="columns">${renderColumns(layout)}</g>`
        + `<g class="nodes">${layout.nodes.map(n => renderNode(n, { ...options, interactive: false })).join('')}</g>`
        + `</svg>\n`;
}
