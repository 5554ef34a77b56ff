import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chainMarks, diffChains, type ChainComparison, type DiffSide } from '../../language/diff/index.js';
import { graphAttributes } from '../../language/graph/node-attributes.js';
import { checkWorkspace } from '../unit/helpers/check-workspace.js';
import { examplesResult, graphMessage, usePreview } from './harness/fixture.js';
import type { WebviewPage } from './harness/webview-page.js';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/examples');
const FILES = ['catalog/metrics.align', 'churn-pilot.align', 'onboarding.align', 'safety.align', 'sales-win-rate.align'];

/**
 * The last commit, as the preview would get it: the example workspace (the
 * fixture graph, the working copy) differs from it by an objective added
 * (KnowTheProduct), one removed (RetiredQuiz), a skill renamed
 * (JointActionPlans -> MutualActionPlans) and a target moved (WinRate).
 */
async function comparison(): Promise<ChainComparison> {
    const read = (file: string) => fs.readFileSync(path.join(examples, file), 'utf-8');
    const side = async (files: Record<string, string>): Promise<DiffSide> => {
        const index = (await checkWorkspace(files)).graph;
        return { graph: index.graph, attributes: graphAttributes(index), findings: [] };
    };
    const head = Object.fromEntries(FILES.map(f => [f, read(f)]));
    const sales = head['sales-win-rate.align']!
        .replaceAll('MutualActionPlans', 'JointActionPlans')
        .replace('target 34% by 2026-H2', 'target 30% by 2026-H2')
        .replace(/\n  \/\/ expect: objective-without-kpi\n  objective KnowTheProduct[^}]*}\n/, '\n  objective RetiredQuiz "Pass the retired product quiz" {\n    builds QualifyingQuestions\n  }\n');
    const base = await side({ ...head, 'sales-win-rate.align': sales });
    return chainMarks(base.graph, diffChains(base, await side(head)), 'HEAD (abc1234)');
}

const marked = (w: WebviewPage) => w.page.$$eval('.nodes > .node[class*="diff-"]', els =>
    els.map(e => `${e.getAttribute('data-id')} ${[...e.classList].filter(c => c.startsWith('diff-')).join(' ')}`).sort());

describe('preview: compared with the last commit', () => {
    const preview = usePreview();
    let compared: ChainComparison;
    before(async () => { compared = await comparison(); });

    async function openCompared(): Promise<WebviewPage> {
        const w = await preview.openWithGraph();
        const before = await w.renders();
        await w.post({ type: 'comparison', comparison: compared });
        await w.waitForRenders(before + 1);
        return w;
    }

    it('marks added, removed (a ghost), renamed and changed elements, each in its own colour', async () => {
        const w = await openCompared();
        assert.deepEqual(await marked(w), [
            'DiscoveryBootcamp.KnowTheProduct diff-added',
            'DiscoveryBootcamp.MutualActionPlans diff-renamed',
            'DiscoveryBootcamp.RetiredQuiz diff-removed',
            'WinRate diff-changed'
        ]);
        const style = (id: string) => w.page.$eval(`[data-id="${id}"] .node-box`, e => ({ stroke: getComputedStyle(e).stroke, dash: getComputedStyle(e).strokeDasharray }));
        const strokes = await Promise.all(['DiscoveryBootcamp.KnowTheProduct', 'DiscoveryBootcamp.RetiredQuiz', 'DiscoveryBootcamp.MutualActionPlans', 'WinRate'].map(style));
        assert.equal(new Set(strokes.map(s => s.stroke)).size, 4, JSON.stringify(strokes));
        assert.notEqual(strokes[1]!.dash, 'none', 'the ghost is dashed');
        assert.equal(await w.page.locator('[data-id="DiscoveryBootcamp.QualifyDeals"] .diff-tag').count(), 0, 'unchanged elements carry no tag');
        // The removed link from the ghost is drawn dashed and red.
        const link = w.page.locator('path.edge[data-from="DiscoveryBootcamp.RetiredQuiz"][data-to="DiscoveryBootcamp.QualifyingQuestions"]');
        assert.match(await link.getAttribute('class') ?? '', /diff-removed/);
    });

    it('says what changed in words: tags on the boxes, accessible labels and a legend', async () => {
        const w = await openCompared();
        const tags = await w.page.$$eval('.node .diff-tag text', els => els.map(e => e.textContent).sort());
        assert.deepEqual(tags, ['added', 'changed', 'removed', 'renamed']);
        const label = (id: string) => w.page.locator(`[data-id="${id}"]`).getAttribute('aria-label');
        assert.match(await label('DiscoveryBootcamp.KnowTheProduct') ?? '', /^objective KnowTheProduct: .*; added since HEAD \(abc1234\)$/);
        assert.match(await label('DiscoveryBootcamp.MutualActionPlans') ?? '', /renamed from DiscoveryBootcamp\.JointActionPlans since HEAD \(abc1234\)/);
        assert.match(await label('WinRate') ?? '', /changed since HEAD \(abc1234\): target 30% by 2026-H2 -> 34% by 2026-H2/);
        assert.match(await label('DiscoveryBootcamp.RetiredQuiz') ?? '', /removed \(shown as it was\) since HEAD/);
        const legend = w.page.locator('.compare-legend');
        assert.equal(await legend.isVisible(), true);
        assert.equal((await legend.textContent())?.replace(/\s+/g, ' '), 'Compared with HEAD (abc1234): 1 added 1 removed 1 renamed 1 changed');
    });

    it('keeps the marks across a new graph, reveals a ghost in its base file, and clears everything when comparing stops', async () => {
        const w = await openCompared();
        await w.postGraph(graphMessage(examplesResult()));
        assert.equal((await marked(w)).length, 4);
        const before = (await w.posted()).length;
        await w.page.locator('[data-id="DiscoveryBootcamp.RetiredQuiz"]').click();
        const reveal = await w.waitForPosted('reveal', before);
        const ghost = compared.removed.nodes[0]!;
        assert.deepEqual([reveal.nodeId, reveal.uri, reveal.range], [ghost.id, ghost.uri, ghost.nameRange]);
        const renders = await w.renders();
        await w.post({ type: 'comparison', comparison: null });
        await w.waitForRenders(renders + 1);
        assert.deepEqual(await marked(w), []);
        assert.equal(await w.page.locator('[data-id="DiscoveryBootcamp.RetiredQuiz"]').count(), 0);
        assert.equal(await w.page.locator('.diff-tag').count(), 0);
        assert.doesNotMatch(await w.page.locator('[data-id="WinRate"]').getAttribute('aria-label') ?? '', /since HEAD/);
        assert.equal(await w.page.locator('.compare-legend').isVisible(), false);
    });
});
