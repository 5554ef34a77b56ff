import { isoDay, localDay, parsePeriod, periodOf, type ParsedPeriod } from '../../language/dates.js';

/** A date or period to offer: the text to write and what it is. */
export interface DateChoice {
    readonly text: string;
    readonly detail: string;
}

type Granularity = ParsedPeriod['granularity'];

const WORD: Readonly<Record<Granularity, string>> = { day: 'day', month: 'month', quarter: 'quarter', half: 'half' };

/** The last day of the period of a granularity that holds `day`. */
const endOf = (day: number, granularity: Granularity): number => parsePeriod(periodOf(day, granularity))!.day;

/** A period and the day it ends on: `2026-Q4`, "this quarter, ends 2026-12-31". */
function period(day: number, granularity: Granularity, which: 'this' | 'next'): DateChoice {
    const text = periodOf(day, granularity);
    return { text, detail: `${which} ${WORD[granularity]}, ends ${isoDay(parsePeriod(text)!.day)}` };
}

/** Drops a choice whose text an earlier one has (the end of the quarter may be the end of the half). */
function distinct(choices: readonly DateChoice[]): DateChoice[] {
    const seen = new Set<string>();
    return choices.filter(c => !seen.has(c.text) && seen.add(c.text));
}

/**
 * What a `by` deadline may say (any period, dated on its last day): this
 * quarter, this half, the next of each, the end of this quarter and today
 * as full dates.
 */
export function deadlineChoices(now: Date): DateChoice[] {
    const today = localDay(now);
    const quarterEnd = endOf(today, 'quarter');
    const halfEnd = endOf(today, 'half');
    return distinct([
        period(today, 'quarter', 'this'),
        period(quarterEnd + 1, 'quarter', 'next'),
        period(today, 'half', 'this'),
        period(halfEnd + 1, 'half', 'next'),
        { text: isoDay(quarterEnd), detail: 'end of this quarter (full date)' },
        { text: isoDay(today), detail: 'today (full date)' }
    ]);
}

/**
 * What a full date (`pilot ... from`, `window ... to ...`, `since`) may
 * say: today, the first day of next month and of next quarter, the last
 * day of this quarter and of this half.
 */
export function dayChoices(now: Date): DateChoice[] {
    const today = localDay(now);
    return distinct([
        { text: isoDay(today), detail: 'today' },
        { text: isoDay(endOf(today, 'month') + 1), detail: 'first day of next month' },
        { text: isoDay(endOf(today, 'quarter') + 1), detail: 'first day of next quarter' },
        { text: isoDay(endOf(today, 'quarter')), detail: 'last day of this quarter' },
        { text: isoDay(endOf(today, 'half')), detail: 'last day of this half' }
    ]);
}

/** Where a program's window starts (`pilot ... from`, `window` and its start): today, the first day of next month, of next quarter. */
export function startChoices(now: Date): DateChoice[] {
    const today = localDay(now);
    return distinct([
        { text: isoDay(today), detail: 'today' },
        { text: isoDay(endOf(today, 'month') + 1), detail: 'first day of next month' },
        { text: isoDay(endOf(today, 'quarter') + 1), detail: 'first day of next quarter' }
    ]);
}

/** Where a `window` ends: the last day of next half (a window of about six months), of this half, of next quarter. */
export function endChoices(now: Date): DateChoice[] {
    const today = localDay(now);
    const halfEnd = endOf(today, 'half');
    return distinct([
        { text: isoDay(endOf(halfEnd + 1, 'half')), detail: 'last day of next half' },
        { text: isoDay(halfEnd), detail: 'last day of this half' },
        { text: isoDay(endOf(endOf(today, 'quarter') + 1, 'quarter')), detail: 'last day of next quarter' }
    ]);
}

/** From when an xAPI pull reads (`since`): the first day of this month, of this quarter, of this year. */
export function sinceChoices(now: Date): DateChoice[] {
    const today = localDay(now);
    const iso = isoDay(today);
    const quarter = periodOf(today, 'quarter');
    const firstMonth = String((Number(quarter.slice(-1)) - 1) * 3 + 1).padStart(2, '0');
    return distinct([
        { text: `${iso.slice(0, 7)}-01`, detail: 'first day of this month' },
        { text: `${iso.slice(0, 4)}-${firstMonth}-01`, detail: 'first day of this quarter' },
        { text: `${iso.slice(0, 4)}-01-01`, detail: 'first day of this year' }
    ]);
}

/**
 * The granularity of a new actuals row: that of the block's last row (its
 * rows say how it writes periods: a weekly metric may be reported per
 * month), else the metric's cadence (weekly and daily rows are days), else
 * months.
 */
function rowGranularity(cadence: string | undefined, last: ParsedPeriod | undefined): Granularity {
    if (last) return last.granularity;
    switch (cadence) {
        case 'quarterly': return 'quarter';
        case 'weekly': case 'daily': return 'day';
        default: return 'month';
    }
}

/**
 * The periods a new actuals row may start with, for the metric's cadence:
 * the one after the block's last row (a week after it for a weekly metric),
 * then the current one (this month, this quarter, today).
 */
export function rowChoices(now: Date, cadence: string | undefined, lastRow: string | undefined): DateChoice[] {
    const last = lastRow ? parsePeriod(lastRow) : undefined;
    const granularity = rowGranularity(cadence, last);
    const today = localDay(now);
    const current: DateChoice = granularity === 'day'
        ? { text: isoDay(today), detail: 'today' }
        : { text: periodOf(today, granularity), detail: `this ${WORD[granularity]}` };
    if (!last) return [current];
    const step = granularity === 'day' && cadence === 'weekly' ? 7 : 1;
    const next = periodOf(granularity === 'day' ? last.day + step : endOf(last.day, granularity) + 1, granularity);
    const after = step === 7 ? 'a week after the last row' : `the ${WORD[granularity]} after the last row`;
    return distinct([{ text: next, detail: after }, current]);
}
