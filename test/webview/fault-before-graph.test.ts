/**
 * Before any graph is drawn (loading, a fault before the first graph):
 * the fault's message wraps inside a narrow pane, even a long unbroken
 * token in it (a file path), and zoom and Fit are disabled (nothing to
 * zoom) until a layout with boxes is drawn.
 */
import * as assert from 'node:assert/strict';
import { graphMessage, usePreview } from './harness/fixture.js';
import type { WebviewPage } from './harness/webview-page.js';

const REASON = "The impact graph could not be built: TypeError: Cannot read properties of undefined (reading 'kpis') at ImpactGraphBuilder.collectObjectiveKpiEdges(/home/alexandra/.vscode/extensions/align.align/out/server/main.cjs:2:345678)";

const buttons = (w: WebviewPage): Promise<Record<string, boolean>> => w.page.evaluate(() => Object.fromEntries(
    ['Zoom out', 'Zoom in', 'Fit the graph to the view'].map(name => [name, document.querySelector(`vscode-button[aria-label="${name}"]`)!.hasAttribute('disabled')])));

describe('preview: before a graph is drawn', () => {
    const preview = usePreview();

    for (const width of [400, 900]) {
        it(`${width} px: wraps a fault's long unbroken token inside the pane`, async () => {
            const w = await preview.open({ theme: 'dark', viewport: { width, height: 500 } });
            await w.post({ type: 'graph-fault', message: REASON });
            await w.page.waitForFunction(() => document.querySelector('.message')!.textContent!.includes('could not be built'));
            const m = await w.page.evaluate(() => {
                const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
                const spans = [...document.querySelectorAll('.message > *')].map(e => e.getBoundingClientRect());
                return { left: canvas.left, right: canvas.right, textLeft: Math.min(...spans.map(r => r.left)), textRight: Math.max(...spans.map(r => r.right)) };
            });
            assert.ok(m.textLeft >= m.left && m.textRight <= m.right, `the message within the pane: ${JSON.stringify(m)}`);
        });
    }

    it('disables zoom and Fit while loading and after a fault, and enables them once a graph is drawn', async () => {
        const w = await preview.open({ viewport: { width: 900, height: 600 } });
        assert.deepEqual(Object.values(await buttons(w)), [true, true, true], 'loading');
        await w.post({ type: 'graph-fault', message: REASON });
        await w.page.waitForTimeout(200);
        assert.deepEqual(Object.values(await buttons(w)), [true, true, true], 'a fault before any graph');
        await w.postGraph(graphMessage());
        assert.deepEqual(Object.values(await buttons(w)), [false, false, false], 'a graph drawn');
    });
});
