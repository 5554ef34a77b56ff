/**
 * Axes of the charts: a linear value scale with round ticks, and a time
 * scale over day numbers (days since 1970-01-01, UTC) with ticks on the
 * first day of weeks, months, quarters or years, whichever fits the width.
 */
import { calendarOf } from './chart-text.js';

/** A linear map from a domain to a pixel range. */
export interface Scale {
    readonly domain: readonly [number, number];
    readonly range: readonly [number, number];
    (value: number): number;
}

/** The linear scale from `domain` to `range` (a zero-width domain maps to the range's middle). */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
    const [d0, d1] = domain;
    const [r0, r1] = range;
    const span = d1 - d0;
    const map = (value: number): number => round(span === 0 ? (r0 + r1) / 2 : r0 + (value - d0) / span * (r1 - r0));
    return Object.assign(map, { domain, range });
}

/** Coordinates to a tenth of a pixel: short SVG, exact enough. */
export function round(value: number): number {
    return Math.round(value * 10) / 10;
}

/** A round step near `span / count`: 1, 2 or 5 times a power of ten. */
export function tickStep(span: number, count: number): number {
    const raw = span / Math.max(1, count);
    const power = 10 ** Math.floor(Math.log10(raw));
    const ratio = raw / power;
    return (ratio >= 7.07 ? 10 : ratio >= 3.16 ? 5 : ratio >= 1.41 ? 2 : 1) * power;
}

/**
 * The least and the greatest of `values` (non-empty). A loop: `Math.min(...values)`
 * passes each value as an argument and overflows the stack past some 120,000
 * (a CSV of daily actuals over centuries).
 */
export function extent(values: readonly number[]): [number, number] {
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) {
        if (v < min) min = v;
        if (v > max) max = v;
    }
    return [min, max];
}

/** A value domain that holds every value with some room, widened to round ticks; and those ticks. */
export function valueAxis(values: readonly number[], count = 4): { domain: [number, number]; ticks: number[] } {
    let [min, max] = extent(values);
    if (min === max) {
        const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
        min -= pad;
        max += pad;
    }
    const pad = (max - min) * 0.08;
    const step = tickStep(max - min + 2 * pad, count);
    const lo = Math.floor((min - pad) / step) * step;
    const hi = Math.ceil((max + pad) / step) * step;
    const ticks: number[] = [];
    for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
    // Values that are all positive keep a domain that does not dip below zero.
    const domain: [number, number] = [min >= 0 && lo < 0 ? 0 : lo, hi];
    return { domain, ticks: ticks.filter(t => t >= domain[0] - step / 1e6) };
}

/** A tick of the time axis: its day and its label lines (the second only where the year changes). */
export interface TimeTick {
    readonly day: number;
    readonly label: string;
    readonly year?: string;
}

/** Steps the time axis may use, finest first: weeks, then 1, 2, 3, 6 and 12 months. */
const MONTH_STEPS = [1, 2, 3, 6, 12] as const;

/**
 * Ticks for days `from`..`to` at most `maxTicks` of them: Mondays when the
 * span is a few weeks, else the first of every 1, 2, 3, 6 or 12 months.
 * The year is written under the first tick and under every January.
 */
export function timeTicks(from: number, to: number, maxTicks: number): TimeTick[] {
    const weeks = weekTicks(from, to);
    if (weeks.length >= 2 && weeks.length <= maxTicks && to - from <= 70) return withYears(weeks, false);
    for (const step of MONTH_STEPS) {
        const ticks = monthTicks(from, to, step);
        if (ticks.length <= maxTicks) return withYears(ticks, true);
    }
    return withYears(monthTicks(from, to, 12 * Math.ceil((to - from) / 365 / maxTicks)), true);
}

function weekTicks(from: number, to: number): number[] {
    // Day 0 (1970-01-01) was a Thursday: Mondays are days with (day - 4) % 7 === 0.
    const first = from + ((4 - from) % 7 + 7) % 7;
    const days: number[] = [];
    for (let d = first; d <= to; d += 7) days.push(d);
    return days;
}

function monthTicks(from: number, to: number, step: number): number[] {
    const start = calendarOf(Math.ceil(from));
    let index = start.year * 12 + start.monthIndex + (start.day === 1 ? 0 : 1);
    index = Math.ceil(index / step) * step;
    const days: number[] = [];
    for (; ; index += step) {
        const day = Date.UTC(Math.floor(index / 12), index % 12, 1) / 86_400_000;
        if (day > to) break;
        days.push(day);
    }
    return days;
}

function withYears(days: readonly number[], months: boolean): TimeTick[] {
    return days.map((day, i) => {
        const c = calendarOf(day);
        const label = months ? c.month : `${c.month} ${c.day}`;
        const newYear = i === 0 || calendarOf(days[i - 1]!).year !== c.year;
        return newYear ? { day, label, year: String(c.year) } : { day, label };
    });
}
