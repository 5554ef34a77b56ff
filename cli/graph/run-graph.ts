/**
 * `align graph`: the impact chain of the workspace (or of one program or
 * outcome with `--focus`) as Mermaid, DOT, JSON (the impact graph itself)
 * or SVG (the preview's layout, direction logic, text wrapping and styles,
 * language/render).
 */
import { focusGraph, graphWithout } from '../../language/graph/focus-graph.js';
import type { GraphIndex } from '../../language/graph/build-graph.js';
import { findingsByNode } from '../../language/graph/node-findings.js';
import type { ImpactGraph } from '../../language/graph/types.js';
import { escapeXml, layoutToFit, PALETTE, renderSvg, SANS_STACK, SCREEN } from '../../language/render/index.js';
import type { GraphArgs, GraphDirection, GraphFormat } from '../args.js';
import { outputFileOf } from '../check/output-file.js';
import { cadenceOfNode, statusAt, withStatus } from '../report/dated-status.js';
import type { Progress } from '../progress.js';
import { writeOutputFile } from './write-output.js';
import { diagramOf, NOTHING_TO_DRAW } from './diagram.js';
import { toDot } from './dot.js';
import { resolveFocus } from './focus.js';
import { diagnosticsOf, loadGraph, type PlacedFinding } from './load-graph.js';
import { graphMermaid, mermaidSize, type GraphMermaid } from './mermaid.js';
import { printMessage } from '../message.js';
import { syntaxNotices } from './syntax-notice.js';

export interface GraphIo {
    write(text: string): void;
    progress: Progress;
}

/**
 * Runs `align graph`; resolves to the exit status (0: the graph is printed
 * whatever the findings). A file with syntax errors gets one line on
 * standard error: the graph leaves out what could not be read, and all of a
 * file that is not Align text (not-align-files.ts). `--output`
 * never overwrites an `.align` file or the settings file it read (exit 2);
 * `--output -` is standard output.
 */
export async function runGraph(args: GraphArgs, io: GraphIo): Promise<number> {
    // With a date, graph and findings leave out the actuals dated after it.
    const { workspace, index, findings, notAlign } = await loadGraph(args, io.progress, 'cwd', args.date);
    const output = outputFileOf(args.output, workspace);
    if (args.formatWarning !== undefined) printMessage(args.formatWarning);
    // What the parser recovered from a file that is not Align text (a README's prose) is not drawn, nor focused on.
    let graph = graphWithout(args.date === undefined ? index.graph : datedGraph(index, args.date), notAlign);
    let title = 'Impact chain';
    let focusId: string | undefined;
    if (args.focus !== undefined) {
        const focus = resolveFocus(graph, args.focus);
        graph = focusGraph(graph, focus.id);
        focusId = focus.id;
        title = `Impact chain: ${focus.title ?? focus.name} (${focus.kind} ${focus.id})`;
    }
    const mermaid = args.format === 'mermaid' ? mermaidOf(graph, args.direction, focusId) : undefined;
    const text = mermaid?.text ?? renderGraph(graph, args.format, findings, title, args.direction);
    if (output !== undefined) writeOutputFile(output, text);
    else io.write(text);
    if (mermaid?.tooLarge) {
        const narrower = focusId === undefined ? ', or one program\'s chain with --focus NAME' : '';
        printMessage(`align: the impact chain is too large for a Mermaid chart (${mermaidSize(mermaid.tooLarge)}); the chart says so instead. Draw it with --format svg${narrower}`);
    }
    for (const line of syntaxNotices(findings, 'graph', notAlign)) process.stderr.write(`${line}\n`);
    return 0;
}

/**
 * The Mermaid chart of a graph; over Mermaid's limits (500 links, 50,000
 * characters), a chart that says so and names the command that draws it
 * (`graphMermaid`), as `align report` does.
 */
function mermaidOf(graph: ImpactGraph, direction: GraphDirection, focus: string | undefined): GraphMermaid {
    const instead = focus === undefined ? 'align graph --format svg, or one program with align graph --focus NAME' : `align graph --format svg --focus ${focus}`;
    return graphMermaid(diagramOf(graph), direction === 'down' ? 'down' : 'right', instead);
}

/**
 * The graph as of `date` (built without the actuals dated after it), as
 * `align report` judges it on that day: each metric's status as of it
 * (`deadline passed`, `target met`, `no actual since PERIOD`; dated-status.ts).
 */
function datedGraph(index: GraphIndex, date: string): ImpactGraph {
    const astOf = (id: string) => index.astOf(id);
    return { ...index.graph, nodes: index.graph.nodes.map(node => node.metric ? withStatus(node, statusAt(node.metric, date, cadenceOfNode(node, astOf))) : node) };
}

/**
 * The text of a graph in a format; an SVG is laid out like the preview in a
 * 1600x1000 pane, or in `direction`; Mermaid and DOT run left to right, or
 * top to bottom for `down` (their own layout engines place the boxes).
 */
export function renderGraph(graph: ImpactGraph, format: GraphFormat, findings: readonly PlacedFinding[], title: string, direction: GraphDirection = 'auto'): string {
    switch (format) {
        case 'mermaid': return mermaidOf(graph, direction, undefined).text;
        case 'dot': return toDot(diagramOf(graph), direction === 'down' ? 'down' : 'right');
        case 'json': return `${JSON.stringify(graph, null, 2)}\n`;
        case 'svg': {
            const layout = layoutToFit(graph, SCREEN, { direction });
            // A blank image says nothing: an empty drawing says why it is empty.
            if (layout.nodes.length === 0) return emptySvg(title);
            return renderSvg(layout, { findings: findingsByNode(graph.nodes, diagnosticsOf(findings)), title });
        }
    }
}

/** The SVG of a graph with nothing to draw: one line saying so, in the drawings' font and colours (their light fallbacks, as an exported drawing has). */
function emptySvg(title: string): string {
    const [background, muted] = [PALETTE.background[1], PALETTE.muted[1]];
    return '<svg xmlns="http://www.w3.org/2000/svg" width="420" height="56" viewBox="0 0 420 56" role="img">'
        + `<title>${escapeXml(title)}: nothing to draw</title><rect width="420" height="56" fill="${background}"/>`
        + `<text x="16" y="33" font-family="${escapeXml(SANS_STACK)}" font-size="14" fill="${muted}">${escapeXml(NOTHING_TO_DRAW)}</text></svg>\n`;
}
