import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { LOCK_VERSION, lockProblemMessage, lockReadProblem, lockRecord, parseLock, serializeLock, type LockEntry, type LockFile } from '../../language/pull/lock-file.js';
import { recordChange } from './lock-record-change.js';
import { InputError } from '../workspace/input-error.js';
import { readRegularFileSync } from '../workspace/read-regular-file.js';
import { shownPath } from '../shown-path.js';

/**
 * Writes a file atomically: a temporary file in the same folder, then a
 * rename over the old one, whose permissions it keeps. A failure leaves the
 * old file as it was.
 */
export function writeAtomic(file: string, text: string | Buffer): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
    const mode = fs.existsSync(file) ? fs.statSync(file).mode & 0o7777 : undefined;
    try {
        fs.writeFileSync(temporary, text, { flag: 'wx' });
        if (mode !== undefined) fs.chmodSync(temporary, mode);
        fs.renameSync(temporary, file);
    } catch (error) {
        fs.rmSync(temporary, { force: true });
        throw error;
    }
}

/** Reads a lock file; none yet is an empty lock; one that cannot be parsed is a usage error (nothing is pulled). */
export function readLock(file: string): LockFile {
    if (!fs.existsSync(file)) return { version: LOCK_VERSION, snapshots: Object.create(null) as LockFile['snapshots'] };
    const shown = shownPath(file);
    let text: string;
    try {
        text = readRegularFileSync(file);
    } catch (error) {
        throw new InputError(lockProblemMessage(shown, lockReadProblem(error)));
    }
    const parsed = parseLock(text);
    if (!('lock' in parsed)) throw new InputError(lockProblemMessage(shown, parsed));
    return parsed.lock;
}

/**
 * Why a file cannot be written by `writeAtomic`: it is read-only (the
 * rename would replace it all the same, so that is checked first), or its
 * folder takes no new file; undefined when it can be.
 */
export function unwritable(file: string): string | undefined {
    if (fs.existsSync(file) && !canWrite(file)) return 'is read-only';
    const folder = path.dirname(file);
    if (fs.existsSync(folder) && !canWrite(folder)) return `cannot be written: its folder "${shownPath(folder)}" is not writable`;
    return undefined;
}

/** Whether this process may write a file or folder. */
function canWrite(file: string): boolean {
    try {
        fs.accessSync(file, fs.constants.W_OK);
        return true;
    } catch (error) {
        if (['EACCES', 'EPERM', 'EROFS'].includes(String((error as NodeJS.ErrnoException).code))) return false;
        throw error;
    }
}

/** Checks, before anything is pulled, that a lock file can be written: a usage error naming it when not. */
export function checkLockWritable(file: string): void {
    const problem = unwritable(file);
    if (problem === undefined) return;
    const shown = shownPath(file);
    throw new InputError(lockProblemMessage(shown, { problem, advice: `make it writable, or pull with --dry-run` }));
}

/**
 * Records one snapshot in its lock file (read again, so that entries of
 * other pulls stay), written atomically. A record that differs from the old
 * one only in `pulledAt` keeps the old one, and a lock file whose text
 * would not change is not written: pulling unchanged data changes no file.
 * Returns the old record (undefined when there was none).
 */
export function recordInLock(file: string, key: string, entry: LockEntry): LockEntry | undefined {
    const lock = readLock(file);
    const old = lockRecord(lock, key);
    const text = serializeLock({ version: LOCK_VERSION, snapshots: { ...lock.snapshots, [key]: old && recordChange(old, entry) === undefined ? old : entry } });
    // CRLF read as LF: a lock checked out with git's core.autocrlf that says the same is not rewritten.
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf-8').replaceAll('\r\n', '\n') !== text) writeAtomic(file, text);
    return old;
}
