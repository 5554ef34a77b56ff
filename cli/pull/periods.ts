import { isoDay, LAST_DAY, parsePeriod } from '../../language/dates.js';
import { PullError } from './pull-error.js';

/** How a metric is measured: the period a dated row falls into. */
export type Cadence = 'daily' | 'weekly' | 'monthly' | 'quarterly';

/** A period as a source gives it: a day number (a DATE or TIMESTAMP, UTC), or text in Align's period syntax. */
export type PeriodCell = { readonly day: number } | { readonly text: string } | { readonly bad: string };
/**
 * A value as a source gives it: a number (a double), exact decimal text
 * (already plain, as the snapshot writes it), NULL, or something that is
 * not a number.
 */
export type ValueCell = number | { readonly decimal: string } | null | { readonly bad: string };

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

/**
 * The day number of `YYYY-MM-DD` text, alone or with a time
 * (`YYYY-MM-DD HH:MM[:SS[.f]]`, `T` or a space, and an optional zone `Z`,
 * `+HH`, `+HHMM` or `+HH:MM` that is converted to UTC): a DATE or TIMESTAMP
 * rendered as text. Undefined for anything else, an impossible date or time
 * (`2026-02-30`, `25:00`) included. A leap second is the day it ends
 * (instantOfDateText). A year of five digits or more (which DuckDB and
 * PostgreSQL write after 9999) is read too: periodOf refuses it with its
 * own message.
 */
export function dayOfDateText(text: string): number | undefined {
    const instant = instantOfDateText(text);
    return instant === undefined ? undefined : Math.floor(instant / MS_PER_DAY);
}

/**
 * The instant of date text as dayOfDateText reads it, in milliseconds
 * since 1970-01-01 UTC (a date alone is its midnight, a time without a zone
 * is UTC); undefined where dayOfDateText is. A leap second, second 60, is
 * read where ISO 8601 and RFC 3339 (xAPI's timestamps) place one: at
 * 23:59:60 UTC on the last day of a month (`2016-12-31T23:59:60Z`,
 * `2017-01-01T08:59:60+09:00`), as 23:59:59.999 of that day, so that it
 * stays in its day and after the second before it. Second 60 at any other
 * time does not exist.
 */
export function instantOfDateText(text: string): number | undefined {
    return instantOf(text.trim(), false);
}

/**
 * The day number of a DATE or TIMESTAMP as DuckDB or PostgreSQL writes it:
 * dayOfDateText's text, or one of a year before 1 with its era mark
 * (DuckDB's `0057-03-15 (BC) 00:00:00`, PostgreSQL's `0057-03-15 00:00:00
 * BC`): 1 BC is the year 0000, 57 BC the year -56, which periodOf refuses
 * with its own message.
 */
export function dayOfDatabaseDate(text: string): number | undefined {
    const trimmed = text.trim();
    const bc = /^(\d{4,}-\d{2}-\d{2}) \(BC\)(.*)$/.exec(trimmed) ?? /^(.*) BC()$/.exec(trimmed);
    const instant = bc ? instantOf(`${bc[1]}${bc[2]}`, true) : instantOf(trimmed, false);
    return instant === undefined ? undefined : Math.floor(instant / MS_PER_DAY);
}

/** instantOfDateText of trimmed text; `bc` reads its year as one before Christ (1 BC is the year 0). */
function instantOf(text: string, bc: boolean): number | undefined {
    const m = /^(\d{4,})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?)?$/.exec(text);
    if (!m || (bc && Number(m[1]) === 0)) return undefined;
    const [year, month, day] = [bc ? 1 - Number(m[1]) : Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
    if (hour > 23 || minute > 59 || second > 60) return undefined;
    const [offsetHours, offsetMinutes] = [Number(m[10] ?? 0), Number(m[11] ?? 0)];
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    const offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
    const milliseconds = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
    const local = civilDay(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + Math.min(second, 59)) * 1000;
    if (second < 60) return local + milliseconds - offset;
    const leap = local + 999 - offset;
    // 23:59:59 UTC, and the next day is the first of a month.
    const endOfMonth = leap - Math.floor(leap / MS_PER_DAY) * MS_PER_DAY === MS_PER_DAY - 1 && new Date(leap + 1).getUTCDate() === 1;
    return endOfMonth ? leap : undefined;
}

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
    if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** Days since 1970-01-01 of a date of the proleptic Gregorian calendar, for any year (Date stops at 275760). */
function civilDay(year: number, month: number, day: number): number {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yearOfEra = y - era * 400;
    const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
    const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
}

/** The year a day number falls in, for any day (the inverse of civilDay's year). */
function yearOfDay(day: number): number {
    const z = day + 719_468;
    const era = Math.floor(z / 146_097);
    const dayOfEra = z - era * 146_097;
    const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
    const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
    const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
    return yearOfEra + era * 400 + (monthIndex >= 10 ? 1 : 0);
}

/** 0000-01-01, the first day whose period Align can write. */
const FIRST_DAY = civilDay(0, 1, 1);

/** Turns rows into a snapshot; a row that cannot be placed is a PullError naming it (1-based). */
export function toSnapshot(rows: readonly RawRow[], cadence: Cadence | undefined): Snapshot {
    const byPeriod = new Map<string, { day: number; value: string; row: number }>();
    let skipped = 0;
    rows.forEach((raw, i) => {
        const row = i + 1;
        // A NULL value skips the row whatever its period (a NULL one too).
        if (raw.value === null) { skipped++; return; }
        const period = periodOf(raw.period, cadence, row);
        const value = valueText(raw.value, row);
        const seen = byPeriod.get(period.text);
        if (seen) throw new PullError(`rows ${seen.row} and ${row} both give period ${period.text}: aggregate in the query (one row per period)`);
        byPeriod.set(period.text, { day: period.day, value, row });
    });
    const sorted = [...byPeriod.entries()].sort((a, b) => a[1].day - b[1].day || a[0].localeCompare(b[0]));
    const csv = `period,value\n${sorted.map(([period, { value }]) => `${period},${value}\n`).join('')}`;
    return { csv, rows: sorted.length, firstPeriod: sorted[0]?.[0], lastPeriod: sorted.at(-1)?.[0], skipped };
}

/** A value as the snapshot writes it; one that is not a finite number is a PullError naming the row. */
function valueText(cell: Exclude<ValueCell, null>, row: number): string {
    if (typeof cell === 'number') {
        if (!Number.isFinite(cell)) throw new PullError(`row ${row}: value ${String(cell)} is not a number`);
        return plainNumber(cell);
    }
    if ('bad' in cell) throw new PullError(`row ${row}: value \`${cell.bad}\` is not a number`);
    return cell.decimal;
}

function periodOf(cell: PeriodCell, cadence: Cadence | undefined, row: number): { text: string; day: number } {
    if ('day' in cell) {
        // Before 0000 and past 9999 no period can be written (and past the year 275760 no Date holds the day).
        const text = cell.day >= FIRST_DAY && cell.day <= LAST_DAY ? bucket(cell.day, cadence) : undefined;
        const parsed = text === undefined ? undefined : parsePeriod(text);
        if (!parsed) {
            const year = yearOfDay(cell.day);
            if (year < 0) throw new PullError(`row ${row}: the date is in the year ${1 - year} BC, before 0000: Align's periods can write the years 0000 to 9999`);
            throw new PullError(`row ${row}: the date is in the year ${year}, outside 0000 to 9999, the years Align's periods can write`);
        }
        return { text: parsed.text, day: parsed.day };
    }
    if ('bad' in cell) throw new PullError(`row ${row}: period ${cell.bad} is not a DATE, a TIMESTAMP or text such as 2026-03`);
    const parsed = parsePeriod(cell.text.trim());
    if (!parsed) throw new PullError(`row ${row}: period \`${cell.text}\` is not a date, month, quarter or half (e.g. 2026-03)`);
    return { text: parsed.text, day: parsed.day };
}

/**
 * A double in plain decimal notation, as the CSV reader reads it: the
 * shortest digits that read back as the same double (`99999.99`, not the
 * `99999.990000000005` of its binary value), with no exponent (`1e21` and
 * `1e-7` written out) and no `-0`.
 */
export function plainNumber(value: number): string {
    return plainDecimal(String(value));
}

/**
 * A float (32-bit, as DuckDB's FLOAT and PostgreSQL's real) in plain
 * decimal notation: the shortest digits that read back as the same float,
 * so `0.1::FLOAT` is `0.1`, not the `0.10000000149011612` of its value as a
 * double.
 */
export function plainFloat32(value: number): string {
    const float = Math.fround(value);
    for (let digits = 1; digits < 9; digits++) {
        const text = float.toPrecision(digits);
        if (Math.fround(Number(text)) === float) return plainDecimal(text);
    }
    return plainDecimal(float.toPrecision(9));
}

/**
 * Decimal text (`-12.50`, `+1.5e-7`, `007`) without an exponent, a plus
 * sign, leading or trailing zeros or `-0`: only its digits are moved, so
 * the value is exactly the text's. The text must match NUMERIC.
 */
function plainDecimal(text: string): string {
    const [, sign, whole, fraction = '', exponent = '0'] = NUMERIC.exec(text.trim())!;
    let digits = `${whole}${fraction}`;
    let point = whole!.length + Number(exponent);
    // Leading zeros: the point keeps its place relative to the first digit left.
    const leading = /^0*/.exec(digits)![0].length;
    digits = digits.slice(leading);
    point -= leading;
    digits = digits.replace(/0+$/, '');
    if (digits === '') return '0';
    const plain = point <= 0 ? `0.${'0'.repeat(-point)}${digits}`
        : point >= digits.length ? `${digits}${'0'.repeat(point - digits.length)}`
            : `${digits.slice(0, point)}.${digits.slice(point)}`;
    return sign === '-' ? `-${plain}` : plain;
}

/** A number as text: an optional sign, digits with an optional fraction, an optional exponent. */
const NUMERIC = /^([-+]?)(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/;

/**
 * A value cell from a number or numeric text; anything else is `bad`.
 * Decimal text (PostgreSQL's numeric, DuckDB's DECIMAL and BIGINT) is kept
 * exactly as the source gives it, never rounded through a double; text with
 * an exponent is a floating-point number's. `binary` says the source column
 * is a floating-point type: `float32` writes its value's shortest float
 * digits, `float64` reads its text as a double.
 */
export function numericCell(value: unknown, binary?: 'float32' | 'float64'): ValueCell {
    if (value === null || value === undefined) return null;
    if (typeof value === 'bigint') return { decimal: value.toString() };
    let number: number;
    if (typeof value === 'number') {
        number = value;
    } else if (typeof value === 'string') {
        const text = value.trim();
        const m = NUMERIC.exec(text);
        if (!m || text.startsWith('+')) return { bad: text };
        number = Number(text);
        // Too large for a double, which the CSV reader reads it as: the same failure as any infinite value.
        if (binary === undefined && m[4] === undefined && Number.isFinite(number)) return { decimal: plainDecimal(text) };
    } else {
        return { bad: shownValue(value) };
    }
    return binary === 'float32' && Number.isFinite(number) ? { decimal: plainFloat32(number) } : number;
}

/** A value that is no number or text, as a message shows it: a BLOB as `x'00ff'`, an INTERVAL or STRUCT as JSON. */
function shownValue(value: unknown): string {
    const cut = (text: string) => text.length > 60 ? `${text.slice(0, 57)}...` : text;
    if (value instanceof Uint8Array) return cut(`x'${Buffer.from(value).toString('hex')}'`);
    const json = JSON.stringify(value, (_key, v: unknown) => typeof v === 'bigint' ? v.toString() : v);
    return cut(json ?? String(value));
}
