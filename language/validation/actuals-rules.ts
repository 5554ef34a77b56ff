import type { Actuals } from '../generated/ast.js';
import { formatAmount } from '../present/index.js';
import type { RuleContext } from './rule-context.js';

/** `actuals-invalid`: malformed rows or CSV cells, periods not increasing, missing file, metric without baseline. */
export function checkActualsValid(actuals: Actuals, { graph, report }: RuleContext): void {
    const read = graph.actualsRead.get(actuals);
    const name = actuals.metric?.$refText ?? '';
    for (const problem of read?.problems ?? []) {
        report('actuals-invalid', `Actuals of '${name}': ${problem.message}.`,
            problem.row ? { node: problem.row } : whereFileOrFirstRow(actuals));
    }
    const metric = graph.nodeOf(actuals.metric?.ref)?.metric;
    if (metric && metric.baseline === undefined) {
        report('actuals-invalid', `Actuals of '${name}' have nothing to compare with: metric '${name}' has no baseline. Add \`baseline\` to the metric.`,
            whereFileOrFirstRow(actuals));
    }
}

/** `actuals-off-track`: on the block that holds the metric's latest row. */
export function checkActualsOnTrack(actuals: Actuals, { graph, report }: RuleContext): void {
    const node = graph.nodeOf(actuals.metric?.ref);
    const latest = node ? graph.latestActual.get(node.id) : undefined;
    const figures = node?.metric;
    if (!node || !figures || latest?.actuals !== actuals || figures.onTrack !== false) return;
    const amount = (value: number | undefined): string => formatAmount(value ?? 0, figures.unit);
    report('actuals-off-track', `'${node.name}' is off track: ${latest.entry.period.text} is ${amount(latest.entry.value.value)}, the trajectory from ${amount(figures.baseline)} to ${amount(figures.target)} by ${figures.deadline} expects ${figures.direction === 'up' ? 'at least' : 'at most'} ${amount(figures.expected)}. Review the program with its sponsor.`,
        latest.entry.row ? { node: latest.entry.row } : { node: actuals, property: 'file' });
}

function whereFileOrFirstRow(actuals: Actuals) {
    const first = actuals.rows[0];
    if (actuals.file !== undefined) return { node: actuals, property: 'file' as const };
    return first ? { node: first } : { node: actuals, property: 'metric' as const };
}
