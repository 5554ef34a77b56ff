import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { LOCK_VERSION, lockProblemMessage, lockReadProblem, parseLock, serializeLock, type LockEntry, type LockFile } from '../../language/pull/lock-file.js';
import { InputError } from '../workspace/input-error.js';

/**
 * Writes a file atomically: a temporary file in the same folder, then a
 * rename over the old one. A failure leaves the old file as it was.
 */
export function writeAtomic(file: string, text: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
        fs.writeFileSync(temporary, text, { flag: 'wx' });
        fs.renameSync(temporary, file);
    } catch (error) {
        fs.rmSync(temporary, { force: true });
        throw error;
    }
}

/** Reads a lock file; none yet is an empty lock; one that cannot be parsed is a usage error (nothing is pulled). */
export function readLock(file: string): LockFile {
    if (!fs.existsSync(file)) return { version: LOCK_VERSION, snapshots: {} };
    const shown = path.relative(process.cwd(), file) || file;
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf-8');
    } catch (error) {
        throw new InputError(lockProblemMessage(shown, lockReadProblem(error)));
    }
    const parsed = parseLock(text);
    if (!('lock' in parsed)) throw new InputError(lockProblemMessage(shown, parsed));
    return parsed.lock;
}

/**
 * Records one snapshot in its lock file (read again, so that entries of
 * other pulls stay), written atomically. A record that differs from the old
 * one only in `pulledAt` keeps the old one, and a lock file whose text
 * would not change is not written: pulling unchanged data changes no file.
 */
export function recordInLock(file: string, key: string, entry: LockEntry): void {
    const lock = readLock(file);
    const old = lock.snapshots[key];
    const text = serializeLock({ version: LOCK_VERSION, snapshots: { ...lock.snapshots, [key]: old && sameRecord(old, entry) ? old : entry } });
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf-8') !== text) writeAtomic(file, text);
}

/** Whether two records say the same but perhaps for the time of the pull. */
function sameRecord(a: LockEntry, b: LockEntry): boolean {
    const without = (entry: LockEntry) => serializeLock({ version: LOCK_VERSION, snapshots: { key: { ...entry, pulledAt: '' } } });
    return without(a) === without(b);
}
