import * as assert from 'node:assert/strict';
import { exportFileName, slugOf } from '../../client/commands/export-name.js';

describe('export file name (Align: Export Impact Chain as SVG/PNG)', () => {
    it('is impact-chain.<format> for the whole workspace, or before the preview said what it shows', () => {
        assert.equal(exportFileName('svg'), 'impact-chain.svg');
        assert.equal(exportFileName('png', { scope: { kind: 'workspace' }, scopeTitle: 'Whole workspace' }), 'impact-chain.png');
        // The cursor scope with the cursor outside every program shows the whole workspace too.
        assert.equal(exportFileName('svg', { scope: { kind: 'cursor' }, scopeTitle: 'Whole workspace' }), 'impact-chain.svg');
    });

    it('names the program or outcome the preview shows, so that two exports do not overwrite each other', () => {
        assert.equal(exportFileName('svg', { scope: { kind: 'cursor' }, scopeTitle: 'Consultative discovery bootcamp' }),
            'impact-chain-consultative-discovery-bootcamp.svg');
        assert.equal(exportFileName('png', { scope: { kind: 'focus' }, scopeTitle: 'Churn reduction pilot + 1 outcome' }),
            'impact-chain-churn-reduction-pilot-1-outcome.png');
    });

    it('keeps only letters and digits of the title, without accents, cut at a word', () => {
        assert.equal(slugOf('Sécurité: "zero" accidents / 2026'), 'securite-zero-accidents-2026');
        assert.equal(slugOf('  ***  '), '');
        const long = slugOf('A very long program title that goes on and on about reducing customer churn in every region');
        assert.ok(long.length <= 60 && !long.endsWith('-'), long);
        assert.match(long, /^a-very-long-program-title/);
        assert.equal(slugOf('x'.repeat(80)).length, 60);
    });
});
