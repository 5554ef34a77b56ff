/**
 * The changed neighbourhood of `align diff` as a Mermaid flowchart: the
 * columns of `align graph`, added elements green, removed red and dashed,
 * renamed blue, changed amber, unchanged context grey; added links thick
 * and green, removed links dashed and red, others grey. Kept within
 * Mermaid's default limits (50,000 characters, 500 edges): context goes
 * first, then the last changed elements, and the caller is told.
 */
import type { ChangeGraph, NodeStatus } from '../../language/diff/index.js';
import type { GraphNode, ImpactGraph } from '../../language/graph/types.js';
import { diagramOf } from '../graph/diagram.js';
import { escapeMermaid, MERMAID_LIMITS, mermaidIds } from '../graph/mermaid.js';

const NODE_STYLES: Record<NodeStatus, string> = {
    added: 'fill:#dafbe1,stroke:#1a7f37,stroke-width:3px,color:#0a3622',
    removed: 'fill:#ffebe9,stroke:#cf222e,stroke-width:3px,stroke-dasharray:6 4,color:#82071e',
    renamed: 'fill:#ddf4ff,stroke:#0969da,stroke-width:3px,color:#0a3069',
    changed: 'fill:#fff8c5,stroke:#9a6700,stroke-width:3px,color:#4d2d00',
    context: 'fill:#f6f8fa,stroke:#d0d7de,stroke-width:1px,color:#8c959f'
};
const LINK_STYLES = {
    added: 'stroke:#1a7f37,stroke-width:3px,color:#1a7f37',
    removed: 'stroke:#cf222e,stroke-width:2px,stroke-dasharray:6 4,color:#cf222e',
    context: 'stroke:#d0d7de,stroke-width:1px,color:#8c959f'
} as const;
const STATUS_WORDS: Record<NodeStatus, string> = { added: 'added', removed: 'removed', renamed: 'renamed', changed: 'changed', context: '' };

/** The Mermaid text, and how many changed elements it shows of how many. */
export interface DiffMermaid {
    text: string;
    shownChanged: number;
    totalChanged: number;
    /** True when context elements were left out to fit. */
    contextDropped: boolean;
}

/**
 * The picture of a change graph within Mermaid's limits, and within
 * `maxCharacters` if that is less; `notes` are short lines per node (e.g. `from X`).
 */
export function diffMermaid(graph: ChangeGraph, notes: ReadonlyMap<string, string>, maxCharacters: number = MERMAID_LIMITS.characters): DiffMermaid {
    const changed = graph.nodes.filter(n => n.status !== 'context');
    const characters = Math.min(maxCharacters, MERMAID_LIMITS.characters);
    const fits = (m: Rendered) => m.text.length <= characters && m.edges <= MERMAID_LIMITS.edges;
    const full = render(graph, notes);
    if (fits(full)) return { text: full.text, shownChanged: changed.length, totalChanged: changed.length, contextDropped: false };
    const withoutContext = keep(graph, new Set(changed.map(n => n.node.id)));
    let low = 0;
    let high = changed.length;
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (fits(render(keep(withoutContext, new Set(changed.slice(0, mid).map(n => n.node.id))), notes))) low = mid;
        else high = mid - 1;
    }
    const { text } = render(keep(withoutContext, new Set(changed.slice(0, low).map(n => n.node.id))), notes);
    return { text, shownChanged: low, totalChanged: changed.length, contextDropped: true };
}

function keep(graph: ChangeGraph, ids: ReadonlySet<string>): ChangeGraph {
    return {
        nodes: graph.nodes.filter(n => ids.has(n.node.id)),
        edges: graph.edges.filter(e => ids.has(e.edge.from) && ids.has(e.edge.to))
    };
}

interface Rendered {
    text: string;
    edges: number;
}

function render(graph: ChangeGraph, notes: ReadonlyMap<string, string>): Rendered {
    const status = new Map(graph.nodes.map(n => [n.node.id, n.status]));
    const synthetic: ImpactGraph = { nodes: graph.nodes.map(n => n.node), edges: graph.edges.map(e => e.edge), coverage: { aligned: 0, total: 0 } };
    const diagram = diagramOf(synthetic);
    const ids = mermaidIds(diagram.columns.flatMap(c => c.nodes.map(n => n.id)));
    const out = ['flowchart LR'];
    if (diagram.columns.length === 0) {
        out.push('  none["No objective, skill, behavior, metric or outcome changed"]');
        return { text: out.join('\n') + '\n', edges: 0 };
    }
    for (const column of diagram.columns) {
        out.push(`  subgraph col_${column.id}["${escapeMermaid(column.label)}"]`, '    direction TB');
        for (const node of column.nodes) {
            const lines = labelLines(node.node, status.get(node.id)!, notes.get(node.id));
            out.push(`    ${ids.get(node.id)}["${lines.map(escapeMermaid).join('<br/>')}"]`);
        }
        out.push('  end');
    }
    const linkStatus = new Map(graph.edges.map(e => [`${e.edge.kind}\u0000${e.edge.from}\u0000${e.edge.to}`, e.status]));
    const byStatus: Record<keyof typeof LINK_STYLES, number[]> = { added: [], removed: [], context: [] };
    diagram.edges.forEach((edge, i) => {
        const s = linkStatus.get(`${edge.kind}\u0000${edge.from}\u0000${edge.to}`) ?? 'context';
        byStatus[s].push(i);
        const arrow = s === 'added' ? '==>' : s === 'removed' || edge.kind === 'kpi' ? '-.->' : '-->';
        out.push(`  ${ids.get(edge.from)} ${arrow}|"${escapeMermaid(edge.kind)}"| ${ids.get(edge.to)}`);
    });
    for (const [s, style] of Object.entries(NODE_STYLES) as Array<[NodeStatus, string]>) {
        const members = diagram.columns.flatMap(c => c.nodes).filter(n => status.get(n.id) === s).map(n => ids.get(n.id)!);
        if (members.length === 0) continue;
        out.push(`  classDef ${s} ${style}`, `  class ${members.join(',')} ${s}`);
    }
    for (const [s, indexes] of Object.entries(byStatus) as Array<[keyof typeof LINK_STYLES, number[]]>) {
        if (indexes.length > 0) out.push(`  linkStyle ${indexes.join(',')} ${LINK_STYLES[s]}`);
    }
    return { text: out.join('\n') + '\n', edges: diagram.edges.length };
}

/** Title, `Name · kind`, and for a changed element its status and note. */
function labelLines(node: GraphNode, status: NodeStatus, note: string | undefined): string[] {
    const kind = node.metric ? `${node.metric.kind ?? 'untyped'} metric` : node.kind;
    const lines = [node.title ?? node.name, `${node.title ? `${node.name} · ` : ''}${kind}`];
    const word = STATUS_WORDS[status];
    if (word || note) lines.push([word, note].filter(Boolean).join(': '));
    return lines;
}
