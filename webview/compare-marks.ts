/**
 * The chain compared with the last commit: the host sends a comparison
 * (`comparison` message, from `align/compareGraph`); the drawing then shows
 * the removed elements as ghosts and marks every changed element as the
 * Markdown diff does (cli/diff/mermaid-diff.ts): added green, removed red
 * and dashed, renamed blue, changed amber. Never by colour alone: each
 * marked box carries a tag with the word, its accessible label says what
 * changed, and a legend above the drawing counts the changes.
 */
import type { GraphEdge } from '../language/graph/types.js';
import type { ChainComparison, ImpactGraphResult, MarkStatus, NodeMark } from '../language/protocol.js';
import type { LaidOutEdge } from '../language/render/index.js';
import { element, type PageElements } from './dom.js';
import type { GraphView } from './graph-view.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const STATUSES: readonly MarkStatus[] = ['added', 'removed', 'renamed', 'changed'];
const COLOURS: Record<MarkStatus, string> = {
    added: 'var(--vscode-charts-green, #1a7f37)',
    removed: 'var(--vscode-charts-red, #cf222e)',
    renamed: 'var(--vscode-charts-blue, #0969da)',
    changed: 'var(--vscode-charts-yellow, #9a6700)'
};

export class CompareMarks {
    private comparison: ChainComparison | undefined;
    private readonly legend: HTMLElement;
    private addedLinks = new Set<string>();
    private removedLinks = new Set<string>();

    constructor(page: PageElements, view: GraphView) {
        this.legend = element('div', { class: 'compare-legend', role: 'status', hidden: '' });
        page.banner.after(this.legend);
        adoptCompareStyles();
        view.decorateNode = (el, id) => this.decorateNode(el, id);
        view.decorateEdge = (el, edge) => this.decorateEdge(el, edge);
    }

    /** Shows a comparison, or stops comparing with null. */
    set(comparison: ChainComparison | null): void {
        this.comparison = comparison ?? undefined;
        this.addedLinks = new Set(comparison?.addedLinks.map(linkKey));
        this.removedLinks = new Set(comparison?.removed.edges.map(linkKey));
        this.showLegend();
    }

    /** The result with the removed elements and links added as ghosts (the result itself when not comparing). */
    merge(result: ImpactGraphResult): ImpactGraphResult {
        const removed = this.comparison?.removed;
        if (!removed || (removed.nodes.length === 0 && removed.edges.length === 0)) return result;
        const ids = new Set(result.graph.nodes.map(n => n.id));
        const nodes = removed.nodes.filter(n => !ids.has(n.id));
        nodes.forEach(n => ids.add(n.id));
        const edges: GraphEdge[] = removed.edges.filter(e => ids.has(e.from) && ids.has(e.to)).map(e => ({ kind: e.kind, from: e.from, to: e.to }));
        return { ...result, graph: { ...result.graph, nodes: [...result.graph.nodes, ...nodes], edges: [...result.graph.edges, ...edges] } };
    }

    /** A removed element drawn as a ghost (its declaration is in the base). */
    ghost(id: string): ImpactGraphResult['graph']['nodes'][number] | undefined {
        return this.comparison?.removed.nodes.find(n => n.id === id);
    }

    private decorateNode(el: Element, id: string): void {
        const mark = this.comparison?.marks[id];
        for (const status of STATUSES) el.classList.toggle(`diff-${status}`, mark?.status === status);
        if (!el.hasAttribute('data-label')) el.setAttribute('data-label', el.getAttribute('aria-label') ?? '');
        const label = el.getAttribute('data-label')!;
        const words = mark && this.comparison ? markWords(mark, this.comparison.base) : undefined;
        if (label) el.setAttribute('aria-label', words ? `${label}; ${words}` : label);
        el.querySelector(':scope > .diff-tag')?.remove();
        if (mark) el.append(tag(el, mark.status));
    }

    private decorateEdge(el: Element, edge: LaidOutEdge): void {
        const key = linkKey(edge);
        el.classList.toggle('diff-added', this.addedLinks.has(key));
        el.classList.toggle('diff-removed', this.removedLinks.has(key));
    }

    private showLegend(): void {
        const c = this.comparison;
        this.legend.hidden = c === undefined;
        if (!c) {
            this.legend.replaceChildren();
            return;
        }
        const items = STATUSES.filter(s => c.counts[s] > 0).map(s => element('span', { class: `legend-item diff-${s}` }, element('span', { class: 'swatch', 'aria-hidden': 'true' }), `${c.counts[s]} ${s}`));
        const total = STATUSES.reduce((sum, s) => sum + c.counts[s], 0);
        this.legend.replaceChildren(element('strong', {}, `Compared with ${c.base}:`), ...(total === 0 ? [' no element changed'] : items.flatMap(item => [' ', item])));
    }
}

/** What the accessible label adds: `added since HEAD (3f2a9c1)`, `changed since ...: target 34% by 2026-H2 -> 36% by 2026-H2`. */
export function markWords(mark: NodeMark, base: string): string {
    const changes = (mark.changes ?? []).map(c => `${c.field} ${c.before ?? 'none'} -> ${c.after ?? 'none'}`).join(', ');
    const what = mark.status === 'renamed' ? `renamed from ${mark.from ?? 'another name'}` : mark.status === 'removed' ? 'removed (shown as it was)' : mark.status;
    return `${what} since ${base}${changes ? `: ${changes}` : ''}`;
}

/** The word in a pill on the box's top edge, left (the findings badge sits right). */
function tag(el: Element, status: MarkStatus): SVGGElement {
    const box = el.querySelector('.node-box');
    const x = Number(box?.getAttribute('x') ?? 0) + 12;
    const y = Number(box?.getAttribute('y') ?? 0) - 9;
    const g = document.createElementNS(SVG_NS, 'g');
    g.setAttribute('class', 'diff-tag');
    g.setAttribute('aria-hidden', 'true');
    const rect = document.createElementNS(SVG_NS, 'rect');
    for (const [name, value] of [['x', x], ['y', y], ['width', 14 + status.length * 6.5], ['height', 18], ['rx', 9]] as const) rect.setAttribute(name, String(value));
    const text = document.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(x + 7));
    text.setAttribute('y', String(y + 13));
    text.textContent = status;
    g.append(rect, text);
    return g;
}

function linkKey(link: { kind: string; from: string; to: string }): string {
    return `${link.kind}\u0000${link.from}\u0000${link.to}`;
}

let adopted = false;

/** The marks' styles, as a constructed style sheet (a strict CSP blocks `<style>`). */
function adoptCompareStyles(): void {
    if (adopted) return;
    adopted = true;
    const g = '.align-graph';
    const rules = STATUSES.flatMap(s => [
        `${g} .node.diff-${s} .node-box { stroke: ${COLOURS[s]}; stroke-width: 3; }`,
        `${g} .node.diff-${s} .diff-tag rect, .compare-legend .diff-${s} .swatch { fill: ${COLOURS[s]}; background: ${COLOURS[s]}; }`
    ]);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync([
        ...rules,
        `${g} .node.diff-removed .node-box { stroke-dasharray: 8 5; }`,
        `${g} .node.diff-removed { opacity: 0.7; }`,
        `${g} .diff-tag text { fill: var(--vscode-editor-background, #fff); font-size: 11px; font-weight: 600; }`,
        `${g} .edge.diff-added { stroke: ${COLOURS.added}; stroke-width: 3; }`,
        `${g} .edge.diff-removed { stroke: ${COLOURS.removed}; stroke-dasharray: 8 5; }`,
        '.compare-legend { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; padding: 3px 8px; font-size: 12px; border-bottom: 1px solid var(--vscode-panel-border, #ccc); }',
        '.compare-legend .legend-item { display: inline-flex; align-items: center; gap: 4px; }',
        '.compare-legend .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; }',
        '.compare-legend .diff-removed .swatch { background: transparent !important; border: 2px dashed var(--vscode-charts-red, #cf222e); width: 6px; height: 6px; }'
    ].join('\n'));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
