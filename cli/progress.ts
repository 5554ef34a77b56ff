/**
 * Progress of long runs on a terminal: `align: checked 340/1000 files`,
 * rewritten in place with `\r` on standard error. Shown only when standard
 * error is a TTY and the run has more than {@link PROGRESS_THRESHOLD} files,
 * so that logs, pipes and CI output never hold it.
 */

/** Runs over more files than this show progress. */
export const PROGRESS_THRESHOLD = 200;

/** Reports how far a run is: `update(done, total)` as it goes, `done()` at the end. */
export interface Progress {
    /** Shows `align: <verb> done/total files` (throttled). */
    update(verb: string, done: number, total: number): void;
    /** Clears the line, so that what is printed next starts on a clean line. */
    done(): void;
}

/** Where progress is written, and whether it is a terminal. */
export interface ProgressStream {
    readonly isTTY?: boolean;
    write(text: string): unknown;
}

/** Updates shown at most this often (ms), besides the last one of each verb. */
const INTERVAL_MS = 80;

/** A progress reporter on `stream` (standard error by default), silent when it is not a TTY. */
export function createProgress(stream: ProgressStream = process.stderr, now: () => number = Date.now): Progress {
    if (stream.isTTY !== true) return SILENT;
    let shown = false;
    let last = -Infinity;
    let lastVerb = '';
    return {
        update(verb, done, total) {
            if (total <= PROGRESS_THRESHOLD) return;
            const time = now();
            if (verb === lastVerb && done < total && time - last < INTERVAL_MS) return;
            last = time;
            lastVerb = verb;
            shown = true;
            stream.write(`\r\x1b[2Kalign: ${verb} ${done}/${total} files`);
        },
        done() {
            if (shown) stream.write('\r\x1b[2K');
            shown = false;
        }
    };
}

/** A reporter that shows nothing. */
export const SILENT: Progress = { update() { /* nothing */ }, done() { /* nothing */ } };
