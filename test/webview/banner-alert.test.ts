/**
 * The banner is an alert (role="alert"): while the user edits a file with a
 * syntax error, each edit brings a graph and the same syntax errors again.
 * The banner's DOM is left alone unless what it says changes, so that a
 * screen reader does not hear the same alert again and again, and it keeps
 * its height: a graph that comes with syntax errors (`syntaxErrors`) leaves
 * it as it is even when that graph is painted before their message comes.
 */
import * as assert from 'node:assert/strict';
import { diffResults } from '../../client/preview/graph-diff.js';
import { examplesResult, graphMessage, node, usePreview } from './harness/fixture.js';
import type { WebviewPage } from './harness/webview-page.js';

const ERRORS = { type: 'syntax-errors', files: ['safety.align'], errors: 1, shows: 'last-valid' } as const;

/** Starts recording the banner's mutations, and its height when it changes (`height 0`: hidden). */
const record = (w: WebviewPage): Promise<void> => w.page.evaluate(() => {
    const banner = document.querySelector('.banner')!;
    const log: string[] = [];
    (window as unknown as { __mutations: string[] }).__mutations = log;
    new MutationObserver(ms => { for (const m of ms) log.push(m.type === 'attributes' ? `${m.attributeName}` : m.type); })
        .observe(banner, { childList: true, attributes: true, characterData: true, subtree: true });
    let height = banner.getBoundingClientRect().height;
    new ResizeObserver(() => {
        const now = banner.getBoundingClientRect().height;
        if (now !== height) log.push(`height ${now}`);
        height = now;
    }).observe(banner);
});

const mutations = (w: WebviewPage): Promise<string[]> => w.page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations);

describe('preview: the banner\'s alert', () => {
    const preview = usePreview();

    it('is not rewritten nor shown again while the syntax errors it reports stay the same', async () => {
        const w = await preview.openWithGraph({ viewport: { width: 900, height: 600 } });
        await w.post(ERRORS);
        await w.page.locator('.banner').waitFor({ state: 'visible' });
        const text = await w.page.locator('.banner').textContent();
        await record(w);
        // Edits with the same error: the syntax errors alone, then (as the host sends them) a graph and the errors at once.
        for (let i = 0; i < 3; i++) {
            await w.post(ERRORS);
            await w.page.waitForTimeout(50);
        }
        for (let i = 0; i < 2; i++) {
            await w.page.evaluate(([graph, errors]) => { window.postMessage(graph, '*'); window.postMessage(errors, '*'); }, [graphMessage(), ERRORS] as const);
            await w.page.waitForTimeout(300);
        }
        assert.deepEqual(await mutations(w), [], 'the alert untouched');
        assert.ok(await w.page.locator('.banner').isVisible());
        assert.equal(await w.page.locator('.banner').textContent(), text);
    });

    for (const width of [480, 400]) {
        it(`${width} px: stays as it is when a graph with syntax errors is painted before their message comes`, async () => {
            const w = await preview.open({ viewport: { width, height: width === 480 ? 860 : 700 } });
            const before = examplesResult();
            await w.postGraph({ ...graphMessage(before), seq: 1 });
            await w.post(ERRORS);
            await w.page.locator('.banner').waitFor({ state: 'visible' });
            const text = await w.page.locator('.banner').textContent();
            await record(w);
            // A whole graph, then a delta (an edit while no valid graph was read: `shows: 'partial'`), each painted before the errors come.
            await w.postGraph({ ...graphMessage(before), seq: 2, syntaxErrors: true });
            await w.page.waitForTimeout(100);
            await w.post(ERRORS);
            const after = examplesResult();
            node(after, 'ChurnPilot.Probing').title = 'Asks open probing questions before offering a fix';
            const renders = await w.renders();
            await w.post({ type: 'graph-delta', json: JSON.stringify(diffResults(before, after)), options: { hideLearningMetrics: false }, base: 2, seq: 3, syntaxErrors: true });
            await w.waitForRenders(renders + 1);
            await w.page.waitForTimeout(100);
            await w.post(ERRORS);
            await w.page.waitForTimeout(300);
            assert.deepEqual(await mutations(w), [], 'neither hidden nor shown again, nor rewritten');
            assert.ok(await w.page.locator('.banner').isVisible());
            assert.equal(await w.page.locator('.banner').textContent(), text);
            // Fixed: the next graph without syntax errors clears it.
            await w.postGraph({ ...graphMessage(after), seq: 4 });
            await w.page.locator('.banner').waitFor({ state: 'hidden' });
        });
    }

    it('changes when the errors change, and goes when a graph comes without them', async () => {
        const w = await preview.openWithGraph({ viewport: { width: 900, height: 600 } });
        await w.post(ERRORS);
        await w.page.locator('.banner').waitFor({ state: 'visible' });
        await w.post({ ...ERRORS, errors: 2, files: ['safety.align', 'churn-pilot.align'] });
        await w.page.waitForFunction(() => document.querySelector('.banner')!.textContent!.startsWith('2 syntax errors'));
        await w.postGraph(graphMessage());
        await w.page.locator('.banner').waitFor({ state: 'hidden' });
    });
});
