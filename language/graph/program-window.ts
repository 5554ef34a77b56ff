import type { Program } from '../generated/ast.js';
import { attribute } from '../attributes.js';
import { addDuration, parsePeriod } from '../dates.js';

/** A program's window as day numbers: `pilot N from D` or `window A to B`, both ends included. */
export function programWindow(program: Program): { start: number; end: number } | undefined {
    const pilot = attribute(program, 'Pilot');
    const window = attribute(program, 'Window');
    if (pilot?.start && pilot.duration) {
        const start = parsePeriod(pilot.start)?.day;
        const { amount, unit } = pilot.duration;
        if (start === undefined || amount === undefined || !unit) return undefined;
        return { start, end: addDuration(start, amount, unit) };
    }
    if (window?.start && window.end) {
        const start = parsePeriod(window.start)?.day;
        const end = parsePeriod(window.end)?.day;
        return start !== undefined && end !== undefined ? { start, end } : undefined;
    }
    return undefined;
}
