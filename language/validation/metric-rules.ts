import type { Metric, MoneyValue } from '../generated/ast.js';
import { isMetric } from '../generated/ast.js';
import { programWindow } from '../graph/build-graph.js';
import { edgeKey } from '../graph/drives-cycles.js';
import { isWorse, unitText } from '../graph/metric-figures.js';
import { deadlineOf, isoDay, parsePeriod } from '../dates.js';
import { codeSpan, deadlineText, decimalsApart, formatAmount, windowText } from '../present/index.js';
import type { LocalRuleContext, RuleContext } from './rule-context.js';
import { nameInProgram } from './name-in-program.js';
import { firstOfEachTarget } from './repeated-references.js';
import { attribute } from '../attributes.js';

/** `target-against-direction`. */
export function checkTargetDirection(metric: Metric, { graph, report }: RuleContext): void {
    const figures = graph.nodeOf(metric)?.metric;
    const target = attribute(metric, 'Target');
    if (!figures || !target || figures.baseline === undefined || figures.target === undefined || !figures.direction) return;
    if (isWorse(figures.target, figures.baseline, figures.direction)) {
        const better = figures.direction === 'down' ? 'below' : 'above';
        const apart = decimalsApart(figures.target, figures.baseline);
        report('target-against-direction', `Metric '${metric.name}' has target ${formatAmount(figures.target, figures.unit, apart)} worse than its baseline ${formatAmount(figures.baseline, figures.unit, apart)} for \`direction ${figures.direction}\`. Set a target ${better} the baseline, or fix the direction.`,
            { node: target });
    }
}

/** `metric-without-source` and `metric-without-owner`, for KPIs. */
export function checkKpiDataDefinition(metric: Metric, { graph, report }: RuleContext): void {
    if (!graph.nodeOf(metric)?.metric?.isKpi) return;
    if (!attribute(metric, 'Source')) {
        report('metric-without-source', `KPI '${metric.name}' has no source. Add \`source "System: report"\` so that everyone reads it from the same data.`,
            { node: metric, property: 'name' });
    }
    const owner = attribute(metric, 'Owner');
    const cadence = attribute(metric, 'MetricCadence');
    if (!owner || !cadence) {
        // The advice names only what is missing: a KPI with an owner is told to add a cadence, not an owner.
        const missing = [!owner && '`owner`', !cadence && '`cadence`'].filter(Boolean).join(' and no ');
        const advice = [!owner && 'who owns the data (`owner "Team"`)', !cadence && 'how often it is measured (`cadence monthly`)'].filter(Boolean).join(' and ');
        report('metric-without-owner', `KPI '${metric.name}' has no ${missing}. Add ${advice}.`,
            { node: metric, property: 'name' });
    }
}

/**
 * `syntax`: a percentage (`12%`, "unit percent implied") as the baseline or
 * target of a metric whose `unit` is another; marks the amount.
 */
export function checkPercentAmounts(metric: Metric, { report }: LocalRuleContext): void {
    const unit = attribute(metric, 'Unit');
    if (!unit?.kind || unit.kind === 'percent') return;
    for (const written of [attribute(metric, 'Baseline'), attribute(metric, 'Target')]) {
        const percent = written?.amount?.percent;
        if (!written || percent === undefined) continue;
        const word = written.$type === 'Baseline' ? 'baseline' : 'target';
        report('syntax', `Metric '${metric.name}' has unit ${unitText(unit)}, but its ${word} ${percent}% is a percentage. `
            + `Write the ${word} in ${unitText(unit)} (${codeSpan(`${word} ${percent}`)}), or set \`unit percent\`.`, { node: written, property: 'amount' });
    }
}

/**
 * `syntax`: a `value` of 0 or less (marking the amount). ROI multiplies each
 * point of improvement by it: a point that is worth nothing, or less than
 * nothing, is no benefit to count; the report then shows no ROI, and this
 * says where to fix it (as a `cost` of 0 or less).
 */
export function checkValueAmount(value: MoneyValue, { report }: LocalRuleContext): void {
    if (value.amount === undefined || value.amount > 0) return;
    const metric = isMetric(value.$container) ? `Metric '${value.$container.name}'` : 'The metric';
    const per = value.per ?? 'point';
    const written = `${String(value.amount)}${value.currency ? ` ${value.currency}` : ''} per ${per}`;
    report('syntax', `${metric} has value ${written}: a value must be greater than 0 (the money one ${per} of improvement is worth, which ROI counts as benefit). `
        + `Write what a ${per} is worth (\`value 18000 USD per ${per}\`), or remove \`value\`.`, { node: value, property: 'amount' });
}

/** `leading-drives-nothing`. */
export function checkLeadingDrives(metric: Metric, { graph, report }: RuleContext): void {
    const node = graph.nodeOf(metric);
    if (node?.metric?.kind !== 'leading') return;
    if (graph.adjacency.targets(node.id, 'drives').length === 0 && graph.adjacency.targets(node.id, 'measures').length === 0) {
        report('leading-drives-nothing', `Leading metric '${metric.name}' drives no metric and measures no outcome. Add \`drives LaggingKpi\`, or use it in an outcome's \`measured by\`.`,
            { node: metric, property: 'name' });
    }
}

/** `metric-unused`: nothing but actuals (and the metric's own `drives`, even of itself) refers to the metric. */
export function checkMetricUsed(metric: Metric, { graph, report }: RuleContext): void {
    const node = graph.nodeOf(metric);
    if (!node) return;
    const used = graph.adjacency.incoming(node.id).some(e => e.kind === 'moves' || e.kind === 'kpi' || (e.kind === 'drives' && e.from !== node.id))
        || graph.adjacency.targets(node.id, 'measures').length > 0
        || graph.isControlGroup(node.id);
    if (!used) {
        report('metric-unused', `Metric '${metric.name}' is not used: no outcome, behavior, objective or other metric refers to it. Reference it, or remove it.`,
            { node: metric, property: 'name' });
    }
}

/** `deadline-outside-window`: a program's metric due outside the program's window. */
export function checkDeadlineInWindow(metric: Metric, { report }: LocalRuleContext): void {
    const program = metric.$container.$type === 'Program' ? metric.$container : undefined;
    const target = attribute(metric, 'Target');
    const deadline = target?.deadline ? parsePeriod(target.deadline) : undefined;
    const window = program ? programWindow(program) : undefined;
    if (!program || !deadline || !window || !target) return;
    if (deadline.day < window.start || deadline.day > window.end) {
        const due = deadlineText(deadlineOf(deadline), 'long');
        // A program's window is its pilot or its window (never both: that is a `syntax` error, and no window); the message says which.
        const pilot = attribute(program, 'Pilot');
        const message = pilot?.duration
            ? `outside the pilot of program '${program.name}' (${pilot.duration.amount} ${pilot.duration.unit} from ${pilot.start}, ending ${isoDay(window.end)}). Move the deadline inside the pilot, or lengthen the pilot.`
            : `outside the window of program '${program.name}' (${windowText({ start: isoDay(window.start), end: isoDay(window.end) })}). Move the deadline inside the window, or widen the window.`;
        report('deadline-outside-window', `Metric '${metric.name}' is due ${due}, ${message}`, { node: target, property: 'deadline' });
    }
}

/** `drives-cycle`: marks each `drives` reference on a cycle. */
export function checkDrivesCycle(metric: Metric, { graph, report }: RuleContext): void {
    const node = graph.nodeOf(metric);
    if (!node) return;
    for (const { ref, index, target } of firstOfEachTarget(metric.drives, graph)) {
        if (graph.drivesCycles.has(edgeKey(node.id, target.id))) {
            // The target as this metric's text names it: `drives P.M` is 'P.M', not a global 'M'.
            const named = nameInProgram(graph, target.id, node.program);
            const message = target === node
                ? `'${metric.name}' drives itself: \`drives\` must not form a cycle. Remove ${codeSpan(`drives ${ref.$refText}`)}.`
                : `'${metric.name}' drives '${named}', which leads back to '${metric.name}': \`drives\` must not form a cycle. Remove one \`drives\` on the cycle.`;
            report('drives-cycle', message, { node: metric, property: 'drives', index });
        }
    }
}
