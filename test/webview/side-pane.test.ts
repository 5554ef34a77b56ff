/**
 * Acceptance of issue 11: opened beside the editor with the cursor on an
 * objective, a metric or an outcome, the preview shows that element's whole
 * chain in view, every title at 11 CSS px or more, with no zoom or pan, in
 * narrow, medium and wide panes and in every theme. Measured from the DOM;
 * the figures and a screenshot of each case go to out/screenshots/side-pane/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chainIds, cursorOn, examplesResult, graphMessage, usePreview } from './harness/fixture.js';
import { measureView, type MeasuredView } from './harness/measure-view.js';
import { THEMES, type ThemeName } from './harness/themes.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/screenshots/side-pane');
const PANES = [{ width: 420, height: 860 }, { width: 640, height: 900 }, { width: 1600, height: 1000 }];
const CURSORS = [
    { kind: 'objective', id: 'DiscoveryBootcamp.QualifyDeals' },
    { kind: 'metric', id: 'DiscoveryBootcamp.PipelineHygiene' },
    { kind: 'outcome', id: 'GrowWinRate' }
];
const READABLE_PX = 11;

describe('preview beside the editor: the cursor\'s chain in view and readable (acceptance)', function () {
    this.timeout(300_000);
    const preview = usePreview();
    const result = examplesResult();
    const figures: Array<Record<string, unknown>> = [];
    before(() => fs.mkdirSync(out, { recursive: true }));
    after(() => fs.writeFileSync(path.join(out, 'figures.json'), JSON.stringify(figures, null, 1) + '\n'));

    for (const pane of PANES) {
        for (const cursor of CURSORS) {
            it(`${pane.width}x${pane.height}, cursor on ${cursor.kind} ${cursor.id}: whole chain in view, titles >= ${READABLE_PX} px, no text outside its box, in every theme`, async () => {
                const chain = chainIds(result, cursor.id);
                for (const theme of Object.keys(THEMES) as ThemeName[]) {
                    const w = await preview.open({ viewport: pane, theme });
                    await w.postGraph({ ...graphMessage(result), cursor: cursorOn(result, cursor.id) });
                    await w.waitForPosted('view');
                    const view = await measureView(w.page, chain);
                    await w.page.screenshot({ path: path.join(out, `${pane.width}x${pane.height}-${cursor.kind}-${theme}.png`) });
                    figures.push(summary(pane, cursor.id, theme, view));
                    assertReadableChain(view, `${pane.width}x${pane.height} ${theme}`);
                    assert.equal(view.cursor, cursor.id, 'the cursor\'s node is marked');
                }
            });
        }
    }

    // Every element of the examples, the cursor moved from one to the next in one open preview (the path a user takes).
    for (const pane of [{ width: 420, height: 860 }, { width: 546, height: 720 }, { width: 960, height: 600 }, { width: 380, height: 600 }]) {
        const small = pane.height * pane.width < 400 * 700;
        it(`${pane.width}x${pane.height}, the cursor moved over every objective, skill, behavior, metric and outcome: ${small ? 'its box' : 'its whole chain'} in view, readable`, async () => {
            const w = await preview.open({ viewport: pane });
            await w.postGraph(graphMessage(result));
            const rows: string[] = [];
            for (const n of result.graph.nodes.filter(n => ['objective', 'skill', 'behavior', 'metric', 'outcome'].includes(n.kind))) {
                const after = (await w.posted()).length;
                await w.post({ type: 'cursor', ...cursorOn(result, n.id) });
                await w.page.waitForFunction(({ after, id }) => (window as unknown as { __posted: Array<{ type: string; cursor?: string }> }).__posted.slice(after)
                    .some(m => m.type === 'view' && m.cursor === id), { after, id: n.id });
                const view = await measureView(w.page, small ? [n.id] : chainIds(result, n.id));
                if (small) {
                    const whole = await measureView(w.page, chainIds(result, n.id));
                    rows.push(`${n.id}: ${whole.chain.filter(c => c.inView).length}/${whole.chain.length} in view`);
                }
                assertReadableChain(view, `${pane.width}x${pane.height} cursor on ${n.id}`);
            }
            if (small) fs.writeFileSync(path.join(out, `sweep-${pane.width}x${pane.height}.txt`), rows.join('\n') + '\n');
        });
    }

    it('lays a narrow pane out top to bottom and a wide one left to right, and follows a resize', async () => {
        const w = await preview.open({ viewport: { width: 1600, height: 1000 } });
        await w.postGraph(graphMessage(result));
        assert.equal((await measureView(w.page, [])).direction, 'right');
        const before = await w.renders();
        await w.page.setViewportSize({ width: 420, height: 860 });
        await w.waitForRenders(before + 1);
        assert.equal((await measureView(w.page, [])).direction, 'down');
        const view = (await w.posted()).filter(m => m.type === 'view').at(-1);
        assert.ok(view?.type === 'view' && view.direction === 'down' && view.directionChoice === 'auto');
    });

    it('with the cursor on no declaration, dims nothing', async () => {
        const w = await preview.open({ viewport: { width: 420, height: 860 } });
        const anywhere = cursorOn(result, 'GrowWinRate');
        await w.postGraph({ ...graphMessage(result), cursor: { ...anywhere, line: 0, character: 0 } });
        const view = await measureView(w.page, []);
        assert.ok(view.drawn > 0);
        assert.equal(view.dimmed, 0);
        assert.equal(await w.page.locator('.align-graph.has-highlight').count(), 0);
        assert.ok(view.zoom >= READABLE_PX / 13 - 1e-6);
    });
});

function assertReadableChain(view: MeasuredView, where: string): void {
    const missing = view.chain.filter(n => !n.drawn).map(n => n.id);
    assert.deepEqual(missing, [], `${where}: chain nodes not drawn`);
    const out = view.chain.filter(n => !n.inView).map(n => n.id);
    assert.deepEqual(out, [], `${where}: chain nodes out of view (zoom ${view.zoom})`);
    const small = view.chain.filter(n => n.titlePx < READABLE_PX - 1e-6).map(n => `${n.id} ${n.titlePx}px`);
    assert.deepEqual(small, [], `${where}: titles below ${READABLE_PX} px`);
    assert.deepEqual(view.chain.filter(n => !n.highlighted).map(n => n.id), [], `${where}: chain nodes not highlighted`);
    assert.deepEqual(view.overflow, [], `${where}: text outside its box`);
}

function summary(pane: { width: number; height: number }, cursor: string, theme: string, view: MeasuredView): Record<string, unknown> {
    return {
        pane: `${pane.width}x${pane.height}`, cursor, theme, direction: view.direction, zoom: Math.round(view.zoom * 1000) / 1000,
        chain: view.chain.length, inView: view.chain.filter(n => n.inView).length,
        smallestTitlePx: Math.min(...view.chain.map(n => n.titlePx)), overflow: view.overflow.length
    };
}
