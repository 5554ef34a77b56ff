import type { Program } from '../generated/ast.js';
import { addDuration, parsePeriod } from '../dates.js';

/** A program's window as day numbers: `pilot N from D` or `window A to B`, both ends included. */
export function programWindow(program: Program): { start: number; end: number } | undefined {
    if (program.pilot?.start && program.pilot.duration) {
        const start = parsePeriod(program.pilot.start)?.day;
        const { amount, unit } = program.pilot.duration;
        if (start === undefined || amount === undefined || !unit) return undefined;
        return { start, end: addDuration(start, amount, unit) };
    }
    if (program.window?.start && program.window.end) {
        const start = parsePeriod(program.window.start)?.day;
        const end = parsePeriod(program.window.end)?.day;
        return start !== undefined && end !== undefined ? { start, end } : undefined;
    }
    return undefined;
}
