/**
 * The impact graph as it stood on a past day: actuals dated after it (a
 * period is dated on its last day) are left out, so that a back-dated
 * report shows the figures it would have shown then.
 */
import type { ActualsRead } from '../actuals/read-actuals.js';

/** What reading an actuals block gave, without its entries dated after `day` (a day number); its problems are kept. */
export function actualsUpTo(read: ActualsRead, day: number): ActualsRead {
    const entries = read.entries.filter(e => e.period.day <= day);
    return entries.length === read.entries.length ? read : { ...read, entries };
}
