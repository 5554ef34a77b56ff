import * as assert from 'node:assert/strict';
import { drawnIds, examplesResult, graphMessage, node, usePreview } from './harness/fixture.js';
import { ORIGIN } from './harness/webview-page.js';

describe('preview: drawing the example graph', () => {
    const preview = usePreview();
    const result = examplesResult();

    it('draws every objective, skill, behavior, metric and outcome once, in layout columns', async () => {
        const w = await preview.open();
        await w.postGraph(graphMessage(result, { direction: 'right' }));
        const ids = await w.page.$$eval('.nodes > .node', els => els.map(e => e.getAttribute('data-id')!));
        assert.deepEqual([...ids].sort(), drawnIds(result));
        const columns = await w.page.$$eval('.column-label', els => els.map(e => e.textContent));
        assert.deepEqual(columns, ['OBJECTIVES (11)', 'SKILLS (9)', 'BEHAVIORS (6)', 'ACTIVITY & LEARNING (2)', 'LEADING METRICS (4)', 'LAGGING METRICS (6)', 'OUTCOMES (4)']);
        const x = (id: string): Promise<number> => w.page.$eval(`[data-id="${id}"]`, e => e.getBoundingClientRect().x);
        assert.ok(await x('DiscoveryBootcamp.KnowTheProduct') < await x('ChurnPilot.NeedsDiscovery'));
        assert.ok(await x('ChurnPilot.Probing') < await x('CompletionRate'));
        assert.ok(await x('CompletionRate') < await x('NPS'));
        assert.ok(await x('NPS') < await x('ChurnRate'));
        assert.ok(await x('ChurnRate') < await x('ReduceChurn'));
    });

    it('lays the layers out as rows top to bottom, edges from bottom to top sides, with labels above the rows', async () => {
        const activityRow = async (w: Awaited<ReturnType<typeof preview.open>>): Promise<boolean> => {
            const [a, b] = await Promise.all(['CompletionRate', 'NPS'].map(id => w.page.$eval(`[data-id="${id}"] .node-box`, e => e.getBoundingClientRect().y)));
            return Math.abs(a! - b!) < 1;
        };
        const w = await preview.open({ viewport: { width: 1600, height: 1000 } });
        await w.postGraph(graphMessage(result, { direction: 'down' }));
        const box = (id: string): Promise<{ x: number; y: number; bottom: number; right: number }> => w.page.$eval(`[data-id="${id}"] .node-box`, e => {
            const r = e.getBoundingClientRect();
            return { x: r.x, y: r.y, bottom: r.bottom, right: r.right };
        });
        const order = ['ChurnPilot.AskOpenQuestions', 'ChurnPilot.NeedsDiscovery', 'ChurnPilot.Probing', 'ChurnPilot.RepeatContactRate', 'ChurnRate', 'ReduceChurn'];
        for (let i = 1; i < order.length; i++) assert.ok((await box(order[i - 1]!)).bottom < (await box(order[i]!)).y, `${order[i - 1]} above ${order[i]}`);
        const labels = await w.page.$$eval('.column-label', els => els.map(e => ({ text: e.textContent, y: e.getBoundingClientRect().y })));
        // Rows save height: leading and activity & learning metrics share one.
        assert.deepEqual(labels.map(l => l.text), ['OBJECTIVES (11)', 'SKILLS (9)', 'BEHAVIORS (6)', 'LEADING METRICS (4) · ACTIVITY & LEARNING (2)', 'LAGGING METRICS (6)', 'OUTCOMES (4)']);
        for (let i = 1; i < labels.length; i++) assert.ok(labels[i]!.y > labels[i - 1]!.y);
        assert.ok(await activityRow(w), 'an activity metric in the row of the leading metrics');
        const edge = await w.page.$eval('path.edge[data-from="ChurnPilot.Probing"][data-to="ChurnPilot.RepeatContactRate"]', e => e.getAttribute('d')!);
        const probing = await w.page.$eval('[data-id="ChurnPilot.Probing"] .node-box', e => ({ x: Number(e.getAttribute('x')), y: Number(e.getAttribute('y')), w: Number(e.getAttribute('width')), h: Number(e.getAttribute('height')) }));
        const [, x0, y0] = /^M([-\d.]+) ([-\d.]+)/.exec(edge)!.map(Number);
        assert.ok(Math.abs(x0! - (probing.x + probing.w / 2)) < 1 && Math.abs(y0! - (probing.y + probing.h)) < 1, `${edge} starts at the bottom centre of ${JSON.stringify(probing)}`);
    });

    it('draws edges by kind: kpi dashed, unexplained ones marked', async () => {
        const w = await preview.openWithGraph();
        const drawn = new Set(drawnIds(result));
        for (const kind of ['builds', 'enables', 'moves', 'drives', 'measures', 'kpi']) {
            const expected = result.graph.edges.filter(e => e.kind === kind && drawn.has(e.from) && drawn.has(e.to)).length;
            assert.equal(await w.page.locator(`path.edge.edge-${kind}`).count(), expected, kind);
        }
        assert.equal(await w.page.locator('path.edge-reinforces, path.edge-serves').count(), 0);
        const edge = (from: string, to: string): string => `path.edge[data-from="${from}"][data-to="${to}"]`;
        const unexplained = w.page.locator(edge('DiscoveryBootcamp.ForecastCategories', 'WinRate'));
        assert.equal(await unexplained.getAttribute('class'), 'edge edge-kpi unexplained');
        assert.notEqual(await unexplained.evaluate(e => getComputedStyle(e).strokeDasharray), 'none');
        const explained = w.page.locator(edge('ChurnPilot.RestateNeeds', 'ChurnPilot.RepeatContactRate'));
        assert.equal(await explained.getAttribute('class'), 'edge edge-kpi');
        assert.notEqual(await explained.evaluate(e => getComputedStyle(e).strokeDasharray), 'none');
        const builds = w.page.locator(edge('ChurnPilot.AskOpenQuestions', 'ChurnPilot.NeedsDiscovery'));
        assert.equal(await builds.evaluate(e => getComputedStyle(e).strokeDasharray), 'none');
    });

    it('marks an objective without a KPI link by border and words, not colour alone', async () => {
        const w = await preview.openWithGraph();
        const unlinked = await w.page.$$eval('.node.unlinked', els => els.map(e => e.getAttribute('data-id')).sort());
        assert.deepEqual(unlinked, ['DiscoveryBootcamp.CompleteModules', 'DiscoveryBootcamp.KnowTheProduct']);
        const know = w.page.locator('[data-id="DiscoveryBootcamp.KnowTheProduct"]');
        assert.match(await know.textContent() ?? '', /no KPI link/);
        const box = await know.locator('.node-box').evaluate(e => ({ dash: getComputedStyle(e).strokeDasharray, width: getComputedStyle(e).strokeWidth }));
        assert.notEqual(box.dash, 'none');
        assert.equal(box.width, '3px');
        assert.match(await know.getAttribute('aria-label') ?? '', /no KPI link/);
    });

    it('shows metric figures, progress and on-track status in words', async () => {
        const w = await preview.openWithGraph();
        const repeat = w.page.locator('[data-id="ChurnPilot.RepeatContactRate"]');
        assert.match(await repeat.getAttribute('class') ?? '', /\bstatus-on-track\b/);
        assert.equal(await repeat.locator('.metric-figures').textContent(), '18% → 14.1% → 14%');
        assert.equal((await repeat.locator('.metric-status').allTextContents()).join(' '), 'on track · 98% of the way', 'the status in words, on up to two lines');
        const bar = await repeat.evaluate(e => ({
            track: Number(e.querySelector('.progress-track')!.getAttribute('width')),
            fill: Number(e.querySelector('.progress-fill')!.getAttribute('width'))
        }));
        assert.ok(Math.abs(bar.fill / bar.track - node(result, 'ChurnPilot.RepeatContactRate').metric!.progress!) < 0.01);
        const hygiene = w.page.locator('[data-id="DiscoveryBootcamp.PipelineHygiene"]');
        assert.match(await hygiene.getAttribute('class') ?? '', /\bstatus-off-track\b/);
        assert.match((await hygiene.locator('.metric-status').allTextContents()).join(' '), /^off track/);
        const churn = w.page.locator('[data-id="ChurnRate"]');
        assert.match(await churn.getAttribute('class') ?? '', /\bstatus-unknown\b/);
        assert.equal((await churn.locator('.metric-status').allTextContents()).join(' '), 'no actuals yet');
        const colours = await w.page.evaluate(() => ['.status-on-track', '.status-off-track'].map(s => getComputedStyle(document.querySelector(`${s} .progress-fill`)!).fill));
        assert.notEqual(colours[0], colours[1]);
    });

    it('puts a badge with count and worst severity on nodes with findings', async () => {
        const w = await preview.openWithGraph();
        const badges = await w.page.$$eval('.node.has-findings', els => Object.fromEntries(els.map(e => [e.getAttribute('data-id'), `${/sev-(\w+)/.exec(e.getAttribute('class')!)![1]} ${e.querySelector('.badge text')!.textContent}`])));
        const expected = Object.fromEntries(Object.entries(result.findings).filter(([id]) => drawnIds(result).includes(id)).map(([id, f]) =>
            [id, `${f.errors > 0 ? 'error' : f.warnings > 0 ? 'warning' : 'info'} ${f.errors + f.warnings + f.infos}`]));
        assert.deepEqual(badges, expected);
        assert.match(await w.page.locator('[data-id="RecordableIncidents"]').getAttribute('aria-label') ?? '', /, 1 error$/);
    });

    it('names nodes for screen readers and shows toolkits on the behaviors they reinforce', async () => {
        const w = await preview.openWithGraph();
        const ask = w.page.locator('[data-id="ChurnPilot.AskOpenQuestions"]');
        assert.equal(await ask.getAttribute('role'), 'button');
        // Focusable; one node of the graph is its Tab stop (tab-stop.test.ts).
        assert.match(await ask.getAttribute('tabindex') ?? '', /^(0|-1)$/);
        assert.match(await ask.getAttribute('aria-label') ?? '', /^objective AskOpenQuestions: Use open questions to uncover the real need, 2 KPIs\b/);
        assert.match(await w.page.locator('[data-id="ChurnPilot.RepeatContactRate"]').getAttribute('aria-label') ?? '',
            /^leading metric RepeatContactRate: Repeat contact within 7 days, baseline 18%, latest 14\.1%, target 14% by 2026-04-05, on track/);
        assert.equal((await w.page.locator('[data-id="ChurnPilot.Probing"] .node-footer').allTextContents()).join(' '), 'reinforced by TeamLeadKit');
        assert.equal(await w.page.locator('[data-id="ChurnPilot.TeamLeadKit"]').count(), 0);
    });

    it('loads nothing but its own bundle and theme (no remote content)', async () => {
        const w = await preview.open();
        const requests: string[] = [];
        w.page.on('request', r => requests.push(r.url()));
        await w.reload();
        await w.postGraph(graphMessage());
        assert.ok(requests.length > 0);
        for (const url of requests) assert.ok(url.startsWith(`${ORIGIN}/`) || url.startsWith('data:'), url);
    });
});
