/**
 * The banner is an alert (role="alert"): while the user edits a file with a
 * syntax error, each edit brings a graph and the same syntax errors again.
 * The banner's DOM is left alone unless what it says changes, so that a
 * screen reader does not hear the same alert again and again.
 */
import * as assert from 'node:assert/strict';
import { graphMessage, usePreview } from './harness/fixture.js';
import type { WebviewPage } from './harness/webview-page.js';

const ERRORS = { type: 'syntax-errors', files: ['safety.align'], errors: 1, shows: 'last-valid' } as const;

/** Starts recording the banner's mutations. */
const record = (w: WebviewPage): Promise<void> => w.page.evaluate(() => {
    const banner = document.querySelector('.banner')!;
    const log: string[] = [];
    (window as unknown as { __mutations: string[] }).__mutations = log;
    new MutationObserver(ms => { for (const m of ms) log.push(m.type === 'attributes' ? `${m.attributeName}` : m.type); })
        .observe(banner, { childList: true, attributes: true, characterData: true, subtree: true });
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
