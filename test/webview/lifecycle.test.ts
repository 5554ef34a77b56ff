import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { GraphNode } from '../../language/graph/types.js';
import { drawnIds, examplesResult, graphMessage, node, usePreview } from './harness/fixture.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('preview: state, updates, exports and bad input', () => {
    const preview = usePreview();
    const result = examplesResult();

    it('restores zoom, pan, focus, filter and search after a reload', async () => {
        const w = await preview.openWithGraph();
        await w.page.locator('vscode-dropdown.scope').click();
        await w.page.locator('vscode-option', { hasText: 'Program: Consultative discovery bootcamp' }).click();
        await w.page.locator('vscode-checkbox').click();
        await w.page.locator('vscode-text-field input').fill('plan');
        await w.page.locator('vscode-button', { hasText: '+' }).click();
        await w.page.waitForFunction(() => (window as unknown as { __state: { search: string } }).__state.search === 'plan');
        const saved = (await w.savedState())!;
        assert.deepEqual(saved.scope, { kind: 'focus', id: 'DiscoveryBootcamp' });
        assert.equal(saved.hideLearningMetrics, true);
        const drawnBefore = await w.drawnIds();
        const transformBefore = await w.page.$eval('.align-graph', e => (e as HTMLElement).style.transform);

        await w.reload();
        // After a reload the host sends the whole graph again, with its settings.
        await w.postGraph(graphMessage(examplesResult(), { hideLearningMetrics: false }));
        assert.deepEqual(await w.savedState(), saved);
        assert.deepEqual(await w.drawnIds(), drawnBefore);
        assert.ok(!drawnBefore.includes('CompletionRate') && drawnBefore.includes('DiscoveryBootcamp.BuildsClosePlan'));
        assert.equal(await w.page.$eval('.align-graph', e => (e as HTMLElement).style.transform), transformBefore);
        assert.equal(await w.page.locator('vscode-checkbox').evaluate(e => (e as HTMLInputElement).checked), true);
        assert.equal(await w.page.locator('vscode-text-field').evaluate(e => (e as HTMLInputElement).value), 'plan');
        assert.equal(await w.page.locator('vscode-dropdown.scope').evaluate(e => (e as HTMLSelectElement).value), 'DiscoveryBootcamp');
        assert.deepEqual(await w.page.$$eval('.node.match', els => els.map(e => e.getAttribute('data-id')).sort()),
            ['DiscoveryBootcamp.BuildsClosePlan', 'DiscoveryBootcamp.MutualActionPlans', 'DiscoveryBootcamp.PipelineHygiene']);
    });

    it('keeps zoom, order and unchanged node elements across live updates', async () => {
        const w = await preview.openWithGraph();
        await w.page.locator('vscode-button', { hasText: '+' }).click();
        const zoom = (await w.savedState())!.zoom;
        const orderBefore = await w.page.$$eval('.nodes > .node', els => els.map(e => e.getAttribute('data-id')!));
        await w.page.$$eval('.nodes > .node', els => els.forEach(e => { (e as unknown as { __mark: boolean }).__mark = true; }));
        const updated = examplesResult();
        const probing = node(updated, 'ChurnPilot.Probing');
        const added: GraphNode = { ...probing, id: 'ChurnPilot.Empathy', name: 'Empathy', qualifiedName: 'ChurnPilot.Empathy', kind: 'skill', title: 'Empathy' };
        updated.graph.nodes.push(added);
        updated.graph.edges.push({ kind: 'enables', from: added.id, to: probing.id });
        updated.version = 2;
        await w.postGraph(graphMessage(updated));
        const orderAfter = await w.page.$$eval('.nodes > .node', els => els.map(e => e.getAttribute('data-id')!));
        assert.deepEqual(orderAfter.filter(id => id !== added.id), orderBefore);
        assert.ok(orderAfter.includes(added.id));
        const unmarked = await w.page.$$eval('.nodes > .node', els => els.filter(e => !(e as unknown as { __mark?: boolean }).__mark).map(e => e.getAttribute('data-id')!));
        assert.ok(unmarked.includes(added.id));
        const skills = new Set(updated.graph.nodes.filter(n => n.kind === 'skill').map(n => n.id));
        assert.deepEqual(unmarked.filter(id => !skills.has(id)), [], 'only the new node and the skills it pushed down are drawn again');
        assert.ok(unmarked.length < skills.size, unmarked.join(', '));
        assert.equal((await w.savedState())!.zoom, zoom);
    });

    it('exports a standalone SVG with resolved colours and a PNG, on request and from the toolbar', async () => {
        const w = await preview.openWithGraph({ theme: 'dark' });
        let before = (await w.posted()).length;
        await w.post({ type: 'export', format: 'svg' });
        const svg = await w.waitForPosted('exported', before);
        assert.equal(svg.format, 'svg');
        assert.match(svg.data, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        assert.doesNotMatch(svg.data, /var\(--/);
        assert.match(svg.data, /\.align-graph \.background \{ fill: #1f1f1f; \}/);
        // Parsed in a page of its own: a document parsed in the preview inherits its CSP, which blocks the embedded <style>.
        const blank = await preview.browser().newPage();
        const parsed = await blank.evaluate(text => {
            const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
            return { errors: doc.getElementsByTagName('parsererror').length, nodes: doc.querySelectorAll('g.node').length, root: doc.documentElement.nodeName };
        }, svg.data);
        await blank.close();
        assert.deepEqual(parsed, { errors: 0, nodes: drawnIds(result).length, root: 'svg' });

        before = (await w.posted()).length;
        await w.post({ type: 'export', format: 'png' });
        const png = await w.waitForPosted('exported', before);
        assert.equal(png.format, 'png');
        assert.match(png.data, /^data:image\/png;base64,/);
        const bytes = Buffer.from(png.data.slice(png.data.indexOf(',') + 1), 'base64');
        assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE);
        assert.ok(bytes.length > 20_000, `PNG of ${bytes.length} bytes`);
        if (process.env['ALIGN_KEEP_EXPORTS']) fs.writeFileSync(process.env['ALIGN_KEEP_EXPORTS'], bytes);

        before = (await w.posted()).length;
        await w.page.locator('vscode-button', { hasText: 'Export SVG' }).click();
        assert.equal((await w.waitForPosted('exported', before)).format, 'svg');
        before = (await w.posted()).length;
        await w.page.locator('vscode-button', { hasText: 'Export PNG' }).click();
        assert.equal((await w.waitForPosted('exported', before)).format, 'png');
    });

    it('shows a helpful empty state for a workspace without declarations', async () => {
        const w = await preview.open();
        const empty = examplesResult();
        empty.graph = { nodes: [], edges: [], coverage: { aligned: 0, total: 0 } };
        empty.findings = {};
        empty.focusable = [];
        await w.postGraph(graphMessage(empty));
        const message = w.page.locator('.message');
        assert.ok(await message.isVisible());
        assert.equal((await message.innerText()).replace(/\s+/g, ' '), 'No Align declarations yet Create a program with the command Align: New Program from Template.');
        assert.equal(await w.page.locator('.nodes > .node').count(), 0);
        // Nothing to zoom, fit or export: those buttons are disabled, and enabled again with a graph.
        const disabled = () => w.page.$$eval('.toolbar vscode-button', buttons => buttons.filter(b => b.hasAttribute('disabled')).map(b => b.getAttribute('aria-label')));
        assert.deepEqual(await disabled(), ['Zoom out', 'Zoom in', 'Fit the graph to the view', 'Export the graph as SVG', 'Export the graph as PNG']);
        await w.postGraph(graphMessage());
        assert.ok(!await message.isVisible());
        assert.deepEqual(await disabled(), []);
    });

    it('keeps the graph it holds under a banner that says truthfully what it is, while there are syntax errors', async () => {
        const w = await preview.openWithGraph();
        await w.post({ type: 'syntax-errors', files: ['churn-pilot.align', 'my%20program.align'], errors: 3, shows: 'last-valid' });
        const banner = w.page.locator('.banner');
        await banner.waitFor({ state: 'visible' });
        assert.equal(await banner.textContent(), '3 syntax errors in churn-pilot.align, my program.align: showing the last valid graph until they are fixed.');
        assert.equal(await banner.getAttribute('role'), 'alert');
        assert.deepEqual(await w.drawnIds(), drawnIds(result));
        // Never a graph without errors since the preview opened: the host sends what could be read, and the banner says so.
        await w.post({ type: 'syntax-errors', files: ['safety.align'], errors: 1, shows: 'partial' });
        await w.page.waitForFunction(() => document.querySelector('.banner')!.textContent!.startsWith('1 syntax error in'));
        assert.equal(await banner.textContent(), '1 syntax error in safety.align: no valid graph yet, showing what could be read.');
        // Many files: three names at most, then how many more (the Problems panel lists them); the banner stays short.
        await w.post({ type: 'syntax-errors', files: ['a.align', 'b.align', 'c.align'], errors: 3, shows: 'partial' });
        await w.page.waitForFunction(() => document.querySelector('.banner')!.textContent!.startsWith('3 syntax errors in a.align, b.align, c.align:'));
        const many = Array.from({ length: 120 }, (_, i) => `sales-enablement-${i}.align`);
        await w.post({ type: 'syntax-errors', files: many, errors: 240, shows: 'partial' });
        await w.page.waitForFunction(() => document.querySelector('.banner')!.textContent!.startsWith('240 '));
        assert.equal(await banner.textContent(), '240 syntax errors in sales-enablement-0.align, sales-enablement-1.align, 118 more files: no valid graph yet, showing what could be read.');
        await w.postGraph(graphMessage());
        assert.ok(!await banner.isVisible());
    });

    it('ignores malformed messages', async () => {
        const w = await preview.openWithGraph();
        const renders = await w.renders();
        for (const junk of [null, 'graph', 42, { type: 'graph' }, { type: 'graph', json: '{}', options: {} }, { type: 'graph', json: '{not json', options: {} },
            { type: 'graph', result: examplesResult(), options: {} },
            { type: 'graph', json: JSON.stringify({ graph: { nodes: 'x', edges: [] }, findings: {}, focusable: [] }), options: {} },
            { type: 'graph', json: JSON.stringify({ graph: { nodes: [{ id: 1 }], edges: [] }, findings: {}, focusable: [] }), options: {} },
            { type: 'cursor', uri: 5, line: 1, character: 1 }, { type: 'export', format: 'gif' }, { type: 'syntax-errors', files: [1], errors: 1, shows: 'partial' }, { type: 'syntax-errors', files: ['a.align'] }, { type: 'unknown' }]) {
            await w.post(junk);
        }
        await w.post({ type: 'cursor', uri: 'file:///nowhere.align', line: 1, character: 1 });
        await w.page.evaluate(() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0))));
        assert.equal(await w.renders(), renders);
        assert.deepEqual(await w.drawnIds(), drawnIds(result));
        assert.ok(!await w.page.locator('.banner').isVisible());
        assert.equal((await w.posted()).filter(m => m.type === 'exported').length, 0);
    });

    it('takes a graph as UTF-8 bytes (as the extension posts it) or as a string', async () => {
        const w = await preview.open();
        await w.postGraph(graphMessage(result));
        assert.deepEqual(await w.drawnIds(), drawnIds(result));
        const smaller = examplesResult();
        smaller.graph.nodes = smaller.graph.nodes.filter(n => n.kind !== 'skill');
        smaller.graph.edges = smaller.graph.edges.filter(e => smaller.graph.nodes.some(n => n.id === e.from) && smaller.graph.nodes.some(n => n.id === e.to));
        const renders = await w.renders();
        await w.post(graphMessage(smaller), { text: true });
        await w.waitForRenders(renders + 1);
        assert.deepEqual(await w.drawnIds(), drawnIds(smaller));
        assert.notDeepEqual(drawnIds(smaller), drawnIds(result));
    });

    it('sends ready once it listens, before any graph', async () => {
        const w = await preview.open();
        assert.deepEqual(await w.posted(), [{ type: 'ready' }]);
        assert.match(await w.page.locator('.message').innerText(), /Loading/);
    });
});
