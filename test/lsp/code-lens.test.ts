import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { EXAMPLES, LspSession, positionOf, uriOf } from './lsp-session.js';
import { withExamplesSession, withSharedExamplesSession } from './examples-session.js';
import { VIA_TEXT } from '../fixtures/via.js';

const FILES = ['churn-pilot.align', 'sales-win-rate.align', 'catalog/metrics.align'];

/** The lenses of a file as `line:title` (1-based line), in document order. */
async function lensesOf(session: LspSession, file: string): Promise<string[]> {
    const lenses = await session.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri: uriOf(path.join(session.root, file)) } });
    return (lenses ?? []).map(l => `${l.range.start.line + 1}:${l.command?.title}`);
}

describe('language server: code lens over LSP', function () {
    this.timeout(30000);
    // As the Align extension starts it (client-commands.test.ts covers other clients).
    const ws = withSharedExamplesSession({ initializationOptions: { trusted: true, clientCommands: ['align.showImpactChain'] }, waitFor: FILES });

    it('advertises the code lens capability', () => {
        assert.ok(ws.init.capabilities.codeLensProvider);
    });

    it('counts KPIs and behaviors on objectives, behaviors and objectives on metrics (churn pilot)', async () => {
        assert.deepEqual(await lensesOf(ws.session, 'churn-pilot.align'), [
            '17:moved by 2 behaviors, reached by 2 objectives', // RepeatContactRate: Probing, Summarizing; AskOpenQuestions, RestateNeeds
            '55:2 KPIs via 1 behavior', // AskOpenQuestions: Probing -> RepeatContactRate -> ChurnRate
            '61:3 KPIs via 2 behaviors' // RestateNeeds: Probing, Summarizing -> RepeatContactRate, NPS, ChurnRate
        ]);
    });

    it('says "(direct)" and "no KPI link" where the chain says so (sales win rate)', async () => {
        assert.deepEqual(await lensesOf(ws.session, 'sales-win-rate.align'), [
            '3:moved by 0 behaviors, reached by 3 objectives', // WinRate: QualifyDeals, MapStakeholders, ForecastCategories
            '27:moved by 1 behavior, reached by 2 objectives', // PipelineHygiene: BuildsClosePlan; QualifyDeals, MapStakeholders
            '50:2 KPIs via 1 behavior', // QualifyDeals
            '56:2 KPIs via 1 behavior', // MapStakeholders
            '60:1 KPI (direct)', // ForecastCategories: kpi WinRate, ProductTrivia enables nothing
            '68:no KPI link', // KnowTheProduct
            '73:no KPI link (activity/learning only)' // CompleteModules: kpi CompletionRate
        ]);
    });

    it('counts objectives across files on catalog metrics', async () => {
        assert.deepEqual(await lensesOf(ws.session, 'catalog/metrics.align'), [
            '3:moved by 0 behaviors, reached by 2 objectives', // ChurnRate, driven by RepeatContactRate and NPS
            '15:moved by 0 behaviors, reached by 0 objectives', // RenewalRate
            '27:moved by 1 behavior, reached by 1 objective', // NPS: Summarizing; RestateNeeds
            '39:moved by 0 behaviors, reached by 1 objective' // CompletionRate: CompleteModules
        ]);
    });

    it('puts the lens on the declaration name with the show-impact-chain command and the node id', async () => {
        const file = path.join(EXAMPLES, 'churn-pilot.align');
        const lenses = await ws.session.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(file) } });
        const lens = lenses.find(l => l.command?.arguments?.[0] === 'ChurnPilot.AskOpenQuestions');
        assert.ok(lens);
        const start = positionOf(file, 55, 'AskOpenQuestions');
        assert.deepEqual(lens.range, { start, end: { line: start.line, character: start.character + 'AskOpenQuestions'.length } });
        assert.deepEqual(lens.command, { title: '2 KPIs via 1 behavior', command: 'align.showImpactChain', arguments: ['ChurnPilot.AskOpenQuestions'] });
    });
});

describe('language server: code lens follows edits', function () {
    this.timeout(30000);
    const ws = withExamplesSession('lens', { waitFor: FILES });

    it('counts only the behaviors through which an objective reaches its KPIs', async () => {
        // ViaTypo moves an unresolved metric, ViaNothing moves nothing: neither leads to a KPI.
        const text = VIA_TEXT;
        const file = ws.file('via.align');
        fs.writeFileSync(file, text);
        await ws.session.open(file, text);
        await ws.session.diagnosticsOf(file, d => d.some(x => typeof x.message === 'string' && x.message.includes('ViaTypoMetric')));
        const lenses = await lensesOf(ws.session, 'via.align');
        assert.ok(lenses.includes('7:2 KPIs via 1 behavior'), lenses.join('\n'));
    });

    it('recounts when an objective gains a skill and loses its direct kpi', async () => {
        const file = ws.file('sales-win-rate.align');
        const text = fs.readFileSync(file, 'utf-8')
            .replace('    builds ProductTrivia\n    // expect: unexplained-kpi-link\n    kpi WinRate\n', '    builds QualifyingQuestions\n    //\n    //\n')
            .replace('  objective KnowTheProduct "List the product\'s features" {\n', '  objective KnowTheProduct "List the product\'s features" {\n    kpi WinRate\n');
        await ws.session.open(file, text);
        await ws.session.diagnosticsOf(file, d => !d.some(x => x.code === 'objective-without-kpi'));
        const lenses = await lensesOf(ws.session, 'sales-win-rate.align');
        assert.ok(lenses.includes('60:2 KPIs via 1 behavior'), lenses.join('\n'));
        assert.ok(lenses.includes('68:1 KPI (direct)'), lenses.join('\n'));
        assert.ok(lenses.includes('27:moved by 1 behavior, reached by 3 objectives'), lenses.join('\n'));
    });
});
