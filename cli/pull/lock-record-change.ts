import type { LockEntry } from '../../language/pull/lock-file.js';

/** How a pull changes a snapshot's lock record: added (there was none) or updated, and why, in words (`the query changed`). */
export interface RecordChange {
    readonly added: boolean;
    readonly why: string;
}

/**
 * What a change of each field of a record means, in the order the words
 * are given; those that say what the snapshot holds share one. Every field
 * but `pulledAt`: a field added to `LockEntry` without its meaning here is
 * a type error, so that no change of a record goes unsaid.
 */
const MEANINGS: Readonly<Record<Exclude<keyof LockEntry, 'pulledAt'>, string>> = {
    metric: 'the metric changed',
    kind: 'the source changed',
    on: 'the source changed',
    query: 'the query file moved',
    querySha256: 'the query changed',
    pullSha256: 'the pull block changed',
    rows: 'it did not match the snapshot',
    firstPeriod: 'it did not match the snapshot',
    lastPeriod: 'it did not match the snapshot',
    snapshotSha256: 'it did not match the snapshot'
};

/**
 * How the record a pull writes differs from the old one (undefined when
 * there was none): undefined when they say the same but perhaps for the
 * time of the pull, which keeps the old record. A snapshot whose data did
 * not change may still get a new record (a comment added to the query, a
 * new `on`): `align pull` says so, `--dry-run` too.
 */
export function recordChange(old: LockEntry | undefined, entry: LockEntry): RecordChange | undefined {
    if (old === undefined) return { added: true, why: 'there was none' };
    const fields = Object.keys(MEANINGS) as Array<keyof typeof MEANINGS>;
    const why = new Set(fields.filter(field => old[field] !== entry[field]).map(field => MEANINGS[field]));
    return why.size === 0 ? undefined : { added: false, why: [...why].join(', ') };
}

/** The words after a snapshot that keeps its data: `(unchanged)`, or `(unchanged; its lock record [would be] updated: the query changed)`. */
export function unchangedWords(change: RecordChange | undefined, dryRun: boolean): string {
    if (change === undefined) return '(unchanged)';
    return `(unchanged; its lock record ${dryRun ? 'would be ' : ''}${change.added ? 'added' : 'updated'}: ${change.why})`;
}
