/**
 * The monthly stakeholder review, as blocks: workspace coverage and a
 * summary table; for each program its figures at a glance, outcomes and
 * KPIs with a chart each, learning beside the business, alignment, manager
 * reinforcement, open findings, ROI and the impact chain; outcomes no
 * program serves; findings outside every program. Everything is read from
 * the impact graph (figures, links, coverage, ROI) and from the findings of
 * `align check`.
 */
import { AstUtils } from 'langium';
import type { GraphIndex } from '../../language/graph/build-graph.js';
import { FindingsPlacer } from '../../language/graph/findings-placer.js';
import { graphWithout } from '../../language/graph/focus-graph.js';
import { placeOnInnermost, type Place } from '../../language/graph/node-findings.js';
import type { GraphNode } from '../../language/graph/types.js';
import { diagnosticsOf, type PlacedFinding } from '../graph/load-graph.js';
import type { Block, Inline } from './blocks.js';
import { findingBlocks, findingTotals, settingsNotice, syntaxNotice } from './finding-blocks.js';
import { notAlignNotice } from './not-align-notice.js';
import { programFindings, programSection, servedOutcomes, unservedOutcomeBlocks } from './program-section.js';
import { coverageText, plural } from '../../language/present/index.js';
import { cachedMeasure, tableMeasure } from '../../language/render/index.js';
import { STALE_PERIODS } from './dated-status.js';
import { headingId, heldBy, joinSpans, kpiCounts, nameCell, nodesOf, type Context } from './report-context.js';

export interface ReportInput {
    index: GraphIndex;
    /** The findings, their files named relative to the workspace root. */
    findings: readonly PlacedFinding[];
    /** `YYYY-MM-DD`. */
    date: string;
    /** How many files were read. */
    files: number;
    /** How many actuals are dated after `date` (left out of `index`: the report is as of its date). */
    laterActuals?: number;
    /** The URIs of the files that are not Align text (cli/graph/not-align-files.ts): nothing declared or found in them is reviewed or counted. */
    notAlign?: ReadonlySet<string>;
}

export const REPORT_TITLE = 'Align impact review';

/** The blocks of the report. */
export function buildReport(input: ReportInput): Block[] {
    const { index } = input;
    const notAlign = input.notAlign ?? new Set<string>();
    const findings = input.findings.filter(f => f.uri === undefined || !notAlign.has(f.uri));
    // Without what was recovered from a file that is not Align text: its programs and outcomes are none, its objectives not counted in the coverage.
    const graph = graphWithout(index.graph, notAlign);
    // The workspace's programs and outcomes: a catalog's are a library, reviewed by its owners.
    const reviewed = (n: GraphNode) => n.catalog === undefined;
    const programs = graph.nodes.filter(n => n.kind === 'program' && reviewed(n));
    const served = new Set(graph.edges.filter(e => e.kind === 'serves').map(e => e.to));
    const unserved = graph.nodes.filter(n => n.kind === 'outcome' && reviewed(n) && !served.has(n.id));
    const placed = placeOnInnermost([...graph.nodes, ...actualsPlaces(index)], findings);
    const ctx: Context = {
        index, findings, shown: new Set(), chartCount: { value: 0 },
        findingOrder: new Map(findings.map((f, i) => [f, i])),
        placer: new FindingsPlacer(diagnosticsOf(findings)),
        order: new Map(graph.nodes.map((n, i) => [n.id, i])),
        placed, heldBy: heldBy(placed.keys(), index),
        date: input.date, statuses: new Map(), headingIds: new Set(), programIds: new Map(),
        measure: cachedMeasure(tableMeasure)
    };
    for (const id of ['summary', 'contents', 'unserved-outcomes', 'other-findings']) headingId(ctx, id);
    for (const program of programs) ctx.programIds.set(program.id, headingId(ctx, 'program', program.id));
    const blocks: Block[] = [
        { type: 'heading', level: 1, text: [REPORT_TITLE] },
        { type: 'paragraph', text: [{ strong: 'Date:' }, ` ${input.date} · `, { strong: 'Files:' }, ` ${input.files} · `, { strong: 'Programs:' }, ` ${programs.length}`] },
        ...optional(settingsNotice(findings)),
        ...optional(laterNotice(input)),
        ...optional(notAlignNotice(input.findings, notAlign)),
        ...optional(syntaxNotice(findings)),
        { type: 'heading', level: 2, text: ['Summary'], id: 'summary' },
        { type: 'paragraph', text: [{ strong: `Aligned ${coverageText(graph.coverage)}` }, ' across the workspace: the share of learning objectives that reach a leading or lagging KPI.'] },
        { type: 'paragraph', text: [findingTotals(findings)] }
    ];
    if (programs.length === 0 && unserved.length === 0) {
        // An empty review says why, rather than "Aligned 0/0" alone (a report run in the wrong folder, or a new repository).
        const read = input.files === 1 ? 'the file read declares' : `the ${plural(input.files, 'file')} read declare`;
        blocks.push({ type: 'paragraph', text: [{ strong: 'Nothing to review:' }, ` ${read} no program and no outcome. Write a program with `, { code: 'align init NAME' }, ', or run the report in the folder that holds the programs\' ', { code: '.align' }, ' files.'] });
    }
    if (programs.length > 0) blocks.push(summaryTable(programs, ctx), howToRead(input.date), contents(programs, unserved.length > 0, ctx));
    for (const program of programs) blocks.push(programSection(program, ctx));
    if (unserved.length > 0) {
        blocks.push({
            type: 'section', id: 'section-unserved-outcomes', blocks: [
                { type: 'heading', level: 2, text: ['Outcomes not served by any program'], id: 'unserved-outcomes' },
                { type: 'paragraph', text: ['No program has ', { code: 'serves' }, ' for these outcomes: nobody is accountable for moving them.'] },
                ...unserved.flatMap(outcome => unservedOutcomeBlocks(outcome, ctx))
            ]
        });
    }
    const rest = findings.filter(f => !ctx.shown.has(f));
    if (rest.length > 0) {
        addContentsItem(blocks, 'other-findings', ['Findings outside any program']);
        blocks.push({
            type: 'section', id: 'section-other-findings', blocks: [
                { type: 'heading', level: 2, text: ['Findings outside any program'], id: 'other-findings' },
                { type: 'paragraph', text: ['Findings in declarations that no program\'s chain or ', { code: 'isolate' }, ' holds, in files outside every declaration, or in the settings.'] },
                ...findingBlocks(rest)
            ]
        });
    }
    return blocks;
}

function optional(block: Block | undefined): Block[] {
    return block ? [block] : [];
}

/** One line when actuals dated after the report's date were left out. */
function laterNotice({ laterActuals: later = 0, date }: ReportInput): Block | undefined {
    if (later === 0) return undefined;
    return { type: 'paragraph', muted: true, text: [`${plural(later, 'actual')} dated after ${date} ${later === 1 ? 'is' : 'are'} left out: this is the report as of that date.`] };
}

/** How to read the charts and the statuses, once, under the summary. */
function howToRead(date: string): Block {
    return {
        type: 'legend',
        charts: [{ strong: 'Reading the charts:' }, ' each KPI\'s actuals (solid line, one dot per period, dated on the period\'s last day) run against the straight trajectory from the baseline to the target (dashed), which ends at the deadline (dotted line, diamond). The shaded side of the trajectory is on track; the status above each chart says it in words.'],
        text: [{ strong: `Statuses are as of ${date}:` }, ' once a KPI\'s deadline has passed it reads ', { strong: 'target met' }, ' or ', { strong: 'deadline passed' },
            `; a KPI whose latest actual is more than ${STALE_PERIODS} periods of its cadence old reads `, { strong: 'no actual since' }, ' its period; the KPIs on track count both on track and target met.']
    };
}

/** The page's table of contents (HTML): the programs, then the parts after them. */
function contents(programs: readonly GraphNode[], unserved: boolean, ctx: Context): Block {
    const items: Array<{ ref: string; text: Inline }> = programs.map(p => ({ ref: ctx.programIds.get(p.id)!, text: p.title ? [{ user: p.title }] : [p.name] }));
    if (unserved) items.push({ ref: 'unserved-outcomes', text: ['Outcomes not served by any program'] });
    return { type: 'contents', title: 'Contents', id: 'contents', items };
}

/** Adds a part of the page to its table of contents, once the part is known to be there. */
function addContentsItem(blocks: Block[], ref: string, text: Inline): void {
    const toc = blocks.find((b): b is Extract<Block, { type: 'contents' }> => b.type === 'contents');
    toc?.items.push({ ref, text });
}

function summaryTable(programs: readonly GraphNode[], ctx: Context): Block {
    return {
        type: 'table',
        columns: [
            { label: 'Program', align: 'left' }, { label: 'Serves', align: 'left' }, { label: 'Aligned', align: 'right' },
            { label: 'KPIs on track', align: 'right' }, { label: 'Errors', align: 'right' }, { label: 'Warnings', align: 'right' }, { label: 'Infos', align: 'right' }
        ],
        rows: programs.map(program => {
            const figures = program.programFigures;
            const kpis = nodesOf(ctx, [...(figures?.leadingKpis ?? []), ...(figures?.laggingKpis ?? [])]);
            const { known, on } = kpiCounts(kpis, ctx);
            const found = programFindings(program, ctx);
            const outcomes = servedOutcomes(program, ctx);
            return [
                [{ ref: ctx.programIds.get(program.id)!, text: nameCell(program) }],
                outcomes.length === 0 ? ['—'] : joinSpans(outcomes.map(o => [{ code: o.name }])),
                [figures ? coverageText(figures.coverage, false) : '—'],
                [known === 0 ? '—' : `${on}/${known}`],
                [String(found.filter(f => f.severity === 'error').length)],
                [String(found.filter(f => f.severity === 'warning').length)],
                [String(found.filter(f => f.severity === 'info').length)]
            ];
        })
    };
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

