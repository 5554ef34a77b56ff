import { NOT_REGULAR_CODE, NOT_REGULAR_WORDS } from './regular-files.js';

/** File-system error codes in words, for every message that names a file it could not read or write (CLI and language alike). */
const CODES: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    ELOOP: 'too many symbolic links',
    ENAMETOOLONG: 'name too long',
    EIO: 'input/output error',
};

/** A short reason for a failed file operation, e.g. `permission denied, EACCES`. */
export function describeCode(code: string | undefined, error?: unknown): string {
    if (code === NOT_REGULAR_CODE) return NOT_REGULAR_WORDS;
    if (code === undefined) return error instanceof Error ? error.message.split(/\r?\n/)[0]! : String(error);
    return CODES[code] ? `${CODES[code]}, ${code}` : code;
}
