import { isoDay, parsePeriod } from '../../language/dates.js';

/** The terminals that write a date or a period (`Period` in the grammar). */
const PERIOD_TOKENS: ReadonlySet<string> = new Set(['DATE', 'MONTH', 'QUARTER', 'HALF']);

const ORDINAL = ['first', 'second', 'third', 'fourth'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/**
 * Hover on a date or a period, for a reader learning the syntax: the days
 * a period covers and the day it is dated on (a deadline falls due then, an
 * actual is placed there), or a day's weekday. Undefined for any other
 * token, or a date that is not a real one (its own finding says so).
 */
export function periodHover(tokenName: string | undefined, text: string): string | undefined {
    if (!tokenName || !PERIOD_TOKENS.has(tokenName)) return undefined;
    const period = parsePeriod(text);
    if (!period) return undefined;
    const end = isoDay(period.day);
    const year = text.slice(0, 4);
    if (period.granularity === 'day') {
        const date = new Date(period.day * 86_400_000);
        return `**${text}**: ${WEEKDAYS[date.getUTCDay()]}, ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${year}`;
    }
    const [what, firstMonth] = period.granularity === 'month'
        ? [`${MONTHS[Number(text.slice(5, 7)) - 1]} ${year}`, Number(text.slice(5, 7))]
        : period.granularity === 'quarter'
            ? [`the ${ORDINAL[Number(text.slice(-1)) - 1]} quarter of ${year}`, (Number(text.slice(-1)) - 1) * 3 + 1]
            : [`the ${ORDINAL[Number(text.slice(-1)) - 1]} half of ${year}`, (Number(text.slice(-1)) - 1) * 6 + 1];
    const start = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
    return `**${text}**: ${what}, ${start} to ${end}\n\nDated on its last day, ${end}: a deadline falls due then, an actual is placed there.`;
}
