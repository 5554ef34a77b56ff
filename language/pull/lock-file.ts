import { withoutBom } from '../byte-order-mark.js';
import { describeCode } from '../files/file-errors.js';

/** The name of the lock file that records every pulled snapshot. */
export const LOCK_FILE = 'align.lock.json';
/** The lock file's format version. */
export const LOCK_VERSION = 1;

/** What `align pull` recorded about one snapshot (language.md, pulled actuals). */
export interface LockEntry {
    /** The metric's qualified name. */
    readonly metric: string;
    readonly kind: 'sql' | 'xapi';
    /** sql: the query file, relative to the lock file's folder. */
    readonly query?: string;
    readonly querySha256?: string;
    /** xapi: SHA-256 of the normalised pull block. */
    readonly pullSha256?: string;
    /** `on` as written: a file path, or `env:VAR`; absent for DuckDB in memory (sql) . xapi: `env:VAR` of the endpoint. */
    readonly on?: string;
    readonly rows: number;
    readonly firstPeriod?: string;
    readonly lastPeriod?: string;
    readonly snapshotSha256: string;
    /** ISO time of the pull, UTC. */
    readonly pulledAt: string;
}

/** `align.lock.json`: snapshot path (relative to the lock file's folder, `/` separators) to its record. */
export interface LockFile {
    readonly version: number;
    readonly snapshots: Record<string, LockEntry>;
}

/**
 * Why a lock file cannot be used, and what to do about it: said alike by
 * `align pull` (a usage error) and by `align check` (rule `snapshot-drift`).
 */
export interface LockProblem {
    /** What is wrong, said after the file's name: `is not valid JSON (...)`. */
    readonly problem: string;
    /** What to do, e.g. `update align`. */
    readonly advice: string;
}

/** The advice for a lock file that is broken (not one written by a newer align). */
const REPAIR = 'fix it, or delete it to pull every snapshot anew';

/** One line: a JSON parser's message may quote the text, line breaks and all. */
function oneLine(text: string): string {
    return text.replace(/[\s\uFEFF]+/g, ' ').trim();
}

/** The sentence for a lock file that cannot be used, naming it as `shown`; one line. */
export function lockProblemMessage(shown: string, { problem, advice }: LockProblem): string {
    return oneLine(`${shown} ${problem}: ${advice}`);
}

/** A lock file that exists but cannot be read (a folder, no permission). */
export function lockReadProblem(error: unknown): LockProblem {
    const code = (error as { code?: unknown } | undefined)?.code;
    return { problem: `cannot be read (${oneLine(describeCode(typeof code === 'string' ? code : undefined, error))})`, advice: REPAIR };
}

/** The fields of a record and what each must be; `kind` says which are required besides the common ones. */
const TEXT_FIELDS = ['metric', 'query', 'querySha256', 'pullSha256', 'on', 'firstPeriod', 'lastPeriod', 'snapshotSha256', 'pulledAt'] as const;
const REQUIRED: Record<LockEntry['kind'], ReadonlyArray<keyof LockEntry>> = {
    sql: ['metric', 'kind', 'query', 'querySha256', 'rows', 'snapshotSha256'],
    xapi: ['metric', 'kind', 'pullSha256', 'rows', 'snapshotSha256']
};

/** What is wrong with the fields of one record (`\`rows\` is "many"`, `no \`kind\``); empty when it is well formed. */
function recordFaults(entry: Record<string, unknown>): string[] {
    const faults: string[] = [];
    const kind = entry['kind'];
    const known = kind === 'sql' || kind === 'xapi';
    if (kind === undefined) faults.push('no `kind`');
    else if (!known) faults.push(`\`kind\` is ${JSON.stringify(kind)}, not "sql" or "xapi"`);
    for (const field of known ? REQUIRED[kind] : ['metric', 'rows', 'snapshotSha256']) {
        if (field !== 'kind' && entry[field] === undefined) faults.push(`no \`${field}\``);
    }
    for (const field of TEXT_FIELDS) {
        const value = entry[field];
        if (value !== undefined && typeof value !== 'string') faults.push(`\`${field}\` is ${JSON.stringify(value)}, not text`);
    }
    const rows = entry['rows'];
    if (rows !== undefined && !(typeof rows === 'number' && Number.isInteger(rows) && rows >= 0)) faults.push(`\`rows\` is ${JSON.stringify(rows)}, not a count`);
    return faults;
}

/** Parses a lock file (a leading byte order mark is allowed); a problem (not JSON, wrong shape) says what is wrong and what to do. */
export function parseLock(text: string): { lock: LockFile } | LockProblem {
    const json = withoutBom(text);
    // Empty: a write that never finished, or a file made by hand; JSON.parse would say `Unexpected end of JSON input`.
    if (json.trim() === '') return { problem: 'is empty', advice: 'restore it from version control, or delete it to pull every snapshot anew' };
    let data: unknown;
    try {
        data = JSON.parse(json);
    } catch (error) {
        return { problem: `is not valid JSON (${oneLine(error instanceof Error ? error.message : String(error))})`, advice: REPAIR };
    }
    const snapshots = (data as { snapshots?: unknown } | null)?.snapshots;
    if (typeof data !== 'object' || data === null || typeof snapshots !== 'object' || snapshots === null || Array.isArray(snapshots)) {
        return { problem: 'has no `snapshots` object', advice: REPAIR };
    }
    const version = (data as { version?: unknown }).version ?? LOCK_VERSION;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
        return { problem: `has the version ${JSON.stringify(version)}; expected ${LOCK_VERSION}`, advice: REPAIR };
    }
    if (version > LOCK_VERSION) {
        return { problem: `has the version ${version}, written by a newer align (this one reads version ${LOCK_VERSION})`, advice: 'update align' };
    }
    for (const [key, entry] of Object.entries(snapshots)) {
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
            return { problem: `has a record of ${JSON.stringify(key)} that is not an object (${JSON.stringify(entry)})`, advice: REPAIR };
        }
        const faults = recordFaults(entry as Record<string, unknown>);
        if (faults.length > 0) return { problem: `has a malformed record of ${JSON.stringify(key)}: ${faults.join(', ')}`, advice: REPAIR };
    }
    return { lock: { version, snapshots: snapshots as Record<string, LockEntry> } };
}

/**
 * The record of a snapshot path, if the lock has one: its own property
 * only, so that a path named `__proto__` or `constructor` is a path like
 * any other, never the object's prototype or a method.
 */
export function lockRecord(lock: LockFile, path: string): LockEntry | undefined {
    return Object.hasOwn(lock.snapshots, path) ? lock.snapshots[path] : undefined;
}

/** The lock file's text: snapshots sorted by path, fields in a fixed order, two-space indent, final newline. */
export function serializeLock(lock: LockFile): string {
    const order: Array<keyof LockEntry> = ['metric', 'kind', 'query', 'querySha256', 'pullSha256', 'on', 'rows', 'firstPeriod', 'lastPeriod', 'snapshotSha256', 'pulledAt'];
    // No prototype: a snapshot path `__proto__` is set as a key, not as the object's prototype (which JSON.stringify would leave out).
    const snapshots = Object.create(null) as Record<string, Record<string, unknown>>;
    for (const path of Object.keys(lock.snapshots).sort()) {
        const entry = lockRecord(lock, path)!;
        snapshots[path] = Object.fromEntries(order.filter(k => entry[k] !== undefined).map(k => [k, entry[k]]));
    }
    return `${JSON.stringify({ version: lock.version, snapshots }, undefined, 2)}\n`;
}
