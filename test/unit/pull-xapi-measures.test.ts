/**
 * The measures `pull xapi` computes are Align's own arithmetic: a mean of
 * scaled scores times 100, or a share, is rounded to 12 decimals before it
 * is written, so a score of 0.29 is 29, not 28.999999999999996, and a third
 * is 33.333333333333.
 */
import assert from 'node:assert/strict';
import { toSnapshot } from '../../cli/pull/periods.js';
import type { Statement } from '../../cli/pull/xapi-fetch.js';
import { aggregate } from '../../cli/pull/xapi-pull.js';

const scored = (actor: string, scaled: number, success: boolean): Statement => ({
    actor: { mbox: `mailto:${actor}@example.com` }, verb: { id: 'http://adlnet.gov/expapi/verbs/scored' },
    result: { success, score: { scaled, raw: scaled * 10 } }, timestamp: '2026-01-05T10:00:00Z'
});

const snapshot = (statements: Statement[], measure: Parameters<typeof aggregate>[1]) => toSnapshot(aggregate(statements, measure, 'monthly', true), 'monthly').csv;

describe('pull xapi: computed measures are written without binary noise', () => {
    it('mean score of a scaled 0.29 is 29, of 0.57 is 57', () => {
        assert.equal(snapshot([scored('a', 0.29, true)], 'mean score'), 'period,value\n2026-01,29\n');
        assert.equal(snapshot([scored('a', 0.57, true)], 'mean score'), 'period,value\n2026-01,57\n');
    });

    it('a share of one in three is 33.333333333333, as before', () => {
        assert.equal(snapshot([scored('a', 1, true), scored('b', 1, false), scored('c', 1, false)], 'share success'), 'period,value\n2026-01,33.333333333333\n');
    });
});
