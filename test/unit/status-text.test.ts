import * as assert from 'node:assert/strict';
import { coverageStatus } from '../../client/status-text.js';

describe('coverage status bar item (client/status-text.ts)', () => {
    it('shows aligned/total, and in the tooltip how many are not aligned', () => {
        const status = coverageStatus({ aligned: 9, total: 11 });
        assert.equal(status.text, '$(graph) Aligned 9/11');
        assert.match(status.tooltip, /9 of 11 learning objectives reach a business KPI \(2 not aligned\)\./);
        assert.match(coverageStatus({ aligned: 1, total: 1 }).tooltip, /1 of 1 learning objective reaches a business KPI\./);
    });

    it('says that no objective is declared rather than "Aligned 0/0"', () => {
        const status = coverageStatus({ aligned: 0, total: 0 });
        assert.equal(status.text, '$(graph) No objectives');
        assert.doesNotMatch(status.tooltip, /0 of 0/);
        assert.match(status.tooltip, /no learning objective is declared yet/);
    });
});
