/**
 * Readable at any zoom and in any pane: names when zoomed far out, Fit that
 * stops at the readable size, a scope picker that shows whole names, the
 * direction override, and text measured with the font actually drawn (the
 * CLI's SVG, drawn by Chromium, keeps every line inside its box).
 */
import * as assert from 'node:assert/strict';
import { runCli, EXAMPLES } from '../cli/run-cli.js';
import { tableMeasure, TEXT, type TextStyle } from '../../language/render/measure.js';
import { MIN_ZOOM } from '../../webview/zoom-labels.js';
import { chainIds, cursorOn, drawnIds, examplesResult, graphMessage, usePreview } from './harness/fixture.js';
import { measureView } from './harness/measure-view.js';

const READABLE_PX = 11;
const READABLE_ZOOM = READABLE_PX / TEXT.title.size;

describe('preview: readable at any zoom and in any pane', function () {
    this.timeout(180_000);
    const preview = usePreview();
    const result = examplesResult();

    it('zoomed far out, every box shows its name at 11 px or more on screen, inside the box (labels never vanish)', async () => {
        const w = await preview.open({ viewport: { width: 1400, height: 900 } });
        await w.postGraph(graphMessage(result));
        const zoomOut = w.page.locator('vscode-button', { hasText: '−' });
        let previous = Infinity;
        for (let i = 0; i < 12; i++) {
            await zoomOut.click();
            const view = await measureView(w.page, chainIds(result, 'ChurnPilot.Probing'));
            assert.ok(view.zoom < previous || view.zoom === previous, 'zooms out');
            previous = view.zoom;
            const small = view.chain.filter(n => n.titlePx < READABLE_PX - 1e-6);
            assert.deepEqual(small, [], `zoom ${view.zoom}: labels below ${READABLE_PX} px`);
            assert.deepEqual(view.overflow, [], `zoom ${view.zoom}: labels outside their boxes`);
        }
        assert.ok(previous < 0.3, `zoomed out to ${previous}`);
        const names = await w.page.$$eval('.nodes > .node .node-short', els => els.map(e => ({ text: e.textContent ?? '', shown: getComputedStyle(e).display !== 'none' })));
        assert.ok(names.length > 30 && names.every(n => n.shown && n.text.length >= 3), JSON.stringify(names.slice(0, 5)));
        assert.equal(await w.page.locator('.nodes > .node .node-title').first().evaluate(e => getComputedStyle(e).display === 'none' || getComputedStyle(e.parentElement!).display === 'none'), true);
        const probing = await w.page.$eval('[data-id="ChurnPilot.Probing"] .node-short', e => e.textContent);
        assert.ok('Probing'.startsWith((probing ?? '').replace(/…$/, '')), `the name or its start: ${probing}`);
        // Back in: the lines again.
        for (let i = 0; i < 12; i++) await w.page.locator('vscode-button', { hasText: '+' }).click();
        assert.equal(await w.page.locator('.align-graph.zoomed-out').count(), 0);
    });

    it('Fit shows the whole drawing, zoomed out as far as it takes down to the readable floor; the preview\'s own framing stays readable', async () => {
        for (const viewport of [{ width: 420, height: 860 }, { width: 1600, height: 1000 }]) {
            const w = await preview.open({ viewport });
            await w.postGraph(graphMessage(result));
            const framed = await measureView(w.page, result.graph.nodes.filter(n => n.kind === 'objective').map(n => n.id));
            assert.ok(framed.zoom >= READABLE_ZOOM - 1e-6, `${viewport.width}: first framing at zoom ${framed.zoom}`);
            await w.page.locator('vscode-button', { hasText: 'Fit' }).click();
            const view = await measureView(w.page, drawnIds(result));
            assert.ok(view.zoom >= MIN_ZOOM - 1e-9, `${viewport.width}: zoom ${view.zoom} below the readable floor`);
            // Every name in view reads; the whole drawing is in view unless it is too large for the pane at the floor (then a notice says so).
            const seen = view.chain.filter(n => n.inView);
            for (const n of seen) assert.ok(n.titlePx >= READABLE_PX - 1e-6, `${n.id} ${n.titlePx}`);
            const notice = await w.page.$eval('.notice', e => e.textContent ?? '');
            if (notice === '') assert.equal(seen.length, view.chain.length, `${viewport.width}: every box in view at zoom ${view.zoom}`);
            else assert.ok(view.zoom === MIN_ZOOM && seen.length > 0, `${viewport.width}: part of the drawing at the floor, zoom ${view.zoom}`);
        }
    });

    it('shows whole names in the scope picker, in a narrow pane too', async () => {
        const w = await preview.open({ viewport: { width: 420, height: 860 } });
        await w.postGraph({ ...graphMessage(result), cursor: cursorOn(result, 'LockoutTagout.SpotHazards') });
        const control = await w.page.locator('vscode-dropdown.scope').evaluate(e => {
            const value = e.shadowRoot!.querySelector('.selected-value') as HTMLElement;
            return { text: value.textContent!.trim(), cut: value.scrollWidth > value.clientWidth + 1 || value.scrollHeight > value.clientHeight + 1 };
        });
        assert.equal(control.text, 'Cursor: Lockout/tagout refresher');
        assert.equal(control.cut, false, `the picker shows "${control.text}" whole`);
        await w.page.locator('vscode-dropdown.scope').click();
        const options = await w.page.$$eval('vscode-dropdown.scope vscode-option', els => els.map(e => {
            const content = e.shadowRoot!.querySelector('.content') as HTMLElement;
            const box = e.getBoundingClientRect();
            return { text: e.textContent!.trim(), cut: content.scrollWidth > content.clientWidth + 1, right: box.right };
        }));
        assert.ok(options.some(o => o.text === 'Outcome: Increase win rate from 28% to 34% in H2'), options.map(o => o.text).join(' | '));
        for (const o of options) {
            assert.equal(o.cut, false, `"${o.text}" is cut`);
            assert.ok(o.right <= 420, `"${o.text}" runs out of the pane (${o.right})`);
        }
        await w.page.keyboard.press('ArrowDown');
        await w.page.keyboard.press('Enter');
        assert.equal(await w.page.locator('vscode-dropdown.scope').getAttribute('aria-label'), 'Show');
    });

    it('takes a direction from the toolbar, the host (title bar) and the setting, and keeps it after a reload', async () => {
        // 800x1000: top to bottom fits best, and the toolbar has room for the direction picker (narrower, it is in the title bar).
        const w = await preview.open({ viewport: { width: 800, height: 1000 } });
        await w.postGraph({ ...graphMessage(result), cursor: cursorOn(result, 'ChurnPilot.Probing') });
        assert.equal((await measureView(w.page, [])).direction, 'down');
        let renders = await w.renders();
        await w.page.locator('vscode-dropdown.direction').click();
        await w.page.locator('vscode-dropdown.direction vscode-option', { hasText: 'Left to right' }).click();
        await w.waitForRenders(renders + 1);
        assert.equal((await measureView(w.page, [])).direction, 'right');
        assert.equal((await w.savedState())?.direction, 'right');
        await w.reload();
        await w.postGraph(graphMessage(result));
        assert.equal((await measureView(w.page, [])).direction, 'right', 'kept after a reload');
        renders = await w.renders();
        await w.post({ type: 'direction', direction: 'auto' });
        await w.waitForRenders(renders + 1);
        assert.equal((await measureView(w.page, [])).direction, 'down');
        renders = await w.renders();
        await w.post(graphMessage(result, { direction: 'right' }));
        await w.waitForRenders(renders + 1);
        assert.equal((await measureView(w.page, [])).direction, 'right', 'a changed setting wins');
    });

    it('measures with the font drawn: the CLI\'s width table matches Chromium\'s canvas for the declared fonts', async () => {
        const w = await preview.open();
        const texts = result.graph.nodes.flatMap(n => [n.title ?? n.name, n.name]);
        const styles: TextStyle[] = [TEXT.title, TEXT.small, TEXT.figures, TEXT.name];
        const canvas = await w.page.evaluate(({ texts, styles }) => {
            const context = document.createElement('canvas').getContext('2d')!;
            return styles.map(s => texts.map(t => {
                context.font = `${s.bold ? 600 : 400} ${s.size}px ${s.mono ? '"DejaVu Sans Mono", Menlo, Consolas, monospace' : '"Liberation Sans", Arial, Helvetica, sans-serif'}`;
                return context.measureText(t).width;
            }));
        }, { texts, styles });
        // The table has no kerning, which only makes drawn text narrower: the table may be a little wider, never narrower.
        styles.forEach((style, s) => texts.forEach((text, t) => {
            const table = tableMeasure(text, style);
            const drawn = canvas[s]![t]!;
            assert.ok(table >= drawn - 0.25 && table <= drawn * 1.03 + 0.25, `${JSON.stringify(style)} "${text}": table ${table.toFixed(2)}, canvas ${drawn.toFixed(2)}`);
        }));
    });

    it('the CLI\'s SVG, drawn by Chromium, keeps every line of text inside its box, in both directions', async () => {
        const page = await preview.browser().newPage();
        try {
            for (const direction of ['right', 'down']) {
                const cli = runCli(['graph', EXAMPLES, '--format', 'svg', '--direction', direction]);
                assert.equal(cli.status, 0, cli.stderr);
                await page.setContent(`<!DOCTYPE html><body style="margin:0">${cli.stdout}</body>`);
                const outside = await page.$$eval('g.node', nodes => nodes.flatMap(node => {
                    const box = node.querySelector('.node-box')!.getBoundingClientRect();
                    return [...node.querySelectorAll('.node-text text')].filter(t => {
                        const r = t.getBoundingClientRect();
                        return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
                    }).map(t => `${node.getAttribute('data-id')}: ${t.textContent}`);
                }));
                assert.deepEqual(outside, [], direction);
                assert.ok(await page.locator('g.node').count() > 40);
            }
        } finally {
            await page.close();
        }
    });
});
