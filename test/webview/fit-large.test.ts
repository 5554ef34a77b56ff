/**
 * Fit on a drawing too large to show whole in the pane (a workspace of
 * about 2,500 drawn nodes, or the examples in a 400 px pane): it never goes
 * below the readable floor (every name at 11 px or more), shows the
 * drawing's start or is centred on the cursor's box, and a notice at the
 * canvas's top, covering no box, says to choose a program in "Show"; the
 * view's next move or its button removes it; the zoom-out button still goes
 * further. The examples' graph fits whole in a 900 px pane, with no notice.
 * Screenshots go to out/screenshots/fit-large/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { READABLE_PX } from '../../language/render/index.js';
import { generateImpactGraph } from '../../scripts/bench/webview-graph.js';
import type { WebviewState } from '../../webview/protocol.js';
import { MIN_ZOOM } from '../../webview/zoom-labels.js';
import { cursorOn, drawnIds, examplesResult, graphMessage, usePreview } from './harness/fixture.js';
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

    it('900 px: Fit centres the cursor\'s box at the readable floor; the notice\'s button dismisses it; Fit again brings it back', async () => {
        const w = await preview.open({ viewport: { width: 900, height: 800 }, state: workspace });
        await w.postGraph(graphMessage(huge));
        // The node drawn nearest the middle of the drawing, far from its corners.
        const middle = await w.page.evaluate(() => {
            const d = document.querySelector('.align-graph')!.getBoundingClientRect();
            const centre = { x: d.left + d.width / 2, y: d.top + d.height / 2 };
            let best = { id: '', distance: Infinity };
            for (const e of document.querySelectorAll('.nodes > .node')) {
                const b = e.querySelector('.node-box')!.getBoundingClientRect();
                const distance = Math.hypot(b.left + b.width / 2 - centre.x, b.top + b.height / 2 - centre.y);
                if (distance < best.distance) best = { id: e.getAttribute('data-id')!, distance };
            }
            return best.id;
        });
        await w.post({ type: 'cursor', ...cursorOn(huge, middle) });
        await w.page.waitForFunction(id => document.querySelector('.nodes > .node.cursor')?.getAttribute('data-id') === id, middle);
        await fit(w);
        await w.page.waitForFunction(() => !!document.querySelector('.notice')?.textContent);
        const view = await measureView(w.page, [middle]);
        assert.ok(view.zoom >= MIN_ZOOM - 1e-9, `zoom ${view.zoom}`);
        assert.ok(view.chain[0]!.inView, `${middle} in view at zoom ${view.zoom}`);
        assert.ok(view.chain[0]!.titlePx >= READABLE_PX - 1e-6, `name at ${view.chain[0]!.titlePx} px`);
        const target = await box(w, `.nodes > .node[data-id="${middle}"] .node-box`);
        const notice = await box(w, '.notice');
        const canvas = await box(w, '.canvas');
        assert.ok(target.top >= notice.bottom, `${middle} below the notice`);
        // Centred in the room below the notice (the status line keeps 12 px more at the bottom), on each axis
        // where the drawing is larger than that room; where it is not, the drawing is whole, centred across and at the top down.
        const drawing = await box(w, '.align-graph');
        const room = { left: canvas.left + 12, right: canvas.right - 12, top: notice.bottom + 12, bottom: canvas.bottom - 24 };
        const axes = [['across', 'left', 'right'], ['down', 'top', 'bottom']] as const;
        let centred = 0;
        for (const [name, start, end] of axes) {
            const middleOf = (b: Box): number => (b[start] + b[end]) / 2;
            if (drawing[end] - drawing[start] > room[end] - room[start]) {
                assert.ok(Math.abs(middleOf(target) - middleOf(room)) < 3, `centred ${name}: ${middleOf(target)} vs ${middleOf(room)}`);
                centred++;
            } else {
                assert.ok(drawing[start] >= room[start] - 1 && drawing[end] <= room[end] + 1, `the drawing whole ${name}`);
                if (name === 'across') assert.ok(Math.abs(middleOf(drawing) - middleOf(room)) < 3, `the drawing centred ${name}`);
                else assert.ok(Math.abs(drawing.top - room.top) < 3, `the drawing at the top, under the notice: ${drawing.top} vs ${room.top}`);
            }
        }
        assert.ok(centred > 0, 'the drawing is larger than the room on one axis at least');
        await w.page.screenshot({ path: path.join(out, 'huge-cursor-900.png') });
        await w.page.locator('.notice button').click();
        assert.equal(await noticeText(w), '');
        await fit(w);
        await w.page.waitForFunction(() => !!document.querySelector('.notice')?.textContent);
    });

    it('400 px: the examples, which need zoom 0.16 to show whole, are shown at the readable floor around the cursor\'s box; the zoom-out button goes further', async () => {
        const result = examplesResult();
        const objective = result.graph.nodes.find(n => n.kind === 'objective')!.id;
        const w = await preview.open({ viewport: { width: 400, height: 800 }, state: workspace });
        await w.postGraph({ ...graphMessage(result), cursor: cursorOn(result, objective) });
        await fit(w);
        await w.page.waitForFunction(() => !!document.querySelector('.notice')?.textContent);
        await w.page.screenshot({ path: path.join(out, 'examples-400.png') });
        const view = await measureView(w.page, drawnIds(result));
        assert.ok(view.zoom >= MIN_ZOOM - 1e-9, `Fit went to zoom ${view.zoom}, below the readable floor ${MIN_ZOOM}`);
        const seen = view.chain.filter(n => n.inView);
        assert.ok(seen.some(n => n.id === objective), `the cursor's ${objective} in view`);
        for (const n of seen) assert.ok(n.titlePx >= READABLE_PX - 1e-6, `${n.id}: name at ${n.titlePx} px`);
        assert.ok(seen.length < view.chain.length, 'the drawing is shown in part');
        await w.page.locator('vscode-button', { hasText: '−' }).click();
        await w.page.waitForFunction(floor => (window as unknown as { __state: { zoom: number } }).__state.zoom < floor, MIN_ZOOM);
    });

    it('900 px: the examples still fit whole, at the readable floor or more, with no notice', async () => {
        const w = await preview.open({ viewport: { width: 900, height: 800 }, state: workspace });
        await w.postGraph(graphMessage());
        await fit(w);
        await w.page.waitForFunction(() => (window as unknown as { __state: { zoom: number } }).__state.zoom < 0.5);
        const drawing = await box(w, '.align-graph');
        const canvas = await box(w, '.canvas');
        const zoom = await zoomOf(w);
        assert.ok(drawing.left >= canvas.left && drawing.right <= canvas.right && drawing.top >= canvas.top && drawing.bottom <= canvas.bottom, `the whole drawing in the pane at zoom ${zoom}`);
        assert.ok(zoom >= MIN_ZOOM - 1e-9, `zoom ${zoom}`);
        assert.equal(await noticeText(w), '', 'no notice');
        await w.page.screenshot({ path: path.join(out, 'examples-900.png') });
    });
});
