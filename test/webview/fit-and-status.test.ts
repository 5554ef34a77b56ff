/**
 * Fit, the status line and the zoomed-out names, in panes as wide as a
 * preview beside the editor (400 px) and a half screen (900 px): Fit shows
 * the whole drawing (the readability floor is for the preview's own
 * framing only), the status line counts in words and sits in the pane's
 * corner without ever covering a box, and a box's kind icon never overlaps
 * its name (far out, below 58%, it is hidden and the name takes its room).
 * Screenshots go to out/screenshots/fit-and-status/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WebviewState } from '../../webview/protocol.js';
import { MIN_ZOOM } from '../../webview/zoom-labels.js';
import { examplesResult, graphMessage, node, usePreview } from './harness/fixture.js';
import type { WebviewPage } from './harness/webview-page.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/screenshots/fit-and-status');
const WIDTHS = [400, 900];
const workspace = (zoom = 1): WebviewState => ({ zoom, pan: { x: 0, y: 0 }, scope: { kind: 'workspace' }, direction: 'auto', hideLearningMetrics: false, search: '' });

type Box = { left: number; top: number; right: number; bottom: number };
const rect = (w: WebviewPage, selector: string): Promise<Box> => w.page.$eval(selector, e => {
    const r = e.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
});
const inside = (a: Box, b: Box): boolean => a.left >= b.left - 0.5 && a.top >= b.top - 0.5 && a.right <= b.right + 0.5 && a.bottom <= b.bottom + 0.5;
const zoomOf = async (w: WebviewPage): Promise<number> => (await w.savedState())!.zoom;
const fit = (w: WebviewPage): Promise<void> => w.page.locator('vscode-button', { hasText: 'Fit' }).click();

describe('preview: Fit, the status line, zoomed-out names', () => {
    const preview = usePreview();
    before(() => fs.mkdirSync(out, { recursive: true }));

    for (const width of WIDTHS) {
        it(`${width} px: Fit on the first view zooms out until the whole drawing is in the pane, never below the readable floor`, async () => {
            const w = await preview.open({ viewport: { width, height: 800 } });
            await w.postGraph(graphMessage());
            await w.waitForPosted('view');
            const first = await zoomOf(w);
            await fit(w);
            await w.page.waitForFunction(z => (window as unknown as { __state: { zoom: number } }).__state.zoom < z, first);
            const drawing = await rect(w, '.align-graph');
            const canvas = await rect(w, '.canvas');
            const zoom = await zoomOf(w);
            await w.page.screenshot({ path: path.join(out, `fit-${width}.png`) });
            assert.ok(zoom >= MIN_ZOOM - 1e-9, `zoom ${zoom} below the readable floor`);
            assert.ok(await w.page.$eval('.align-graph', e => e.classList.contains('zoomed-out')), 'zoomed far out, boxes show their names');
            if (await w.page.$eval('.notice', e => e.textContent !== '')) {
                // Too large to show whole at the floor: shown in part, at the floor.
                assert.equal(zoom, MIN_ZOOM);
                assert.ok(!inside(drawing, canvas), `the drawing ${JSON.stringify(drawing)} would fit the pane ${JSON.stringify(canvas)} at zoom ${zoom}`);
                return;
            }
            assert.ok(inside(drawing, canvas), `the drawing ${JSON.stringify(drawing)} inside the pane ${JSON.stringify(canvas)} at zoom ${zoom} (first view: ${first})`);
            // As large as fits: it spans the pane, less its padding, on one axis.
            const slack = Math.min((canvas.right - canvas.left) - (drawing.right - drawing.left), (canvas.bottom - canvas.top) - (drawing.bottom - drawing.top));
            assert.ok(slack <= 2 * 12 + 1, `slack ${slack}`);
        });

        it(`${width} px: the status line counts in words and never covers a box: Fit keeps it clear, a search's centring hides it`, async () => {
            const w = await preview.open({ viewport: { width, height: 500 }, state: workspace() });
            await w.postGraph(graphMessage());
            assert.equal(await w.page.locator('.status').textContent(), '42 nodes · 40 edges · aligned 9/11');
            // Fit leaves the status line's strip clear: it shows, below the drawing.
            await fit(w);
            await w.page.waitForFunction(() => (window as unknown as { __state: { zoom: number } }).__state.zoom < 0.5);
            const status = await rect(w, '.status');
            assert.ok(await w.page.locator('.status').isVisible(), 'shown after Fit');
            assert.ok((await rect(w, '.align-graph')).bottom <= status.top, 'the fitted drawing ends above the status line');
            // Every node searched for in turn (centred at a readable zoom): no box is ever under the status line while it shows.
            let hidden = 0;
            for (const n of examplesResult().graph.nodes.filter(n => n.kind !== 'program' && n.kind !== 'toolkit')) {
                await w.page.locator('vscode-text-field input').fill(n.name);
                // Centred, or as far as the drawing's edge allows (that edge then at the pane's).
                await w.page.waitForFunction(id => {
                    const box = document.querySelector(`.node.match[data-id="${id}"] .node-box`)?.getBoundingClientRect();
                    const pane = document.querySelector('.canvas')!.getBoundingClientRect();
                    const drawing = document.querySelector('.align-graph')!.getBoundingClientRect();
                    if (box === undefined) return false;
                    const off = box.top + box.height / 2 - (pane.top + pane.height / 2);
                    return Math.abs(off) < 2 || (off < 0 ? Math.abs(drawing.top - pane.top) < 2 : Math.abs(drawing.bottom - pane.bottom) < 2);
                }, n.id);
                const under = await w.page.evaluate(() => {
                    const line = document.querySelector('.status')!;
                    if (getComputedStyle(line).visibility === 'hidden') return undefined;
                    const s = line.getBoundingClientRect();
                    return [...document.querySelectorAll('.nodes > .node')].filter(e => {
                        const b = e.querySelector('.node-box')!.getBoundingClientRect();
                        return b.left < s.right && b.right > s.left && b.top < s.bottom && b.bottom > s.top;
                    }).map(e => e.getAttribute('data-id'));
                });
                if (under === undefined) hidden++;
                else assert.deepEqual(under, [], `searching ${n.name}: boxes under the status line`);
            }
            await w.page.screenshot({ path: path.join(out, `search-${width}.png`) });
            assert.ok(hidden > 0, 'some search brought a box under the status line');

            const one = examplesResult();
            one.graph = { nodes: [node(one, 'ReduceChurn')], edges: [], coverage: { aligned: 0, total: 1 } };
            one.focusable = one.focusable.filter(f => f.id === 'ReduceChurn');
            await w.postGraph(graphMessage(one));
            assert.equal(await w.page.locator('.status').textContent(), '1 node · 0 edges · aligned 0/1');
        });

        it(`${width} px: zoomed out, at every step down to Fit, no box's kind icon overlaps its name`, async () => {
            for (const zoom of [0.8, 0.65, 0.5, 0.42, 0.35, 0.28, 0.25, 'fit'] as const) {
                const w = await preview.open({ viewport: { width, height: 800 }, state: workspace(zoom === 'fit' ? 1 : zoom) });
                await w.postGraph(graphMessage());
                if (zoom === 'fit') {
                    await fit(w);
                    await w.page.waitForFunction(() => !!document.querySelector('.align-graph.zoomed-out .node-short')?.textContent);
                }
                const overlaps = await w.page.$$eval('.nodes > .node', nodes => nodes.flatMap(n => {
                    const iconElement = n.querySelector(':scope > .node-icon')!;
                    const icon = iconElement.getBoundingClientRect();
                    const name = n.querySelector('.node-short')!;
                    const text = name.getBoundingClientRect();
                    if (getComputedStyle(name).display === 'none' || text.width === 0) return [`${n.getAttribute('data-id')}: no name shown`];
                    // Far out (names-only), the icon gives way to the name.
                    if (getComputedStyle(iconElement).display === 'none') return n.closest('.names-only') ? [] : [`${n.getAttribute('data-id')}: icon hidden`];
                    const apart = icon.right <= text.left || text.right <= icon.left || icon.bottom <= text.top || text.bottom <= icon.top;
                    return apart ? [] : [`${n.getAttribute('data-id')}: icon ${icon.left},${icon.top}-${icon.right},${icon.bottom} name ${text.left},${text.top}-${text.right},${text.bottom}`];
                }));
                if (zoom === 'fit' || zoom === 0.5) await w.page.screenshot({ path: path.join(out, `zoomed-out-${zoom}-${width}.png`) });
                assert.deepEqual(overlaps, [], `${width} px, zoom ${zoom}`);
            }
        });
    }
});
