import type { Outcome } from '../generated/ast.js';
import type { RuleContext } from './rule-context.js';

/**
 * `outcome-not-measurable`: no resolved `measured by` (rules see resolved
 * references only: `measured by Typo` is `unresolved-reference` and leaves
 * the outcome unmeasured), or a measuring KPI without baseline, target or deadline.
 */
export function checkOutcomeMeasurable(outcome: Outcome, { graph, report }: RuleContext): void {
    const measuring = outcome.measuredBy.map(ref => graph.nodeOf(ref.ref)).filter(n => n !== undefined);
    if (measuring.length === 0) {
        const what = outcome.measuredBy.length === 0
            ? 'add `measured by` naming the KPIs that measure it'
            : 'no metric its `measured by` names resolves. Fix the names, or declare the KPIs that measure it';
        report('outcome-not-measurable', `Outcome '${outcome.name}' is not measurable: ${what}.`, { node: outcome, property: 'name' });
        return;
    }
    const gaps: string[] = [];
    for (const metric of measuring) {
        const figures = metric.metric;
        if (!figures?.isKpi) continue;
        const missing = [figures.baseline === undefined && 'baseline', figures.target === undefined && 'target', figures.deadline === undefined && 'deadline (`target ... by`)']
            .filter((m): m is string => typeof m === 'string');
        if (missing.length > 0) gaps.push(`'${metric.name}' has no ${missing.join(', ')}`);
    }
    if (gaps.length > 0) {
        report('outcome-not-measurable', `Outcome '${outcome.name}' is not measurable: ${gaps.join('; ')}. Give each measuring KPI a baseline and a \`target ... by\` deadline.`,
            { node: outcome, property: 'name' });
    }
}

/** `outcome-measured-by-activity`. */
export function checkOutcomeMeasuredByKpis(outcome: Outcome, { graph, report }: RuleContext): void {
    outcome.measuredBy.forEach((ref, index) => {
        const figures = graph.nodeOf(ref.ref)?.metric;
        if (figures?.kind === 'activity' || figures?.kind === 'learning') {
            report('outcome-measured-by-activity', `Outcome '${outcome.name}' is measured by '${ref.$refText}', a${figures.kind === 'activity' ? 'n activity' : ' learning'} metric. Measure outcomes by leading or lagging KPIs.`,
                { node: outcome, property: 'measuredBy', index });
        }
    });
}
