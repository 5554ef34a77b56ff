import type { Metric } from '../generated/ast.js';
import { amountValue, type ActualsEntry } from '../actuals/read-actuals.js';
import { deadlineOf, isoDay, parsePeriod } from '../dates.js';
import type { ActualPoint, MetricFigures } from './types.js';
import { attribute } from '../attributes.js';

/**
 * The figures of a metric: definition, actuals (sorted by date) and, where
 * baseline, target, deadline, direction and actuals are known, the
 * straight-line trajectory from the baseline at `startDay` (or the first
 * actual) to the target at the deadline, and whether the latest actual is on it.
 */
export function metricFigures(metric: Metric, entries: readonly ActualsEntry[], startDay: number | undefined): MetricFigures {
    const sorted = [...entries].sort((a, b) => a.period.day - b.period.day);
    const actuals: ActualPoint[] = sorted.map(e => ({ period: e.period.text, date: isoDay(e.period.day), value: e.value.value }));
    const kind = attribute(metric, 'Kind')?.value;
    const targetNode = attribute(metric, 'Target');
    const unit = attribute(metric, 'Unit');
    const value = attribute(metric, 'MoneyValue');
    const deadline = targetNode?.deadline ? parsePeriod(targetNode.deadline) : undefined;
    const due = deadline ? deadlineOf(deadline) : undefined;
    const figures: MetricFigures = {
        kind, isKpi: kind === 'leading' || kind === 'lagging',
        unit: unit?.kind ? unitText(unit) : undefined,
        direction: attribute(metric, 'MetricDirection')?.value,
        baseline: amountValue(attribute(metric, 'Baseline')?.amount),
        target: amountValue(targetNode?.amount),
        deadline: due?.deadline,
        deadlinePeriod: due?.deadlinePeriod,
        actuals,
        latest: actuals.at(-1),
        value: value && value.amount !== undefined
            ? { amount: value.amount, currency: value.currency, per: value.per === 'unit' ? 'unit' : 'point' }
            : undefined
    };
    const last = sorted.at(-1);
    const first = sorted[0];
    const { baseline, target, direction } = figures;
    if (last && baseline !== undefined) figures.change = { amount: difference(last.value.value, baseline), from: 'baseline', reference: baseline };
    else if (last && first && sorted.length > 1) figures.change = { amount: difference(last.value.value, first.value.value), from: 'first actual', reference: first.value.value, period: first.period.text };
    if (last && first && baseline !== undefined && target !== undefined && deadline) {
        const start = startDay ?? first.period.day;
        const span = deadline.day - start;
        const share = span <= 0 ? 1 : Math.min(1, Math.max(0, (last.period.day - start) / span));
        figures.trajectoryStart = isoDay(start);
        figures.expected = baseline + (target - baseline) * share;
        figures.progress = target === baseline ? undefined : (last.value.value - baseline) / (target - baseline);
        if (direction) figures.onTrack = !isWorse(last.value.value, figures.expected, direction);
    }
    return figures;
}

/** `a - b` without the binary fraction's noise (18 - 14.1 is 3.9, not 3.9000000000000004). */
function difference(a: number, b: number): number {
    return Number((a - b).toPrecision(12));
}

/** True when `value` is worse than `reference` for the direction (equal is not worse). */
export function isWorse(value: number, reference: number, direction: 'up' | 'down'): boolean {
    const epsilon = 1e-9 * Math.max(1, Math.abs(reference));
    return direction === 'up' ? value < reference - epsilon : value > reference + epsilon;
}

/** A metric's unit as written: `count`, `currency USD`. */
export function unitText(unit: { kind?: string; currency?: string }): string {
    return unit.currency ? `currency ${unit.currency}` : unit.kind ?? '';
}
