/**
 * A workspace whose files have only syntax errors: no node could be read.
 * The empty state says to fix them (not to create a program), and the
 * status line does not claim an empty workspace ("0 nodes").
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { examplesResult, graphMessage, usePreview } from './harness/fixture.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/screenshots/syntax-errors-empty');

function emptyResult(): ReturnType<typeof examplesResult> {
    const empty = examplesResult();
    empty.graph = { nodes: [], edges: [], coverage: { aligned: 0, total: 0 } };
    empty.findings = {};
    empty.focusable = [];
    return empty;
}


describe('preview: syntax errors and no node', () => {
    const preview = usePreview();

    it('says to fix the syntax errors, not to create a program, and hides the "0 nodes" status; a valid graph clears both', async () => {
        fs.mkdirSync(out, { recursive: true });
        const w = await preview.open({ viewport: { width: 500, height: 600 } });
        // As the host sends them: what could be read (nothing), then the banner.
        await w.postGraph(graphMessage(emptyResult()));
        await w.post({ type: 'syntax-errors', files: ['a.align', 'b.align'], errors: 3, shows: 'partial' });
        await w.page.locator('.banner').waitFor({ state: 'visible' });
        const message = w.page.locator('.message');
        await w.page.waitForFunction(() => !document.querySelector('.message')!.textContent!.includes('create a program'));
        await w.page.screenshot({ path: path.join(out, 'only-syntax-errors.png') });
        assert.equal(await w.page.locator('.banner').textContent(), '3 syntax errors in a.align, b.align: no valid graph yet, showing what could be read.');
        assert.ok(await message.isVisible());
        assert.equal(await w.messageText(), 'No valid graph yet Fix the syntax errors to see the impact chain: the Problems panel lists them.');
        assert.equal(await w.page.locator('.canvas .status').isVisible(), false, 'the status line claims an empty workspace');
        // The same when the banner comes before the empty graph is drawn.
        const renders = await w.renders();
        await w.post(graphMessage(emptyResult()));
        await w.post({ type: 'syntax-errors', files: ['a.align'], errors: 1, shows: 'partial' });
        await w.waitForRenders(renders + 1);
        await w.page.waitForFunction(() => document.querySelector('.banner')!.textContent!.startsWith('1 syntax error'));
        assert.match(await w.messageText(), /^No valid graph yet Fix the syntax errors/);
        assert.equal(await w.page.locator('.canvas .status').isVisible(), false);

        // Fixed: a valid graph clears the banner and the message, and the status line is back.
        await w.postGraph(graphMessage());
        assert.ok(!await w.page.locator('.banner').isVisible());
        assert.ok(!await message.isVisible());
        assert.match(await w.page.locator('.canvas .status').textContent() ?? '', /^\d+ nodes · \d+ edges · aligned \d+\/\d+$/);
        // A valid workspace without declarations: the usual empty state again.
        await w.postGraph(graphMessage(emptyResult()));
        assert.equal(await w.messageText(), 'No Align declarations yet Create a program with the command Align: New Program from Template.');
        assert.ok(await w.page.locator('.canvas .status').isVisible());
    });
});
