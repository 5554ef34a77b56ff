/**
 * The temporary folders `align diff` copies revisions into. Each is named
 * with the id of the process that made it (`align-diff-<pid>-XXXXXX`), so
 * that a run removes the copies of earlier runs that were stopped before
 * they could (Ctrl-C while loading, a cancelled CI job): copies of this
 * user whose process no longer runs and that are over an hour old (a
 * process id names another process in another PID namespace, e.g. a
 * container that shares the temp folder: a young copy may be its own).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const PREFIX = 'align-diff-';
const STALE_AFTER_MS = 60 * 60 * 1000;
/** The temporary folder is scanned once per process, not for each copy. */
let scanned = false;

/** A new empty folder for a copy; the first of the process removes the copies that stopped runs left behind. */
export function makeTempCopy(): string {
    if (!scanned) removeStaleCopies(os.tmpdir());
    scanned = true;
    return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`)));
}

function removeStaleCopies(tmp: string): void {
    const uid = process.getuid?.();
    for (const name of fs.readdirSync(tmp)) {
        const pid = new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1];
        if (pid === undefined || isRunning(Number(pid))) continue;
        const folder = path.join(tmp, name);
        const stat = fs.lstatSync(folder, { throwIfNoEntry: false });
        // Another user's copy, or one another run removed just now: not ours to remove.
        if (!stat?.isDirectory() || (uid !== undefined && stat.uid !== uid)) continue;
        if (Date.now() - stat.mtimeMs < STALE_AFTER_MS) continue;
        fs.rmSync(folder, { recursive: true, force: true });
    }
}

/** True when process `pid` runs (or runs as another user). */
function isRunning(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
}
