import type { Actuals } from '../generated/ast.js';
import type { ActualsEntry } from '../actuals/read-actuals.js';
import { WordedRows } from '../actuals/worded-rows.js';
import type { LatestActual } from './build-graph.js';
import type { Fragment } from './fragment.js';

/** Where a metric's period was first given a value. */
export interface FirstActual {
    readonly actuals: Actuals;
    readonly entry: ActualsEntry;
    /** The document of `actuals`. */
    readonly uri: string;
}

/** A row of a later actuals block that gives a period (one ending the same day) a value an earlier block gave already. */
export interface RepeatedActual {
    readonly entry: ActualsEntry;
    readonly first: FirstActual;
}

/**
 * The repeated periods of one actuals block, in row order: each inline row's
 * worded, and the first few of a CSV file's rows; the lines of the others
 * (worded-rows.ts), so that a file that repeats a million periods keeps no
 * object for each.
 */
export interface RepeatedActuals {
    readonly worded: readonly RepeatedActual[];
    /** The lines of the CSV rows not worded, in line order. */
    readonly unworded: readonly number[];
}

/**
 * The actuals of each metric, gathered from every document in document order
 * (documents sorted by URI, blocks in file order), and where they are. A
 * period that an earlier block gives a value already is a repeat: the first
 * block's value counts, the repeat is left out of the entries (and of the
 * latest actual) and recorded for `actuals-invalid`. A period given twice in
 * one block is left out too (that block's order problem reports it).
 */
export class ActualsIndex {
    private entries = new Map<string, ActualsEntry[]>();
    private documents = new Map<string, Set<string>>();
    /** The latest actual of each metric id that has actuals. */
    latest = new Map<string, LatestActual>();
    /** The repeated periods of each actuals block that has some. */
    repeats = new Map<Actuals, WordedRows<RepeatedActual>>();

    /**
     * Gathers the actuals of every fragment again (actuals blocks are few next
     * to declarations). The findings on repeats need no more than the figures:
     * a changed block changes the targets of its fragment, whose metrics'
     * actuals documents are all looked at again (graph-state.ts, `recordChanged`).
     */
    update(fragments: readonly Fragment[]): void {
        this.entries = new Map();
        this.documents = new Map();
        this.latest = new Map();
        this.repeats = new Map();
        const firsts = new Map<string, Map<number, FirstActual>>();
        for (const f of fragments) {
            f.actuals.forEach(({ actuals, read }, i) => {
                const metricId = f.actualsTargets[i];
                if (!metricId) return;
                let list = this.entries.get(metricId);
                if (!list) this.entries.set(metricId, list = []);
                let seen = firsts.get(metricId);
                if (!seen) firsts.set(metricId, seen = new Map());
                const uris = this.documents.get(metricId);
                if (uris) uris.add(f.uri);
                else this.documents.set(metricId, new Set([f.uri]));
                for (const entry of read.entries) {
                    const first = seen.get(entry.period.day);
                    if (first) {
                        if (first.actuals !== actuals) {
                            let repeats = this.repeats.get(actuals);
                            if (!repeats) this.repeats.set(actuals, repeats = new WordedRows());
                            if (repeats.words(entry.csvLine)) repeats.worded.push({ entry, first });
                        }
                        continue;
                    }
                    seen.set(entry.period.day, { actuals, entry, uri: f.uri });
                    list.push(entry);
                    const latest = this.latest.get(metricId);
                    if (!latest || entry.period.day > latest.entry.period.day) this.latest.set(metricId, { actuals, entry });
                }
            });
        }
    }

    /** The actuals entries of a metric, in document order, each period once (its first value). */
    entriesOf(metricId: string): readonly ActualsEntry[] {
        return this.entries.get(metricId) ?? [];
    }

    /** The documents with an actuals block for a metric. */
    documentsFor(metricId: string): ReadonlySet<string> {
        return this.documents.get(metricId) ?? new Set();
    }
}
