/**
 * Shares as whole percentages (progress, coverage): rounded, but never to
 * the 100% or 0% they did not reach, so that a KPI whose deadline passed
 * at 99.8% of the way does not read "100% of the way".
 */
import * as assert from 'node:assert/strict';
import type { MetricFigures } from '../../language/graph/types.js';
import { coverageText, formatShare, statusText } from '../../language/present/index.js';

describe('shares in whole percent', () => {
    it('rounds, but 99.5% up to 99.99% reads 99% and anything above 0 reads at least 1%', () => {
        assert.deepEqual([0.734, 1.256, 1, 0, 1.004, 0.995, 0.998, 0.9999, 0.004, 0.0001, -0.003, -0.4].map(formatShare),
            ['73%', '126%', '100%', '0%', '100%', '99%', '99%', '99%', '1%', '1%', '-1%', '-40%']);
    });

    it('a deadline passed at 99.8% of the way says 99%', () => {
        const m: MetricFigures = { isKpi: true, actuals: [], onTrack: false, trackWords: 'deadline passed', progress: 0.998 };
        assert.equal(statusText(m), 'deadline passed · 99% of the way');
    });

    it('199 of 200 objectives aligned is 99%, not all', () => {
        assert.equal(coverageText({ aligned: 199, total: 200 }), '199/200 objectives (99%)');
    });
});
