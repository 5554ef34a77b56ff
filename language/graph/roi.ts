import type { Isolate, Metric, Program } from '../generated/ast.js';
import { attributeKpi } from './attribution.js';
import type { MetricNode, RoiFigures } from './types.js';
import { attribute } from '../attributes.js';
import { writesWindow } from './program-window.js';

/** Finds the graph node of a referenced metric. */
export type MetricNodeOf = (metric: Metric | undefined) => MetricNode | undefined;

/**
 * Phillips ROI of a program: benefit = sum over the chain's KPIs that have a
 * `value` of the improvement x value, where the improvement is the one the
 * program's `isolate` attributes to it (the raw change without one; only
 * improvements count); ROI % = (benefit - cost) / cost x 100; BCR = benefit / cost.
 * The raw figures count every change whole. Shown only when every term is
 * known: `missing` says which are not.
 */
export function programRoi(program: Program, chainKpis: readonly MetricNode[], nodeOf: MetricNodeOf, startDay: number | undefined): RoiFigures {
    const missing: string[] = [];
    const { amount: cost, currency: costCurrency } = attribute(program, 'Cost') ?? {};
    if (cost === undefined) missing.push('the program\'s `cost`');
    else if (cost <= 0) missing.push('a positive `cost`');
    const valued = chainKpis.filter(k => k.metric?.value);
    if (valued.length === 0) missing.push('a `value ... per point` on a KPI of the chain');
    // A value of 0 or less is a `syntax` error (as a cost is): its KPI's change is no benefit to count.
    for (const kpi of valued) if (kpi.metric!.value!.amount <= 0) missing.push(`a positive \`value\` of ${kpi.name}`);
    const isolates = isolatesByMetric(program, nodeOf);
    const windowWritten = writesWindow(program);
    const attribution = valued.map(kpi => {
        const isolate = isolates.get(kpi.id);
        const control = isolate?.method?.$type === 'ControlGroup' ? nodeOf(isolate.method.control?.ref) : undefined;
        return attributeKpi({ kpi, isolate, control, startDay, windowWritten, inChain: true });
    });
    // Nothing is converted: every value in the cost's currency, or (a cost written without one) in one currency.
    const first = valued.find(k => k.metric!.value!.currency);
    // A cost written without a currency is read in the values' (as a value without one is read in the cost's).
    const currency = costCurrency ?? first?.metric!.value!.currency;
    for (const kpi of valued) {
        const value = kpi.metric!.value!;
        if (!value.currency) continue;
        if (costCurrency && value.currency !== costCurrency) missing.push(`${kpi.name}'s value in ${costCurrency}, the cost's currency (it is in ${value.currency})`);
        else if (!costCurrency && value.currency !== currency) {
            missing.push(`${kpi.name}'s value in ${currency}, as ${first!.name}'s (it is in ${value.currency}), or a currency on \`cost\``);
        }
    }
    missing.push(...attribution.flatMap(a => a.missing));
    const rawBenefit = sum(attribution.map(a => a.rawBenefit));
    const benefit = sum(attribution.map(a => a.benefit));
    if (missing.length > 0 || cost === undefined || benefit === undefined || rawBenefit === undefined) return { cost, currency, attribution, missing };
    return {
        cost, currency, attribution, missing,
        benefit, roiPercent: (benefit - cost) / cost * 100, bcr: benefit / cost,
        rawBenefit, rawRoiPercent: (rawBenefit - cost) / cost * 100, rawBcr: rawBenefit / cost
    };
}

/** The first `isolate` of each KPI in the program (a second one is a syntax error). */
export function isolatesByMetric(program: Program, nodeOf: MetricNodeOf): Map<string, Isolate> {
    const byMetric = new Map<string, Isolate>();
    for (const isolate of program.isolations) {
        const id = nodeOf(isolate.metric?.ref)?.id;
        if (id !== undefined && !byMetric.has(id)) byMetric.set(id, isolate);
    }
    return byMetric;
}

function sum(values: ReadonlyArray<number | undefined>): number | undefined {
    return values.some(v => v === undefined) ? undefined : values.reduce<number>((s, v) => s + v!, 0);
}
