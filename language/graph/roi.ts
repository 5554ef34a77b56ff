import type { Program } from '../generated/ast.js';
import type { GraphNode, RoiFigures } from './types.js';

/**
 * Phillips ROI of a program: benefit = sum over the chain's KPIs that have a
 * `value` of the improvement |latest - baseline| x value (only improvements
 * count); ROI % = (benefit - cost) / cost x 100; BCR = benefit / cost.
 * Shown only when every term is known: `missing` says which are not.
 */
export function programRoi(program: Program, chainKpis: ReadonlyArray<Pick<GraphNode, 'name' | 'metric'>>): RoiFigures {
    const missing: string[] = [];
    const cost = program.cost?.amount;
    const currency = program.cost?.currency;
    if (cost === undefined) missing.push('the program\'s `cost`');
    else if (cost <= 0) missing.push('a positive `cost`');
    const valued = chainKpis.filter(k => k.metric?.value);
    if (valued.length === 0) missing.push('a `value ... per point` on a KPI of the chain');
    let benefit = 0;
    for (const kpi of valued) {
        const m = kpi.metric!;
        if (currency && m.value!.currency && m.value!.currency !== currency) missing.push(`${kpi.name}: value in ${m.value!.currency}, cost in ${currency}`);
        if (m.baseline === undefined) missing.push(`${kpi.name}: baseline`);
        if (!m.latest) missing.push(`${kpi.name}: an actual`);
        if (!m.direction) missing.push(`${kpi.name}: direction`);
        if (m.baseline === undefined || !m.latest || !m.direction) continue;
        const change = m.latest.value - m.baseline;
        const improvement = Math.max(0, m.direction === 'up' ? change : -change);
        benefit += improvement * m.value!.amount;
    }
    if (missing.length > 0 || cost === undefined) return { cost, currency, missing };
    return { cost, currency, benefit, roiPercent: (benefit - cost) / cost * 100, bcr: benefit / cost, missing };
}
