/** The example workspace's graph (fixtures/examples-graph.json) and messages built from it. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type { GraphNode } from '../../../language/graph/types.js';
import type { ImpactGraphResult } from '../../../language/protocol.js';
import { graphJson, type HostMessage, type PreviewOptions } from '../../../webview/protocol.js';
import { BUNDLE, launchChromium, WebviewPage, type OpenOptions } from './webview-page.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A fresh copy of the fixture result (tests may change it). */
export function examplesResult(): ImpactGraphResult {
    return JSON.parse(fs.readFileSync(path.join(here, '../fixtures/examples-graph.json'), 'utf-8')) as ImpactGraphResult;
}

export function graphMessage(result: ImpactGraphResult = examplesResult(), options: Partial<PreviewOptions> = {}, focus?: string): HostMessage & { type: 'graph' } {
    return { type: 'graph', json: graphJson(result), options: { hideLearningMetrics: false, ...options }, ...(focus !== undefined ? { focus } : {}) };
}

export function node(result: ImpactGraphResult, id: string): GraphNode {
    const found = result.graph.nodes.find(n => n.id === id);
    assert.ok(found, `no node ${id} in the fixture`);
    return found;
}

/** Ids the preview draws: every node but programs and toolkits. */
export function drawnIds(result: ImpactGraphResult, hideLearning = false): string[] {
    return result.graph.nodes.filter(n => n.kind !== 'program' && n.kind !== 'toolkit')
        .filter(n => !hideLearning || !(n.metric?.kind === 'activity' || n.metric?.kind === 'learning')).map(n => n.id).sort();
}

/**
 * Mocha hooks for a suite that drives the preview: one browser per suite,
 * a fresh page per test, and no CSP violation or page error allowed.
 */
export function usePreview(): { browser: () => Browser; open: (options?: OpenOptions) => Promise<WebviewPage>; openWithGraph: (options?: OpenOptions) => Promise<WebviewPage> } {
    let browser: Browser | undefined;
    const pages: WebviewPage[] = [];
    before(async function () {
        if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
        browser = await launchChromium();
    });
    after(async () => { await browser?.close(); });
    afterEach(async () => {
        const open = pages.splice(0);
        try {
            for (const page of open) assert.deepEqual(await page.problems(), [], 'CSP violations or page errors');
        } finally {
            for (const page of open) await page.close();
        }
    });
    const open = async (options?: OpenOptions): Promise<WebviewPage> => {
        const page = await WebviewPage.open(browser!, options);
        pages.push(page);
        return page;
    };
    return {
        browser: () => browser!,
        open,
        openWithGraph: async options => {
            const page = await open(options);
            await page.postGraph(graphMessage());
            return page;
        }
    };
}
