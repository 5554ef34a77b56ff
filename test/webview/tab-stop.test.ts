/**
 * The graph is one Tab stop (a roving tabindex): Tab enters it at one node
 * and leaves it with the next press; the arrow keys, Home and End move
 * between nodes, and Tab comes back to the node last focused.
 */
import * as assert from 'node:assert/strict';
import { cursorOn, examplesResult, graphMessage, usePreview } from './harness/fixture.js';
import type { WebviewPage } from './harness/webview-page.js';

/** Where the focus is: a node's id, or a control's name, or `body`. */
const focusNow = (w: WebviewPage): Promise<{ node: string | null; name: string }> => w.page.evaluate(() => {
    const e = document.activeElement;
    return { node: e?.closest('.align-graph') ? e.getAttribute('data-id') : null, name: e?.getAttribute('aria-label') ?? e?.tagName.toLowerCase() ?? 'none' };
});
const tabStops = (w: WebviewPage): Promise<string[]> => w.page.$$eval('.align-graph [tabindex="0"]', els => els.map(e => e.getAttribute('data-id') ?? e.tagName));

describe('preview: the graph is one Tab stop', () => {
    const preview = usePreview();

    it('takes one Tab press to enter the graph of the examples and one to leave it; arrows move inside, Tab comes back to the node last focused', async () => {
        const w = await preview.openWithGraph({ viewport: { width: 500, height: 700 } });
        const order = await w.page.$$eval('.nodes > .node', els => els.map(e => e.getAttribute('data-id')!));
        assert.ok(order.length > 40, `${order.length} nodes drawn`);
        assert.deepEqual(await tabStops(w), [order[0]]);
        // From the page's start, Tab walks the toolbar's controls, then one node, then leaves the page.
        const walk: Array<{ node: string | null; name: string }> = [];
        for (let i = 0; i < 12; i++) {
            await w.page.keyboard.press('Tab');
            walk.push(await focusNow(w));
        }
        const onNodes = walk.map((f, i) => f.node ? i : -1).filter(i => i >= 0);
        assert.deepEqual(onNodes.map(i => walk[i]!.node), [order[0]], walk.map(f => f.node ?? f.name).join(' > '));
        const enter = onNodes[0]!;
        assert.equal(walk[enter - 1]!.name, 'Fit the graph to the view');
        assert.equal(walk[enter + 1]!.node, null, 'one Tab leaves the graph');

        // Back into the graph; the arrows and End move between nodes, and the Tab stop goes with the focus.
        await w.page.keyboard.press('Shift+Tab');
        while ((await focusNow(w)).node === null) await w.page.keyboard.press('Shift+Tab');
        assert.equal((await focusNow(w)).node, order[0]);
        await w.page.keyboard.press('ArrowDown');
        const moved = (await focusNow(w)).node;
        assert.ok(moved && moved !== order[0], `ArrowDown moved the focus to ${moved}`);
        await w.page.keyboard.press('End');
        assert.equal((await focusNow(w)).node, order[order.length - 1]);
        assert.deepEqual(await tabStops(w), [order[order.length - 1]]);
        await w.page.keyboard.press('Shift+Tab');
        assert.equal((await focusNow(w)).name, 'Fit the graph to the view', 'Shift+Tab leaves the graph to the toolbar');
        await w.page.keyboard.press('Tab');
        assert.equal((await focusNow(w)).node, order[order.length - 1], 'Tab comes back to the node last focused');
        assert.ok(await w.page.evaluate(() => document.activeElement!.matches(':focus-visible')), 'the focus shows');

        // A new graph (an edit) keeps one Tab stop, on the same node while it is drawn.
        const result = examplesResult();
        result.graph.nodes = result.graph.nodes.map(n => n.id === order[1] ? { ...n, title: `${n.title ?? n.name} (edited)` } : n);
        await w.postGraph(graphMessage(result));
        assert.deepEqual(await tabStops(w), [order[order.length - 1]]);
    });

    it('enters the graph at the editor cursor\'s node until a node is focused, and shows a dimmed node whole while it has the focus', async () => {
        const w = await preview.openWithGraph({ viewport: { width: 600, height: 700 } });
        const result = examplesResult();
        await w.post({ type: 'cursor', ...cursorOn(result, 'ChurnPilot.RestateNeeds') });
        await w.page.waitForSelector('.node.cursor[data-id="ChurnPilot.RestateNeeds"]');
        assert.deepEqual(await tabStops(w), ['ChurnPilot.RestateNeeds']);
        // The cursor moves: so does the stop, while no node has had the focus.
        await w.post({ type: 'cursor', ...cursorOn(result, 'ChurnPilot.Probing') });
        await w.page.waitForSelector('.node.cursor[data-id="ChurnPilot.Probing"]');
        assert.deepEqual(await tabStops(w), ['ChurnPilot.Probing']);
        // Tab from the page's start walks the toolbar, then enters the graph at the cursor's node.
        for (let i = 0; i < 12 && (await focusNow(w)).node === null; i++) await w.page.keyboard.press('Tab');
        assert.equal((await focusNow(w)).node, 'ChurnPilot.Probing');
        const opacity = (id: string) => w.page.$eval(`[data-id="${id}"]`, e => Number(getComputedStyle(e).opacity));
        const dimmed = 'ChurnPilot.Summarizing';
        assert.ok(await opacity(dimmed) < 0.5, 'off the chain: dimmed');
        // The focus moves on to a dimmed node (as the arrow keys move it): it and its focus ring are opaque while focused.
        await w.page.focus(`[data-id="${dimmed}"]`);
        assert.ok(await w.page.evaluate(() => document.activeElement!.matches(':focus-visible')), 'the focus shows');
        assert.equal(await opacity(dimmed), 1);
        assert.equal(await w.page.$eval(`[data-id="${dimmed}"] .focus-ring`, e => getComputedStyle(e).visibility), 'visible');
        assert.deepEqual(await tabStops(w), [dimmed], 'the stop stays with the focused node');
        await w.page.keyboard.press('Shift+Tab');
        assert.equal((await focusNow(w)).node, null, 'Shift+Tab left the graph');
        assert.ok(await opacity(dimmed) < 0.5, 'dimmed again once the focus left');
        await w.post({ type: 'cursor', ...cursorOn(result, 'ChurnPilot.ActiveListening') });
        await w.page.waitForSelector('.node.cursor[data-id="ChurnPilot.ActiveListening"]');
        assert.deepEqual(await tabStops(w), [dimmed], 'a node focused once keeps the stop when the cursor moves');
    });
});
