/**
 * Panning never leaves an empty pane: however far the drawing is dragged,
 * scrolled across with the wheel or zoomed with the keys, part of it stays
 * in view (a third of the pane each way, or all of the drawing when it is
 * smaller).
 */
import * as assert from 'node:assert/strict';
import { usePreview } from './harness/fixture.js';
import type { WebviewPage } from './harness/webview-page.js';

/** How much of the drawing is in the pane, across and down, in CSS px, and the pane's size. */
const overlap = (w: WebviewPage): Promise<{ across: number; down: number; width: number; height: number; drawing: { width: number; height: number } }> => w.page.evaluate(() => {
    const c = document.querySelector('.canvas')!.getBoundingClientRect();
    const d = document.querySelector('.align-graph')!.getBoundingClientRect();
    return {
        across: Math.max(0, Math.min(c.right, d.right) - Math.max(c.left, d.left)),
        down: Math.max(0, Math.min(c.bottom, d.bottom) - Math.max(c.top, d.top)),
        width: c.width, height: c.height, drawing: { width: d.width, height: d.height }
    };
});

/** Asserts that a fair part of the drawing is in the pane each way. */
async function assertInView(w: WebviewPage, after: string): Promise<void> {
    const o = await overlap(w);
    const least = (extent: number, pane: number): number => Math.min(extent, pane / 4);
    assert.ok(o.across >= least(o.drawing.width, o.width) && o.down >= least(o.drawing.height, o.height), `after ${after}: ${JSON.stringify(o)}`);
}

describe('preview: panning keeps part of the drawing in view', () => {
    const preview = usePreview();

    for (const width of [480, 800]) {
        it(`${width} px: dragging, wheel scrolling and zooming with the keys far off leave part of the drawing in view`, async () => {
            const w = await preview.openWithGraph({ viewport: { width, height: 860 } });
            await w.waitForPosted('view');
            const canvas = (await w.page.locator('.canvas').boundingBox())!;
            const centre = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
            const drag = async (dx: number, dy: number, times: number): Promise<void> => {
                for (let i = 0; i < times; i++) {
                    await w.page.mouse.move(centre.x - dx / 2, centre.y - dy / 2);
                    await w.page.mouse.down();
                    await w.page.mouse.move(centre.x + dx / 2, centre.y + dy / 2, { steps: 4 });
                    await w.page.mouse.up();
                }
            };
            // Far right and down, then far left and up: each time 12 pane-widths and heights.
            await drag(canvas.width * 0.8, canvas.height * 0.8, 15);
            await assertInView(w, 'dragging right and down');
            await drag(-canvas.width * 0.8, -canvas.height * 0.8, 30);
            await assertInView(w, 'dragging left and up');
            // The keyboard's focus on a node (the keys zoom around the pane's centre), then the wheel across, far each way.
            await w.page.locator('.nodes > .node[tabindex="0"]').focus();
            await w.page.mouse.move(centre.x, centre.y);
            for (let i = 0; i < 20; i++) await w.page.mouse.wheel(-canvas.width, 0);
            await assertInView(w, 'scrolling left with the wheel');
            // Zoomed out and in with the keys, the drawing at the pane's side.
            const zoom = (await w.savedState())!.zoom;
            for (let i = 0; i < 6; i++) await w.page.keyboard.press('-');
            await assertInView(w, 'zooming out with the keys');
            for (let i = 0; i < 12; i++) await w.page.keyboard.press('+');
            assert.ok((await w.savedState())!.zoom > zoom, 'the keys zoomed');
            await assertInView(w, 'zooming in with the keys');
            for (let i = 0; i < 40; i++) await w.page.mouse.wheel(canvas.width, 0);
            await assertInView(w, 'scrolling right with the wheel');
        });
    }
});
