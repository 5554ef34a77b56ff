/**
 * Every figure the charts and the report print, in one place: values with
 * their unit, axis ticks, dates, changes, directions and on-track words.
 * Figures go through language/present, as on every other surface.
 */
import type { MetricFigures } from '../graph/types.js';
import { formatAmount, formatMoney, formatNumber, formatOptionalAmount, formatShare, TRACK_WORDS } from '../present/index.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const MS_PER_DAY = 86_400_000;

/** A figure with its unit: `14.1%`, `45 days`, `18,000 USD`, `3.1`; `—` when unknown. */
export function valueText(value: number | undefined, unit: string | undefined, decimals = 2): string {
    return value === undefined ? formatOptionalAmount(value, unit) : formatAmount(value, unit, decimals);
}

/** A money amount: `18,000 USD`. */
export function moneyText(amount: number, currency: string | undefined): string {
    return formatMoney(amount, currency);
}

/** A share as a whole percentage: `0.98` -> `98%`. */
export function shareText(share: number): string {
    return formatShare(share);
}

/**
 * A tick label of a value axis: short (`42k`, `11.5%`, `0.0025`), with up to
 * `decimals` places, the unit left to the axis title unless it is a percent.
 */
export function tickText(value: number, unit: string | undefined, decimals = 2): string {
    const abs = Math.abs(value);
    const short = abs >= 10_000 ? compact(value) : formatNumber(Number(value.toPrecision(12)), decimals);
    return unit === 'percent' ? `${short}%` : short;
}

/** Made when first used (an `Intl.NumberFormat` costs milliseconds at load). */
let compactFormat: Intl.NumberFormat | undefined;
const compact = (value: number): string =>
    (compactFormat ??= new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 })).format(value);

/** What a chart's values are counted in (`in USD`, `in days`, `score`); '' for percent and plain numbers. */
export function axisUnit(unit: string | undefined): string {
    if (!unit || unit === 'percent') return '';
    if (unit.startsWith('currency ')) return `in ${unit.slice('currency '.length)}`;
    return unit === 'days' || unit === 'hours' || unit === 'minutes' ? `in ${unit}` : unit;
}

/**
 * A change between two values: `+38 points` for percent, `−3.9 days`,
 * `+1,400 USD`, signed with the minus sign (U+2212), where a value takes the
 * hyphen (docs/figures.md). A change that prints as 0 (a difference of
 * decimals such as 0.3 − 0.1 − 0.2, 2.8e-17) reads `±0`, not `+0` or `−0`.
 */
export function changeText(change: number, unit: string | undefined): string {
    const abs = Math.abs(change);
    const sign = formatNumber(abs) === '0' ? '\u00b1' : change > 0 ? '+' : '\u2212';
    // Singular as printed: a change of 1.001 points reads `+1 points` no more.
    if (unit === 'percent') return `${sign}${formatNumber(abs)} ${formatNumber(abs) === '1' ? 'point' : 'points'}`;
    return `${sign}${valueText(abs, unit)}`;
}

/**
 * A change that Align computed (an attributed change, a trend's projection
 * less the baseline): as `changeText`, money in whole units as the report
 * writes computed money (`+3,409 USD`, never `+3,408.81 USD`).
 */
export function computedChangeText(change: number, unit: string | undefined): string {
    return changeText(unit?.startsWith('currency ') ? Math.round(change) : change, unit);
}

/** `higher is better` / `lower is better`, or '' when the metric has no direction. */
export function directionWords(direction: 'up' | 'down' | undefined): string {
    return direction === 'up' ? 'higher is better' : direction === 'down' ? 'lower is better' : '';
}

/** The on-track state in words, with a capital: never colour alone. */
export function trackWords(m: MetricFigures): string {
    const words = m.trackWords ?? TRACK_WORDS[m.onTrack === true ? 'on' : m.onTrack === false ? 'off' : 'unknown'];
    return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Why the on-track state is not known, or '' when it is. */
export function unknownReason(m: MetricFigures): string {
    if (m.onTrack !== undefined) return '';
    if (m.actuals.length === 0) return 'no actuals yet';
    const missing = [m.baseline === undefined ? 'baseline' : '', m.target === undefined ? 'target' : '', m.deadline === undefined ? 'deadline' : '', m.direction === undefined ? 'direction' : ''].filter(Boolean);
    return missing.length > 0 ? `no ${missing.join(', ')}` : '';
}

/** Day number (days since 1970-01-01) of an ISO date `YYYY-MM-DD`. */
export function dayOfIso(iso: string): number {
    return Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
}

/** Month and year of a day number: `{ month: 'Apr', year: 2026, day: 6 }`. */
export function calendarOf(day: number): { month: string; monthIndex: number; year: number; day: number } {
    const d = new Date(day * MS_PER_DAY);
    return { month: MONTHS[d.getUTCMonth()]!, monthIndex: d.getUTCMonth(), year: d.getUTCFullYear(), day: d.getUTCDate() };
}

