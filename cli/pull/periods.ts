import { isoDay, parsePeriod } from '../../language/dates.js';
import { PullError } from './pull-error.js';

/** How a metric is measured: the period a dated row falls into. */
export type Cadence = 'daily' | 'weekly' | 'monthly' | 'quarterly';

/** A period as a source gives it: a day number (a DATE or TIMESTAMP, UTC), or text in Align's period syntax. */
export type PeriodCell = { readonly day: number } | { readonly text: string } | { readonly bad: string };
/** A value as a source gives it: a number, NULL, or something that is not a number. */
export type ValueCell = number | null | { readonly bad: string };

/** One row of a query's result, or one aggregated xAPI period. */
export interface RawRow {
    readonly period: PeriodCell;
    readonly value: ValueCell;
}

/** A snapshot ready to be written: `period,value` rows in period order. */
export interface Snapshot {
    readonly csv: string;
    readonly rows: number;
    readonly firstPeriod?: string;
    readonly lastPeriod?: string;
    /** Rows whose value was NULL. */
    readonly skipped: number;
}

const MS_PER_DAY = 86_400_000;

/**
 * The period a day falls into for a cadence: daily the day, weekly the
 * Sunday that ends its Monday-to-Sunday week, monthly `YYYY-MM`, quarterly
 * `YYYY-Qn`; no cadence is monthly.
 */
export function bucket(day: number, cadence: Cadence | undefined): string {
    const date = new Date(day * MS_PER_DAY);
    // Four digits, as Align writes years: `0044-03`, not `44-03`.
    const [year, month] = [String(date.getUTCFullYear()).padStart(4, '0'), date.getUTCMonth() + 1];
    switch (cadence) {
        case 'daily': return isoDay(day);
        case 'weekly': return isoDay(day + (7 - date.getUTCDay()) % 7);
        case 'quarterly': return `${year}-Q${Math.ceil(month / 3)}`;
        default: return `${year}-${String(month).padStart(2, '0')}`;
    }
}

/** The day number of `YYYY-MM-DD...` text (a DATE or TIMESTAMP rendered as text, UTC); undefined otherwise. */
export function dayOfDateText(text: string): number | undefined {
    const m = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(text.trim());
    if (!m) return undefined;
    if (/(?:Z|[+-]\d{2}(?::?\d{2})?)$/.test(text.trim()) && text.includes(':')) {
        const ms = Date.parse(text.trim().replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'));
        return Number.isNaN(ms) ? undefined : Math.floor(ms / MS_PER_DAY);
    }
    return parsePeriod(m[1]!)?.day;
}

/** Turns rows into a snapshot; a row that cannot be placed is a PullError naming it (1-based). */
export function toSnapshot(rows: readonly RawRow[], cadence: Cadence | undefined): Snapshot {
    const byPeriod = new Map<string, { day: number; value: number; row: number }>();
    let skipped = 0;
    rows.forEach((raw, i) => {
        const row = i + 1;
        // A NULL value skips the row whatever its period (a NULL one too).
        if (raw.value === null) { skipped++; return; }
        const period = periodOf(raw.period, cadence, row);
        if (typeof raw.value !== 'number' || !Number.isFinite(raw.value)) {
            throw new PullError(`row ${row}: value ${typeof raw.value === 'number' ? String(raw.value) : `\`${raw.value.bad}\``} is not a number`);
        }
        const seen = byPeriod.get(period.text);
        if (seen) throw new PullError(`rows ${seen.row} and ${row} both give period ${period.text}: aggregate in the query (one row per period)`);
        byPeriod.set(period.text, { day: period.day, value: raw.value, row });
    });
    const sorted = [...byPeriod.entries()].sort((a, b) => a[1].day - b[1].day || a[0].localeCompare(b[0]));
    const csv = `period,value\n${sorted.map(([period, { value }]) => `${period},${formatValue(value)}\n`).join('')}`;
    return { csv, rows: sorted.length, firstPeriod: sorted[0]?.[0], lastPeriod: sorted.at(-1)?.[0], skipped };
}

function periodOf(cell: PeriodCell, cadence: Cadence | undefined, row: number): { text: string; day: number } {
    if ('day' in cell) {
        const text = bucket(cell.day, cadence);
        const parsed = parsePeriod(text);
        if (!parsed) {
            const year = new Date(cell.day * MS_PER_DAY).getUTCFullYear();
            throw new PullError(`row ${row}: the date is in the year ${year}, outside 0000 to 9999, the years Align's periods can write`);
        }
        return { text, day: parsed.day };
    }
    if ('bad' in cell) throw new PullError(`row ${row}: period ${cell.bad} is not a DATE, a TIMESTAMP or text such as 2026-03`);
    const parsed = parsePeriod(cell.text.trim());
    if (!parsed) throw new PullError(`row ${row}: period \`${cell.text}\` is not a date, month, quarter or half (e.g. 2026-03)`);
    return { text: parsed.text, day: parsed.day };
}

/** Plain decimal notation: no exponent, at most 12 decimals, no trailing zeros. */
function formatValue(value: number): string {
    // String() and toFixed() write 1e+21 from there on; such a number is an integer, which BigInt writes out.
    if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
    const fixed = value.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
    return fixed === '-0' ? '0' : fixed;
}

/** A value cell from a number or numeric text; anything else is `bad`. */
export function numericCell(value: unknown): ValueCell {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number') return value;
    if (typeof value === 'bigint') return Number(value);
    if (typeof value !== 'string') return { bad: shownValue(value) };
    const text = value.trim();
    return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text) ? Number(text) : { bad: text };
}

/** A value that is no number or text, as a message shows it: a BLOB as `x'00ff'`, an INTERVAL or STRUCT as JSON. */
function shownValue(value: unknown): string {
    const cut = (text: string) => text.length > 60 ? `${text.slice(0, 57)}...` : text;
    if (value instanceof Uint8Array) return cut(`x'${Buffer.from(value).toString('hex')}'`);
    const json = JSON.stringify(value, (_key, v: unknown) => typeof v === 'bigint' ? v.toString() : v);
    return cut(json ?? String(value));
}
