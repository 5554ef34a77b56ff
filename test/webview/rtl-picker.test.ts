/**
 * A right-to-left program title in the closed Show picker, too long for
 * it: its beginning stays in view (the ellipsis cuts its end), and the
 * kind before it reads `Program:` whole. A left-to-right title is as before.
 */
import * as assert from 'node:assert/strict';
import { examplesResult, graphMessage, usePreview } from './harness/fixture.js';
import type { WebviewPage } from './harness/webview-page.js';

const ARABIC = 'تقليل معدل فقدان العملاء بنقطتين مئويتين خلال الربع القادم في كل الفرق الإقليمية';

/** In-page: each word of the closed picker's value, and whether it is whole in view. */
const WORDS = `(() => {
    const d = document.querySelector('vscode-dropdown.scope');
    const box = d.shadowRoot.querySelector('.selected-value');
    const clip = box.getBoundingClientRect();
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    let text;
    while ((text = walker.nextNode()) && !text.textContent.trim()) {}
    const out = [];
    const re = /[^\\s\\u2066-\\u2069]+/g;
    let m;
    while ((m = re.exec(text.textContent))) {
        const range = document.createRange();
        range.setStart(text, m.index);
        range.setEnd(text, m.index + m[0].length);
        const r = range.getBoundingClientRect();
        out.push([m[0], r.left >= clip.left - 1 && r.right <= clip.right + 1]);
    }
    return out;
})()`;

const words = (w: WebviewPage): Promise<Array<[string, boolean]>> => w.page.evaluate(WORDS) as Promise<Array<[string, boolean]>>;

describe('preview: a right-to-left title in the Show picker', () => {
    const preview = usePreview();

    it('shows the beginning of a long right-to-left title, after "Program:"', async () => {
        const result = examplesResult();
        result.focusable.find(f => f.id === 'ChurnPilot')!.title = ARABIC;
        result.graph.nodes.find(n => n.id === 'ChurnPilot')!.title = ARABIC;
        const w = await preview.open({ viewport: { width: 900, height: 500 } });
        await w.postGraph(graphMessage(result, {}, 'ChurnPilot'));
        await w.page.waitForFunction(() => (document.querySelector('vscode-dropdown.scope') as HTMLElement & { value: string }).value === 'ChurnPilot');
        await w.page.waitForTimeout(200);
        const seen = await words(w);
        assert.equal(seen[0]?.[0], 'Program:', JSON.stringify(seen));
        assert.ok(seen.some(([, whole]) => !whole), `the title is too long for the picker: ${JSON.stringify(seen)}`);
        for (const [word, whole] of seen.slice(0, 4)) assert.ok(whole, `"${word}" in view: ${JSON.stringify(seen)}`);
        // The tooltip has it whole, without the isolating marks.
        assert.equal(await w.page.locator('vscode-dropdown.scope').getAttribute('title'), `Program: ${ARABIC}`);
    });

    it('keeps a left-to-right title as before: its beginning at the left, its option text plain', async () => {
        const w = await preview.open({ viewport: { width: 900, height: 500 } });
        await w.postGraph(graphMessage(examplesResult(), {}, 'ChurnPilot'));
        await w.page.waitForTimeout(300);
        const seen = await words(w);
        assert.equal(seen[0]?.[0], 'Program:', JSON.stringify(seen));
        assert.ok(seen[1]?.[1], JSON.stringify(seen));
        assert.equal(await w.page.locator('vscode-dropdown.scope').getAttribute('data-rtl'), null);
        assert.equal(await w.page.locator('vscode-option[value="ChurnPilot"]').textContent(), 'Program: Churn reduction pilot');
    });
});
