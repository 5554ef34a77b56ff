/**
 * Findings and manager reinforcement in the report: findings counted by
 * rule (most severe first, each rule linked to its page), then each rule's
 * messages; the behaviors of a chain with who observes them and which
 * toolkit covers them.
 */
import type { GraphNode } from '../../language/graph/types.js';
import { push } from '../../language/graph/adjacency.js';
import { isBehavior } from '../../language/generated/ast.js';
import { attribute } from '../../language/attributes.js';
import { ruleDocUrl, type FindingSeverity } from '../../language/rules.js';
import { plural } from '../../language/present/index.js';
import type { PlacedFinding } from '../graph/load-graph.js';
import { leavesTextOut } from '../check/collect-findings.js';
import { defaultsApply } from '../../language/config/parse-config.js';
import { messageSpans, type Block, type Inline } from './blocks.js';
import { byOrder, joinSpans, nameCell, nodesOf, type Context } from './report-context.js';

const SEVERITY_RANK: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/** `13 open findings: 4 errors, 5 warnings, 4 infos.` */
export function findingTotals(findings: readonly PlacedFinding[]): string {
    if (findings.length === 0) return 'No open findings.';
    const count = (s: FindingSeverity) => findings.filter(f => f.severity === s).length;
    return `${plural(findings.length, 'open finding')}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'info')}.`;
}

/** A table of counts by rule (most severe first, the rule linked to its page), then each rule's messages. */
export function findingBlocks(findings: readonly PlacedFinding[]): Block[] {
    const byRule = new Map<string, PlacedFinding[]>();
    for (const f of findings) push(byRule, f.rule, f);
    const rules = [...byRule.entries()].map(([rule, list]) => ({ rule, list, severity: worst(list) }))
        .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
    return [
        {
            type: 'table',
            columns: [{ label: 'Severity', align: 'left' }, { label: 'Rule', align: 'left' }, { label: 'Count', align: 'right' }],
            // Each row is about its rule: a screen reader announces the rule with every cell of the row.
            rowHeader: 1,
            rows: rules.map(r => [[{ severity: r.severity }], [{ link: ruleDocUrl(r.rule), text: r.rule, mono: true }], [String(r.list.length)]])
        },
        {
            type: 'list',
            items: rules.map(r => ({
                text: [{ code: r.rule }, ` (${r.severity}, ${r.list.length})`],
                items: r.list.map(f => [{ code: `${f.file}:${f.line}:${f.column}` }, ' ', ...messageSpans(f.message)])
            }))
        }
    ];
}

/**
 * The notice at the top of a report read from files with syntax errors: the
 * parser skipped what it could not read, so the figures below may lack
 * declarations, links or actuals. Undefined when every file was read.
 */
export function syntaxNotice(findings: readonly PlacedFinding[]): Block | undefined {
    const byFile = new Map<string, PlacedFinding[]>();
    for (const f of findings) if (leavesTextOut(f)) push(byFile, f.file, f);
    if (byFile.size === 0) return undefined;
    const files = [...byFile.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return {
        type: 'notice',
        text: [{ strong: `${plural(files.length, 'file')} ${files.length === 1 ? 'has' : 'have'} syntax errors` }, '; the figures below omit what could not be read. Fix them (', { code: 'align check' }, ' lists them) and make the report again.'],
        items: files.map(([file, list]) => [{ code: file }, `: ${plural(list.length, 'syntax error')}, the first at line ${list.reduce((first, f) => Math.min(first, f.line), Infinity)}.`])
    };
}

/**
 * The line at the top of a report whose settings file has problems. When it
 * gave no settings at all (not JSON, not an object, unreadable), the
 * defaults applied, so the findings below are not those the team set up;
 * otherwise (an unknown rule, a catalog or an `extends` not found...) what
 * could be read applied and only the invalid parts were ignored. Undefined
 * when the settings loaded.
 */
export function settingsNotice(findings: readonly PlacedFinding[]): Block | undefined {
    const problems = findings.filter(f => f.rule === 'config-invalid');
    const first = problems.find(f => defaultsApply(f.message)) ?? problems[0];
    if (!first) return undefined;
    const place: Inline = [{ code: `${first.file}:${first.line}:${first.column}` }, ' ', ...messageSpans(first.message.replace(/\.$/, '').replace(/; the defaults apply$/, ''))];
    if (defaultsApply(first.message)) {
        const more = problems.length > 1 ? ` (and ${plural(problems.length - 1, 'more problem')}, listed with the findings)` : '';
        return {
            type: 'notice',
            text: [{ strong: 'The settings did not load' }, ': ', ...place,
                `${more}. The default rules and severities apply, so the findings below are not those the settings ask for.`],
            items: []
        };
    }
    const others = problems.length - 1;
    const more = others > 0 ? ` (${others === 1 ? 'the other is' : 'the others are'} listed with the findings)` : '';
    return {
        type: 'notice',
        text: [{ strong: `The settings file has ${plural(problems.length, 'problem')}` }, ': ', ...place,
            `${more}. The parts of `, { code: first.file }, ' that could be read apply and the invalid ones were ignored, so the findings below may not be those the settings ask for.'],
        items: []
    };
}

function worst(findings: readonly PlacedFinding[]): FindingSeverity {
    return findings.reduce<FindingSeverity>((w, f) => SEVERITY_RANK[f.severity] < SEVERITY_RANK[w] ? f.severity : w, 'info');
}

/** How many of these findings have each severity. */
export function severityCounts(findings: readonly PlacedFinding[]): Record<FindingSeverity, number> {
    return {
        error: findings.filter(f => f.severity === 'error').length,
        warning: findings.filter(f => f.severity === 'warning').length,
        info: findings.filter(f => f.severity === 'info').length
    };
}

/** A behavior of the chain: who observes it on the job, and which toolkits give managers what to coach it with. */
export interface Reinforcement {
    behavior: GraphNode;
    observed?: string;
    toolkits: GraphNode[];
}

/** The behaviors of a program's chain with their reinforcement, in declaration order. */
export function reinforcements(program: GraphNode, ctx: Context): Reinforcement[] {
    const behaviors = nodesOf(ctx, program.programFigures?.chain ?? []).filter(n => n.kind === 'behavior').sort(byOrder(ctx));
    return behaviors.map(behavior => {
        const ast = ctx.index.astOf(behavior.id);
        const by = isBehavior(ast) ? attribute(ast, 'ObservedBy') : undefined;
        const observed = by ? [by.observer, by.cadence, by.instrument ? `with "${by.instrument}"` : undefined].filter(Boolean).join(' ') : undefined;
        return { behavior, observed, toolkits: nodesOf(ctx, ctx.index.adjacency.sources(behavior.id, 'reinforces')) };
    });
}

/** Manager reinforcement: a sentence, and a table of the chain's behaviors. */
export function reinforcementBlocks(program: GraphNode, ctx: Context, id?: string): Block[] {
    const list = reinforcements(program, ctx);
    const heading: Block = { type: 'heading', level: 3, text: ['Manager reinforcement'], id };
    if (list.length === 0) return [heading, { type: 'paragraph', text: ['The chain has no behavior to reinforce.'] }];
    const reinforced = list.filter(r => r.observed || r.toolkits.length > 0).length;
    const cell = (text: string | undefined): Inline => text ? [{ user: text }] : ['—'];
    return [heading,
        { type: 'paragraph', text: [{ strong: `${reinforced} of ${plural(list.length, 'behavior')} reinforced` }, ': observed on the job, or covered by a manager toolkit.'] },
        {
            type: 'table',
            columns: [{ label: 'Behavior', align: 'left' }, { label: 'Observed by', align: 'left' }, { label: 'Toolkit', align: 'left' }, { label: 'Reinforced', align: 'left' }],
            rows: list.map(r => [
                nameCell(r.behavior), cell(r.observed),
                r.toolkits.length === 0 ? ['—'] : joinSpans(r.toolkits.map(t => t.title ? [{ user: t.title }] : [{ code: t.name }])),
                [r.observed || r.toolkits.length > 0 ? { status: 'on', words: 'yes' } : { status: 'off', words: 'no' }]
            ])
        }];
}
