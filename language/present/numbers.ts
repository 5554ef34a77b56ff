/**
 * Numbers as Align prints them everywhere (hover, code lens, preview, SVG,
 * report, CLI and messages): thousands separated, at most two decimals (a
 * figure under 0.1 with its first three significant digits, so that a ratio
 * of `0.0032` never prints as `0`), no trailing zeros, a unit where the
 * metric has one.
 */
import type { MetricFigures } from '../graph/types.js';

/** What stands for a figure that is not known. */
export const MISSING = '—';

const FORMATS = new Map<number, Intl.NumberFormat>();

/**
 * `18,000`, `14.1`, `-2.5`, `0`, `0.00275`: en-US digits, at most `decimals`
 * places (see {@link shownDecimals}).
 */
export function formatNumber(value: number, decimals = 2): string {
    if (!Number.isFinite(value)) return MISSING;
    const places = shownDecimals(value, decimals);
    let format = FORMATS.get(places);
    if (!format) {
        format = new Intl.NumberFormat('en-US', { maximumFractionDigits: places });
        FORMATS.set(places, format);
    }
    // `-0` and values that round to zero print as `0`, not `-0`.
    const text = format.format(value);
    return /^-0(\.0*)?$/.test(text) ? '0' : text;
}

/** The most decimals a compared figure is shown with. */
const MOST_DECIMALS = 10;

/**
 * The decimals `formatNumber(value, decimals)` shows: `decimals`; with two
 * or more, a figure under 0.1 (but not 0) as many as its first three
 * significant digits need (`0.0032`, `0.00275`, `0.0571`), at most 10, so
 * that a small ratio reads neither `0` nor the same as its target. Whole
 * units (`decimals` 0, money the report computes) and shares stay as asked.
 */
export function shownDecimals(value: number, decimals = 2): number {
    const abs = Math.abs(value);
    if (decimals < 2 || abs === 0 || abs >= 0.1 || !Number.isFinite(abs)) return decimals;
    return Math.min(MOST_DECIMALS, Math.max(decimals, 2 - Math.floor(Math.log10(abs))));
}

/**
 * The decimals that show two compared figures apart: `decimals`, or more
 * (up to 10) where `decimals` would print them the same though they differ:
 * an actual of `32.2%` against a limit of `32.198%`, not `32.2%` against
 * `32.2%` under "off track"; a target of `0.3000001` against a baseline of
 * `0.3`.
 */
export function decimalsApart(value: number, other: number, decimals = 2): number {
    if (value === other) return decimals;
    for (let d = decimals; d <= MOST_DECIMALS; d++) if (formatNumber(value, d) !== formatNumber(other, d)) return d;
    return decimals;
}

/** The decimals `value` is written with (its shortest form: `0.3099` -> 4), at least `least`, at most 10. */
export function ownDecimals(value: number, least = 2): number {
    const [digits = '', exponent] = String(Math.abs(value)).split('e');
    const written = (digits.split('.')[1]?.length ?? 0) - Number(exponent ?? 0);
    return Math.min(MOST_DECIMALS, Math.max(least, written));
}

/**
 * Decimals for an actual beside the value its trajectory expects: the
 * actual as written (`0.3099`, not `0.31` beside a baseline of `0.31`), and
 * as many as tell the two apart.
 */
export function actualDecimals(actual: number, expected: number): number {
    return Math.max(decimalsApart(actual, expected), ownDecimals(actual));
}

/**
 * A share of 1 as a whole percentage: `0.734` -> `73%`, `1.25` -> `125%`;
 * never the 100% or 0% it did not reach: `0.996` -> `99%` (not "100% of
 * the way" beside "deadline passed"), `0.003` -> `1%`, `-0.003` -> `-1%`.
 */
export function formatShare(share: number): string {
    let percent = Math.round(share * 100);
    if (percent === 100 && share < 1) percent = 99;
    else if (percent === 0 && share !== 0) percent = share > 0 ? 1 : -1;
    return `${formatNumber(percent, 0)}%`;
}

/** An amount of money: `18,000 USD`, or the number alone without a currency. */
export function formatMoney(amount: number, currency?: string, decimals = 2): string {
    return currency ? `${formatNumber(amount, decimals)} ${currency}` : formatNumber(amount, decimals);
}

const TIME_UNITS: Readonly<Record<string, string>> = { days: 'day', hours: 'hour', minutes: 'minute' };

/**
 * An amount in a metric's unit (`unit` as the graph writes it: `percent`,
 * `days`, `currency USD`...): `18%`, `45 days`, `1 day`, `18,000 USD`, `3.1`
 * (counts, scores and ratios have no unit word).
 */
export function formatAmount(value: number, unit: string | undefined, decimals = 2): string {
    const n = formatNumber(value, decimals);
    if (unit === 'percent') return `${n}%`;
    if (unit?.startsWith('currency ')) return `${n} ${unit.slice('currency '.length)}`;
    const singular = unit ? TIME_UNITS[unit] : undefined;
    if (singular) return `${n} ${n === '1' ? singular : unit}`;
    return n;
}

/** An amount that may be missing: `MISSING` then. */
export function formatOptionalAmount(value: number | undefined, unit: string | undefined): string {
    return value === undefined ? MISSING : formatAmount(value, unit);
}

/** The unit written once after several figures: `days`, `USD`; nothing for percent (each figure has `%`) and plain units. */
export function unitSuffix(unit: string | undefined): string {
    if (unit?.startsWith('currency ')) return ` ${unit.slice('currency '.length)}`;
    return unit && TIME_UNITS[unit] ? ` ${unit}` : '';
}

/** A figure in a compact line: `14.1%` for percent, the number alone otherwise (the unit follows the line). */
export function formatValue(value: number | undefined, unit: string | undefined): string {
    if (value === undefined) return MISSING;
    return unit === 'percent' ? `${formatNumber(value)}%` : formatNumber(value);
}

/** Baseline, latest actual and target on one compact line: `18% → 14.1% → 14%`, `12,000 → 11,500 → 9,000 USD`. */
export function figuresText(m: MetricFigures): string {
    return `${formatValue(m.baseline, m.unit)} → ${formatValue(m.latest?.value, m.unit)} → ${formatValue(m.target, m.unit)}${unitSuffix(m.unit)}`;
}
