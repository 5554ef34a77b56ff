/**
 * Fit on a drawing too large to show whole in the pane (a workspace of
 * about 2,500 drawn nodes): it stops at the zoom where names still read,
 * shows the drawing's start (or the cursor's box), and a notice at the
 * canvas's top, covering no box, says to choose a program in "Show"; the
 * view's next move or its button removes it. The examples' graph still
 * fits whole, with no notice.
 * Screenshots go to out/screenshots/fit-large/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { READABLE_PX } from '../../language/render/index.js';
import { generateImpactGraph } from '../../scripts/bench/webview-graph.js';
import type { WebviewState } from '../../webview/protocol.js';
import { FIT_LEAST_ZOOM } from '../../webview/viewport.js';
import { MIN_ZOOM } from '../../webview/zoom-labels.js';
import { cursorOn, graphMessage, usePreview } from './harness/fixture.js';
import { measureView } from './harness/measure-view.js';
import type { WebviewPage } from './harness/webview-page.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/screenshots/fit-large');
const workspace: WebviewState = { zoom: 1, pan: { x: 0, y: 0 }, scope: { kind: 'workspace' }, direction: 'auto', hideLearningMetrics: false, search: '' };

type Box = { left: number; top: number; right: number; bottom: number };
const box = (w: WebviewPage, selector: string): Promise<Box> => w.page.$eval(selector, e => {
    const r = e.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
});
const fit = (w: WebviewPage): Promise<void> => w.page.locator('vscode-button', { hasText: 'Fit' }).click();
const zoomOf = async (w: WebviewPage): Promise<number> => (await w.savedState())!.zoom;
const noticeText = (w: WebviewPage): Promise<string> => w.page.$eval('.notice', e => e.textContent ?? '');
/** The boxes in the canvas's view that lie under the notice. */
const underNotice = (w: WebviewPage): Promise<string[]> => w.page.evaluate(() => {
    const n = document.querySelector('.notice')!.getBoundingClientRect();
    return [...document.querySelectorAll('.nodes > .node')].filter(e => {
        const b = e.querySelector('.node-box')!.getBoundingClientRect();
        return b.left < n.right && b.right > n.left && b.top < n.bottom && b.bottom > n.top;
    }).map(e => e.getAttribute('data-id')!);
});

describe('preview: Fit on a drawing too large for the pane', function () {
    this.timeout(120_000);
    const preview = usePreview();
    const huge = generateImpactGraph(2800);
    before(() => fs.mkdirSync(out, { recursive: true }));

    for (const width of [400, 900]) {
        it(`${width} px: stops at a readable zoom, shows the drawing's start and a notice that covers no box; zooming removes it`, async () => {
            const w = await preview.open({ viewport: { width, height: 800 }, state: workspace });
            await w.postGraph(graphMessage(huge));
            const drawn = await w.page.locator('.nodes > .node').count();
            assert.ok(drawn > 2400, `${drawn} nodes drawn`);
            assert.equal(await noticeText(w), '', 'no notice before Fit');
            await fit(w);
            await w.page.waitForFunction(() => !!document.querySelector('.notice')?.textContent);
            await w.page.screenshot({ path: path.join(out, `huge-${width}.png`) });
            const zoom = await zoomOf(w);
            assert.ok(zoom >= FIT_LEAST_ZOOM, `zoom ${zoom} after Fit`);
            assert.equal(zoom, MIN_ZOOM, 'shown at the zoom where names read');
            assert.equal(await noticeText(w), 'The chain is too large to show whole at a readable size: choose a program in "Show" to see its chain alone.×');
            assert.equal(await w.page.getAttribute('.notice', 'role'), 'status');
            assert.ok(await w.page.locator('.notice button[aria-label="Dismiss"]').isVisible(), 'a Dismiss button');
            // The drawing's start, below the notice: boxes in view, names readable, none under the notice.
            const view = await measureView(w.page, huge.graph.nodes.map(n => n.id));
            const seen = view.chain.filter(n => n.inView);
            assert.ok(seen.length >= 10, `${seen.length} boxes in view`);
            for (const n of seen) assert.ok(n.titlePx >= READABLE_PX - 1e-6, `${n.id}: name at ${n.titlePx} px`);
            assert.deepEqual(await underNotice(w), [], 'boxes under the notice');
            const drawing = await box(w, '.align-graph');
            const canvas = await box(w, '.canvas');
            assert.ok(Math.abs(drawing.left - canvas.left - 12) < 1, `the drawing starts at the pane's left: ${drawing.left}`);
            assert.ok(drawing.top >= (await box(w, '.notice')).bottom, 'the drawing starts below the notice');
            // The view's next move removes it.
            await w.page.locator('vscode-button', { hasText: '−' }).click();
            await w.page.waitForFunction(() => document.querySelector('.notice')!.textContent === '');
            assert.equal((await box(w, '.notice')).bottom - (await box(w, '.notice')).top, 0, 'an empty notice takes no room');
            // Manual zoom may go further than Fit, for orientation.
            assert.ok(await zoomOf(w) < MIN_ZOOM, `zoom ${await zoomOf(w)} after zooming out`);
        });
    }

    it('900 px: Fit keeps the cursor\'s box in view; the notice\'s button dismisses it; Fit again brings it back', async () => {
        const w = await preview.open({ viewport: { width: 900, height: 800 }, state: workspace });
        const far = huge.graph.nodes.filter(n => n.kind === 'objective').at(-1)!.id;
        await w.postGraph({ ...graphMessage(huge), cursor: cursorOn(huge, far) });
        await fit(w);
        await w.page.waitForFunction(() => !!document.querySelector('.notice')?.textContent);
        const view = await measureView(w.page, [far]);
        assert.ok(view.chain[0]!.inView, `${far} in view at zoom ${view.zoom}`);
        const target = await box(w, `.nodes > .node[data-id="${far}"] .node-box`);
        assert.ok(target.top >= (await box(w, '.notice')).bottom, `${far} below the notice`);
        await w.page.screenshot({ path: path.join(out, 'huge-cursor-900.png') });
        await w.page.locator('.notice button').click();
        assert.equal(await noticeText(w), '');
        await fit(w);
        await w.page.waitForFunction(() => !!document.querySelector('.notice')?.textContent);
    });

    for (const width of [400, 900]) {
        it(`${width} px: the examples still fit whole, below the zoom of the buttons in a narrow pane, with no notice`, async () => {
            const w = await preview.open({ viewport: { width, height: 800 }, state: workspace });
            await w.postGraph(graphMessage());
            await fit(w);
            await w.page.waitForFunction(() => (window as unknown as { __state: { zoom: number } }).__state.zoom < 0.5);
            const drawing = await box(w, '.align-graph');
            const canvas = await box(w, '.canvas');
            const zoom = await zoomOf(w);
            assert.ok(drawing.left >= canvas.left && drawing.right <= canvas.right && drawing.top >= canvas.top && drawing.bottom <= canvas.bottom, `the whole drawing in the pane at zoom ${zoom}`);
            if (width === 400) assert.ok(zoom < MIN_ZOOM && zoom >= FIT_LEAST_ZOOM, `zoom ${zoom}`);
            assert.equal(await noticeText(w), '', 'no notice');
            await w.page.screenshot({ path: path.join(out, `examples-${width}.png`) });
        });
    }
});
