/**
 * Calendar arithmetic for Align's dates and periods. Every date is a day
 * number (days since 1970-01-01, UTC) so that comparisons are exact.
 */

/** A parsed date or period: `day` is the day it is dated on (a period's last day). */
export interface ParsedPeriod {
    readonly text: string;
    readonly granularity: 'day' | 'month' | 'quarter' | 'half';
    readonly day: number;
}

const MS_PER_DAY = 86_400_000;

function dayOf(year: number, month: number, day: number): number {
    // Date.UTC reads years 0-99 as 1900-1999.
    if (year >= 100) return Date.UTC(year, month - 1, day) / MS_PER_DAY;
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    return date.getTime() / MS_PER_DAY;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The last day of a month (1-12) of the proleptic Gregorian calendar, as Date counts them; no Date is made (a CSV file may hold a million dates). */
function lastDayOfMonth(year: number, month: number): number {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** The last day a date can be written (`YYYY` has four digits): a pilot or window may not end after it. */
export const LAST_DAY = dayOf(9999, 12, 31);

/** Parsed periods by text: a workspace writes the same few periods many times (results are immutable). */
const parsed = new Map<string, ParsedPeriod | undefined>();
const MAX_CACHED = 10_000;

/** Parses `2026-06-30`, `2026-06`, `2026-Q2` or `2026-H2`; undefined when not a real date. */
export function parsePeriod(text: string): ParsedPeriod | undefined {
    if (parsed.has(text)) return parsed.get(text);
    const result = parse(text);
    if (parsed.size >= MAX_CACHED) parsed.clear();
    parsed.set(text, result);
    return result;
}

function parse(text: string): ParsedPeriod | undefined {
    let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (m) {
        const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
        if (mo < 1 || mo > 12 || d < 1 || d > lastDayOfMonth(y, mo)) return undefined;
        return { text, granularity: 'day', day: dayOf(y, mo, d) };
    }
    m = /^(\d{4})-(\d{2})$/.exec(text);
    if (m) {
        const [y, mo] = [Number(m[1]), Number(m[2])];
        if (mo < 1 || mo > 12) return undefined;
        return { text, granularity: 'month', day: dayOf(y, mo, lastDayOfMonth(y, mo)) };
    }
    m = /^(\d{4})-Q(\d)$/.exec(text);
    if (m) {
        const [y, q] = [Number(m[1]), Number(m[2])];
        if (q < 1 || q > 4) return undefined;
        return { text, granularity: 'quarter', day: dayOf(y, q * 3, lastDayOfMonth(y, q * 3)) };
    }
    m = /^(\d{4})-H(\d)$/.exec(text);
    if (m) {
        const [y, h] = [Number(m[1]), Number(m[2])];
        if (h < 1 || h > 2) return undefined;
        return { text, granularity: 'half', day: dayOf(y, h * 6, lastDayOfMonth(y, h * 6)) };
    }
    return undefined;
}

/** `N months` after a day: the same day of the month N calendar months later (clamped to that month's last day). */
export function addMonths(day: number, months: number): number {
    const d = new Date(day * MS_PER_DAY);
    const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
    const year = Math.floor(total / 12);
    const month = total % 12 + 1;
    return dayOf(year, month, Math.min(d.getUTCDate(), lastDayOfMonth(year, month)));
}

/** The day a duration starting on `start` ends on; undefined when that is after LAST_DAY (no date can say it). */
export function addDuration(start: number, amount: number, unit: 'days' | 'weeks' | 'months'): number | undefined {
    const end = unit === 'days' ? start + amount : unit === 'weeks' ? start + amount * 7 : addMonths(start, amount);
    return end <= LAST_DAY ? end : undefined;
}

/** A deadline as the graph keeps it (MetricFigures): its day, and the period as written when it is not a full date. */
export function deadlineOf(parsed: ParsedPeriod): { deadline: string; deadlinePeriod?: string } {
    return { deadline: isoDay(parsed.day), deadlinePeriod: parsed.granularity === 'day' ? undefined : parsed.text };
}

/** The day numbers of 0000-01-01 and 9999-12-31: those `isoDay` works out itself. */
const [FIRST_ISO_DAY, LAST_ISO_DAY] = [-719_528, 2_932_896];

/**
 * ISO `YYYY-MM-DD` of a day number. The calendar date is worked out in
 * integer arithmetic (H. Hinnant's days-to-civil), several times faster
 * than a Date and its ISO text: a CSV file may hold a million days.
 */
export function isoDay(day: number): string {
    if (!Number.isInteger(day) || day < FIRST_ISO_DAY || day > LAST_ISO_DAY) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    const shifted = day + 719_468; // days since 0000-03-01: the leap day ends each 4-year cycle
    const era = Math.floor(shifted / 146_097);
    const dayOfEra = shifted - era * 146_097;
    const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
    const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
    const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 is March
    const date = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
    const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${date < 10 ? '0' : ''}${date}`;
}

/** Today's date in local time, `YYYY-MM-DD` (the day a person in front of the screen would say). */
export function localToday(now = new Date()): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Today in local time as a day number (the day `localToday` says). */
export function localDay(now = new Date()): number {
    return parsePeriod(localToday(now))!.day;
}

/** The text of the period of a granularity that holds a day: `2026-12-06`, `2026-12`, `2026-Q4`, `2026-H2`. */
export function periodOf(day: number, granularity: ParsedPeriod['granularity']): string {
    const iso = isoDay(day);
    const [year, month] = [iso.slice(0, 4), Number(iso.slice(5, 7))];
    switch (granularity) {
        case 'day': return iso;
        case 'month': return iso.slice(0, 7);
        case 'quarter': return `${year}-Q${Math.ceil(month / 3)}`;
        case 'half': return `${year}-H${month <= 6 ? 1 : 2}`;
    }
}
