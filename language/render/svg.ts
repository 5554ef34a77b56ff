/**
 * SVG markup of a layout: one node, one edge, or a standalone document.
 * The preview inserts the same node and edge markup into its DOM, so the
 * exported file and the CLI's `--format svg` look like the preview.
 */
import type { NodeFindings } from '../protocol.js';
import type { GraphLayout, LaidOutEdge, LaidOutNode } from './layout.js';
import { drawGlyph, kindGlyph, SEVERITY_GLYPHS, STATUS_GLYPHS, WARNING_GLYPH } from './icons.js';
import { graphCss, type ResolveVariable } from './styles.js';
import { escapeXml, figuresText, plural, statusText, textWidth, trackStatus, truncate, wrap } from './text.js';
import { nodeLabel, worstSeverity } from './labels.js';

export interface RenderOptions {
    /** Findings per node id, for badges. */
    findings?: Readonly<Record<string, NodeFindings>>;
    /** Adds `tabindex`, `role="button"` and `aria-label` to nodes (the preview's DOM). */
    interactive?: boolean;
    /** Prefix of element ids (markers), for several drawings in one page. */
    idPrefix?: string;
    /** Resolves theme variables to colours in the embedded styles (exports from the preview). */
    resolveVariable?: ResolveVariable;
    /** Title of the drawing. */
    title?: string;
}

const PAD = 12;
const TEXT_X = 34;
const TITLE_SIZE = 13;
const SMALL = 11;

const attrs = (values: Record<string, string | number | undefined>): string =>
    Object.entries(values).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${typeof v === 'number' ? v : escapeXml(v!)}"`).join('');

/** Classes of a node's group: kind, column, status and findings. */
export function nodeClasses(item: LaidOutNode, findings?: NodeFindings): string {
    const classes = ['node', `kind-${item.node.kind}`, `col-${item.column}`];
    if (item.node.kind === 'objective' && (item.node.objective?.kpis.length ?? 0) === 0) classes.push('unlinked');
    if (item.node.metric) classes.push(`status-${trackStatus(item.node.metric)}`, `metric-${item.node.metric.kind ?? 'untyped'}`);
    const severity = worstSeverity(findings);
    if (severity) classes.push('has-findings', `sev-${severity}`);
    return classes.join(' ');
}

/**
 * One node: a `<g>` of shapes at absolute coordinates. No `transform`
 * anywhere, so that a page of nodes paints cheaply; a node that moves is
 * drawn again.
 */
export function renderNode(item: LaidOutNode, options: RenderOptions = {}): string {
    const findings = options.findings?.[item.id];
    const interactive = options.interactive ? { tabindex: 0, role: 'button', 'aria-label': nodeLabel(item, findings) } : {};
    const { node, x, y, width: w, height: h } = item;
    const tooltip = `${node.kind} ${node.qualifiedName}${node.title ? `: ${node.title}` : ''}`;
    const title = wrap(node.title ?? node.name, w - TEXT_X - PAD, TITLE_SIZE, 2);
    const nameLine = truncate(node.name + (node.metric ? ` · ${node.metric.kind ?? 'untyped'}` : node.program ? ` · ${node.program}` : ''), w - TEXT_X - PAD, SMALL * 1.1);
    return `<g${attrs({ class: nodeClasses(item, findings), 'data-id': node.id, ...interactive })}>`
        + `<title>${escapeXml(tooltip)}</title>`
        + `<rect class="focus-ring" x="${x - 5}" y="${y - 5}" width="${w + 10}" height="${h + 10}" rx="9"/>`
        + `<rect class="node-box" x="${x}" y="${y}" width="${w}" height="${h}" rx="6"/>`
        + `<rect class="node-accent" x="${x + 1}" y="${y + 8}" width="3" height="${h - 16}" rx="1.5"/>`
        + `<g class="node-icon">${drawGlyph(kindGlyph(node.kind), x + 11, y + 9)}</g>`
        + title.map((line, i) => text('node-title', x + TEXT_X, y + 22 + i * 16, line)).join('')
        + text('node-name', x + TEXT_X, y + (title.length > 1 ? 56 : 41), nameLine)
        + footer(item)
        + badge(item, findings)
        + `</g>`;
}

function text(cls: string, x: number, y: number, content: string, anchor?: 'end'): string {
    return `<text class="${cls}" x="${x}" y="${y}"${anchor ? ` text-anchor="${anchor}"` : ''}>${escapeXml(content)}</text>`;
}

function footer(item: LaidOutNode): string {
    const { node, x, y, width: w } = item;
    if (node.kind === 'objective') {
        const kpis = node.objective?.kpis.length ?? 0;
        if (kpis > 0) return text('node-footer', x + TEXT_X, y + 74, objectiveSummary(item));
        const lx = x + TEXT_X;
        const ly = y + 63;
        return `<g class="unlinked-label"><rect x="${lx}" y="${ly}" width="92" height="16" rx="3"/>`
            + `${drawGlyph(WARNING_GLYPH, lx + 5, ly + 2)}<text x="${lx + 21}" y="${ly + 12}">no KPI link</text></g>`;
    }
    if (node.kind === 'behavior' && item.toolkits.length > 0) {
        const kits = item.toolkits.length === 1 ? item.toolkits[0]!.name : plural(item.toolkits.length, 'toolkit');
        return `<g class="node-icon toolkit-icon">${drawGlyph(kindGlyph('toolkit'), x + TEXT_X, y + 64, 0.7)}</g>`
            + text('node-footer', x + TEXT_X + 16, y + 74, truncate(`reinforced by ${kits}`, w - TEXT_X - 16 - PAD, SMALL));
    }
    const m = node.metric;
    if (!m) return '';
    const barWidth = w - 2 * PAD;
    const fill = Math.max(0, Math.min(1, m.progress ?? 0)) * barWidth;
    const deadline = m.deadline ? `by ${m.deadline}` : '';
    const figures = truncate(figuresText(m), barWidth - (deadline ? textWidth(deadline, SMALL) + 8 : 0), 12.5);
    return text('metric-figures', x + PAD, y + 78, figures)
        + (deadline ? text('metric-deadline', x + w - PAD, y + 78, deadline, 'end') : '')
        + `<rect class="progress-track" x="${x + PAD}" y="${y + 85}" width="${barWidth}" height="6" rx="3"/>`
        + (fill > 0 ? `<rect class="progress-fill" x="${x + PAD}" y="${y + 85}" width="${Math.round(fill * 10) / 10}" height="6" rx="3"/>` : '')
        + `<g class="status-glyph">${drawGlyph(STATUS_GLYPHS[trackStatus(m)], x + PAD, y + 96)}</g>`
        + text('metric-status', x + PAD + 16, y + 105, truncate(statusText(m), barWidth - 16, SMALL));
}

function objectiveSummary(item: LaidOutNode): string {
    const links = item.node.objective!;
    const outcomes = links.outcomes.length > 0 ? ` · ${plural(links.outcomes.length, 'outcome')}` : '';
    return plural(links.kpis.length, 'KPI') + outcomes;
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

/** Markers the edges refer to. */
export function renderDefs(options: RenderOptions = {}): string {
    const prefix = options.idPrefix ?? 'ag-';
    const marker = (id: string, cls: string): string =>
        `<marker id="${prefix}${id}" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">`
        + `<path class="${cls}" d="M0 0.5 8 4 0 7.5Z"/></marker>`;
    return `<defs>${marker('arrow', 'arrow')}${marker('arrow-unexplained', 'arrow-unexplained')}</defs>`;
}

/** Column headers. */
export function renderColumns(layout: GraphLayout): string {
    return layout.columns.map(c => `<text class="column-label" x="${c.x + 4}" y="${24 + 14}">${escapeXml(`${c.label.toUpperCase()} (${c.count})`)}</text>`).join('');
}

/** A standalone SVG document of the layout, styles embedded. */
export function renderSvg(layout: GraphLayout, options: RenderOptions = {}): string {
    const title = options.title ?? 'Impact chain';
    return `<svg xmlns="http://www.w3.org/2000/svg" class="align-graph" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="${escapeXml(title)}">`
        + `<title>${escapeXml(title)}</title>`
        + `<style><![CDATA[\n${graphCss(options.resolveVariable)}\n]]></style>`
        + renderDefs(options)
        + `<rect class="background" width="${layout.width}" height="${layout.height}"/>`
        + `<g class="columns">${renderColumns(layout)}</g>`
        + `<g class="edges">${layout.edges.map(e => renderEdge(e, options)).join('')}</g>`
        + `<g class="nodes">${layout.nodes.map(n => renderNode(n, { ...options, interactive: false })).join('')}</g>`
        + `</svg>\n`;
}
