import * as assert from 'node:assert/strict';
import { coverageStatus, graphStatus } from '../../client/status-text.js';

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

    it('after a validation: the coverage, or that the graph could not be built, with the reason in the tooltip, read literally', () => {
        assert.deepEqual(graphStatus({ version: 3, coverage: { aligned: 9, total: 11 } }), { ...coverageStatus({ aligned: 9, total: 11 }), error: false });
        const fault = graphStatus({ version: 4, fault: 'The impact graph could not be built: TypeError: a_b is *not* a function.' });
        assert.equal(fault.text, '$(error) Align: no graph');
        assert.equal(fault.error, true);
        assert.match(fault.tooltip, /^\*\*The impact graph could not be built\*\*, so the alignment coverage is unknown\. This is a bug in Align: please report it\./);
        assert.ok(fault.tooltip.includes('\n\nThe impact graph could not be built: TypeError: a\\_b is \\*not\\* a function.\n\nClick to open the impact chain preview.'), fault.tooltip);
    });
});
