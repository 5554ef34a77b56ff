/**
 * A banner (syntax errors, a graph fault) coming and going makes the
 * canvas shorter and taller again: that is not the pane resized, and the
 * zoom and pan the user chose stay. A real resize of the pane still lays out.
 */
import * as assert from 'node:assert/strict';
import { cursorOn, examplesResult, graphMessage, usePreview } from './harness/fixture.js';
import type { WebviewPage } from './harness/webview-page.js';

const transform = (w: WebviewPage): Promise<string> => w.page.evaluate(() => (document.querySelector('.align-graph') as HTMLElement).style.transform);

/** Zoomed in and dragged away from where the preview framed the cursor's chain. */
async function panAway(w: WebviewPage): Promise<string> {
    await w.page.locator('vscode-button[aria-label="Zoom in"]').click();
    await w.page.mouse.move(800, 400);
    await w.page.mouse.down();
    await w.page.mouse.move(200, 300, { steps: 8 });
    await w.page.mouse.up();
    await w.page.waitForTimeout(300);
    return transform(w);
}

describe('preview: a banner keeps the view', () => {
    const preview = usePreview();
    const result = examplesResult();

    for (const [name, message] of [
        ['syntax errors', { type: 'syntax-errors', files: ['safety.align'], errors: 1, shows: 'last-valid' }],
        ['a graph fault', { type: 'graph-fault', message: 'The graph could not be built: boom.' }]
    ] as const) {
        it(`keeps the user's zoom and pan when a banner for ${name} comes, and when the next graph removes it`, async () => {
            const w = await preview.open({ viewport: { width: 900, height: 700 } });
            await w.postGraph(graphMessage(result, {}, ''));
            await w.post({ type: 'cursor', ...cursorOn(result, 'ChurnPilot.Probing') });
            await w.page.waitForTimeout(300);
            const before = await panAway(w);
            const renders = await w.renders();
            await w.post(message);
            await w.page.locator('.banner').waitFor({ state: 'visible' });
            await w.page.waitForTimeout(500);
            assert.equal(await transform(w), before, 'with the banner');
            assert.equal(await w.renders(), renders, 'not drawn again for the banner');
            await w.postGraph(graphMessage(result));
            await w.page.waitForTimeout(500);
            assert.ok(!await w.page.locator('.banner').isVisible());
            assert.equal(await transform(w), before, 'after the banner');
        });
    }

    it('still lays out again when the pane itself is resized', async () => {
        const w = await preview.open({ viewport: { width: 900, height: 700 } });
        await w.postGraph(graphMessage(result, {}, ''));
        await w.page.waitForTimeout(300);
        const renders = await w.renders();
        await w.page.setViewportSize({ width: 600, height: 700 });
        await w.waitForRenders(renders + 1);
    });
});
