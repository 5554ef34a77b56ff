/**
 * The impact chain of a program or outcome in the report: in HTML an SVG
 * laid out with the preview's direction logic for the report's page
 * (at most 1000 px wide, one printed page tall); in Markdown a Mermaid
 * graph while it stays within Mermaid's default limits, else a summary.
 */
import { focusGraph } from '../../language/graph/focus-graph.js';
import { findingsByNode } from '../../language/graph/node-findings.js';
import type { ImpactGraph } from '../../language/graph/types.js';
import { COLUMNS, columnOf, layoutForPage, renderSvg, type Space } from '../../language/render/index.js';
import { diagramOf } from '../graph/diagram.js';
import { diagnosticsOf } from '../graph/load-graph.js';
import { toMermaid } from '../graph/mermaid.js';
import type { Block } from './blocks.js';
import { anchor, type Context } from './report-context.js';

/**
 * The space a drawing gets: the report's column (1000 px less the page's
 * padding and the figure's border), and about what a printed A4 page holds
 * at that width, so that a tall chain turns into columns before it runs long.
 */
export const REPORT_SPACE: Space = { width: 950, height: 1300 };

/** Mermaid's default limits: `maxTextSize` (characters) and `maxEdges`. */
export const MERMAID_LIMITS = { characters: 50_000, edges: 500 } as const;

/** The drawing block of the chain around `focus` (a program or an outcome). */
export function drawing(focus: string, title: string, ctx: Context): Block {
    const graph = focusGraph(ctx.index.graph, focus);
    return {
        type: 'drawing', title,
        svg: () => renderSvg(layoutForPage(graph, REPORT_SPACE), {
            findings: findingsByNode(graph.nodes, diagnosticsOf(ctx.findings)),
            title, idPrefix: `ag-${anchor(title)}-`
        }),
        mermaid: () => mermaidBlock(graph, focus)
    };
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
