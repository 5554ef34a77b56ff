/**
 * The server could not build the impact graph (a bug in Align): the host
 * posts `graph-fault` with the server's reason. The preview says so, in
 * place of "Loading the impact chain…" when it holds no graph, or in the
 * banner over the graph it holds; the next graph clears it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawnIds, examplesResult, graphMessage, usePreview } from './harness/fixture.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/screenshots/graph-fault');
const REASON = 'The impact graph could not be built: TypeError: fault injected in the impact graph\'s build.';

describe('preview: the impact graph could not be built', () => {
    const preview = usePreview();

    it('opened while it cannot be built: says why instead of loading for ever; the first graph replaces the message', async () => {
        fs.mkdirSync(out, { recursive: true });
        const w = await preview.open({ viewport: { width: 480, height: 600 } });
        assert.equal(await w.messageText(), 'Loading the impact chain…');
        await w.post({ type: 'graph-fault', message: REASON });
        await w.page.waitForFunction(() => document.querySelector('.message')!.textContent!.startsWith('The impact chain could not be built'));
        await w.page.screenshot({ path: path.join(out, 'no-graph.png') });
        assert.equal(await w.messageText(), `The impact chain could not be built ${REASON} This is a bug in Align: please report it. The impact chain shows once it can be built again.`);
        assert.ok(!await w.page.locator('.banner').isVisible());
        // The text fits the narrow pane: nothing runs out of the message's box.
        const overflow = await w.page.locator('.message').evaluate(e => e.scrollWidth - e.clientWidth);
        assert.ok(overflow <= 0, `the message overflows by ${overflow} px`);

        await w.postGraph(graphMessage());
        assert.ok(!await w.page.locator('.message').isVisible());
        assert.deepEqual(await w.drawnIds(), drawnIds(examplesResult()));
    });

    it('with a graph shown: keeps it under a banner that says why; the next graph clears the banner', async () => {
        const w = await preview.openWithGraph({ viewport: { width: 480, height: 600 } });
        const before = await w.drawnIds();
        const banner = w.page.locator('.banner');
        await w.post({ type: 'graph-fault', message: REASON });
        await banner.waitFor({ state: 'visible' });
        await w.page.screenshot({ path: path.join(out, 'kept-graph.png') });
        assert.equal(await banner.textContent(), `${REASON} This is a bug in Align: please report it. Showing the last graph built until it can be built again.`);
        assert.equal(await banner.getAttribute('role'), 'alert');
        assert.deepEqual(await w.drawnIds(), before);
        // A long reason (a message with a stack in it) is cut: the banner stays a few lines above the drawing.
        await w.post({ type: 'graph-fault', message: `The impact graph could not be built: Error: ${'x'.repeat(2000)}` });
        await w.page.waitForFunction(() => document.querySelector('.banner')!.textContent!.includes('x…'));
        assert.ok((await banner.textContent())!.length < 400);
        await w.postGraph(graphMessage());
        assert.ok(!await banner.isVisible());
    });

    it('ignores a graph-fault without its reason', async () => {
        const w = await preview.open();
        await w.post({ type: 'graph-fault' });
        await w.post({ type: 'graph-fault', message: 42 });
        await w.page.evaluate(() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0))));
        assert.equal(await w.messageText(), 'Loading the impact chain…');
    });
});
