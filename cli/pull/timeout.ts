import { InputError } from '../workspace/input-error.js';

const VARIABLE = 'ALIGN_PULL_TIMEOUT';

/**
 * The longest time-out, in seconds (24.8 days): Node fires a timer of more
 * than 2^31 - 1 ms at once, and PostgreSQL's `statement_timeout` takes no
 * more either.
 */
const MAX_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/** `ALIGN_PULL_TIMEOUT` in seconds, when it is set (a usage error when it is not a positive number, or longer than a timer holds). */
function givenSeconds(): number | undefined {
    const text = process.env[VARIABLE];
    if (text === undefined || text.trim() === '') return undefined;
    const seconds = Number(text);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_SECONDS) {
        throw new InputError(`${VARIABLE}: expected a number of seconds greater than 0 and at most ${MAX_SECONDS} (24.8 days), not '${text}'`);
    }
    return seconds;
}

/** Checks `ALIGN_PULL_TIMEOUT` before any pull runs: a bad value is a usage error (exit 2), not a silent default. */
export function checkTimeoutSetting(): void {
    givenSeconds();
}

/** Time-out of a connection or request of a pull, in ms: `ALIGN_PULL_TIMEOUT` seconds, 30 by default. */
export function timeoutMs(): number {
    return (givenSeconds() ?? 30) * 1000;
}

/** Time-out of a SQL query (DuckDB, PostgreSQL, SQLite), in ms: `ALIGN_PULL_TIMEOUT` seconds, 300 by default. */
export function queryTimeoutMs(): number {
    return (givenSeconds() ?? 300) * 1000;
}

/** The message of a query stopped by its time-out. */
export function queryTimedOut(): string {
    return `the query did not finish within ${queryTimeoutMs() / 1000} s (set ${VARIABLE} to allow longer)`;
}
