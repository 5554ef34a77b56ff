import * as assert from 'node:assert/strict';
import { edgePath, readPath } from '../../language/render/geometry.js';

describe('render: reading an edge\'s path back (readPath)', () => {
    it('gives each command\'s points, from the pen\'s position before it: M, H, V, L and a cubic', () => {
        assert.deepEqual(readPath('M10 20H50V-5.5C60 -5.5,70 30 80.25 30L1e1 0'), [
            [{ x: 10, y: 20 }],
            [{ x: 10, y: 20 }, { x: 50, y: 20 }],
            [{ x: 50, y: 20 }, { x: 50, y: -5.5 }],
            [{ x: 50, y: -5.5 }, { x: 60, y: -5.5 }, { x: 70, y: 30 }, { x: 80.25, y: 30 }],
            [{ x: 80.25, y: 30 }, { x: 10, y: 0 }]
        ]);
        assert.deepEqual(readPath(''), []);
    });

    it('reads what edgePath writes, in both directions, bends included', () => {
        const from = { x: 0, y: 0, width: 100, height: 40 };
        const via = [{ x: 200, y: 100, width: 100, height: 40 }];
        const to = { x: 400, y: 50, width: 100, height: 40 };
        assert.deepEqual(readPath(edgePath(from, to, via, 'right')), [
            [{ x: 100, y: 20 }],
            [{ x: 100, y: 20 }, { x: 150, y: 20 }, { x: 150, y: 120 }, { x: 200, y: 120 }],
            [{ x: 200, y: 120 }, { x: 300, y: 120 }],
            [{ x: 300, y: 120 }, { x: 349.5, y: 120 }, { x: 349.5, y: 70 }, { x: 399, y: 70 }]
        ]);
        const down = readPath(edgePath({ x: 0, y: 0, width: 100, height: 40 }, { x: 150, y: 100, width: 100, height: 40 }, [], 'down'));
        assert.deepEqual(down, [
            [{ x: 50, y: 40 }],
            [{ x: 50, y: 40 }, { x: 50, y: 69.5 }, { x: 200, y: 69.5 }, { x: 200, y: 99 }]
        ]);
    });

    it('reads nothing from other commands or a wrong count of numbers', () => {
        for (const d of ['M0 0 Z', 'M0 0l10 10', 'M0 0A5 5 0 0 1 10 10', 'M0 0C1 1 2 2', 'M0 0H1 2', 'M0 0L1..5 1']) {
            assert.equal(readPath(d), undefined, d);
        }
    });
});
