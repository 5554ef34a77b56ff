import * as fs from 'node:fs';
import * as path from 'node:path';
import { shownPath } from '../shown-path.js';
import { leftOver, pidOf, removeLeftOver, seeFile } from './left-over-file.js';
import { PullError } from './pull-error.js';

/** How long a pull waits for another `align pull` to finish writing the same lock file. */
const WAIT_MS = 60_000;
/** Between two attempts to take the guard. */
const RETRY_MS = 20;

/** Where tests step in (the order of two processes, made certain). */
export interface GuardSteps {
    /** A file (the guard, or the `.break` of one being removed) was judged left over by a process that is gone, and is about to be removed. */
    judgedStale?(file: string): void;
    /** Another process holds the guard: the pull waits, then tries again. */
    waiting?(holder: string): void;
}

/**
 * Takes the guard of a lock file: `.align.lock.json.writing` beside it,
 * created exclusively, holding this process's id. Two `align pull`s at once
 * (a pull per metric in parallel jobs, say) would otherwise each read the
 * lock, add their record and rename their copy over the other's, losing a
 * record (snapshot-drift on the next check), or leave one pull's snapshot
 * with the other's record. Waits, without blocking signals, while another
 * live process holds it; one left by a process that is gone is taken over,
 * by one pull of those that find it (removeLeftOver).
 * Returns the release, to be called once the snapshot and its record are
 * written (synchronously, right after: nothing may await in between).
 */
export async function guardLockFile(lockFile: string, steps: GuardSteps = {}): Promise<() => void> {
    const guard = path.join(path.dirname(lockFile), `.${path.basename(lockFile)}.writing`);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
        const holder = tryTake(guard, steps);
        if (holder === undefined) return () => fs.rmSync(guard, { force: true });
        if (holder === 'again') continue;
        if (Date.now() > deadline) {
            throw new PullError(`another align pull (${holder}) has been writing ${shownPath(lockFile)} for over ${WAIT_MS / 1000} s; if none runs, delete ${shownPath(guard)}`);
        }
        steps.waiting?.(holder);
        await new Promise(resolve => setTimeout(resolve, RETRY_MS));
    }
}

/** Takes the guard (undefined), says to try again at once ('again': one left over was removed, or released meanwhile), or says who holds it. */
function tryTake(guard: string, steps: GuardSteps): string | 'again' | undefined {
    try {
        fs.writeFileSync(guard, `${process.pid}\n`, { flag: 'wx' });
        return undefined;
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const seen = seeFile(guard);
    if (seen === undefined) return 'again';
    if (leftOver(seen)) {
        steps.judgedStale?.(guard);
        if (removeLeftOver(guard, seen, file => steps.judgedStale?.(file))) return 'again';
    }
    const pid = pidOf(seen);
    return pid !== undefined ? `process ${pid}` : 'a process';
}
