import { parsePeriod, type ParsedPeriod } from '../dates.js';

/** A measured value of a metric: `percent` when written as `12%`. */
export interface ActualValue {
    readonly value: number;
    readonly percent: boolean;
}

/** Parses a CSV cell such as `12`, `-3.5` or `12.1%`; undefined when malformed. */
export function parseValueCell(text: string): ActualValue | undefined {
    const m = /^(-?\d+(?:\.\d+)?)(%?)$/.exec(text.trim());
    return m ? { value: Number(m[1]), percent: m[2] === '%' } : undefined;
}

/** Parses a period cell; undefined when malformed or not a real date. */
export function parsePeriodCell(text: string): ParsedPeriod | undefined {
    return parsePeriod(text.trim());
}
