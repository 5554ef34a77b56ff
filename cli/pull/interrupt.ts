/**
 * Ctrl-C (SIGINT) or SIGTERM during `align pull`. Node would stop at once,
 * anywhere; with these handlers a signal waits for the running synchronous
 * step, so that a pull's snapshot and its lock entry (written in one step)
 * are both written or neither. The query under way is cancelled where it
 * runs (DuckDB interrupted, PostgreSQL asked to cancel it, as psql does on
 * Ctrl-C) for at most two seconds, one line says what was done, and the
 * exit status is the shell's for that signal (128 + its number). A second
 * signal stops the process at once.
 */
import { firstLine } from './pull-error.js';

/** The signals handled, with their exit status. */
const SIGNALS = [['SIGINT', 130], ['SIGTERM', 143]] as const;

/** How long the cancelling of running queries may take before the process exits anyway. */
const CANCEL_MS = 2_000;

/** What cancels each query under way: what it runs on, and how. */
const cancellers = new Map<() => unknown, string>();

/** Set by a signal: the process is about to exit. */
let signalled = false;

/**
 * After a signal, never settles: a pull whose query the signal cancelled
 * (and so failed) waits here for the exit, rather than reporting a failure
 * or starting the next pull. Before one, settles at once.
 */
export async function unlessSignalled(): Promise<void> {
    if (signalled) await new Promise<never>(() => undefined);
}

/** `work`, with `cancel` (for `what`: `the PostgreSQL query`) called if a signal comes before it settles. */
export async function cancelledBySignals<T>(what: string, cancel: () => unknown, work: Promise<T>): Promise<T> {
    cancellers.set(cancel, what);
    try {
        return await work;
    } finally {
        cancellers.delete(cancel);
    }
}

/** Runs `run`; a signal meanwhile cancels the queries under way, writes `message(signal)` on standard error and exits. */
export async function stoppedBySignals<T>(message: (signal: string) => string, run: () => Promise<T>): Promise<T> {
    const handlers = SIGNALS.map(([signal, status]) => {
        const handler = () => {
            signalled = true;
            void cancelAll().then(problems => {
                process.stderr.write([message(signal), ...problems].join('\n') + '\n');
                process.exit(status);
            });
        };
        process.once(signal, handler);
        return [signal, handler] as const;
    });
    try {
        return await run();
    } finally {
        for (const [signal, handler] of handlers) process.off(signal, handler);
    }
}

/** Cancels every query under way; a line for each that could not be cancelled in time or at all. */
async function cancelAll(): Promise<string[]> {
    const pending = [...cancellers].map(async ([cancel, what]) => {
        const late = new Promise<string>(resolve => setTimeout(() => resolve(`align: ${what} may still run: it was not cancelled within ${CANCEL_MS / 1000} s`), CANCEL_MS).unref());
        const cancelled = Promise.resolve().then(cancel).then(() => '', (error: unknown) => `align: ${what} may still run: cancelling it failed (${firstLine(error)})`);
        return Promise.race([cancelled, late]);
    });
    return (await Promise.all(pending)).filter(line => line !== '');
}
