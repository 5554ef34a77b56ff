/**
 * Graph deltas in the preview: an edit of one title draws that one box
 * again and nothing else; a delta that adds a node lays out again keeping
 * every place; a delta the preview cannot apply makes it ask for the whole
 * graph.
 */
import * as assert from 'node:assert/strict';
import type { GraphNode } from '../../language/graph/types.js';
import type { ImpactGraphResult } from '../../language/protocol.js';
import { diffResults } from '../../client/preview/graph-diff.js';
import type { HostMessage } from '../../webview/protocol.js';
import { examplesResult, graphMessage, node, usePreview } from './harness/fixture.js';
import type { WebviewPage } from './harness/webview-page.js';

/** Marks every node element; returns the ids of elements without the mark (drawn again since). */
async function markNodes(w: WebviewPage): Promise<() => Promise<string[]>> {
    await w.page.$$eval('.nodes > .node', els => els.forEach(e => { (e as unknown as { __mark: boolean }).__mark = true; }));
    return () => w.page.$$eval('.nodes > .node', els => els.filter(e => !(e as unknown as { __mark?: boolean }).__mark).map(e => e.getAttribute('data-id')!).sort());
}

function deltaMessage(before: ImpactGraphResult, after: ImpactGraphResult, base: number, seq: number): HostMessage {
    return { type: 'graph-delta', json: JSON.stringify(diffResults(before, after)), options: { hideLearningMetrics: false }, base, seq };
}

/** How many layouts the preview ran, and how many deltas it drew in place without one (its performance measures). */
const work = (w: WebviewPage): Promise<{ layouts: number; patches: number }> => w.page.evaluate(() => ({
    layouts: performance.getEntriesByName('align-layout').length, patches: performance.getEntriesByName('align-patch').length
}));

const boxes = (w: WebviewPage): Promise<string[]> => w.page.$$eval('.nodes > .node .node-box', els => els.map(e => `${e.parentElement!.getAttribute('data-id')} ${e.getAttribute('x')} ${e.getAttribute('y')}`).sort());

describe('preview: graph deltas', () => {
    const preview = usePreview();

    it('draws again only the box whose title an edit changed', async () => {
        const w = await preview.open();
        const before = examplesResult();
        await w.postGraph({ ...graphMessage(before), seq: 1 });
        const places = await boxes(w);
        const redrawn = await markNodes(w);
        // References to an unchanged element and to the edited one, held across the delta.
        const unchanged = await w.page.$('.nodes > .node[data-id="ChurnPilot.Summarizing"]');
        const edited = await w.page.$('.nodes > .node[data-id="ChurnPilot.Probing"]');
        assert.ok(unchanged && edited);
        const after = examplesResult();
        node(after, 'ChurnPilot.Probing').title = 'Asks open probing questions before offering a fix';
        const renders = await w.renders();
        const done = await work(w);
        await w.post(deltaMessage(before, after, 1, 2));
        await w.waitForRenders(renders + 1);
        assert.deepEqual(await work(w), { layouts: done.layouts, patches: done.patches + 1 }, 'drawn in place, without a layout');
        assert.deepEqual(await redrawn(), ['ChurnPilot.Probing']);
        assert.deepEqual((await w.page.locator('[data-id="ChurnPilot.Probing"] .node-title').allTextContents()).join(' '), 'Asks open probing questions before offering a fix');
        assert.match(await w.page.locator('[data-id="ChurnPilot.Probing"]').getAttribute('aria-label') ?? '', /before offering a fix/);
        assert.deepEqual(await boxes(w), places, 'every box where it was');
        const current = (id: string) => `.nodes > .node[data-id="${id}"]`;
        assert.ok(await unchanged.evaluate((el, sel) => el.isConnected && el === document.querySelector(sel), current('ChurnPilot.Summarizing')), 'the unchanged element is the same object');
        assert.ok(await edited.evaluate((el, sel) => !el.isConnected && el !== document.querySelector(sel), current('ChurnPilot.Probing')), 'the edited element was replaced');
        assert.ok(!(await w.posted()).some(m => m.type === 'resync'));

        // Findings change on another node: its badge, and only it.
        const again = structuredClone(after);
        again.findings['ChurnPilot.Summarizing'] = { errors: 2, warnings: 0, infos: 0 };
        const mark = await markNodes(w);
        await w.post(deltaMessage(after, again, 2, 3));
        await w.waitForRenders(renders + 2);
        assert.deepEqual(await work(w), { layouts: done.layouts, patches: done.patches + 2 });
        assert.deepEqual(await mark(), ['ChurnPilot.Summarizing']);
        assert.equal(await w.page.locator('[data-id="ChurnPilot.Summarizing"] .badge text').textContent(), '2');
    });

    it('lays out again for a delta that adds a node, keeping the places and elements of the others', async () => {
        const w = await preview.open();
        const before = examplesResult();
        await w.postGraph({ ...graphMessage(before, { direction: 'right' }), seq: 7 });
        const redrawn = await markNodes(w);
        const after = examplesResult();
        const probing = node(after, 'ChurnPilot.Probing');
        const added: GraphNode = { ...probing, id: 'ChurnPilot.Empathy', name: 'Empathy', qualifiedName: 'ChurnPilot.Empathy', kind: 'skill', title: 'Empathy' };
        after.graph.nodes.push(added);
        after.graph.edges.push({ kind: 'enables', from: added.id, to: probing.id });
        const renders = await w.renders();
        const done = await work(w);
        await w.post({ ...deltaMessage(before, after, 7, 8), options: { hideLearningMetrics: false, direction: 'right' } });
        await w.waitForRenders(renders + 1);
        assert.deepEqual(await work(w), { layouts: done.layouts + 1, patches: done.patches }, 'a new node needs a layout');
        const drawnAgain = await redrawn();
        assert.ok(drawnAgain.includes('ChurnPilot.Empathy'));
        const skills = new Set(after.graph.nodes.filter(n => n.kind === 'skill').map(n => n.id));
        assert.deepEqual(drawnAgain.filter(id => !skills.has(id)), [], 'only the new skill and the skills below it are drawn again');
    });

    it('removes the element of a node a delta removes, and keeps the others', async () => {
        const w = await preview.open();
        const before = examplesResult();
        await w.postGraph({ ...graphMessage(before), seq: 3 });
        const after = examplesResult();
        const gone = 'ChurnPilot.Summarizing';
        after.graph.nodes = after.graph.nodes.filter(n => n.id !== gone);
        after.graph.edges = after.graph.edges.filter(e => e.from !== gone && e.to !== gone);
        delete after.findings[gone];
        const kept = await w.page.$('.nodes > .node[data-id="ChurnPilot.RepeatContactRate"]');
        assert.ok(kept, 'the fixture draws ChurnPilot.RepeatContactRate');
        const renders = await w.renders();
        await w.post(deltaMessage(before, after, 3, 4));
        await w.waitForRenders(renders + 1);
        assert.equal(await w.page.locator(`[data-id="${gone}"]`).count(), 0);
        assert.ok(await kept.evaluate(el => el.isConnected), 'an element far from the change stays');
        assert.ok(!(await w.posted()).some(m => m.type === 'resync'));
    });

    it('asks for the whole graph when a delta does not apply to the graph it holds, and draws nothing from it', async () => {
        const w = await preview.open();
        const before = examplesResult();
        await w.postGraph({ ...graphMessage(before), seq: 1 });
        const after = examplesResult();
        node(after, 'ChurnPilot.Probing').title = 'Changed';
        const renders = await w.renders();
        for (const message of [deltaMessage(before, after, 5, 6), { ...deltaMessage(before, after, 1, 2), json: '{"nodes":1}' }, { ...deltaMessage(before, after, 1, 2), json: 'not json' }]) {
            const posted = (await w.posted()).length;
            await w.post(message);
            await w.waitForPosted('resync', posted);
        }
        await w.page.evaluate(() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0))));
        assert.equal(await w.renders(), renders);
        assert.notEqual(await w.page.locator('[data-id="ChurnPilot.Probing"] .node-title').first().textContent(), 'Changed');
        // The whole graph again, then deltas apply.
        await w.postGraph({ ...graphMessage(after), seq: 10 });
        assert.equal(await w.page.locator('[data-id="ChurnPilot.Probing"] .node-title').first().textContent(), 'Changed');
    });
});
