/**
 * The impact graph as a diagram for text formats (Mermaid, DOT): the
 * preview's columns (language/render), one label per node, the drawn
 * edges. Read from the graph only; it decides nothing about the chain.
 */
import type { EdgeKind, GraphNode, ImpactGraph } from '../../language/graph/types.js';
import { COLUMNS, columnOf, DRAWN_EDGE_KINDS, type ColumnId } from '../../language/render/index.js';
import { coverageText, deadlineText, figuresText, plural, statusText, metricsWithoutKind } from '../../language/present/index.js';

/** How a node is marked: objectives without a KPI link, metrics off or on track. */
export type NodeMark = 'unlinked' | 'offTrack' | 'onTrack';

export interface DiagramNode {
    /** The graph node's id. */
    id: string;
    node: GraphNode;
    /** Lines of the label, plain text (each format escapes them). */
    lines: string[];
    mark?: NodeMark;
}

export interface DiagramColumn {
    id: ColumnId;
    /** The column's heading, e.g. `Leading metrics`. */
    label: string;
    nodes: DiagramNode[];
}

export interface DiagramEdge {
    kind: EdgeKind;
    from: string;
    to: string;
    /** A `kpi` link that the chain does not explain. */
    unexplained: boolean;
}

export interface Diagram {
    /** Columns that hold nodes, left to right. */
    columns: DiagramColumn[];
    edges: DiagramEdge[];
    coverage: ImpactGraph['coverage'];
}

/** Which way the text formats run: columns left to right, or rows top to bottom (`align graph --direction down`). */
export type DiagramDirection = 'right' | 'down';

/**
 * Headings of the columns. They follow the preview (language/render/columns.ts),
 * which gives activity and learning metrics their own column beside the
 * leading metrics; the text formats say plainly that they are not KPIs.
 */
const HEADINGS: Partial<Record<ColumnId, string>> = { activity: 'Activity & learning metrics (not KPIs)' };

/** The diagram of a graph (focused or not). */
export function diagramOf(graph: ImpactGraph): Diagram {
    const toolkits = new Map<string, string[]>();
    const byId = new Map(graph.nodes.map(n => [n.id, n]));
    for (const edge of graph.edges) {
        const kit = byId.get(edge.from);
        if (edge.kind !== 'reinforces' || !kit) continue;
        const kits = toolkits.get(edge.to);
        if (kits) kits.push(kit.name);
        else toolkits.set(edge.to, [kit.name]);
    }
    const columns: DiagramColumn[] = COLUMNS.map(c => ({ id: c.id, label: HEADINGS[c.id] ?? c.label, nodes: [] }));
    const drawn = new Set<string>();
    for (const node of graph.nodes) {
        const column = columnOf(node);
        if (!column || drawn.has(node.id)) continue;
        drawn.add(node.id);
        columns.find(c => c.id === column)!.nodes.push({ id: node.id, node, lines: labelLines(node, toolkits.get(node.id) ?? [], byId), mark: markOf(node) });
    }
    const edges = graph.edges
        .filter(e => DRAWN_EDGE_KINDS.has(e.kind) && drawn.has(e.from) && drawn.has(e.to) && e.from !== e.to)
        .map(e => ({ kind: e.kind, from: e.from, to: e.to, unexplained: e.kind === 'kpi' && e.explained === false }));
    return { columns: columns.filter(c => c.nodes.length > 0), edges, coverage: graph.coverage };
}

function markOf(node: GraphNode): NodeMark | undefined {
    if (node.kind === 'objective') return (node.objective?.kpis.length ?? 0) === 0 ? 'unlinked' : undefined;
    if (node.metric?.onTrack === false) return 'offTrack';
    if (node.metric?.onTrack === true) return 'onTrack';
    return undefined;
}

function labelLines(node: GraphNode, toolkits: readonly string[], byId: ReadonlyMap<string, GraphNode>): string[] {
    const lines = [node.title ?? node.name];
    const m = node.metric;
    const name = m ? `${node.name} · ${m.kind ?? 'untyped'}` : node.name;
    if (node.title || m) lines.push(name);
    if (m) {
        lines.push(figuresText(m) + (m.deadline ? ` by ${deadlineText(m, 'short')}` : ''));
        lines.push(statusText(m));
    }
    if (node.kind === 'objective') lines.push(objectiveLine(node, byId));
    if (node.kind === 'behavior' && toolkits.length > 0) lines.push(`reinforced by ${toolkits.join(', ')}`);
    return lines;
}

function objectiveLine(node: GraphNode, byId: ReadonlyMap<string, GraphNode>): string {
    const links = node.objective;
    if (!links || links.metrics.length === 0) return 'no KPI link: reaches no metric';
    if (links.kpis.length === 0) {
        const names = (ids: readonly string[]) => ids.map(id => byId.get(id)?.name ?? id).join(', ');
        const kindless = metricsWithoutKind(links.metrics, id => byId.get(id)?.metric?.kind);
        return kindless.length > 0 ? `no KPI link: metrics without kind (${names(kindless)})` : `no KPI link: activity or learning only (${names(links.metrics)})`;
    }
    return plural(links.kpis.length, 'KPI') + (links.outcomes.length > 0 ? ` · ${plural(links.outcomes.length, 'outcome')}` : '');
}

/** `Aligned 9/11 objectives (82%)`: the coverage line the formats print as a comment. */
export function coverageLine(diagram: Diagram): string {
    return `Aligned ${coverageText(diagram.coverage)}`;
}

/** What an empty drawing says (Mermaid, SVG): the files read declare no element of an impact chain. */
export const NOTHING_TO_DRAW = 'No objectives, skills, behaviors, metrics or outcomes';
