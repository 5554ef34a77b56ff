import type { LockEntry } from './lock-file.js';
import { pullLabel, type PullSpec } from './pull-spec.js';

/** What was read to compare a pulled snapshot with its lock record; a string is why a file could not be read. */
export interface SnapshotFacts {
    readonly spec: PullSpec;
    /** The snapshot path as written in `from`. */
    readonly file: string;
    /** The lock record, or why there is none. */
    readonly entry: LockEntry | { readonly none: string };
    readonly snapshotSha256: string | { readonly error: string };
    /** sql: the query file as written, relative to the lock file's folder. */
    readonly queryKey?: string;
    readonly querySha256?: string | { readonly error: string };
    /** xapi: SHA-256 of the normalised block. */
    readonly pullSha256?: string;
}

/**
 * Why the snapshot no longer comes from the declared source (rule
 * `snapshot-drift`); empty when it matches its record in `align.lock.json`.
 */
export function driftReasons(facts: SnapshotFacts): string[] {
    const { entry, spec } = facts;
    if ('none' in entry) return [entry.none];
    const reasons: string[] = [];
    if (typeof facts.snapshotSha256 !== 'string') reasons.push(`the snapshot "${facts.file}" ${facts.snapshotSha256.error}`);
    else if (facts.snapshotSha256 !== entry.snapshotSha256) reasons.push(`the snapshot "${facts.file}" was changed after the last pull`);
    if (entry.kind !== spec.kind) return [...reasons, `it was pulled with ${entry.kind}, the block now says ${spec.kind}`];
    if (spec.kind === 'sql') {
        if (typeof facts.querySha256 !== 'string') reasons.push(`the query file "${spec.query}" ${facts.querySha256?.error ?? 'was not read'}`);
        else if (entry.query !== facts.queryKey || entry.querySha256 !== facts.querySha256) reasons.push(`the query file "${spec.query}" changed after the last pull`);
        if ((entry.on ?? '') !== (spec.on ?? '')) reasons.push(`it was pulled ${entry.on ? `on ${entry.on}` : 'with DuckDB in memory'}, the block now says ${spec.on ? `on ${spec.on}` : 'in memory'}`);
    } else if (entry.pullSha256 !== facts.pullSha256) {
        reasons.push(`the pull block (${pullLabel(spec)}) changed after the last pull`);
    }
    return reasons;
}
