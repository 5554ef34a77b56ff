/**
 * The scope picker lists every program and outcome once, and tells apart
 * entries with the same title (an outcome of a program and one of the
 * workspace, say) by a description: the qualified name and the file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImpactGraphResult } from '../../language/protocol.js';
import { cursorOn, examplesResult, graphMessage, node, usePreview } from './harness/fixture.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/screenshots/picker');

/** The examples, with a second outcome titled like FasterRampUp: `SalesOnboarding.FasterRamp`, in another file. */
function withTwinTitles(): ImpactGraphResult {
    const result = examplesResult();
    const ramp = node(result, 'FasterRampUp');
    const twin = { ...ramp, id: 'SalesOnboarding.FasterRamp', name: 'FasterRamp', qualifiedName: 'SalesOnboarding.FasterRamp', uri: ramp.uri.replace(/[^/]+$/, 'sales%20onboarding.align'), program: 'SalesOnboarding' };
    result.graph.nodes.push(twin);
    result.focusable.push({ id: twin.id, kind: 'outcome', title: ramp.title });
    return result;
}

describe('preview: scope picker', () => {
    const preview = usePreview();

    for (const width of [400, 900]) {
        it(`${width} px: entries with the same title read apart, and each picks its own`, async () => {
            const w = await preview.open({ viewport: { width, height: 700 } });
            await w.postGraph(graphMessage(withTwinTitles()));
            const options = w.page.locator('vscode-dropdown.scope vscode-option');
            await w.page.waitForFunction(() => document.querySelectorAll('vscode-dropdown.scope vscode-option').length === 11);
            const texts = (await options.allTextContents()).map(t => t.replace(/\s+/g, ' ').trim());
            assert.equal(new Set(texts).size, texts.length, `every entry reads differently: ${texts.join(' | ')}`);
            assert.ok(texts.includes('Outcome: New hires productive sooner (FasterRampUp, onboarding.align)'), texts.join(' | '));
            assert.ok(texts.includes('Outcome: New hires productive sooner (SalesOnboarding.FasterRamp, sales onboarding.align)'), texts.join(' | '));
            // A unique title has no description.
            assert.ok(texts.includes('Outcome: Fewer recordable incidents'), texts.join(' | '));
            assert.equal(await w.page.locator('vscode-option .description').count(), 2);

            await w.page.locator('vscode-dropdown.scope').click();
            fs.mkdirSync(out, { recursive: true });
            await w.page.screenshot({ path: path.join(out, `twins-${width}.png`) });
            const before = (await w.posted()).length;
            await w.page.locator('vscode-option', { hasText: 'SalesOnboarding.FasterRamp' }).click();
            await w.page.waitForFunction(before => (window as unknown as { __posted: Array<{ type: string; scope?: { id?: string } }> }).__posted.slice(before)
                .some(m => m.type === 'view' && m.scope?.id === 'SalesOnboarding.FasterRamp'), before);
            assert.deepEqual(await w.page.$$eval('.nodes > .node', els => els.map(e => e.getAttribute('data-id'))), ['SalesOnboarding.FasterRamp']);
        });
    }

    it('a program picked while the cursor is in another is drawn whole, none of it dimmed, and the "Cursor" entry still names the cursor\'s program', async () => {
        const w = await preview.open({ viewport: { width: 900, height: 700 } });
        const result = examplesResult();
        await w.postGraph({ ...graphMessage(result), cursor: cursorOn(result, 'DiscoveryBootcamp.QualifyDeals') });
        const state = () => w.page.evaluate(() => ({
            highlighting: document.querySelector('.align-graph')!.classList.contains('has-highlight'),
            ids: [...document.querySelectorAll('.nodes > .node')].map(e => e.getAttribute('data-id')),
        }));
        assert.equal((await state()).highlighting, true, 'the cursor\'s chain is highlighted');
        const cursorEntry = () => w.page.locator('vscode-dropdown.scope vscode-option').first().textContent();
        assert.equal(await cursorEntry(), 'Cursor: Consultative discovery bootcamp');
        const before = (await w.posted()).length;
        await w.page.locator('vscode-dropdown.scope').click();
        await w.page.locator('vscode-option', { hasText: 'Churn reduction pilot' }).click();
        await w.page.waitForFunction(before => (window as unknown as { __posted: Array<{ type: string; scope?: { id?: string } }> }).__posted.slice(before)
            .some(m => m.type === 'view' && m.scope?.id === 'ChurnPilot'), before);
        const picked = await state();
        assert.ok(picked.ids.includes('ChurnPilot.AskOpenQuestions') && !picked.ids.includes('DiscoveryBootcamp.QualifyDeals'), picked.ids.join(' '));
        assert.equal(picked.highlighting, false, 'nothing dimmed: the cursor\'s element is not drawn');
        assert.equal(await cursorEntry(), 'Cursor: Consultative discovery bootcamp', 'the "Cursor" entry still names what it would show');
    });
});
