/**
 * Work in steps: a generator that yields between parts of a long
 * computation, so that a caller on a UI thread can run each part in a task
 * of its own (webview/planner.ts), and `drain` for callers that want the
 * result at once (the CLI, the report, tests).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step and returns the result. */
export function drain<T>(steps: Steps<T>): T {
    for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
    }
}
