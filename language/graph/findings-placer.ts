import { push } from './adjacency.js';
import { comparePositions, InnermostIndex } from './innermost-index.js';
import type { GraphPosition, GraphRange } from './types.js';

/** Something with an id whose text spans a range of a document: a node, or an actuals block standing for its metric. */
export interface Place {
    id: string;
    uri: string;
    range: GraphRange;
}

/**
 * Puts items (findings) on the innermost place whose text contains the
 * item's start: the smallest range, the earliest place on a tie; items in no
 * place are left out. The items are sorted by document and start once; each
 * set of places then reads only the items inside its places (one binary
 * search per stretch of text the places cover), so placing the findings on
 * every program's chain in turn costs the chains, not every finding each time.
 */
export class FindingsPlacer<T extends { uri?: string; range?: GraphRange }> {
    /** Item positions by document, sorted by start. */
    private readonly byUri = new Map<string, number[]>();

    constructor(private readonly items: readonly T[]) {
        items.forEach((item, i) => {
            if (item.uri && item.range) push(this.byUri, item.uri, i);
        });
        for (const list of this.byUri.values()) list.sort((a, b) => comparePositions(this.startOf(a), this.startOf(b)) || a - b);
    }

    /** The items on each place's id; lists and keys in the items' order. */
    place(places: readonly Place[]): Map<string, T[]> {
        const chosen: Array<{ item: number; id: string }> = [];
        for (const [uri, candidates] of groupByUri(places)) {
            const order = this.byUri.get(uri);
            if (!order) continue;
            const ranges = candidates.map(p => p.range);
            const innermost = new InnermostIndex(ranges);
            for (const span of coveredSpans(ranges)) {
                for (let i = this.firstAtOrAfter(order, span.start); i < order.length; i++) {
                    const start = this.startOf(order[i]!);
                    if (comparePositions(start, span.end) > 0) break;
                    const found = innermost.find(start);
                    if (found >= 0) chosen.push({ item: order[i]!, id: candidates[found]!.id });
                }
            }
        }
        chosen.sort((a, b) => a.item - b.item);
        const placed = new Map<string, T[]>();
        for (const { item, id } of chosen) push(placed, id, this.items[item]!);
        return placed;
    }

    private startOf(item: number): GraphPosition {
        return this.items[item]!.range!.start;
    }

    private firstAtOrAfter(order: readonly number[], position: GraphPosition): number {
        let low = 0;
        let high = order.length;
        while (low < high) {
            const mid = (low + high) >> 1;
            if (comparePositions(this.startOf(order[mid]!), position) < 0) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}

/** The stretches of text the ranges cover, apart and in order (ranges ending before they start cover nothing). */
function coveredSpans(ranges: readonly GraphRange[]): GraphRange[] {
    const sorted = ranges.filter(r => comparePositions(r.start, r.end) <= 0).sort((a, b) => comparePositions(a.start, b.start));
    const spans: GraphRange[] = [];
    for (const range of sorted) {
        const last = spans[spans.length - 1];
        if (last && comparePositions(range.start, last.end) <= 0) {
            if (comparePositions(range.end, last.end) > 0) spans[spans.length - 1] = { start: last.start, end: range.end };
        } else spans.push(range);
    }
    return spans;
}

function groupByUri(places: readonly Place[]): Map<string, Place[]> {
    const byUri = new Map<string, Place[]>();
    for (const place of places) push(byUri, place.uri, place);
    return byUri;
}
