/**
 * A title of blanks (`""`, as it stands while being typed) in the preview:
 * the box is drawn with the element's name, nothing is NaN, and the view
 * stays a view (a graph of NaN sizes once left zoom and pan NaN until Fit).
 */
import * as assert from 'node:assert/strict';
import { examplesResult, graphMessage, node, usePreview } from './harness/fixture.js';
import type { WebviewPage } from './harness/webview-page.js';

/** Every attribute of the drawing that reads NaN or Infinity. */
const notNumbers = (w: WebviewPage): Promise<string[]> => w.page.$$eval('svg *', els => els.flatMap(e =>
    [...e.attributes].filter(a => /NaN|Infinity/.test(a.value)).map(a => `${e.tagName}[${a.name}=${a.value}]`)));

describe('preview: a blank title', () => {
    const preview = usePreview();

    it('draws the box with the name, with no NaN, and keeps the view a number through the next graph', async () => {
        const w = await preview.open({ viewport: { width: 600, height: 800 } });
        const blank = examplesResult();
        node(blank, 'ChurnPilot.Probing').title = '';
        node(blank, 'ChurnPilot.Summarizing').title = '   ';
        const renders = await w.renders();
        await w.postGraph({ ...graphMessage(blank), seq: 1 });
        await w.waitForRenders(renders + 1);
        assert.deepEqual(await notNumbers(w), []);
        assert.equal((await w.page.locator('[data-id="ChurnPilot.Probing"] .node-title').allTextContents()).join(' '), 'Probing');
        const fixed = examplesResult();
        await w.postGraph({ ...graphMessage(fixed), seq: 2 });
        await w.waitForRenders(renders + 2);
        const state = await w.savedState();
        assert.ok(state && Number.isFinite(state.zoom) && Number.isFinite(state.pan.x) && Number.isFinite(state.pan.y), JSON.stringify(state));
        assert.deepEqual(await w.problems(), []);
    });

    it('a saved view that is not a number (null in JSON) opens at a view that is', async () => {
        const w = await preview.open({ viewport: { width: 600, height: 800 }, state: { zoom: null, pan: { x: null, y: 0 }, scope: { kind: 'cursor' }, direction: 'auto', hideLearningMetrics: false, search: '' } as never });
        const renders = await w.renders();
        await w.postGraph({ ...graphMessage(examplesResult()), seq: 1 });
        await w.waitForRenders(renders + 1);
        const transform = await w.page.$eval('.align-graph', e => (e as HTMLElement).style.transform);
        assert.doesNotMatch(transform, /NaN/);
        assert.deepEqual(await notNumbers(w), []);
    });
});
