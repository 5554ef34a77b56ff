/**
 * `align graph --format dot`: a Graphviz digraph, left to right (or top to
 * bottom for `--direction down`), one `rank=same` subgraph per column of
 * the preview headed by a plain-text node (the headings linked in column
 * order by invisible edges); edges labelled by kind (`kpi` dashed,
 * unexplained ones red), objectives without a KPI link red, metrics off
 * track amber. Label lines wrap at words near 32 characters: Graphviz sizes
 * a box to its longest line and would otherwise draw a long title as one
 * very wide box.
 */
import type { Diagram, NodeMark } from './diagram.js';
import { coverageLine, type DiagramDirection } from './diagram.js';
import { wrapWords } from '../../language/text/wrap.js';

/** Label lines wrap at words to at most this many cells (a longer word stays whole). */
const LABEL_WIDTH = 32;

const MARK_STYLE: Record<NodeMark, string> = {
    unlinked: 'fillcolor="#fdecea", color="#d93025", fontcolor="#a50e0e", penwidth=3',
    offTrack: 'fillcolor="#fff4e5", color="#e37400", penwidth=2',
    onTrack: 'fillcolor="#e6f4ea", color="#188038"'
};

/** The DOT text of a diagram, ending with a newline. */
export function toDot(diagram: Diagram, direction: DiagramDirection = 'right'): string {
    const out = [
        'digraph impact_chain {',
        `  // Align impact chain: ${coverageLine(diagram)}`,
        `  rankdir=${direction === 'down' ? 'TB' : 'LR'};`,
        '  newrank=true;',
        '  node [shape=box, style="rounded,filled", fillcolor="#f3f3f3", color="#8a8a8a", fontname="Helvetica", fontsize=11];',
        '  edge [color="#8a8a8a", fontname="Helvetica", fontsize=9];'
    ];
    for (const column of diagram.columns) {
        out.push(`  subgraph column_${column.id} {`, '    rank=same;');
        out.push(`    ${dotId(`column:${column.id}`)} [label=${dotString(column.label)}, shape=plaintext, style="", fontsize=13, fontcolor="#616161"];`);
        for (const node of column.nodes) {
            const style = node.mark ? `, ${MARK_STYLE[node.mark]}` : '';
            out.push(`    ${dotId(node.id)} [label=${dotString(node.lines.flatMap(line => wrapWords(line, LABEL_WIDTH)).join('\n'))}${style}];`);
        }
        out.push('  }');
    }
    // The headings chained by invisible edges: the columns keep their order
    // and their headings stay in one row, also for a part of the chain that
    // no edge links to the rest.
    if (diagram.columns.length > 1) out.push(`  ${diagram.columns.map(c => dotId(`column:${c.id}`)).join(' -> ')} [style=invis];`);
    for (const edge of diagram.edges) {
        const attrs = [`label=${dotString(edge.unexplained ? 'kpi, unexplained' : edge.kind)}`];
        if (edge.kind === 'kpi') attrs.push('style=dashed');
        if (edge.unexplained) attrs.push('color="#d93025"', 'fontcolor="#d93025"', 'penwidth=2');
        out.push(`  ${dotId(edge.from)} -> ${dotId(edge.to)} [${attrs.join(', ')}];`);
    }
    out.push('}');
    return out.join('\n') + '\n';
}

/** A node id: always a quoted string, so any graph id (`Program.Name#2`) is valid. */
export function dotId(id: string): string {
    return dotString(id);
}

/**
 * A DOT quoted string: `\` and `"` escaped, line breaks as `\n` (centred
 * lines), other control characters dropped. Backslashes are escaped so
 * that `\N`, `\G`, `\l` in titles stay text, and `&` as `&amp;` so that
 * `&copy;` or `&#65;` in a title stays text (Graphviz decodes entities in
 * every string).
 */
export function dotString(text: string): string {
    const escaped = text
        .replace(/&/g, '&amp;')
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"')
        .replace(/\r?\n/g, '\\n')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
    return `"${escaped}"`;
}
