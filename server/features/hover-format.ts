import type { GraphIndex } from '../../language/graph/build-graph.js';
import type { GraphNode, MetricFigures } from '../../language/graph/types.js';
import { actualDecimals, deadlineText, formatAmount, TRACK_WORDS } from '../../language/present/index.js';

/**
 * The figures of a metric on one line:
 * `**Baseline** 18% → **latest** 14.1% (2026-03) → **target** 14% by 2026-04-05 · on track`,
 * saying what is missing (`no baseline`, `no actuals yet`, `no target`) and why on-track cannot be told.
 * A period's deadline is shown as written, with its day (`by 2026-H2 (2026-12-31)`).
 */
export function figuresLine(m: MetricFigures): string {
    const amount = (v: number): string => formatAmount(v, m.unit);
    const baseline = m.baseline !== undefined ? `**Baseline** ${amount(m.baseline)}` : 'no baseline';
    const latest = m.latest ? `**latest** ${formatAmount(m.latest.value, m.unit, trackDecimals(m))} (${m.latest.period})` : 'no actuals yet';
    const target = m.target === undefined ? 'no target'
        : `**target** ${amount(m.target)}${m.deadline ? ` by ${deadlineText(m, 'long')}` : ' (no deadline)'}`;
    return `${baseline} → ${latest} → ${target}${m.latest ? ` · ${trackStatus(m)}` : ''}`;
}

/** `on track`, `off track (trajectory expects 73.61%)`, or why it cannot be told. */
export function trackStatus(m: MetricFigures): string {
    if (m.onTrack === true) return TRACK_WORDS.on;
    if (m.onTrack === false) return `${TRACK_WORDS.off} (trajectory expects ${formatAmount(m.expected!, m.unit, trackDecimals(m))})`;
    const missing = [
        m.baseline === undefined ? 'baseline' : undefined, m.target === undefined ? 'target' : undefined,
        m.deadline === undefined ? 'deadline' : undefined, m.direction === undefined ? 'direction' : undefined
    ].filter((x): x is string => x !== undefined);
    return missing.length > 0 ? `${TRACK_WORDS.unknown} (no ${missing.join(', no ')})` : TRACK_WORDS.unknown;
}

/** Decimals for the latest actual and the trajectory's value beside it: the actual as written, and as many as tell them apart (not "off track: 50% against 50%"). */
function trackDecimals(m: MetricFigures): number {
    return m.onTrack === false && m.latest && m.expected !== undefined ? actualDecimals(m.latest.value, m.expected) : 2;
}

/** `leading KPI`, `activity metric (learning analytics, not evidence of business impact)`... */
export function metricKindText(m: MetricFigures): string {
    if (!m.kind) return 'metric without `kind`';
    return m.isKpi ? `${m.kind} KPI` : `${m.kind} metric (learning analytics, not evidence of business impact)`;
}

/** Names of the nodes with these ids (qualified where the short name is ambiguous in the list), comma separated. */
export function names(index: GraphIndex, ids: readonly string[]): string {
    const nodes = ids.map(id => index.node(id)).filter((n): n is GraphNode => n !== undefined);
    const short = nodes.map(n => n.name);
    return nodes.map(n => short.filter(s => s === n.name).length > 1 ? n.qualifiedName : n.name).join(', ');
}

/** A labelled list line, or nothing when `ids` is empty: `Moved by: Probing, Summarizing`. */
export function relation(index: GraphIndex, label: string, ids: readonly string[]): string[] {
    return ids.length > 0 ? [`${label}: ${names(index, ids)}`] : [];
}

/** Objectives (ids) whose links satisfy `test`, in graph order. */
export function objectivesWhere(index: GraphIndex, test: (links: NonNullable<GraphNode['objective']>) => boolean): string[] {
    return index.graph.nodes.filter(n => n.objective && test(n.objective)).map(n => n.id);
}

/**
 * A chain path rendered with names and edge kinds:
 * `AskOpenQuestions —builds→ NeedsDiscovery —enables→ Probing —moves→ RepeatContactRate`.
 * A direct `kpi` edge the chain does not explain is marked `(unexplained)`.
 */
export function pathText(index: GraphIndex, path: readonly string[]): string {
    let text = index.node(path[0]!)?.name ?? path[0]!;
    for (let i = 1; i < path.length; i++) {
        const edge = index.adjacency.outgoing(path[i - 1]!).find(e => e.to === path[i]);
        const label = edge ? `${edge.kind}${edge.kind === 'kpi' && edge.explained === false ? ' (unexplained)' : ''}` : '';
        text += ` —${label}→ ${index.node(path[i]!)?.name ?? path[i]}`;
    }
    return text;
}

/** The paths that are not a prefix of another path: one line per distinct branch of the chain. */
export function maximalPaths(paths: readonly string[][]): string[][] {
    const isPrefix = (a: readonly string[], b: readonly string[]): boolean => a.length < b.length && a.every((id, i) => b[i] === id);
    return paths.filter(p => !paths.some(q => isPrefix(p, q)));
}

/** Markdown paragraphs: empty parts dropped, joined by blank lines. */
export function paragraphs(parts: ReadonlyArray<string | undefined>): string {
    return parts.filter((p): p is string => p !== undefined && p !== '').join('\n\n');
}

/** Markdown bullet list of the lines, or undefined when there are none. */
export function bullets(lines: readonly string[]): string | undefined {
    return lines.length > 0 ? lines.map(l => `- ${l}`).join('\n') : undefined;
}

