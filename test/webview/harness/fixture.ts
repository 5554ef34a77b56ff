/** The example workspace's graph (fixtures/examples-graph.json) and messages built from it. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type { GraphNode } from '../../../language/graph/types.js';
import type { ImpactGraphResult } from '../../../language/protocol.js';
import { graphJson, type CursorPosition, type HostMessage, type PreviewOptions } from '../../../webview/protocol.js';
import { BUNDLE, launchChromium, WebviewPage, type OpenOptions } from './webview-page.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A fresh copy of the fixture result (tests may change it). */
export function examplesResult(): ImpactGraphResult {
    return JSON.parse(fs.readFileSync(path.join(here, '../fixtures/examples-graph.json'), 'utf-8')) as ImpactGraphResult;
}

export function graphMessage(result: ImpactGraphResult = examplesResult(), options: Partial<PreviewOptions> = {}, focus?: string): HostMessage & { type: 'graph' } {
    return { type: 'graph', json: graphJson(result), options: { hideLearningMetrics: false, ...options }, ...(focus !== undefined ? { focus } : {}) };
}

/** The editor cursor on a node's name, as the host sends it. */
export function cursorOn(result: ImpactGraphResult, id: string): CursorPosition {
    const n = node(result, id);
    return { uri: n.uri, line: n.nameRange.start.line, character: n.nameRange.start.character };
}

/**
 * A node's chain, walked here from the fixture's edges (not with the
 * preview's code): everything upstream and downstream along builds,
 * enables, moves, drives, measures and kpi edges.
 */
export function chainIds(result: ImpactGraphResult, id: string): string[] {
    const kinds = new Set(['builds', 'enables', 'moves', 'drives', 'measures', 'kpi']);
    const edges = result.graph.edges.filter(e => kinds.has(e.kind));
    const walk = (next: (at: string) => string[]): Set<string> => {
        const seen = new Set<string>();
        const stack = [id];
        while (stack.length > 0) {
            const at = stack.pop()!;
            if (seen.has(at)) continue;
            seen.add(at);
            stack.push(...next(at));
        }
        return seen;
    };
    const down = walk(at => edges.filter(e => e.from === at).map(e => e.to));
    const up = walk(at => edges.filter(e => e.to === at).map(e => e.from));
    return [...new Set([...down, ...up])].sort();
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
