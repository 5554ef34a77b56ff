import type { Metric, Outcome } from '../generated/ast.js';
import { attribute } from '../attributes.js';
import { nameInProgram } from './name-in-program.js';
import type { RuleContext } from './rule-context.js';
import { firstOfEachTarget } from './repeated-references.js';

/**
 * `outcome-not-measurable`: no resolved `measured by` (rules see resolved
 * references only: `measured by Typo` is `unresolved-reference` and leaves
 * the outcome unmeasured), or a measuring KPI without baseline, target or
 * deadline. A deadline that is written but no real date is a `syntax` error
 * only: while it stands, the rule says nothing about the deadline.
 */
export function checkOutcomeMeasurable(outcome: Outcome, { graph, report }: RuleContext): void {
    // A KPI named twice (`measured by M, M`: a `syntax` error) has its gaps said once.
    const measuring = firstOfEachTarget(outcome.measuredBy, graph).flatMap(({ ref, target }) => ref.ref ? [{ node: target, metric: ref.ref }] : []);
    if (measuring.length === 0) {
        const what = outcome.measuredBy.length === 0
            ? 'add `measured by` naming the KPIs that measure it'
            : 'no metric its `measured by` names resolves. Fix the names, or declare the KPIs that measure it';
        report('outcome-not-measurable', `Outcome '${outcome.name}' is not measurable: ${what}.`, { node: outcome, property: 'name' });
        return;
    }
    const gaps: string[] = [];
    const program = graph.nodeOf(outcome)?.program;
    for (const { node, metric } of measuring) {
        const figures = node.metric;
        if (!figures?.isKpi) continue;
        const missing = [figures.baseline === undefined && 'baseline', figures.target === undefined && 'target', figures.deadline === undefined && !writesDeadline(metric) && 'deadline (`target ... by`)']
            .filter((m): m is string => typeof m === 'string');
        if (missing.length > 0) gaps.push(`'${nameInProgram(graph, node.id, program)}' has no ${missing.join(', ')}`);
    }
    if (gaps.length > 0) {
        report('outcome-not-measurable', `Outcome '${outcome.name}' is not measurable: ${gaps.join('; ')}. Give each measuring KPI a baseline and a \`target ... by\` deadline.`,
            { node: outcome, property: 'name' });
    }
}

/**
 * True when the metric's target gives a deadline, real or not: a deadline
 * that is no real date is a `syntax` error, and the rule does not also call it missing.
 */
function writesDeadline(metric: Metric): boolean {
    return attribute(metric, 'Target')?.deadline !== undefined;
}

/** `outcome-measured-by-activity`. */
export function checkOutcomeMeasuredByKpis(outcome: Outcome, { graph, report }: RuleContext): void {
    for (const { ref, index, target } of firstOfEachTarget(outcome.measuredBy, graph)) {
        const figures = target.metric;
        if (figures?.kind === 'activity' || figures?.kind === 'learning') {
            report('outcome-measured-by-activity', `Outcome '${outcome.name}' is measured by '${ref.$refText}', a${figures.kind === 'activity' ? 'n activity' : ' learning'} metric. Measure outcomes by leading or lagging KPIs.`,
                { node: outcome, property: 'measuredBy', index });
        }
    }
}
