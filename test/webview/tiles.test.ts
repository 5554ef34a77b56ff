/**
 * A large drawing sits in tiles as large as what they hold, and the browser
 * skips the tiles out of view (`content-visibility: auto`, tiled-layer.ts).
 * Measured in the page: every node and edge inside its tile's box (nothing
 * clipped), tiles out of view skipped, and a node brought into view drawn
 * and hit by the pointer.
 */
import * as assert from 'node:assert/strict';
import { diffResults } from '../../client/preview/graph-diff.js';
import { generateImpactGraph } from '../../scripts/bench/webview-graph.js';
import { drawnIds, graphMessage, usePreview } from './harness/fixture.js';

/** In the page: items whose drawn box pokes out of their tile's box (more than half a pixel), and the tiles. */
const CONTAINMENT = `(() => {
    const outside = [];
    const boxes = [...document.querySelectorAll('.tile-box')];
    for (const box of boxes) {
        const b = box.getBoundingClientRect();
        for (const item of box.querySelectorAll(':scope > svg > *')) {
            const r = item.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (r.left < b.left - 0.5 || r.top < b.top - 0.5 || r.right > b.right + 0.5 || r.bottom > b.bottom + 0.5) {
                outside.push((item.getAttribute('data-id') ?? item.getAttribute('data-from') + '>' + item.getAttribute('data-to')));
            }
        }
    }
    return { outside, tiles: boxes.length };
})()`;

describe('preview: a large drawing in tiles', function () {
    this.timeout(120_000);
    const preview = usePreview();
    const result = generateImpactGraph(600);

    it('keeps every node and edge inside its tile, and skips the tiles out of view', async () => {
        const w = await preview.open({ viewport: { width: 900, height: 700 } });
        await w.page.evaluate(`(() => {
            window.__skipped = new Map();
            document.addEventListener('contentvisibilityautostatechange', e => window.__skipped.set(e.target, e.skipped), true);
        })()`);
        await w.postGraph(graphMessage(result, { direction: 'right' }));
        const ids = await w.page.$$eval('.nodes > .node', els => els.map(e => e.getAttribute('data-id')!).sort());
        assert.deepEqual(ids, drawnIds(result), 'every node is in the page (skipped tiles included)');
        const { outside, tiles } = await w.page.evaluate(CONTAINMENT) as { outside: string[]; tiles: number };
        assert.deepEqual(outside, [], 'drawn outside their tile (clipped)');
        await w.page.evaluate(() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0))));
        const skipped = await w.page.evaluate('[...window.__skipped.values()].filter(Boolean).length') as number;
        assert.ok(skipped > tiles / 2, `${skipped} of ${tiles} tiles skipped`);
        assert.ok(skipped < tiles, 'the tiles in view are drawn');
    });

    it('sizes the tiles again when an edit moves what they hold', async () => {
        const w = await preview.open({ viewport: { width: 900, height: 700 } });
        await w.postGraph({ ...graphMessage(result, { direction: 'right' }), seq: 1 });
        const edited = structuredClone(result);
        const behavior = edited.graph.nodes.find(n => n.kind === 'behavior')!;
        // A skill with a long title at the top: the boxes below it in its column move down.
        const skill = { ...behavior, kind: 'skill' as const, id: 'AddedSkill', name: 'AddedSkill', qualifiedName: 'AddedSkill', title: 'A skill added by an edit, with a title long enough to wrap' };
        edited.graph.nodes.unshift(skill);
        edited.graph.edges.push({ kind: 'enables', from: skill.id, to: behavior.id });
        const renders = await w.renders();
        await w.post({ type: 'graph-delta', json: JSON.stringify(diffResults(result, edited)), options: { hideLearningMetrics: false, direction: 'right' }, base: 1, seq: 2 });
        await w.waitForRenders(renders + 1);
        assert.ok(await w.page.$('[data-id="AddedSkill"]'));
        const { outside } = await w.page.evaluate(CONTAINMENT) as { outside: string[] };
        assert.deepEqual(outside, [], 'drawn outside their tile after the edit');
    });

    it('draws a node once it is brought into view, where the pointer finds it', async () => {
        const w = await preview.open({ viewport: { width: 900, height: 700 } });
        await w.postGraph(graphMessage(result, { direction: 'right' }));
        const last = await w.page.$$eval('.nodes > .node', els => els.at(-1)!.getAttribute('data-id')!);
        const n = result.graph.nodes.find(node => node.id === last)!;
        await w.post({ type: 'cursor', uri: n.uri, line: n.nameRange.start.line, character: n.nameRange.start.character, show: true });
        await w.page.waitForFunction(id => {
            const box = document.querySelector(`[data-id="${CSS.escape(id)}"] .node-box`)!.getBoundingClientRect();
            const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            return hit?.closest('.node')?.getAttribute('data-id') === id;
        }, last);
    });
});
