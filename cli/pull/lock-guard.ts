import * as fs from 'node:fs';
import * as path from 'node:path';
import { shownPath } from '../shown-path.js';
import { PullError } from './pull-error.js';

/** How long a pull waits for another `align pull` to finish writing the same lock file. */
const WAIT_MS = 60_000;
/** A guard older than this is left over from a process that was killed while it wrote (a write takes milliseconds). */
const STALE_MS = 60_000;
/** Between two attempts to take the guard. */
const RETRY_MS = 20;

/**
 * Takes the guard of a lock file: `.align.lock.json.writing` beside it,
 * created exclusively, holding this process's id. Two `align pull`s at once
 * (a pull per metric in parallel jobs, say) would otherwise each read the
 * lock, add their record and rename their copy over the other's, losing a
 * record (snapshot-drift on the next check), or leave one pull's snapshot
 * with the other's record. Waits, without blocking signals, while another
 * live process holds it; one left by a process that is gone is taken over.
 * Returns the release, to be called once the snapshot and its record are
 * written (synchronously, right after: nothing may await in between).
 */
export async function guardLockFile(lockFile: string): Promise<() => void> {
    const guard = path.join(path.dirname(lockFile), `.${path.basename(lockFile)}.writing`);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
        const holder = tryTake(guard);
        if (holder === undefined) return () => fs.rmSync(guard, { force: true });
        if (holder === 'stale') continue;
        if (Date.now() > deadline) {
            throw new PullError(`another align pull (${holder}) has been writing ${shownPath(lockFile)} for over ${WAIT_MS / 1000} s; if none runs, delete ${shownPath(guard)}`);
        }
        await new Promise(resolve => setTimeout(resolve, RETRY_MS));
    }
}

/** Takes the guard (undefined), removes one left by a process that is gone ('stale'), or says who holds it. */
function tryTake(guard: string): string | 'stale' | undefined {
    try {
        fs.writeFileSync(guard, `${process.pid}\n`, { flag: 'wx' });
        return undefined;
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let pid: number;
    let age: number;
    try {
        pid = Number(fs.readFileSync(guard, 'utf-8').trim());
        age = Date.now() - fs.statSync(guard).mtimeMs;
    } catch (error) {
        // Released between the two steps: try again.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'stale';
        throw error;
    }
    if (age > STALE_MS || (Number.isInteger(pid) && pid > 0 && !alive(pid))) {
        fs.rmSync(guard, { force: true });
        return 'stale';
    }
    return Number.isInteger(pid) && pid > 0 ? `process ${pid}` : 'a process';
}

/** Whether a process of this machine runs (one of another user's counts: EPERM). */
function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code !== 'ESRCH';
    }
}
