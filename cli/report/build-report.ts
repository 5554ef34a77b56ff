/**
 * The monthly stakeholder review, as blocks: workspace coverage; for each
 * program its outcomes and KPIs, coverage, objectives without a KPI link,
 * open findings by rule and ROI; outcomes no program serves; findings
 * outside every program. Everything is read from the impact graph
 * (figures, links, coverage, ROI) and from the findings of `align check`.
 */
import { AstUtils } from 'langium';
import type { GraphIndex } from '../../language/graph/build-graph.js';
import { focusGraph } from '../../language/graph/focus-graph.js';
import { findingsByNode, placeOnInnermost, type Place } from '../../language/graph/node-findings.js';
import type { Coverage, GraphNode, ImpactGraph, RoiFigures } from '../../language/graph/types.js';
import { isOutcome, type Program } from '../../language/generated/ast.js';
import type { FindingSeverity } from '../../language/rules.js';
import { layoutGraph, renderSvg } from '../../language/render/index.js';
import { formatNumber } from '../../language/render/text.js';
import { diagnosticsOf, type PlacedFinding } from '../graph/load-graph.js';
import { withCode, type Block, type Inline, type Span } from './blocks.js';
import { attribute } from '../../language/attributes.js';

export interface ReportInput {
    index: GraphIndex;
    findings: readonly PlacedFinding[];
    /** `YYYY-MM-DD`. */
    date: string;
    /** How many files were read. */
    files: number;
}

export const REPORT_TITLE = 'Align impact review';

/** The blocks of the report. */
export function buildReport(input: ReportInput): Block[] {
    const { index, findings } = input;
    const graph = index.graph;
    const order = new Map(graph.nodes.map((n, i) => [n.id, i]));
    const placed = placeOnInnermost([...graph.nodes, ...actualsPlaces(index)], findings);
    const programs = graph.nodes.filter(n => n.kind === 'program');
    const served = new Set(graph.edges.filter(e => e.kind === 'serves').map(e => e.to));
    const unserved = graph.nodes.filter(n => n.kind === 'outcome' && !served.has(n.id));
    const shown = new Set<PlacedFinding>();
    const ctx: Context = { index, order, placed, shown, findings };

    const blocks: Block[] = [
        { type: 'heading', level: 1, text: [REPORT_TITLE] },
        { type: 'paragraph', text: [{ strong: 'Date:' }, ` ${input.date} · `, { strong: 'Files:' }, ` ${input.files} · `, { strong: 'Programs:' }, ` ${programs.length}`] },
        { type: 'heading', level: 2, text: ['Summary'], id: 'summary' },
        { type: 'paragraph', text: [{ strong: `Aligned ${coverageText(graph.coverage)}` }, ' across the workspace: the share of learning objectives that reach a leading or lagging KPI.'] },
        { type: 'paragraph', text: [findingTotals(findings)] }
    ];
    if (programs.length > 0) blocks.push(summaryTable(programs, ctx));
    for (const program of programs) blocks.push(...programSection(program, ctx));
    if (unserved.length > 0) {
        blocks.push({ type: 'heading', level: 2, text: ['Outcomes not served by any program'], id: 'unserved-outcomes' },
            { type: 'paragraph', text: ['No program has ', { code: 'serves' }, ' for these outcomes: nobody is accountable for moving them.'] });
        for (const outcome of unserved) blocks.push(...unservedOutcomeSection(outcome, ctx));
    }
    const rest = findings.filter(f => !shown.has(f));
    if (rest.length > 0) {
        blocks.push({ type: 'heading', level: 2, text: ['Findings outside any program'], id: 'other-findings' },
            { type: 'paragraph', text: ['Findings in declarations that no program\'s chain holds, in files outside every declaration, or in the settings.'] },
            ...findingBlocks(rest));
    }
    return blocks;
}

interface Context {
    index: GraphIndex;
    order: ReadonlyMap<string, number>;
    /** Findings by the id of the innermost node whose declaration holds them. */
    placed: ReadonlyMap<string, PlacedFinding[]>;
    /** Findings shown in a program or outcome section so far. */
    shown: Set<PlacedFinding>;
    findings: readonly PlacedFinding[];
}

function summaryTable(programs: readonly GraphNode[], ctx: Context): Block {
    return {
        type: 'table',
        columns: [
            { label: 'Program', align: 'left' }, { label: 'Serves', align: 'left' }, { label: 'Aligned', align: 'right' },
            { label: 'KPIs on track', align: 'right' }, { label: 'Errors', align: 'right' }, { label: 'Warnings', align: 'right' }
        ],
        rows: programs.map(program => {
            const figures = program.programFigures;
            const kpis = [...(figures?.leadingKpis ?? []), ...(figures?.laggingKpis ?? [])].map(id => ctx.index.node(id)).filter(isNode);
            const known = kpis.filter(k => k.metric?.onTrack !== undefined);
            const onTrack = known.filter(k => k.metric?.onTrack === true);
            const found = programFindings(program, ctx);
            const outcomes = servedOutcomes(program, ctx);
            return [
                nameCell(program),
                outcomes.length === 0 ? ['—'] : joinSpans(outcomes.map(o => [{ code: o.name }])),
                [figures ? coverageText(figures.coverage, false) : '—'],
                [known.length === 0 ? '—' : `${onTrack.length}/${known.length}`],
                [String(found.filter(f => f.severity === 'error').length)],
                [String(found.filter(f => f.severity === 'warning').length)]
            ];
        })
    };
}

function programSection(program: GraphNode, ctx: Context): Block[] {
    const figures = program.programFigures;
    const ast = ctx.index.astOf(program.id) as Program | undefined;
    const blocks: Block[] = [{ type: 'heading', level: 2, text: ['Program: ', ...nameCell(program)], id: `program-${anchor(program.id)}` }];
    const facts: Inline[] = [];
    const sponsor = ast && attribute(ast, 'Sponsor')?.value;
    const owner = ast && attribute(ast, 'Owner')?.value;
    const review = ast && attribute(ast, 'Review')?.value;
    const phase = ast && attribute(ast, 'ProgramPhase')?.value;
    if (sponsor) facts.push([{ strong: 'Sponsor:' }, ` ${sponsor}`]);
    if (owner) facts.push([{ strong: 'Owner:' }, ` ${owner}`]);
    if (figures?.window) facts.push([{ strong: ast && attribute(ast, 'Pilot') ? 'Pilot:' : 'Window:' }, ` ${figures.window.start} to ${figures.window.end}`]);
    if (review) facts.push([{ strong: 'Review:' }, ` ${review}`]);
    if (phase) facts.push([{ strong: 'Phase:' }, ` ${phase}`]);
    if (facts.length > 0) blocks.push({ type: 'paragraph', text: joinSpans(facts, ' · ') });
    if (program.doc) blocks.push({ type: 'paragraph', text: [program.doc] });

    const outcomes = servedOutcomes(program, ctx);
    const listed = new Set<string>();
    if (outcomes.length === 0) blocks.push({ type: 'paragraph', text: ['This program serves no outcome.'] });
    for (const outcome of outcomes) {
        blocks.push({ type: 'heading', level: 3, text: ['Outcome: ', ...nameCell(outcome)] });
        const measuring = measuringKpis(outcome, ctx);
        measuring.forEach(m => listed.add(m.id));
        blocks.push(...outcomeFacts(outcome, ctx), kpiTableOrNote(measuring, 'No KPI measures this outcome.'));
    }
    const chainKpis = [...(figures?.leadingKpis ?? []), ...(figures?.laggingKpis ?? [])]
        .filter(id => !listed.has(id)).map(id => ctx.index.node(id)).filter(isNode).sort(byOrder(ctx));
    if (chainKpis.length > 0) {
        blocks.push({ type: 'heading', level: 3, text: ['Other KPIs of the chain'] }, kpiTable(chainKpis));
    }

    blocks.push({ type: 'heading', level: 3, text: ['Alignment'] });
    blocks.push({ type: 'paragraph', text: [{ strong: `Aligned ${figures ? coverageText(figures.coverage) : '0/0 objectives'}` }, ' of this program\'s chain.'] });
    const objectives = (figures?.chain ?? []).map(id => ctx.index.node(id)).filter(isNode).filter(n => n.kind === 'objective').sort(byOrder(ctx));
    const unlinked = objectives.filter(o => (o.objective?.kpis.length ?? 0) === 0);
    if (unlinked.length > 0) {
        blocks.push({ type: 'paragraph', text: ['Objectives without a KPI link:'] },
            { type: 'list', items: unlinked.map(o => ({ text: [...nameCell(o), ': ', ...unlinkedReason(o, ctx)] })) });
    }

    const found = programFindings(program, ctx);
    found.forEach(f => ctx.shown.add(f));
    blocks.push({ type: 'heading', level: 3, text: [`Open findings (${found.length})`] });
    blocks.push(...(found.length === 0 ? [{ type: 'paragraph', text: ['None.'] } as Block] : findingBlocks(found)));

    blocks.push({ type: 'heading', level: 3, text: ['Return on investment'] }, { type: 'paragraph', text: figures ? roiText(figures.roi) : ['ROI not shown: the program has no figures.'] });
    blocks.push(drawing(focusGraph(ctx.index.graph, program.id), `Impact chain of program ${program.id}`, ctx));
    return blocks;
}

function unservedOutcomeSection(outcome: GraphNode, ctx: Context): Block[] {
    const measuring = measuringKpis(outcome, ctx);
    const found = new Set([outcome, ...measuring].flatMap(n => ctx.placed.get(n.id) ?? []));
    const unique = ctx.findings.filter(f => found.has(f));
    unique.forEach(f => ctx.shown.add(f));
    return [
        { type: 'heading', level: 3, text: ['Outcome: ', ...nameCell(outcome)], id: `outcome-${anchor(outcome.id)}` },
        ...outcomeFacts(outcome, ctx),
        kpiTableOrNote(measuring, 'No KPI measures this outcome.'),
        { type: 'paragraph', text: [{ strong: `Open findings (${unique.length})` }] },
        ...(unique.length === 0 ? [{ type: 'paragraph', text: ['None.'] } as Block] : findingBlocks(unique)),
        drawing(focusGraph(ctx.index.graph, outcome.id), `Impact chain of outcome ${outcome.id}`, ctx)
    ];
}

function outcomeFacts(outcome: GraphNode, ctx: Context): Block[] {
    const ast = ctx.index.astOf(outcome.id);
    const owner = isOutcome(ast) ? attribute(ast, 'Owner')?.value : undefined;
    const facts: Inline = [];
    if (owner) facts.push({ strong: 'Owner:' }, ` ${owner}`);
    if (outcome.doc) facts.push(...(facts.length > 0 ? [' · '] : []), outcome.doc);
    return facts.length > 0 ? [{ type: 'paragraph', text: facts }] : [];
}

const KPI_COLUMNS = [
    { label: 'KPI', align: 'left' }, { label: 'Kind', align: 'left' }, { label: 'Baseline', align: 'right' },
    { label: 'Latest actual (period)', align: 'right' }, { label: 'Target', align: 'right' }, { label: 'Deadline', align: 'left' },
    { label: 'Progress', align: 'right' }, { label: 'On track', align: 'center' }
] as const;

function kpiTableOrNote(kpis: readonly GraphNode[], none: string): Block {
    return kpis.length > 0 ? kpiTable(kpis) : { type: 'paragraph', text: [none] };
}

function kpiTable(kpis: readonly GraphNode[]): Block {
    return {
        type: 'table',
        columns: KPI_COLUMNS.map(c => ({ ...c })),
        rows: kpis.map(kpi => {
            const m = kpi.metric;
            const status: Span = { status: m?.onTrack === true ? 'on' : m?.onTrack === false ? 'off' : 'unknown' };
            return [
                nameCell(kpi),
                [m?.kind ?? 'untyped'],
                [valueText(m?.baseline, m?.unit)],
                [m?.latest ? `${valueText(m.latest.value, m.unit)} (${m.latest.period})` : '—'],
                [valueText(m?.target, m?.unit)],
                [m?.deadline ?? '—'],
                [m?.progress === undefined ? '—' : `${Math.round(m.progress * 100)}%`],
                [status]
            ];
        })
    };
}

/** A figure with its unit: `14.1%`, `45 days`, `18,000 USD`, `3.1`. */
export function valueText(value: number | undefined, unit: string | undefined): string {
    if (value === undefined) return '—';
    if (unit === 'percent') return `${formatNumber(value)}%`;
    if (unit === 'days' || unit === 'hours' || unit === 'minutes') return `${formatNumber(value)} ${unit}`;
    if (unit?.startsWith('currency ')) return `${formatNumber(value)} ${unit.slice('currency '.length)}`;
    return formatNumber(value);
}

function unlinkedReason(objective: GraphNode, ctx: Context): Inline {
    const metrics = objective.objective?.metrics ?? [];
    if (metrics.length === 0) return ['reaches no metric.'];
    return ['reaches only activity or learning metrics (', ...joinSpans(metrics.map(id => [{ code: ctx.index.node(id)?.name ?? id }])), '), which are not evidence of business impact.'];
}

function roiText(roi: RoiFigures): Inline {
    if (roi.missing.length > 0 || roi.roiPercent === undefined || roi.bcr === undefined || roi.benefit === undefined || roi.cost === undefined) {
        const missing = roi.missing.length > 0 ? roi.missing : ['the benefit'];
        return ['ROI not shown: missing ', ...joinSpans(missing.map(withCode), '; '), '.'];
    }
    const money = (amount: number) => `${formatNumber(amount)}${roi.currency ? ` ${roi.currency}` : ''}`;
    return [
        { strong: `ROI ${formatNumber(Math.round(roi.roiPercent * 10) / 10)}%` }, ' · ', { strong: `BCR ${roi.bcr.toFixed(2)}` },
        ` (Phillips: benefit ${money(roi.benefit)}, cost ${money(roi.cost)}; ROI = (benefit − cost) / cost, BCR = benefit / cost).`
    ];
}

function findingTotals(findings: readonly PlacedFinding[]): string {
    if (findings.length === 0) return 'No open findings.';
    const count = (s: FindingSeverity) => findings.filter(f => f.severity === s).length;
    return `${plural(findings.length, 'open finding')}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'info')}.`;
}

const SEVERITY_RANK: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/** A table of counts by rule (most severe first), then each rule's messages. */
function findingBlocks(findings: readonly PlacedFinding[]): Block[] {
    const byRule = new Map<string, PlacedFinding[]>();
    for (const f of findings) pushTo(byRule, f.rule, f);
    const rules = [...byRule.entries()].map(([rule, list]) => ({ rule, list, severity: worst(list) }))
        .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
    return [
        {
            type: 'table',
            columns: [{ label: 'Rule', align: 'left' }, { label: 'Severity', align: 'left' }, { label: 'Count', align: 'right' }],
            rows: rules.map(r => [[{ code: r.rule }], [r.severity], [String(r.list.length)]])
        },
        {
            type: 'list',
            items: rules.map(r => ({
                text: [{ code: r.rule }, ` (${r.severity}, ${r.list.length})`],
                items: r.list.map(f => [{ code: `${f.file}:${f.line}:${f.column}` }, ' ', ...withCode(f.message)])
            }))
        }
    ];
}

function worst(findings: readonly PlacedFinding[]): FindingSeverity {
    return findings.reduce<FindingSeverity>((w, f) => SEVERITY_RANK[f.severity] < SEVERITY_RANK[w] ? f.severity : w, 'info');
}

function drawing(graph: ImpactGraph, title: string, ctx: Context): Block {
    return {
        type: 'drawing', title,
        svg: () => renderSvg(layoutGraph(graph), {
            findings: findingsByNode(graph.nodes, diagnosticsOf(ctx.findings)),
            title, idPrefix: `ag-${anchor(title)}-`
        })
    };
}

/** Findings of a program: those placed on a node of its chain (the program itself included). */
function programFindings(program: GraphNode, ctx: Context): PlacedFinding[] {
    const chain = new Set(program.programFigures?.chain ?? [program.id]);
    const mine = new Set([...chain].flatMap(id => ctx.placed.get(id) ?? []));
    return ctx.findings.filter(f => mine.has(f));
}

function servedOutcomes(program: GraphNode, ctx: Context): GraphNode[] {
    return ctx.index.adjacency.targets(program.id, 'serves').map(id => ctx.index.node(id)).filter(isNode);
}

/** The KPIs an outcome is measured by, in the order of its `measured by`. */
function measuringKpis(outcome: GraphNode, ctx: Context): GraphNode[] {
    return ctx.index.adjacency.sources(outcome.id, 'measures').map(id => ctx.index.node(id)).filter(isNode);
}

/** The actuals blocks of the workspace as places of their metric's node (actuals are not nodes). */
function actualsPlaces(index: GraphIndex): Place[] {
    const places: Place[] = [];
    for (const actuals of index.actualsRead.keys()) {
        const metric = index.nodeOf(actuals.metric?.ref);
        const range = actuals.$cstNode?.range;
        if (metric && range) places.push({ id: metric.id, uri: AstUtils.getDocument(actuals).uri.toString(), range });
    }
    return places;
}

/** `Title (`Name`)`, or the name alone. */
function nameCell(node: GraphNode): Inline {
    return node.title ? [node.title, ' (', { code: node.id }, ')'] : [{ code: node.id }];
}

/** `9/11 objectives (82%)`, or `9/11 (82%)` without the noun. */
export function coverageText(coverage: Coverage, noun = true): string {
    const share = coverage.total === 0 ? '' : ` (${Math.round(coverage.aligned / coverage.total * 100)}%)`;
    return `${coverage.aligned}/${coverage.total}${noun ? ' objectives' : ''}${share}`;
}

function joinSpans(parts: readonly Inline[], separator = ', '): Inline {
    return parts.flatMap((part, i) => i === 0 ? part : [separator, ...part]);
}

function byOrder(ctx: Context): (a: GraphNode, b: GraphNode) => number {
    return (a, b) => (ctx.order.get(a.id) ?? 0) - (ctx.order.get(b.id) ?? 0);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

function isNode(node: GraphNode | undefined): node is GraphNode {
    return node !== undefined;
}

function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** An id for HTML anchors: letters, digits and `-`. */
function anchor(text: string): string {
    return text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
}
