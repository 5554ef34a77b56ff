import * as assert from 'node:assert/strict';
import { sameData } from '../../language/graph/same-data.js';

/** `sameData` must agree with comparing JSON, which the graph used before, on the shapes figures take. */
describe('sameData (figures compared without JSON)', () => {
    const json = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const cases: Array<[string, unknown, unknown]> = [
        ['equal nested figures', { kpis: ['A', 'B'], paths: [['O', 'S', 'A']], roi: { cost: 10, benefit: undefined } }, { kpis: ['A', 'B'], paths: [['O', 'S', 'A']], roi: { cost: 10 } }],
        ['another number', { progress: 0.5 }, { progress: 0.25 }],
        ['another string in an array', { kpis: ['A', 'B'] }, { kpis: ['A', 'C'] }],
        ['a longer array', { kpis: ['A'] }, { kpis: ['A', 'B'] }],
        ['a property more', { target: 1 }, { target: 1, baseline: 2 }],
        ['a property set to undefined on one side only', { target: 1, baseline: undefined }, { target: 1 }],
        ['an object against an array', { chain: [] }, { chain: {} }],
        ['null against an object', { window: null }, { window: {} }],
        ['a number against its string', { value: 1 }, { value: '1' }],
        ['empty objects', {}, {}],
        ['booleans', { isKpi: true }, { isKpi: false }]
    ];
    for (const [name, a, b] of cases) {
        it(`${name}: ${json(a, b) ? 'same' : 'different'}, as JSON says`, () => {
            assert.equal(sameData(a, b), json(a, b));
            assert.equal(sameData(b, a), json(a, b));
        });
    }

    it('NaN equals NaN (JSON writes both as null)', () => {
        assert.equal(sameData({ roi: NaN }, { roi: NaN }), true);
        assert.equal(sameData({ roi: NaN }, { roi: 0 }), false);
    });
});
