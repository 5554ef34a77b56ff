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

/** Parses a lock file; a problem (not JSON, wrong shape) is a sentence. */
export function parseLock(text: string): { lock: LockFile } | { problem: string } {
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch (error) {
        return { problem: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
    }
    const snapshots = (data as { snapshots?: unknown } | null)?.snapshots;
    if (typeof data !== 'object' || data === null || typeof snapshots !== 'object' || snapshots === null || Array.isArray(snapshots)) {
        return { problem: 'has no `snapshots` object' };
    }
    const version = (data as { version?: unknown }).version ?? LOCK_VERSION;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
        return { problem: `has the version ${JSON.stringify(version)}; expected ${LOCK_VERSION}` };
    }
    if (version > LOCK_VERSION) {
        return { problem: `has the version ${version}, written by a newer align (this one reads version ${LOCK_VERSION}; update align)` };
    }
    for (const [key, entry] of Object.entries(snapshots)) {
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
            return { problem: `has a record of ${JSON.stringify(key)} that is not an object (${JSON.stringify(entry)})` };
        }
    }
    return { lock: { version, snapshots: snapshots as Record<string, LockEntry> } };
}

/** The lock file's text: snapshots sorted by path, fields in a fixed order, two-space indent, final newline. */
export function serializeLock(lock: LockFile): string {
    const order: Array<keyof LockEntry> = ['metric', 'kind', 'query', 'querySha256', 'pullSha256', 'on', 'rows', 'firstPeriod', 'lastPeriod', 'snapshotSha256', 'pulledAt'];
    const snapshots: Record<string, Record<string, unknown>> = {};
    for (const path of Object.keys(lock.snapshots).sort()) {
        const entry = lock.snapshots[path]!;
        snapshots[path] = Object.fromEntries(order.filter(k => entry[k] !== undefined).map(k => [k, entry[k]]));
    }
    return `${JSON.stringify({ version: lock.version, snapshots }, undefined, 2)}\n`;
}
