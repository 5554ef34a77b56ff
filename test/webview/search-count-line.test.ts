/**
 * The count of matches beside the search field stays on one line at every
 * width: typing never makes the toolbar taller, the canvas shorter, or the
 * drawing laid out again.
 */
import * as assert from 'node:assert/strict';
import { usePreview } from './harness/fixture.js';

describe('preview: the count of matches', () => {
    const preview = usePreview();

    for (const width of [400, 600, 900, 1280]) {
        it(`${width} px: stays on one line, and typing leaves the canvas's size and the drawing alone`, async () => {
            const w = await preview.openWithGraph({ viewport: { width, height: 500 } });
            await w.page.waitForTimeout(200);
            const canvas = () => w.page.evaluate(() => ({ width: document.querySelector('.canvas')!.clientWidth, height: document.querySelector('.canvas')!.clientHeight }));
            const start = await canvas();
            const renders = await w.renders();
            const input = w.page.locator('vscode-text-field input');
            for (const q of ['rate', 'e', 'zzzz', 'churn', '']) {
                await input.fill(q);
                await w.page.waitForTimeout(150);
                const m = await w.page.evaluate(() => {
                    const e = document.querySelector('.matches') as HTMLElement;
                    return { text: e.textContent, height: e.getBoundingClientRect().height };
                });
                // One line of its 12 px text is 14 px high; two are 28.
                if (q) assert.ok(m.height <= 16, `"${q}": ${JSON.stringify(m)} on one line`);
                assert.deepEqual(await canvas(), start, `"${q}": the canvas keeps its size`);
            }
            await w.page.waitForTimeout(300);
            assert.equal(await w.renders(), renders, 'not laid out again');
        });
    }
});
