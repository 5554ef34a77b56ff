import type { ActualsEntry } from '../actuals/read-actuals.js';
import type { LatestActual } from './build-graph.js';
import type { Fragment } from './fragment.js';

/** The actuals of each metric, gathered from every document in document order, and where they are. */
export class ActualsIndex {
    private entries = new Map<string, ActualsEntry[]>();
    private documents = new Map<string, Set<string>>();
    /** The latest actual of each metric id that has actuals. */
    latest = new Map<string, LatestActual>();

    /** Gathers the actuals of every fragment again (actuals blocks are few next to declarations). */
    update(fragments: readonly Fragment[]): void {
        this.entries = new Map();
        this.documents = new Map();
        this.latest = new Map();
        for (const f of fragments) {
            f.actuals.forEach(({ actuals, read }, i) => {
                const metricId = f.actualsTargets[i];
                if (!metricId) return;
                const list = this.entries.get(metricId);
                if (list) list.push(...read.entries);
                else this.entries.set(metricId, [...read.entries]);
                const uris = this.documents.get(metricId);
                if (uris) uris.add(f.uri);
                else this.documents.set(metricId, new Set([f.uri]));
                for (const entry of read.entries) {
                    const latest = this.latest.get(metricId);
                    if (!latest || entry.period.day >= latest.entry.period.day) this.latest.set(metricId, { actuals, entry });
                }
            });
        }
    }

    /** The actuals entries of a metric, in document order. */
    entriesOf(metricId: string): readonly ActualsEntry[] {
        return this.entries.get(metricId) ?? [];
    }

    /** The documents with an actuals block for a metric. */
    documentsFor(metricId: string): ReadonlySet<string> {
        return this.documents.get(metricId) ?? new Set();
    }
}
