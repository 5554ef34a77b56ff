import fs from 'node:fs';
import { isSpecialFile, notRegularFileError } from '../../language/files/regular-files.js';

/**
 * Throws `notRegularFileError` (whose code `describeCode` words) when `file`
 * is a named pipe, socket or device, symbolic links followed: opening a pipe
 * blocks until a writer comes, so such a file is never opened. A missing
 * file passes: the read that follows fails with the file system's own error.
 */
export function checkRegularFileSync(file: string): void {
    if (isSpecialFileSync(file)) throw notRegularFileError(file);
}

/** Whether `file` is a named pipe, socket or device, symbolic links followed; false when it is missing. */
export function isSpecialFileSync(file: string): boolean {
    const stats = fs.statSync(file, { throwIfNoEntry: false });
    return stats !== undefined && isSpecialFile({ isFile: stats.isFile(), isDirectory: stats.isDirectory() });
}

/** `fs.readFileSync(file, 'utf-8')` that never opens a named pipe, socket or device (see `checkRegularFileSync`). */
export function readRegularFileSync(file: string): string {
    checkRegularFileSync(file);
    return fs.readFileSync(file, 'utf-8');
}
