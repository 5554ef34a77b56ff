import type { Isolate } from '../generated/ast.js';
import { isControlGroup, isEstimateIsolation, isTrendIsolation } from '../generated/ast.js';
import { isoDay, parsePeriod } from '../dates.js';
import type { AttributionMethod, MetricNode, KpiAttribution, MetricFigures } from './types.js';

/** What attributing one KPI's change needs: the KPI, its `isolate` in the program, and the program's start. */
export interface AttributionInput {
    readonly kpi: MetricNode;
    readonly isolate?: Isolate;
    /** The node of a `control-group` metric. */
    readonly control?: MetricNode;
    /** Day number of the program's start (`pilot ... from D`, `window A to ...`). */
    readonly startDay?: number;
    /** True when the program writes a `pilot` or `window` (then a missing start is one the `syntax` rule rejects). */
    readonly windowWritten?: boolean;
    /** False when the KPI is not in the program's chain. */
    readonly inChain?: boolean;
}

/** Fewest actuals dated before the program's start that a trend line needs. */
export const MIN_TREND_ACTUALS = 3;

/** The method of an `isolate` statement, `none` without one. */
export function methodOf(isolate: Isolate | undefined): AttributionMethod {
    const method = isolate?.method;
    if (isControlGroup(method)) return 'control-group';
    if (isTrendIsolation(method)) return 'trend';
    if (isEstimateIsolation(method)) return 'estimate';
    return 'none';
}

/**
 * Why an `isolate` statement cannot attribute its KPI's change (rule
 * `isolation-invalid`): each problem is a sentence naming what to fix.
 */
export function isolationProblems(input: AttributionInput): string[] {
    const { kpi } = input;
    const problems: string[] = [];
    if (input.inChain === false) problems.push(`'${kpi.name}' is not in the program's chain`);
    if (kpi.metric && !kpi.metric.isKpi) problems.push(`'${kpi.name}' is not a KPI (kind leading or lagging)`);
    if (kpi.metric && !kpi.metric.value) problems.push(`'${kpi.name}' has no \`value ... per point\`, so no benefit to attribute`);
    return [...problems, ...methodProblems(input)];
}

/** Why the method of an `isolate` cannot tell the program's part of the change. */
function methodProblems(input: AttributionInput): string[] {
    const { kpi, isolate, control, startDay } = input;
    const m = kpi.metric;
    const problems: string[] = [];
    const method = isolate?.method;
    if (isEstimateIsolation(method)) {
        for (const [word, p] of [['estimate', method.share], ['confidence', method.confidence]] as const) {
            if (p !== undefined && (p < 0 || p > 100)) problems.push(`the ${word} ${p}% is outside 0-100%`);
        }
    } else if (isTrendIsolation(method)) {
        if (startDay === undefined) {
            problems.push(input.windowWritten
                ? 'the program\'s `pilot` or `window` is not valid (see its `syntax` error), so there is no start to split the actuals at'
                : 'the program has no start (`pilot ... from` or `window`) to split the actuals at');
        }
        else {
            const before = actualsBefore(m, startDay).length;
            if (before < MIN_TREND_ACTUALS) problems.push(`a trend needs at least ${MIN_TREND_ACTUALS} actuals of '${kpi.name}' dated before the program's start, it has ${before}`);
        }
    } else if (isControlGroup(method) && control) {
        problems.push(...controlProblems(kpi, control));
    }
    return problems;
}

function controlProblems(kpi: MetricNode, control: MetricNode): string[] {
    const [m, c] = [kpi.metric, control.metric];
    if (control.id === kpi.id) return [`the control group is '${kpi.name}' itself`];
    const problems: string[] = [];
    if (m && c && m.unit !== c.unit) problems.push(`control group '${control.name}' has unit ${c.unit ?? 'none'}, '${kpi.name}' has ${m.unit ?? 'none'}`);
    if (m && c && m.direction !== c.direction) problems.push(`control group '${control.name}' has direction ${c.direction ?? 'none'}, '${kpi.name}' has ${m.direction ?? 'none'}`);
    if (!c || c.actuals.length === 0) problems.push(`control group '${control.name}' has no actuals`);
    return problems;
}

/** The raw and attributed improvement and benefit of one KPI (see language.md, ROI). */
export function attributeKpi(input: AttributionInput): KpiAttribution {
    const { kpi, isolate } = input;
    const m = kpi.metric!;
    const currency = m.value?.currency;
    const result: KpiAttribution = { metric: kpi.id, method: methodOf(isolate), value: m.value?.amount, ...currency ? { currency } : {}, missing: [] };
    if (input.control) result.control = input.control.id;
    // As written, whether or not the change can be attributed: hover, lens and report show them.
    if (isEstimateIsolation(isolate?.method)) {
        result.share = isolate.method.share;
        result.confidence = isolate.method.confidence;
    }
    // Each term names its KPI so that a list of them reads as one sentence: `the program's cost and an actual of ChurnRate`.
    const missing = (term: string): void => { result.missing.push(term); };
    // No actual dated from the program's start on: no change measured while it ran, so none is assumed (Phillips).
    const sinceStart = m.latest && (input.startDay === undefined || dayOf(m.latest.date) >= input.startDay);
    if (m.baseline === undefined) missing(`${kpi.name}'s baseline`);
    if (!m.latest) missing(`an actual of ${kpi.name}`);
    else if (!sinceStart) missing(`an actual of ${kpi.name} dated on or after the program's start, ${isoDay(input.startDay!)} (the latest is ${m.latest.period})`);
    if (!m.direction) missing(`${kpi.name}'s direction`);
    if (m.baseline === undefined || !m.latest || !sinceStart) return result;
    result.rawChange = m.latest.value - m.baseline;
    // A control group that cannot serve (isolation-invalid) is named by its problems instead.
    const lateControl = methodProblems(input).length === 0 ? controlBeforeStart(input) : undefined;
    const attributed = lateControl ? undefined : attributedChange(input, result);
    if (attributed !== undefined) result.attributedChange = attributed;
    else if (lateControl) missing(lateControl);
    else if (result.method !== 'none') missing(`a valid \`isolate ... by ${result.method}\` for ${kpi.name} (${methodProblems(input).join('; ') || 'see isolation-invalid'})`);
    if (!m.direction) return result;
    const better = (change: number): number => Math.max(0, m.direction === 'down' ? -change : change);
    result.rawImprovement = better(result.rawChange);
    if (result.attributedChange !== undefined) result.improvement = better(result.attributedChange);
    if (result.value !== undefined) {
        result.rawBenefit = result.rawImprovement * result.value;
        if (result.improvement !== undefined) result.benefit = result.improvement * result.value;
    }
    return result;
}

/**
 * The missing term of a control group whose latest actual is dated before
 * the program's start: its change says nothing of the program's period, so
 * none is subtracted, and no attributed change is known (as for the KPI's
 * own latest actual, Phillips: no data, no improvement assumed).
 */
function controlBeforeStart({ kpi, isolate, control, startDay }: AttributionInput): string | undefined {
    const latest = control?.metric?.latest;
    if (!isControlGroup(isolate?.method) || !latest || startDay === undefined || dayOf(latest.date) >= startDay) return undefined;
    return `an actual of ${kpi.name}'s control group ${control!.name} dated on or after the program's start, ${isoDay(startDay)} (the latest is ${latest.period})`;
}

/** The signed change the method gives the program; undefined when the method cannot tell. */
function attributedChange(input: AttributionInput, result: KpiAttribution): number | undefined {
    const rawChange = result.rawChange!;
    const method = input.isolate?.method;
    if (methodProblems(input).length > 0) return undefined;
    if (isEstimateIsolation(method)) {
        if (method.share === undefined || method.confidence === undefined) return undefined;
        return rawChange * (method.share / 100) * (method.confidence / 100);
    }
    if (isControlGroup(method)) {
        const c = input.control?.metric;
        const reference = c?.baseline ?? c?.actuals[0]?.value;
        if (!c?.latest || reference === undefined) return undefined;
        result.controlChange = c.latest.value - reference;
        return rawChange - result.controlChange;
    }
    if (isTrendIsolation(method)) {
        const m = input.kpi.metric!;
        const line = leastSquares(actualsBefore(m, input.startDay!));
        if (!line || !m.latest) return undefined;
        result.projected = line.intercept + line.slope * dayOf(m.latest.date);
        return m.latest.value - result.projected;
    }
    return rawChange;
}

/** The actuals dated (on a period's last day) strictly before `startDay`, as (day, value). */
export function actualsBefore(figures: MetricFigures | undefined, startDay: number): Array<{ day: number; value: number }> {
    return (figures?.actuals ?? []).map(a => ({ day: dayOf(a.date), value: a.value })).filter(a => a.day < startDay);
}

/** The least-squares line value = intercept + slope x day; undefined for fewer than 2 distinct days. */
export function leastSquares(points: ReadonlyArray<{ day: number; value: number }>): { intercept: number; slope: number } | undefined {
    const n = points.length;
    if (n < 2) return undefined;
    const meanX = points.reduce((s, p) => s + p.day, 0) / n;
    const meanY = points.reduce((s, p) => s + p.value, 0) / n;
    const sxx = points.reduce((s, p) => s + (p.day - meanX) ** 2, 0);
    if (sxx === 0) return undefined;
    const slope = points.reduce((s, p) => s + (p.day - meanX) * (p.value - meanY), 0) / sxx;
    return { intercept: meanY - slope * meanX, slope };
}

function dayOf(iso: string): number {
    return parsePeriod(iso)!.day;
}
