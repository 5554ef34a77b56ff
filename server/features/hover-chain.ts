import type { GraphIndex } from '../../language/graph/build-graph.js';
import type { GraphNode } from '../../language/graph/types.js';
import type { Objective, Program } from '../../language/generated/ast.js';
import type { ProgramFigures } from '../../language/graph/types.js';
import { attributionSection, roiLine } from './hover-attribution.js';
import { attributes } from './hover-elements.js';
import { coverageText, plural, metricsWithoutKind, windowText } from '../../language/present/index.js';
import { bullets, maximalPaths, names, paragraphs, pathText } from './hover-format.js';
import { attribute } from '../../language/attributes.js';

/**
 * Hover body of an objective: the KPIs, behaviors and outcomes it reaches,
 * its chain path(s) from `node.objective.paths`, or why it has no KPI link.
 */
export function objectiveHover(index: GraphIndex, node: GraphNode, ast: Objective): string {
    const links = node.objective!;
    const unexplained = index.adjacency.outgoing(node.id)
        .filter(e => e.kind === 'kpi' && e.explained === false && index.node(e.to)?.metric?.isKpi)
        .map(e => `Direct \`kpi ${index.node(e.to)?.name ?? e.to}\` is not explained by its skills and behaviors`);
    const written = attribute(ast, 'Practice');
    const practice = written ? `${written.kind}${written.description ? ` "${written.description}"` : ''}` : undefined;
    return paragraphs([
        links.kpis.length > 0 ? reachText(index, node) : `No KPI link: ${noLinkReason(index, node)}`,
        links.kpis.length > 0 ? `**Chain**\n${bullets(maximalPaths(links.paths).map(p => pathText(index, p)))}` : undefined,
        ...unexplained,
        attributes([['Practice', practice], ['Assessed by', attribute(ast, 'AssessedBy')?.value]])
    ]);
}

/** `Reaches 2 KPIs: ChurnRate, RepeatContactRate · via 1 behavior: Probing · outcome ReduceChurn` */
function reachText(index: GraphIndex, node: GraphNode): string {
    const { kpis, via: behaviors, outcomes } = node.objective!;
    const via = behaviors.length > 0 ? `via ${plural(behaviors.length, 'behavior')}: ${names(index, behaviors)}` : 'directly by `kpi` (no behavior)';
    const serves = outcomes.length > 0 ? `${outcomes.length === 1 ? 'outcome' : 'outcomes'} ${names(index, outcomes)}` : 'no outcome';
    return `Reaches ${plural(kpis.length, 'KPI')}: ${names(index, kpis)} · ${via} · ${serves}`;
}

/** Why an objective reaches no KPI, from its edges in the graph. */
export function noLinkReason(index: GraphIndex, node: GraphNode): string {
    const { metrics, behaviors } = node.objective!;
    if (metrics.length > 0) {
        const kindless = metricsWithoutKind(metrics, id => index.node(id)?.metric?.kind);
        return kindless.length > 0 ? `reaches metrics without a \`kind\`: ${names(index, kindless)}; give each its kind (\`leading\` or \`lagging\` for a KPI)`
            : `reaches only activity/learning metrics: ${names(index, metrics)}`;
    }
    const skills = index.adjacency.targets(node.id, 'builds');
    if (skills.length === 0) return 'builds no skill and has no `kpi`';
    if (behaviors.length === 0) return `its ${skills.length === 1 ? 'skill' : 'skills'} ${names(index, skills)} ${skills.length === 1 ? 'enables' : 'enable'} no behavior, and it has no \`kpi\``;
    return `its ${behaviors.length === 1 ? 'behavior' : 'behaviors'} ${names(index, behaviors)} ${behaviors.length === 1 ? 'moves' : 'move'} no metric, and it has no \`kpi\``;
}

/**
 * Hover body of a program: alignment coverage, window, outcomes served,
 * leading/lagging KPIs of its chain, ROI or the missing terms, people.
 */
export function programHover(index: GraphIndex, node: GraphNode, ast: Program): string {
    const f = node.programFigures!;
    const serves = index.adjacency.targets(node.id, 'serves');
    const phase = attribute(ast, 'ProgramPhase')?.value;
    const review = attribute(ast, 'Review')?.value;
    const head = [
        `Aligned ${coverageText(f.coverage)}`,
        f.window ? windowLine(ast, f.window) : 'no window',
        phase ? `phase ${phase}` : undefined,
        review ? `review ${review}` : 'no review'
    ].filter(x => x !== undefined).join(' · ');
    return paragraphs([
        head,
        bullets([
            serves.length > 0 ? `Serves: ${names(index, serves)}` : 'Serves no outcome',
            `Leading KPIs: ${f.leadingKpis.length > 0 ? names(index, f.leadingKpis) : 'none'}`,
            `Lagging KPIs: ${f.laggingKpis.length > 0 ? names(index, f.laggingKpis) : 'none'}`,
            roiLine(node.programFigures!.roi)
        ]),
        attributionSection(index, node, ast),
        attributes([['Sponsor', attribute(ast, 'Sponsor')?.value], ['Owner', attribute(ast, 'Owner')?.value], ['Stakeholders', ast.stakeholders.join(', ') || undefined]])
    ]);
}

/**
 * The program's window, as the report and the preview write it, and for a
 * pilot what the source says: `window 2026-01-05 to 2026-04-05 (pilot 90
 * days)`.
 */
function windowLine(ast: Program, window: NonNullable<ProgramFigures['window']>): string {
    const duration = attribute(ast, 'Pilot')?.duration;
    return `window ${windowText(window)}${duration ? ` (pilot ${duration.amount} ${duration.unit})` : ''}`;
}
