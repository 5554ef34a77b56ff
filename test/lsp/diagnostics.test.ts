import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectedFindings } from '../unit/helpers/check-workspace.js';
import { EXAMPLES, uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';
import { DidChangeGraphNotification, ImpactGraphRequest, type ImpactGraphResult } from '../../language/protocol.js';

const REPO = path.resolve(EXAMPLES, '../../..');
const ALIGN_FILES = ['catalog/metrics.align', 'churn-pilot.align', 'onboarding.align', 'safety.align', 'sales-win-rate.align'];


const keys = (diagnostics: Array<{ range: { start: { line: number } }; code?: unknown }>) =>
    diagnostics.map(d => `${d.range.start.line + 1}:${String(d.code)}`).sort();

describe('language server: diagnostics over LSP', function () {
    this.timeout(30000);

    const ws = withExamplesSession('lsp', { eachTest: true });

    it('publishes every expected finding for every workspace file at start-up, unopened', async () => {
        for (const file of ALIGN_FILES) {
            const full = ws.file(file);
            const diagnostics = await ws.session.diagnosticsOf(full);
            assert.deepEqual(keys(diagnostics), expectedFindings(fs.readFileSync(full, 'utf-8')), file);
            for (const d of diagnostics) {
                // Every finding links to its rule's page, which exists in docs/rules.
                assert.match(d.codeDescription?.href ?? '', new RegExp(`/docs/rules/${String(d.code)}\\.md$`));
                assert.ok(fs.existsSync(path.join(REPO, 'docs/rules', `${String(d.code)}.md`)), String(d.code));
            }
        }
    });

    it('keeps diagnostics live across files on every edit', async () => {
        const sales = ws.file('sales-win-rate.align');
        const catalog = ws.file('catalog/metrics.align');
        await ws.session.diagnosticsOf(sales, d => d.length === 6);
        await ws.session.open(catalog);
        // Turning CompletionRate into a KPI in the catalog clears activity-only-link in another file.
        const text = fs.readFileSync(catalog, 'utf-8').replace('kind activity', 'kind leading\n  baseline 1\n  target 2 by 2026-06-30\n  drives ChurnRate');
        await ws.session.change(catalog, text);
        const after = await ws.session.diagnosticsOf(sales, d => !d.some(x => x.code === 'activity-only-link'));
        assert.ok(after.some(d => d.code === 'objective-without-kpi'));
    });

    it('re-publishes with the new severity when the editor settings change', async () => {
        const sales = ws.file('sales-win-rate.align');
        const before = await ws.session.diagnosticsOf(sales, d => d.length === 6);
        assert.equal(before.find(d => d.code === 'objective-without-kpi')!.severity, 1);
        ws.session.settings = { rules: { 'objective-without-kpi': 'warning', 'objective-without-practice': 'off' } };
        await ws.session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { align: ws.session.settings } });
        const after = await ws.session.diagnosticsOf(sales, d => d.find(x => x.code === 'objective-without-kpi')?.severity === 2);
        assert.ok(!after.some(d => d.code === 'objective-without-practice'));
    });

    it('asks for the settings again on a change notified without them (the pull model: { settings: null })', async () => {
        const sales = ws.file('sales-win-rate.align');
        ws.session.settings = { rules: { 'objective-without-kpi': 'info' } };
        await ws.session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
        await ws.session.diagnosticsOf(sales, d => d.find(x => x.code === 'objective-without-kpi')?.severity === 3);
        ws.session.settings = {};
        await ws.session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
        await ws.session.diagnosticsOf(sales, d => d.find(x => x.code === 'objective-without-kpi')?.severity === 1);
    });

    it('reads align.config.json at the root, reports its problems as config-invalid, and re-reads it when it changes', async () => {
        const config = ws.file('align.config.json');
        await ws.restart(() => fs.writeFileSync(config, '{ "rules": { "skill-enables-nothing": "off", "nonsense": "error" } }'));
        const sales = ws.file('sales-win-rate.align');
        await ws.session.diagnosticsOf(sales, d => d.length === 5 && !d.some(x => x.code === 'skill-enables-nothing'));
        const problems = await ws.session.diagnosticsOf(config, d => d.length > 0);
        assert.deepEqual(problems.map(d => d.code), ['config-invalid']);
        assert.match(String(problems[0]!.message), /nonsense/);
        // The whole key is underlined, its quotes included (it was its opening quote).
        const text = '{ "rules": { "skill-enables-nothing": "off", "nonsense": "error" } }';
        assert.deepEqual(problems[0]!.range, { start: { line: 0, character: text.indexOf('"nonsense"') }, end: { line: 0, character: text.indexOf('"nonsense"') + '"nonsense"'.length } });
        fs.writeFileSync(config, '{ "rules": { "objective-without-kpi": "off" } }');
        await ws.session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 2 }] });
        await ws.session.diagnosticsOf(sales, d => d.some(x => x.code === 'skill-enables-nothing') && !d.some(x => x.code === 'objective-without-kpi'));
        assert.deepEqual(await ws.session.diagnosticsOf(config, d => d.length === 0), []);
    });

    it('answers align/impactGraph, focused or whole, and notifies align/didChangeGraph', async () => {
        await ws.session.until(() => ws.session.notifications.some(n => n.method === DidChangeGraphNotification.method), 'didChangeGraph');
        const whole = await ws.session.request<ImpactGraphResult>(ImpactGraphRequest.method, {});
        assert.deepEqual(whole.graph.coverage, { aligned: 9, total: 11 });
        assert.ok(whole.focusable.some(f => f.id === 'ChurnPilot' && f.kind === 'program'));
        assert.deepEqual(whole.findings['DiscoveryBootcamp.KnowTheProduct'], { errors: 1, warnings: 0, infos: 0 });
        const focused = await ws.session.request<ImpactGraphResult>(ImpactGraphRequest.method, { focus: 'GrowWinRate' });
        const ids = focused.graph.nodes.map(n => n.id);
        assert.ok(ids.includes('DiscoveryBootcamp.QualifyDeals') && ids.includes('WinRate'));
        assert.ok(!ids.includes('ChurnRate') && !ids.includes('DiscoveryBootcamp.KnowTheProduct'));
    });

    it('sends, with each graph, the documents that had syntax errors when it was read', async () => {
        await ws.session.until(() => ws.session.notifications.some(n => n.method === DidChangeGraphNotification.method), 'didChangeGraph');
        assert.deepEqual((await ws.session.request<ImpactGraphResult>(ImpactGraphRequest.method, {})).syntaxErrors, []);
        const safety = ws.file('safety.align');
        const text = fs.readFileSync(safety, 'utf-8');
        await ws.session.open(safety, text);
        await ws.session.change(safety, text + '\nmetric {{{\n');
        const broken = await ws.session.diagnosticsOf(safety, d => d.some(x => x.code === 'syntax'));
        const withErrors = await ws.session.request<ImpactGraphResult>(ImpactGraphRequest.method, {});
        assert.deepEqual(withErrors.syntaxErrors, [{ uri: uriOf(safety), count: broken.filter(d => d.code === 'syntax').length }]);
        await ws.session.change(safety, text);
        await ws.session.diagnosticsOf(safety, d => !d.some(x => x.code === 'syntax'));
        assert.deepEqual((await ws.session.request<ImpactGraphResult>(ImpactGraphRequest.method, {})).syntaxErrors, []);
    });

    it('notifies align/didChangeGraph when a file is deleted and nothing else is parsed again', async () => {
        await ws.session.until(() => ws.session.notifications.some(n => n.method === DidChangeGraphNotification.method), 'didChangeGraph');
        const file = ws.file('onboarding.align');
        const before = (await ws.session.request<ImpactGraphResult>(ImpactGraphRequest.method, {})).graph.coverage;
        const seen = ws.session.notifications.length;
        fs.rmSync(file);
        await ws.session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: 3 }] });
        await ws.session.until(() => ws.session.notifications.slice(seen).some(n => n.method === DidChangeGraphNotification.method), 'didChangeGraph after the deletion');
        const after = (await ws.session.request<ImpactGraphResult>(ImpactGraphRequest.method, {})).graph.coverage;
        assert.ok(after.total < before.total, `coverage ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
    });
});

