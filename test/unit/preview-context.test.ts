/**
 * The context keys of the preview's title bar (client/preview/preview-context.ts):
 * the "..." menu offers Hide or Show Activity & Learning Metrics by
 * `align.previewHidesLearningMetrics`, which follows what the preview
 * reported it shows, and the setting until its first report.
 */
import assert from 'node:assert/strict';
import { PreviewContext } from '../../client/constants.js';
import { previewContextKeys } from '../../client/preview/preview-context.js';
import type { ViewReport } from '../../webview/protocol.js';

const view = (hideLearningMetrics: boolean): ViewReport => ({
    direction: 'down', directionChoice: 'auto', hideLearningMetrics, zoom: 1, scope: { kind: 'workspace' },
    scopeTitle: 'Whole workspace', nodes: 3, pane: { width: 800, height: 600 }, chain: []
});

describe('preview context keys', () => {
    it('says the preview hides the metrics exactly when its last report says so, whatever the setting', () => {
        for (const hiddenBySetting of [false, true]) {
            assert.equal(previewContextKeys({ active: true, shown: view(true), hiddenBySetting })[PreviewContext.hidesLearningMetrics], true);
            assert.equal(previewContextKeys({ active: true, shown: view(false), hiddenBySetting })[PreviewContext.hidesLearningMetrics], false);
        }
    });

    it('follows the setting before the first report', () => {
        assert.equal(previewContextKeys({ active: true, shown: undefined, hiddenBySetting: true })[PreviewContext.hidesLearningMetrics], true);
        assert.equal(previewContextKeys({ active: true, shown: undefined, hiddenBySetting: false })[PreviewContext.hidesLearningMetrics], false);
    });

    it('gives the direction only while the panel is active, and unsets every key when no preview is open', () => {
        assert.equal(previewContextKeys({ active: true, shown: view(false), hiddenBySetting: false })[PreviewContext.direction], 'down');
        assert.equal(previewContextKeys({ active: false, shown: view(false), hiddenBySetting: false })[PreviewContext.direction], undefined);
        assert.deepEqual(previewContextKeys(undefined), { [PreviewContext.direction]: undefined, [PreviewContext.hidesLearningMetrics]: undefined });
    });
});
