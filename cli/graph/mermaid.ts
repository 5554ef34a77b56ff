/**
 * `align graph --format mermaid`: a `flowchart LR` (or `TB` for `--direction
 * down`) that GitHub renders in a pull-request comment. One subgraph per
 * column of the preview (a row, top to bottom), node ids
 * sanitised, labels escaped with Mermaid's entity codes, edges labelled by
 * kind (`kpi` dotted; unexplained ones labelled and red), objectives
 * without a KPI link red, metrics off track amber, on track green.
 */
import type { Diagram, NodeMark } from './diagram.js';
import { coverageLine, NOTHING_TO_DRAW, type DiagramDirection } from './diagram.js';

const CLASS_DEFS: Record<NodeMark, string> = {
    unlinked: 'fill:#fdecea,stroke:#d93025,stroke-width:3px,color:#a50e0e',
    offTrack: 'fill:#fff4e5,stroke:#e37400,stroke-width:2px,color:#7a3e00',
    onTrack: 'fill:#e6f4ea,stroke:#188038,stroke-width:1px,color:#0d652d'
};
const UNEXPLAINED_LINK = 'stroke:#d93025,stroke-width:2px,color:#d93025';

/**
 * Mermaid's default limits, which GitHub and GitLab keep: `maxTextSize`
 * (characters) and `maxEdges`. Over either, Mermaid draws an error box instead
 * of the chart (as cli/report/drawing.ts and cli/diff/mermaid-diff.ts know).
 */
export const MERMAID_LIMITS = { characters: 50_000, edges: 500 } as const;

/** A chart of a diagram as `align graph --format mermaid` writes it, and what to say on standard error when it had to leave the chart out. */
export interface GraphMermaid {
    text: string;
    /** Set when the chart is over Mermaid's limits: `text` is then a chart that says so (`tooLargeMermaid`). */
    tooLarge?: { edges: number; characters: number };
}

/**
 * The chart of a diagram, or, when Mermaid would refuse it (over
 * `MERMAID_LIMITS`), a chart Mermaid draws that says so: as `align report`
 * puts a note in place of a chain too large for Mermaid. `instead` is the
 * command that draws it (`align graph --format svg`).
 */
export function graphMermaid(diagram: Diagram, direction: DiagramDirection, instead: string): GraphMermaid {
    const text = toMermaid(diagram, direction);
    if (text.length <= MERMAID_LIMITS.characters && diagram.edges.length <= MERMAID_LIMITS.edges) return { text };
    const tooLarge = { edges: diagram.edges.length, characters: text.length };
    return { text: tooLargeMermaid(diagram, direction, tooLarge, instead), tooLarge };
}

/** "632 links and 22,938 characters, where Mermaid draws at most 500 links and 50,000 characters" */
export function mermaidSize(size: { edges: number; characters: number }): string {
    const count = (n: number) => n.toLocaleString('en-US');
    return `${count(size.edges)} links and ${count(size.characters)} characters, where Mermaid draws at most ${count(MERMAID_LIMITS.edges)} links and ${count(MERMAID_LIMITS.characters)} characters`;
}

/** One box in place of a chart too large for Mermaid: the size, the nodes per layer, and the command that draws it. */
function tooLargeMermaid(diagram: Diagram, direction: DiagramDirection, size: { edges: number; characters: number }, instead: string): string {
    const layers = diagram.columns.filter(c => c.nodes.length > 0).map(c => `${c.label}: ${c.nodes.length.toLocaleString('en-US')}`).join(' · ');
    const lines = [`The impact chain is too large for a Mermaid chart: ${mermaidSize(size)}.`, layers, `Draw it with ${instead}.`];
    return [
        `flowchart ${direction === 'down' ? 'TB' : 'LR'}`,
        `  %% Align impact chain: ${coverageLine(diagram)}`,
        `  too_large["${lines.map(escapeMermaid).join('<br/>')}"]`,
    ].join('\n') + '\n';
}

/** The Mermaid text of a diagram, ending with a newline. */
export function toMermaid(diagram: Diagram, direction: DiagramDirection = 'right'): string {
    const ids = mermaidIds(diagram.columns.flatMap(c => c.nodes.map(n => n.id)));
    const out = [`flowchart ${direction === 'down' ? 'TB' : 'LR'}`, `  %% Align impact chain: ${coverageLine(diagram)}`];
    if (diagram.columns.length === 0) {
        out.push(`  empty["${NOTHING_TO_DRAW}"]`);
        return out.join('\n') + '\n';
    }
    for (const column of diagram.columns) {
        out.push(`  subgraph col_${column.id}["${escapeMermaid(column.label)}"]`, `    direction ${direction === 'down' ? 'LR' : 'TB'}`);
        for (const node of column.nodes) out.push(`    ${ids.get(node.id)}["${node.lines.map(escapeMermaid).join('<br/>')}"]`);
        out.push('  end');
    }
    const unexplained: number[] = [];
    diagram.edges.forEach((edge, i) => {
        const from = ids.get(edge.from)!;
        const to = ids.get(edge.to)!;
        if (edge.kind === 'kpi') {
            if (edge.unexplained) unexplained.push(i);
            out.push(`  ${from} -.->|"${edge.unexplained ? 'kpi, unexplained' : 'kpi'}"| ${to}`);
        } else {
            out.push(`  ${from} -->|${edge.kind}| ${to}`);
        }
    });
    for (const [mark, style] of Object.entries(CLASS_DEFS) as Array<[NodeMark, string]>) {
        const marked = diagram.columns.flatMap(c => c.nodes).filter(n => n.mark === mark).map(n => ids.get(n.id)!);
        out.push(`  classDef ${mark} ${style}`);
        if (marked.length > 0) out.push(`  class ${marked.join(',')} ${mark}`);
    }
    if (unexplained.length > 0) out.push(`  linkStyle ${unexplained.join(',')} ${UNEXPLAINED_LINK}`);
    return out.join('\n') + '\n';
}

/**
 * Mermaid node ids: `n_` and the graph id with every character other than
 * a letter, digit or `_` replaced by `_` (`Program.Name#2` -> `n_Program_Name_2`);
 * the prefix keeps keywords such as `end` from being ids. `style` and
 * `classDef` get a `_` inside (`n_Lifestyl_e`), as `escapeMermaid` explains.
 * Ids that would clash get `_2`, `_3`...
 */
export function mermaidIds(graphIds: readonly string[]): Map<string, string> {
    const ids = new Map<string, string>();
    const taken = new Set<string>();
    for (const id of graphIds) {
        const base = withoutStyleWords(`n_${id.replace(/[^A-Za-z0-9_]/g, '_')}`);
        let candidate = base;
        for (let i = 2; taken.has(candidate); i++) candidate = `${base}_${i}`;
        taken.add(candidate);
        ids.set(id, candidate);
    }
    return ids;
}

const MERMAID_ENTITIES: Readonly<Record<string, string>> = {
    '"': '#quot;', '#': '#35;', '&': '#amp;', '<': '#lt;', '>': '#gt;',
    '[': '#91;', ']': '#93;', '{': '#123;', '}': '#125;',
    '|': '#124;', '`': '#96;', ';': '#59;', '\\': '#92;', '\u2060': '#8288;'
};

/**
 * Text for inside a quoted Mermaid label: characters that Mermaid or the
 * HTML it renders would read as syntax become entity codes (`#quot;`,
 * `#35;`...), which Mermaid turns back into the characters. Line breaks
 * and other control characters become spaces; `%%` (a comment) becomes `#37;%`.
 * A backslash before a letter gets a word joiner (U+2060, invisible) after
 * it: Mermaid reads `\n` as a line break once the backslash is decoded.
 * `$$` gets one between its dollars too: Mermaid renders `$$...$$` as KaTeX
 * math (and fails the whole diagram on a formula KaTeX cannot parse), even
 * as `#36;#36;` in a label of several lines.
 *
 * Before it parses, Mermaid drops the last `;` of any line that matches
 * `/style.*:\S*#.*;/` or `/classDef.*:\S*#.*;/` (its `encodeEntities`, for
 * `style X fill:#f00;`): in a label with `style` (also in `lifestyle`) and
 * then `:`, that broke the last entity code (`#amp;` shown as `#amp`). So
 * the first letter of `style` and `classDef` is an entity code too
 * (`#115;tyle`, `#99;lassDef`), and ids never hold them (`mermaidIds`): no
 * line of a label matches.
 */
export function escapeMermaid(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f]/g, ' ')
        .replace(/\\(?=[A-Za-z])/g, '\\\u2060')
        .replace(/\$(?=\$)/g, '$\u2060')
        .replace(/["#&<>[\]{}|`;\\\u2060]/g, c => MERMAID_ENTITIES[c]!)
        // `%%` starts a comment
        .replace(/%(?=%)/g, '#37;')
        .replace(/style/g, '#115;tyle')
        .replace(/classDef/g, '#99;lassDef');
}

/** An id without `style` or `classDef` in it (`escapeMermaid`): `styl_e`, `classD_ef`. */
function withoutStyleWords(id: string): string {
    return id.replace(/style/g, 'styl_e').replace(/classDef/g, 'classD_ef');
}
