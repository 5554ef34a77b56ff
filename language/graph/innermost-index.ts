import type { GraphPosition, GraphRange } from './types.js';

/**
 * Answers "which range is the innermost one containing this point": the
 * smallest by `rangeSize`, the earliest range on a tie, both ends included.
 * Built once in n log n (one sweep over the ranges' ends, with a heap of the
 * ranges begun so far) as a list of disjoint segments, each with its answer;
 * a point is then one binary search. Any ranges will do: nested,
 * overlapping, apart or touching.
 */
export class InnermostIndex {
    /** Segment `i` runs from `starts[i]` up to `starts[i + 1]` (excluded); its innermost range is `answers[i]` (-1: none). */
    private readonly startLines: number[] = [];
    private readonly startCharacters: number[] = [];
    private readonly answers: number[] = [];

    constructor(ranges: readonly GraphRange[]) {
        const sizes = ranges.map(rangeSize);
        // A range holds its end: it stops holding points at the character after its end.
        const stops = ranges.map(r => ({ line: r.end.line, character: r.end.character + 1 }));
        const byStart = ranges.map((_, i) => i).sort((a, b) => comparePositions(ranges[a]!.start, ranges[b]!.start));
        const bounds = [...ranges.map(r => r.start), ...stops].sort(comparePositions);
        const heap = new IndexHeap((a, b) => sizes[a]! < sizes[b]! || (sizes[a] === sizes[b] && a < b));
        let next = 0;
        for (let b = 0; b < bounds.length; b++) {
            const at = bounds[b]!;
            if (b > 0 && comparePositions(bounds[b - 1]!, at) === 0) continue;
            while (next < byStart.length && comparePositions(ranges[byStart[next]!]!.start, at) <= 0) heap.push(byStart[next++]!);
            while (heap.size > 0 && comparePositions(stops[heap.top()]!, at) <= 0) heap.pop();
            this.startLines.push(at.line);
            this.startCharacters.push(at.character);
            this.answers.push(heap.size > 0 ? heap.top() : -1);
        }
    }

    /** Index of the innermost range containing `point`, or -1. */
    find(point: GraphPosition): number {
        let low = 0;
        let high = this.answers.length - 1;
        let found = -1;
        while (low <= high) {
            const mid = (low + high) >> 1;
            const line = this.startLines[mid]!;
            if (line < point.line || (line === point.line && this.startCharacters[mid]! <= point.character)) {
                found = mid;
                low = mid + 1;
            } else high = mid - 1;
        }
        return found < 0 ? -1 : this.answers[found]!;
    }
}

/** Lines weigh a million characters: the measure innermost places have always been compared by. */
export function rangeSize(range: GraphRange): number {
    return (range.end.line - range.start.line) * 1e6 + (range.end.character - range.start.character);
}

export function comparePositions(a: GraphPosition, b: GraphPosition): number {
    return a.line - b.line || a.character - b.character;
}

/** A binary min-heap of indexes under `less`. */
class IndexHeap {
    private readonly items: number[] = [];

    constructor(private readonly less: (a: number, b: number) => boolean) {}

    get size(): number {
        return this.items.length;
    }

    top(): number {
        return this.items[0]!;
    }

    push(item: number): void {
        const items = this.items;
        let at = items.length;
        items.push(item);
        while (at > 0) {
            const parent = (at - 1) >> 1;
            if (!this.less(item, items[parent]!)) break;
            items[at] = items[parent]!;
            at = parent;
        }
        items[at] = item;
    }

    pop(): void {
        const items = this.items;
        const last = items.pop()!;
        if (items.length === 0) return;
        let at = 0;
        for (;;) {
            const left = 2 * at + 1;
            if (left >= items.length) break;
            const right = left + 1;
            const child = right < items.length && this.less(items[right]!, items[left]!) ? right : left;
            if (!this.less(items[child]!, last)) break;
            items[at] = items[child]!;
            at = child;
        }
        items[at] = last;
    }
}
