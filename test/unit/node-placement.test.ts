import * as assert from 'node:assert/strict';
import { FindingsPlacer, findingsByNode, placeOnInnermost, type Place } from '../../language/graph/node-findings.js';
import type { GraphNode, GraphPosition, GraphRange } from '../../language/graph/types.js';
import { seededRandom as random } from './helpers/seeded-random.js';

/** The placement as it was first written: every place of the document scanned for each item. The sweep must agree with it exactly. */
function referencePlacement<T extends { uri?: string; range?: GraphRange }>(places: readonly Place[], items: readonly T[]): Map<string, T[]> {
    const placed = new Map<string, T[]>();
    for (const item of items) {
        if (!item.uri || !item.range) continue;
        let innermost: Place | undefined;
        for (const place of places) {
            if (place.uri === item.uri && contains(place.range, item.range.start) && (!innermost || size(place.range) < size(innermost.range))) innermost = place;
        }
        if (!innermost) continue;
        placed.set(innermost.id, [...(placed.get(innermost.id) ?? []), item]);
    }
    return placed;
}

function contains(range: GraphRange, p: GraphPosition): boolean {
    const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
    const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
    return afterStart && beforeEnd;
}

function size(range: GraphRange): number {
    return (range.end.line - range.start.line) * 1e6 + (range.end.character - range.start.character);
}

const pos = (line: number, character: number): GraphPosition => ({ line, character });
const range = (a: GraphPosition, b: GraphPosition): GraphRange => ({ start: a, end: b });

/** Declarations nested as in a file (a program holding members, members side by side), plus copies (ties), touching and overlapping ranges. */
function generatedPlaces(next: (n: number) => number, uri: string, count: number): Place[] {
    const places: Place[] = [];
    const nest = (from: number, to: number, depth: number): void => {
        let line = from;
        while (line < to && places.length < count) {
            const end = Math.min(to, line + 1 + next(12));
            const r = range(pos(line, next(4)), pos(end, next(30)));
            places.push({ id: `${uri}#${places.length}`, uri, range: r });
            if (next(5) === 0) places.push({ id: `${uri}#${places.length}`, uri, range: r }); // the same range twice: the first wins
            if (next(7) === 0) places.push({ id: `${uri}#${places.length}`, uri, range: range(r.end, pos(r.end.line + next(3), next(30))) }); // starts where the other ends
            if (next(9) === 0) places.push({ id: `${uri}#${places.length}`, uri, range: range(pos(r.start.line + 1, 0), pos(end + 3, 2)) }); // overlaps without nesting
            if (depth < 3 && end - line > 2) nest(line + 1, end - 1, depth + 1);
            line = end + next(3);
        }
    };
    nest(2, 400, 0);
    return places;
}

function generatedItems(next: (n: number) => number, uris: readonly string[], count: number): Array<{ uri?: string; range?: GraphRange; n: number }> {
    const items: Array<{ uri?: string; range?: GraphRange; n: number }> = [];
    for (let n = 0; n < count; n++) {
        const start = pos(next(420), next(35));
        const item = { uri: uris[next(uris.length)]!, range: range(start, pos(start.line + next(2), next(40))), n };
        if (next(40) === 0) items.push({ n }); // no place at all (a settings problem)
        else if (next(40) === 0) items.push({ uri: item.uri, n });
        else items.push(item);
    }
    return items;
}

describe('placing findings on the innermost node', () => {
    it('agrees with a scan of every place on generated files: nesting, ties, touching and overlapping ranges, findings outside any node', () => {
        for (let seed = 1; seed <= 60; seed++) {
            const next = random(seed);
            const places = [...generatedPlaces(next, 'file:///a.align', 150), ...generatedPlaces(next, 'file:///b.align', 80)];
            const shuffled = seed % 2 === 0 ? places : [...places].reverse();
            const items = generatedItems(next, ['file:///a.align', 'file:///b.align', 'file:///none.align'], 300);
            const expected = referencePlacement(shuffled, items);
            const actual = placeOnInnermost(shuffled, items);
            assert.deepEqual([...actual.entries()], [...expected.entries()], `seed ${seed}`);
            assert.ok(expected.size > 10, 'the generated findings land on many places');
            assert.ok([...expected.values()].flat().length < items.length, 'some findings lie outside every place');
        }
    });

    it('takes the start of a finding on either end of a declaration as inside it, and the first of equal ranges', () => {
        const places: Place[] = [
            { id: 'Outer', uri: 'u', range: range(pos(0, 0), pos(10, 1)) },
            { id: 'Inner', uri: 'u', range: range(pos(2, 4), pos(4, 1)) },
            { id: 'Twin', uri: 'u', range: range(pos(2, 4), pos(4, 1)) },
            { id: 'Next', uri: 'u', range: range(pos(4, 1), pos(6, 0)) }
        ];
        const at = (line: number, character: number) => ({ uri: 'u', range: range(pos(line, character), pos(line, character + 1)) });
        const items = [at(2, 4), at(4, 1), at(4, 2), at(2, 3), at(10, 1), at(10, 2), { uri: 'v', range: range(pos(3, 0), pos(3, 1)) }];
        const placed = placeOnInnermost(places, items);
        assert.deepEqual([...placed.entries()], [...referencePlacement(places, items).entries()]);
        assert.deepEqual(placed.get('Inner'), [items[0], items[1]]);
        assert.deepEqual(placed.get('Next'), [items[2]]);
        assert.deepEqual(placed.get('Outer'), [items[3], items[4]]);
        assert.equal(placed.has('Twin'), false);
        assert.equal([...placed.values()].flat().includes(items[5]!), false, 'past the end of every declaration');
    });

    it('counts findings per node by severity in the order of the findings', () => {
        const node = (id: string, r: GraphRange) => ({ id, uri: 'u', range: r, nameRange: r, kind: 'metric', name: id, qualifiedName: id }) as GraphNode;
        const nodes = [node('P', range(pos(0, 0), pos(20, 0))), node('M', range(pos(3, 2), pos(5, 0)))];
        const d = (line: number, severity?: number) => ({ uri: 'u', range: range(pos(line, 4), pos(line, 9)), severity });
        const counts = findingsByNode(nodes, [d(4, 2), d(1, 1), d(4, 1), d(4, 3), d(30, 1), d(2)]);
        assert.deepEqual(Object.entries(counts), [['M', { errors: 1, warnings: 1, infos: 1 }], ['P', { errors: 1, warnings: 0, infos: 1 }]]);
    });

    it('reads each place once per document, not once per finding (no scan of every declaration for each finding)', () => {
        let reads = 0;
        const places: Place[] = generatedPlaces(random(7), 'u', 300).map(p => ({ id: p.id, uri: p.uri, get range() { reads++; return p.range; } }));
        const items = generatedItems(random(8), ['u'], 2000);
        const placed = placeOnInnermost(places, items);
        assert.ok(placed.size > 10);
        assert.ok(reads <= places.length, `${reads} reads of ${places.length} places for ${items.length} findings`);
    });

    it('places the same findings on many sets of places (one per chain) as a fresh placement would, reading only the findings inside each set', () => {
        const next = random(11);
        const places = generatedPlaces(next, 'u', 300);
        let reads = 0;
        let counting = false;
        const items = generatedItems(next, ['u', 'v'], 3000).map(item => ({ n: item.n, uri: item.uri, get range() { if (counting) reads++; return item.range; } }));
        const placer = new FindingsPlacer(items);
        let placedCount = 0;
        for (let set = 0; set < 100; set++) {
            const chosen = places.filter(() => next(60) === 0);
            counting = true;
            const placed = placer.place(chosen);
            counting = false;
            assert.deepEqual([...placed.entries()], [...referencePlacement(chosen, items).entries()], `set ${set}`);
            placedCount += [...placed.values()].flat().length;
        }
        assert.ok(placedCount > 100, `${placedCount} placed`);
        assert.ok(reads <= 4 * items.length, `${reads} reads of ${items.length} findings for 100 sets of places`);
    });
});
