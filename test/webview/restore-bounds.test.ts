/**
 * A view restored from the saved state is bounded as a pan is (see
 * pan-bounds.test.ts): part of the drawing stays in view, a third of the
 * pane each way (all of the drawing when smaller). A saved pan far off
 * (from a larger pane, a larger drawing) is brought back when the graph is
 * drawn after a reload, also when the webview had no size then (a hidden
 * panel) and gets it afterwards.
 */
import * as assert from 'node:assert/strict';
import type { WebviewState } from '../../webview/protocol.js';
import { graphMessage, usePreview } from './harness/fixture.js';
import type { WebviewPage } from './harness/webview-page.js';

/** How much of the drawing covers the pane, across and down, and what the bound asks for (CSS px). */
const coverage = (w: WebviewPage): Promise<{ across: number; down: number; least: { across: number; down: number } }> => w.page.evaluate(() => {
    const c = document.querySelector('.canvas')!.getBoundingClientRect();
    const d = document.querySelector('.align-graph')!.getBoundingClientRect();
    return {
        across: Math.max(0, Math.min(c.right, d.right) - Math.max(c.left, d.left)),
        down: Math.max(0, Math.min(c.bottom, d.bottom) - Math.max(c.top, d.top)),
        least: { across: Math.min(d.width, c.width / 3), down: Math.min(d.height, c.height / 3) }
    };
});

describe('preview: a restored view keeps the drawing in view', () => {
    const preview = usePreview();
    // 1000x400: the layout is the same with and without a size (left to right, narrowest boxes), so the restored view is kept, not framed anew.
    const viewport = { width: 1000, height: 400 };

    for (const hidden of [false, true]) {
        for (const pan of [{ x: -100_000, y: -100_000 }, { x: 50_000, y: 50_000 }]) {
            it(`pan ${pan.x},${pan.y} saved, reloaded${hidden ? ' while the webview has no size' : ''}: the drawing covers a third of the pane each way`, async () => {
                const w = await preview.openWithGraph({ viewport });
                const saved = (await w.savedState())!;
                await w.page.evaluate(s => { (window as unknown as { __state: WebviewState }).__state = s; }, { ...saved, zoom: 0.5, pan, scope: { kind: 'workspace' } } satisfies WebviewState);
                await w.reload();
                if (hidden) await w.page.evaluate(() => { document.body.style.display = 'none'; });
                await w.post(graphMessage());
                await w.waitForRenders(1);
                if (hidden) {
                    await w.page.evaluate(() => { document.body.style.display = ''; });
                    await w.waitForRenders(2);
                }
                await w.page.waitForFunction(() => new Promise(resolve => requestAnimationFrame(() => resolve(true))));
                const state = (await w.savedState())!;
                assert.equal(state.zoom, 0.5, 'the restored zoom is kept');
                const c = await coverage(w);
                assert.ok(c.across >= c.least.across - 0.5 && c.down >= c.least.down - 0.5, `the drawing covers ${c.across.toFixed(0)}x${c.down.toFixed(0)} px of the pane, at least ${c.least.across.toFixed(0)}x${c.least.down.toFixed(0)} asked (pan ${JSON.stringify(state.pan)})`);
            });
        }
    }
});
