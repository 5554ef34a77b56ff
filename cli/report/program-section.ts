/**
 * One program of the report: who owns it, a strip of figures at a glance,
 * each outcome with its KPIs (table and charts), the chain's other KPIs,
 * learning beside the business, alignment, manager reinforcement, open
 * findings, return on investment, and the impact chain.
 */
import { attribute } from '../../language/attributes.js';
import type { GraphNode, RoiFigures } from '../../language/graph/types.js';
import { isOutcome, type Program } from '../../language/generated/ast.js';
import { coverageText, formatShare, MISSING, plural, roiWords, metricsWithoutKind, windowText } from '../../language/present/index.js';
import type { PlacedFinding } from '../graph/load-graph.js';
import type { Block, GlanceItem, Inline } from './blocks.js';
import { drawing } from './drawing.js';
import { findingBlocks, reinforcementBlocks, reinforcements, severityCounts } from './finding-blocks.js';
import { kpiCharts, kpiTable, kpiTableOrNote, progressBlocks } from './kpi-blocks.js';
import { attributionBlocks } from './roi-blocks.js';
import { anchor, byOrder, headingId, joinSpans, kpiCounts, nameCell, nodesOf, type Context } from './report-context.js';

/** The section of a program. */
export function programSection(program: GraphNode, ctx: Context): Block {
    const figures = program.programFigures;
    const name = program.title ?? program.name;
    const found = programFindings(program, ctx);
    found.forEach(f => ctx.shown.add(f));
    const pid = ctx.programIds.get(program.id) ?? headingId(ctx, 'program', program.id);
    const sub = (...parts: string[]) => headingId(ctx, pid, ...parts);
    const blocks: Block[] = [{ type: 'heading', level: 2, text: ['Program: ', ...nameCell(program)], id: pid }];
    const facts = programFacts(program, ctx);
    if (facts.length > 0) blocks.push({ type: 'paragraph', text: joinSpans(facts, ' · ') });
    if (program.doc) blocks.push({ type: 'paragraph', text: [{ user: program.doc }] });
    blocks.push(glance(program, found, ctx));

    const listed = new Set<string>();
    const outcomes = servedOutcomes(program, ctx);
    if (outcomes.length === 0) blocks.push({ type: 'paragraph', text: ['This program serves no outcome.'] });
    for (const outcome of outcomes) {
        const measuring = measuringKpis(outcome, ctx);
        measuring.forEach(m => listed.add(m.id));
        blocks.push({ type: 'heading', level: 3, text: ['Outcome: ', ...nameCell(outcome)], id: sub('outcome', outcome.id) }, ...outcomeFacts(outcome, ctx),
            kpiTableOrNote(measuring, 'No KPI measures this outcome.', ctx));
        if (measuring.length > 0) blocks.push(kpiCharts(measuring, name, ctx));
    }
    const others = nodesOf(ctx, [...(figures?.leadingKpis ?? []), ...(figures?.laggingKpis ?? [])]).filter(n => !listed.has(n.id)).sort(byOrder(ctx));
    if (others.length > 0) blocks.push({ type: 'heading', level: 3, text: ['Other KPIs of the chain'], id: sub('other-kpis') }, kpiTable(others, ctx), kpiCharts(others, name, ctx));
    blocks.push(...progressBlocks(program, ctx, sub('learning')));

    blocks.push({ type: 'heading', level: 3, text: ['Alignment'], id: sub('alignment') },
        { type: 'paragraph', text: [{ strong: `Aligned ${figures ? coverageText(figures.coverage) : '0/0 objectives'}` }, ' of this program\'s chain.'] });
    const objectives = nodesOf(ctx, figures?.chain ?? []).filter(n => n.kind === 'objective').sort(byOrder(ctx));
    const unlinked = objectives.filter(o => (o.objective?.kpis.length ?? 0) === 0);
    if (unlinked.length > 0) {
        blocks.push({ type: 'paragraph', text: ['Objectives without a KPI link:'] },
            { type: 'list', items: unlinked.map(o => ({ text: [...nameCell(o), ': ', ...unlinkedReason(o, ctx)] })) });
    }
    blocks.push(...reinforcementBlocks(program, ctx, sub('reinforcement')));
    blocks.push({ type: 'heading', level: 3, text: [`Open findings (${found.length})`], id: sub('findings') },
        ...(found.length === 0 ? [{ type: 'paragraph', text: ['None.'] } as Block] : findingBlocks(found)));
    blocks.push({ type: 'heading', level: 3, text: ['Return on investment'], id: sub('roi') },
        ...(figures ? attributionBlocks(program, figures.roi, ctx) : [{ type: 'paragraph', text: ['ROI not shown: the program has no figures.'] } as Block]));
    blocks.push({ type: 'group', blocks: [{ type: 'heading', level: 3, text: ['Impact chain'], id: sub('chain') }, drawing(program.id, `Impact chain of program ${program.id}`, ctx)] });
    return { type: 'section', id: `section-${anchor(program.id)}`, blocks };
}

function programFacts(program: GraphNode, ctx: Context): Inline[] {
    const ast = ctx.index.astOf(program.id) as Program | undefined;
    const facts: Inline[] = [];
    const add = (label: string, value: string | undefined) => { if (value) facts.push([{ strong: `${label}:` }, ' ', { user: value }]); };
    add('Sponsor', ast && attribute(ast, 'Sponsor')?.value);
    add('Owner', ast && attribute(ast, 'Owner')?.value);
    const window = program.programFigures?.window;
    if (window) add(ast && attribute(ast, 'Pilot') ? 'Pilot' : 'Window', windowText(window));
    add('Review', ast && attribute(ast, 'Review')?.value);
    add('Phase', ast && attribute(ast, 'ProgramPhase')?.value);
    return facts;
}

/** The program's figures at a glance: alignment, KPIs on track, findings, reinforcement, ROI. */
function glance(program: GraphNode, found: readonly PlacedFinding[], ctx: Context): Block {
    const figures = program.programFigures;
    const kpis = nodesOf(ctx, [...(figures?.leadingKpis ?? []), ...(figures?.laggingKpis ?? [])]);
    const counts = severityCounts(found);
    const behaviors = reinforcements(program, ctx);
    const reinforced = behaviors.filter(r => r.observed || r.toolkits.length > 0).length;
    const roi = figures?.roi;
    const coverage = figures?.coverage ?? { aligned: 0, total: 0 };
    const items: GlanceItem[] = [
        { label: 'Aligned objectives', value: `${coverage.aligned}/${coverage.total}`, note: [coverage.total === 0 ? 'no objectives' : `${formatShare(coverage.aligned / coverage.total)} reach a KPI`], mark: coverage.aligned === coverage.total && coverage.total > 0 ? 'on' : 'off' },
        kpisGlance(kpis.length, kpiCounts(kpis, ctx)),
        { label: 'Open findings', value: String(found.length), note: [`${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}`], mark: counts.error > 0 ? 'off' : counts.warning > 0 ? 'unknown' : 'on' },
        { label: 'Behaviors reinforced', value: `${reinforced}/${behaviors.length}`, note: ['observed or coached'], mark: behaviors.length === 0 ? 'unknown' : reinforced === behaviors.length ? 'on' : 'off' },
        roiGlance(roi)
    ];
    return { type: 'glance', items };
}

/**
 * KPIs on track at a glance, of those whose status is known: `0 of 4`;
 * those not known yet in the note (`1 more KPI not known yet`), and `—`
 * when none is known (`2 KPIs, none known yet`) or there are none.
 */
function kpisGlance(total: number, { known, on }: { known: number; on: number }): GlanceItem {
    const label = 'KPIs on track';
    if (total === 0) return { label, value: '—', note: ['no KPIs'], mark: 'unknown' };
    if (known === 0) return { label, value: '—', note: [total === 1 ? '1 KPI, not known yet' : `${plural(total, 'KPI')}, none known yet`], mark: 'unknown' };
    const unknown = total - known;
    return { label, value: `${on} of ${known}`, note: unknown === 0 ? undefined : [`${plural(unknown, 'more KPI', 'more KPIs')} not known yet`], mark: on === known ? 'on' : 'off' };
}

/** ROI at a glance, from the attributed benefit. */
function roiGlance(roi: RoiFigures | undefined): GlanceItem {
    const words = roi && roiWords(roi);
    if (!roi || !words) return { label: 'ROI', value: MISSING, note: ['terms missing'], mark: 'unknown' };
    return { label: 'ROI', value: words.roi.slice('ROI '.length), note: [words.bcr], mark: (roi.roiPercent ?? 0) >= 0 ? 'on' : 'off' };
}

function outcomeFacts(outcome: GraphNode, ctx: Context): Block[] {
    const ast = ctx.index.astOf(outcome.id);
    const owner = isOutcome(ast) ? attribute(ast, 'Owner')?.value : undefined;
    const facts: Inline = [];
    if (owner) facts.push({ strong: 'Owner:' }, ' ', { user: owner });
    if (outcome.doc) facts.push(...(facts.length > 0 ? [' · '] : []), { user: outcome.doc });
    return facts.length > 0 ? [{ type: 'paragraph', text: facts }] : [];
}

/** An outcome that no program serves: its KPIs (table and charts), findings and chain. */
export function unservedOutcomeBlocks(outcome: GraphNode, ctx: Context): Block[] {
    const measuring = measuringKpis(outcome, ctx);
    const found = new Set([outcome, ...measuring].flatMap(n => ctx.placed.get(n.id) ?? []));
    const unique = ctx.findings.filter(f => found.has(f));
    unique.forEach(f => ctx.shown.add(f));
    return [
        { type: 'heading', level: 3, text: ['Outcome: ', ...nameCell(outcome)], id: headingId(ctx, 'outcome', outcome.id) },
        ...outcomeFacts(outcome, ctx),
        kpiTableOrNote(measuring, 'No KPI measures this outcome.', ctx),
        ...(measuring.length > 0 ? [kpiCharts(measuring, outcome.title ?? outcome.name, ctx)] : []),
        { type: 'paragraph', text: [{ strong: `Open findings (${unique.length})` }] },
        ...(unique.length === 0 ? [{ type: 'paragraph', text: ['None.'] } as Block] : findingBlocks(unique)),
        drawing(outcome.id, `Impact chain of outcome ${outcome.id}`, ctx)
    ];
}

function unlinkedReason(objective: GraphNode, ctx: Context): Inline {
    const metrics = objective.objective?.metrics ?? [];
    if (metrics.length === 0) return ['reaches no metric.'];
    const spans = (ids: readonly string[]) => joinSpans(ids.map(id => [{ code: ctx.index.node(id)?.name ?? id }]));
    const kindless = metricsWithoutKind(metrics, id => ctx.index.node(id)?.metric?.kind);
    if (kindless.length > 0) return ['reaches metrics without a ', { code: 'kind' }, ' (', ...spans(kindless), '): give each its kind (', { code: 'leading' }, ' or ', { code: 'lagging' }, ' for a KPI).'];
    return ['reaches only activity or learning metrics (', ...spans(metrics), '), which are not evidence of business impact.'];
}

/**
 * Findings of a program, in the report's order: those placed on a node of
 * its chain (the program itself included), and on a metric its `isolate`
 * names outside the chain: a control group's own finding (no actuals, a
 * target against its direction) is about the program's ROI, so it is read
 * there, not among the findings outside every program.
 */
export function programFindings(program: GraphNode, ctx: Context): PlacedFinding[] {
    const held = ctx.heldBy.get(program.id) ?? [];
    const mine = [...new Set([program.id, ...(program.programFigures?.chain ?? []), ...held].flatMap(id => ctx.placed.get(id) ?? []))];
    return mine.sort((a, b) => ctx.findingOrder.get(a)! - ctx.findingOrder.get(b)!);
}

export function servedOutcomes(program: GraphNode, ctx: Context): GraphNode[] {
    return nodesOf(ctx, ctx.index.adjacency.targets(program.id, 'serves'));
}

/** The KPIs an outcome is measured by, in the order of its `measured by`. */
export function measuringKpis(outcome: GraphNode, ctx: Context): GraphNode[] {
    return nodesOf(ctx, ctx.index.adjacency.sources(outcome.id, 'measures'));
}
