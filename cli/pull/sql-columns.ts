import { PullError } from './pull-error.js';

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
