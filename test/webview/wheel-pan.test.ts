/**
 * The wheel over the drawing: upright it zooms around the pointer (so does
 * Ctrl+wheel, a trackpad's pinch); a trackpad's horizontal scroll (deltaX)
 * and Shift+wheel pan the drawing across, by the scrolled amount, at the
 * same zoom.
 */
import * as assert from 'node:assert/strict';
import { usePreview } from './harness/fixture.js';
import type { WebviewPage } from './harness/webview-page.js';

type View = { zoom: number; x: number; y: number };
const view = async (w: WebviewPage): Promise<View> => {
    const s = (await w.savedState())!;
    return { zoom: s.zoom, x: s.pan.x, y: s.pan.y };
};
/** Waits until the saved view differs from `before`. */
const changed = (w: WebviewPage, before: View): Promise<unknown> => w.page.waitForFunction(b => {
    const s = (window as unknown as { __state: { zoom: number; pan: { x: number; y: number } } }).__state;
    return s.zoom !== b.zoom || s.pan.x !== b.x || s.pan.y !== b.y;
}, before);

describe('preview: wheel zoom and horizontal wheel pan', () => {
    const preview = usePreview();

    for (const width of [480, 800]) {
        it(`${width} px: a horizontal scroll and Shift+wheel pan across; the wheel and Ctrl+wheel zoom`, async () => {
            const w = await preview.openWithGraph({ viewport: { width, height: 860 } });
            await w.waitForPosted('view');
            await w.page.mouse.move(width / 2, 400);
            // A trackpad's horizontal scroll, right: the drawing moves left by as much.
            let before = await view(w);
            await w.page.mouse.wheel(60, 0);
            await changed(w, before);
            let after = await view(w);
            assert.equal(after.zoom, before.zoom, 'no zoom');
            assert.ok(Math.abs(after.x - (before.x - 60)) < 0.5 && after.y === before.y, JSON.stringify({ before, after }));
            // And back, left.
            before = after;
            await w.page.mouse.wheel(-40, 0);
            await changed(w, before);
            after = await view(w);
            assert.ok(Math.abs(after.x - (before.x + 40)) < 0.5 && after.y === before.y && after.zoom === before.zoom, JSON.stringify({ before, after }));
            // Shift+wheel down: across, as a horizontal scroll right.
            before = after;
            await w.page.keyboard.down('Shift');
            await w.page.mouse.wheel(0, 50);
            await w.page.keyboard.up('Shift');
            await changed(w, before);
            after = await view(w);
            assert.ok(Math.abs(after.x - (before.x - 50)) < 0.5 && after.y === before.y && after.zoom === before.zoom, JSON.stringify({ before, after }));
            // The wheel upright still zooms (out, scrolling down) ...
            before = after;
            await w.page.mouse.wheel(0, 100);
            await changed(w, before);
            after = await view(w);
            assert.ok(after.zoom < before.zoom, JSON.stringify({ before, after }));
            // ... and so does Ctrl+wheel (in, a pinch outward).
            before = after;
            await w.page.keyboard.down('Control');
            await w.page.mouse.wheel(0, -100);
            await w.page.keyboard.up('Control');
            await changed(w, before);
            after = await view(w);
            assert.ok(after.zoom > before.zoom, JSON.stringify({ before, after }));
        });
    }
});
