import { formatNumber } from '../../language/present/index.js';
import { PullError } from './pull-error.js';

/**
 * The most rows a query may return. A snapshot holds one row per period
 * (100,000 days are 273 years): more rows are a query that does not
 * aggregate, and reading them all would exhaust memory before that is said.
 */
export const MAX_ROWS = 100_000;

/** The failure of a query that returns more than MAX_ROWS rows (only MAX_ROWS + 1 are read). */
export function tooManyRows(): PullError {
    return new PullError(`the query returns more than ${formatNumber(MAX_ROWS, 0)} rows: aggregate in the query (one row per period)`);
}

/** The positions of `period` and `value` in a result; any other column set is a PullError naming the columns. */
export function periodValueColumns(columns: readonly string[]): { period: number; value: number } {
    const lower = columns.map(c => c.toLowerCase());
    const period = lower.indexOf('period');
    const value = lower.indexOf('value');
    if (columns.length !== 2 || period < 0 || value < 0) {
        throw new PullError(`the query returns the columns ${columns.length > 0 ? columns.map(c => `\`${c}\``).join(', ') : 'none'}; it must return exactly \`period\` and \`value\``);
    }
    return { period, value };
}
