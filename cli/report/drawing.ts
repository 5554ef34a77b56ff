/**
 * The impact chain of a program or outcome in the report: in HTML an SVG
 * laid out with the preview's direction logic for a printed page, every
 * title in full; in Markdown a Mermaid
 * graph while it stays within Mermaid's default limits, else a summary.
 */
import { focusGraph } from '../../language/graph/focus-graph.js';
import { findingsByNode } from '../../language/graph/node-findings.js';
import type { ImpactGraph } from '../../language/graph/types.js';
import { COLUMNS, columnOf, layoutForPage, renderSvg, type Space } from '../../language/render/index.js';
import { diagramOf } from '../graph/diagram.js';
import { MERMAID_LIMITS, toMermaid } from '../graph/mermaid.js';
import type { Block } from './blocks.js';
import { anchor, datedNode, type Context } from './report-context.js';

/**
 * The drawing's box on paper, in CSS px: A4's width less its margins (186 mm,
 * 703 px; Letter is wider) and the figure's border (1 px each side), and its
 * `max-height` in print (225 mm, report-css.ts: with its heading and caption
 * it fits a Letter page).
 */
export const PRINT_BOX = { width: 701, height: 850 } as const;
/** The scale at which the drawing's smallest text (11 px) prints at 7 pt. */
export const PRINT_MIN_SCALE = (7 * 96 / 72) / 11;

/**
 * The space a drawing gets: what a printed page holds at a scale where its
 * text stays at 7 pt or more (about 830 x 1000 px). On screen that fits the
 * report's 1000 px column unscaled; a tall or wide chain turns the other way,
 * takes narrower boxes (their titles wrapping onto more lines), or wraps a
 * row of more boxes than fit side by side onto two rows first; only a chain
 * that fits none of these prints smaller.
 */
export const REPORT_SPACE: Space = { width: Math.floor(PRINT_BOX.width / PRINT_MIN_SCALE), height: Math.floor(PRINT_BOX.height / PRINT_MIN_SCALE) };

/** The narrowest box tried: every text wraps in full (no ellipsis, paper cannot expand it), so a narrow box only grows taller. */
const MIN_NODE_WIDTH = 160;

/** The drawing block of the chain around `focus` (a program or an outcome). */
export function drawing(focus: string, title: string, ctx: Context): Block {
    const graph = datedGraph(focusGraph(ctx.index.graph, focus), ctx);
    return {
        type: 'drawing', title,
        svg: () => renderSvg(layoutForPage(graph, REPORT_SPACE, { fullText: true, minNodeWidth: MIN_NODE_WIDTH, wrapRows: true, measure: ctx.measure }), {
            findings: findingsByNode(graph.nodes, ctx.placer),
            title, idPrefix: `ag-${anchor(title)}-`
        }),
        mermaid: () => mermaidBlock(graph, focus)
    };
}

/**
 * The chain with each KPI drawn in its state as of the report's date: a KPI
 * whose deadline has passed is off track unless it met its target, one with
 * stale actuals is not known (dated-status.ts); the tables say which.
 */
function datedGraph(graph: ImpactGraph, ctx: Context): ImpactGraph {
    return { ...graph, nodes: graph.nodes.map(node => datedNode(node, ctx)) };
}

/** A Mermaid graph of the chain, or a summary with a note when Mermaid would refuse to draw it. */
export function mermaidBlock(graph: ImpactGraph, focus: string): Block[] {
    const diagram = diagramOf(graph);
    const text = toMermaid(diagram);
    if (text.length <= MERMAID_LIMITS.characters && diagram.edges.length <= MERMAID_LIMITS.edges) return [{ type: 'code', language: 'mermaid', text }];
    const counts = COLUMNS.map(c => ({ label: c.label, count: graph.nodes.filter(n => columnOf(n) === c.id).length })).filter(c => c.count > 0);
    return [
        {
            type: 'paragraph',
            text: [`The chain is too large for a Mermaid graph (${diagram.edges.length} links, ${text.length.toLocaleString('en-US')} characters; Mermaid draws at most ${MERMAID_LIMITS.edges} links and ${MERMAID_LIMITS.characters.toLocaleString('en-US')} characters). Draw it with `,
                { code: `align graph --focus ${focus} --format svg` }, ', or read the HTML report.']
        },
        { type: 'table', columns: [{ label: 'Layer', align: 'left' }, { label: 'Nodes', align: 'right' }], rows: counts.map(c => [[c.label], [String(c.count)]]) }
    ];
}
