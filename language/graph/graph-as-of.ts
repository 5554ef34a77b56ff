/**
 * The impact graph as it stood on a past day: actuals dated after it (a
 * period is dated on its last day) are left out, so that a back-dated
 * report shows the figures it would have shown then.
 */
import type { ActualsRead } from '../actuals/read-actuals.js';
import type { ImpactGraph } from './types.js';

/** What reading an actuals block gave, without its entries dated after `day` (a day number); its problems are kept. */
export function actualsUpTo(read: ActualsRead, day: number): ActualsRead {
    const entries = read.entries.filter(e => e.period.day <= day);
    return entries.length === read.entries.length ? read : { entries, problems: read.problems };
}

/** How many actuals of the graph's metrics are dated after `date` (`YYYY-MM-DD`), each period of a metric once. */
export function actualsAfter(graph: ImpactGraph, date: string): number {
    let count = 0;
    for (const node of graph.nodes) count += node.metric?.actuals.filter(a => a.date > date).length ?? 0;
    return count;
}
