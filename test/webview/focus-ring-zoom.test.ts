/**
 * The keyboard's focus ring on a node stays visible zoomed out: it is drawn
 * in the drawing's units, so without care Fit at 25 % shrinks its 2 px to
 * 0.5 px, which no one sees. It must stay 2 screen px or more, and change
 * most of the pixels around the box by 3:1, in every theme.
 */
import * as assert from 'node:assert/strict';
import { graphMessage, usePreview } from './harness/fixture.js';
import type { ThemeName } from './harness/themes.js';
import { CHANGED_PIXELS } from './harness/colour.js';

describe('preview: a node\'s focus ring zoomed out', () => {
    const preview = usePreview();

    for (const theme of ['light', 'dark', 'high-contrast'] as ThemeName[]) {
        it(`stays 2 screen px wide or more and stands out by 3:1 after Fit at 25 % in the ${theme} theme`, async () => {
            const w = await preview.open({ theme, viewport: { width: 400, height: 600 } });
            await w.postGraph(graphMessage(undefined, {}, ''));
            const fit = w.page.locator('vscode-button[aria-label="Fit the graph to the view"]');
            await fit.click();
            await w.page.waitForTimeout(200);
            const zoom = await w.page.evaluate(() => Number(/scale\(([\d.]+)\)/.exec((document.querySelector('.align-graph') as HTMLElement).style.transform)?.[1]));
            assert.ok(zoom <= 0.3, `zoomed out by Fit: ${zoom}`);
            // Into the graph by the keyboard (its Tab stop after the toolbar), then to the next node: :focus-visible.
            await fit.focus();
            await w.page.keyboard.press('Tab');
            await w.page.keyboard.press('ArrowDown');
            await w.page.waitForTimeout(100);
            const target = await w.page.evaluate(() => {
                const e = document.activeElement!;
                const r = e.getBoundingClientRect();
                const ring = e.querySelector('.focus-ring')!;
                const style = getComputedStyle(ring);
                return { id: e.getAttribute('data-id'), x: r.x, y: r.y, width: r.width, height: r.height, visibility: style.visibility, stroke: parseFloat(style.strokeWidth) };
            });
            assert.ok(target.id, 'a node has the focus');
            assert.equal(target.visibility, 'visible');
            assert.ok(target.stroke * zoom >= 2 - 1e-6, `the ring is ${target.stroke * zoom} screen px at zoom ${zoom}`);
            const clip = { x: Math.max(0, target.x - 5), y: Math.max(0, target.y - 5), width: target.width + 10, height: target.height + 10 };
            const focused = await w.page.screenshot({ clip });
            await w.page.evaluate(() => (document.activeElement as HTMLElement).blur());
            const blurred = await w.page.screenshot({ clip });
            const scratch = await w.page.context().newPage();
            const changed = await scratch.evaluate(`(${CHANGED_PIXELS})(${JSON.stringify([focused.toString('base64'), blurred.toString('base64')])})`) as number;
            await scratch.close();
            const perimeter = 2 * (target.width + target.height);
            assert.ok(changed >= perimeter, `${changed} px changed by 3:1 around a box of perimeter ${Math.round(perimeter)} in ${theme}`);
        });
    }

    it('is 2 drawing units (as before) at 100 % and more', async () => {
        const w = await preview.openWithGraph({ viewport: { width: 900, height: 700 } });
        await w.page.locator('vscode-button[aria-label="Zoom in"]').click();
        const width = await w.page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.focus-ring')!).strokeWidth));
        assert.equal(width, 2);
    });
});
