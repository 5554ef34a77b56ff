import type { Program } from '../generated/ast.js';
import { attribute } from '../attributes.js';
import { addDuration, parsePeriod } from '../dates.js';

/** Whether a duration's amount is a whole number greater than 0 (anything else is a `syntax` error). */
export function isValidDurationAmount(amount: number | undefined): amount is number {
    return amount !== undefined && Number.isInteger(amount) && amount > 0;
}

/** Whether the program writes a `pilot ... from` or a `window` (valid or not). */
export function writesWindow(program: Program): boolean {
    return attribute(program, 'Pilot') !== undefined || attribute(program, 'Window') !== undefined;
}

/**
 * A program's window as day numbers: `pilot N from D` or `window A to B`,
 * both ends included. A window the `syntax` rule rejects (a date that is
 * not a real date, a duration that is not a whole number greater than 0
 * or that ends after 9999-12-31, `window A to B` with B before A, a
 * program that gives both `pilot` and `window`) is no window: the other
 * rules and the report treat the program as one without a window until it
 * is corrected.
 */
export function programWindow(program: Program): { start: number; end: number } | undefined {
    const pilot = attribute(program, 'Pilot');
    const window = attribute(program, 'Window');
    if (pilot && window) return undefined;
    if (pilot?.start && pilot.duration) {
        const start = parsePeriod(pilot.start)?.day;
        const { amount, unit } = pilot.duration;
        const end = start !== undefined && isValidDurationAmount(amount) && unit ? addDuration(start, amount, unit) : undefined;
        return start !== undefined && end !== undefined ? { start, end } : undefined;
    }
    if (window?.start && window.end) {
        const start = parsePeriod(window.start)?.day;
        const end = parsePeriod(window.end)?.day;
        return start !== undefined && end !== undefined && start <= end ? { start, end } : undefined;
    }
    return undefined;
}
