import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { EXAMPLES, LspSession, positionOf, uriOf } from './lsp-session.js';
import { withExamplesSession, withSharedExamplesSession } from './examples-session.js';
import { VIA_TEXT } from '../fixtures/via.js';

const CHURN = 'churn-pilot.align';
const SALES = 'sales-win-rate.align';
const CATALOG = 'catalog/metrics.align';

/** Every fixture file, checked before the tests start. */
const FIXTURES = [CHURN, SALES, CATALOG];

/** The markdown shown when hovering `needle` (1 character in) on a 1-based line of a fixture file. */
async function hoverText(session: LspSession, file: string, line: number, needle: string): Promise<string> {
    const full = path.join(session.root, file);
    const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(full) }, position: positionOf(full, line, needle, 1) });
    assert.ok(hover, `no hover on ${needle} at ${file}:${line}`);
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    return contents.value;
}

function includesAll(text: string, ...parts: string[]): void {
    for (const part of parts) assert.ok(text.includes(part), `expected hover to include ${JSON.stringify(part)}; got:\n${text}`);
}

describe('language server: hover over LSP', function () {
    this.timeout(30000);
    const ws = withSharedExamplesSession({ waitFor: FIXTURES });

    it('shows a program metric: kind, title, figures with units and on-track, definition', async () => {
        const text = await hoverText(ws.session, CHURN, 17, 'RepeatContactRate');
        includesAll(text,
            '**metric** `ChurnPilot.RepeatContactRate` — Repeat contact within 7 days',
            '**Baseline** 18% → **latest** 14.1% (2026-03) → **target** 14% by 2026-04-05 · on track',
            'Progress: 98% of the way from baseline to target; trajectory expects 14.22% at 2026-03',
            'leading KPI · unit percent · direction down (lower is better)',
            'Source: Zendesk: repeat-contact view · Owner: Support Ops · Cadence: weekly',
            '- Moved by: Probing, Summarizing', '- Drives: ChurnRate',
            '- Reached by 2 objectives: AskOpenQuestions, RestateNeeds');
    });

    it('shows a global metric with CSV actuals and its doc comment', async () => {
        const text = await hoverText(ws.session, CATALOG, 27, 'NPS');
        includesAll(text,
            '**metric** `NPS` — Net promoter score',
            'Relationship NPS, surveyed monthly; a leading signal for churn.',
            '**Baseline** 31 → **latest** 35 (2026-03) → **target** 38 by 2026-06-30 · on track',
            'Progress: 57% of the way',
            'leading KPI · unit score · direction up (higher is better)',
            'Source: Qualtrics: relationship NPS · Owner: CX Insights · Cadence: monthly',
            '- Moved by: Summarizing', '- Reached by 1 objective: RestateNeeds');
    });

    it('shows the same content on a reference as on the declaration', async () => {
        const onReference = await hoverText(ws.session, CHURN, 44, 'NPS');
        assert.equal(onReference, await hoverText(ws.session, CATALOG, 27, 'NPS'));
        const onDrivesReference = await hoverText(ws.session, CHURN, 26, 'ChurnRate');
        includesAll(onDrivesReference, '**metric** `ChurnRate`', '**Baseline** 12% → no actuals yet → **target** 10% by 2026-06-30',
            'Value: 18,000 USD per point', '- Driven by: NPS, RepeatContactRate', '- Measures: ReduceChurn');
        assert.ok(!onDrivesReference.includes('on track'), 'no on-track status without actuals');
    });

    it('says a metric is off track and where the trajectory expected it', async () => {
        const text = await hoverText(ws.session, SALES, 27, 'PipelineHygiene');
        includesAll(text, '**Baseline** 55% → **latest** 61% (2026-09) → **target** 80% by 2026-10-31 · off track (trajectory expects 73.65%)',
            'Progress: 24% of the way from baseline to target');
    });

    it('says what an activity metric lacks', async () => {
        const text = await hoverText(ws.session, CATALOG, 39, 'CompletionRate');
        includesAll(text, 'no baseline → no actuals yet → no target', 'activity metric (learning analytics, not evidence of business impact)',
            '- Reached by 1 objective: CompleteModules');
    });

    it('shows the chain path of an objective to its KPIs and outcome', async () => {
        const text = await hoverText(ws.session, CHURN, 55, 'AskOpenQuestions');
        includesAll(text, '**objective** `ChurnPilot.AskOpenQuestions` — Use open questions to uncover the real need',
            'Reaches 2 KPIs: ChurnRate, RepeatContactRate · via 1 behavior: Probing · outcome ReduceChurn',
            '- AskOpenQuestions —builds→ NeedsDiscovery —enables→ Probing —moves→ RepeatContactRate —drives→ ChurnRate —measures→ ReduceChurn',
            'Practice: roleplay "Renewal call with a frustrated admin"');
    });

    it('marks a direct kpi link the chain does not explain', async () => {
        const text = await hoverText(ws.session, SALES, 60, 'ForecastCategories');
        includesAll(text, 'Reaches 1 KPI: WinRate · directly by `kpi` (no behavior) · outcome GrowWinRate',
            '- ForecastCategories —kpi (unexplained)→ WinRate —measures→ GrowWinRate',
            'Direct `kpi WinRate` is not explained by its skills and behaviors');
    });

    it('says why an objective has no KPI link', async () => {
        includesAll(await hoverText(ws.session, SALES, 68, 'KnowTheProduct'), 'No KPI link: builds no skill and has no `kpi`');
        includesAll(await hoverText(ws.session, SALES, 73, 'CompleteModules'), 'No KPI link: reaches only activity/learning metrics: CompletionRate');
        assert.ok(!(await hoverText(ws.session, SALES, 68, 'KnowTheProduct')).includes('**Chain**'));
    });

    it('shows a program\'s coverage, window, KPIs and the missing ROI terms', async () => {
        const text = await hoverText(ws.session, SALES, 19, 'DiscoveryBootcamp');
        includesAll(text, '**program** `DiscoveryBootcamp` — Consultative discovery bootcamp',
            'Aligned 3/5 objectives (60%) · window 2026-07-01 to 2026-12-31 · phase deliver · review monthly',
            '- Serves: GrowWinRate', '- Leading KPIs: PipelineHygiene', '- Lagging KPIs: WinRate',
            '- ROI not shown, missing: the program\'s `cost`; a `value ... per point` on a KPI of the chain',
            'Sponsor: Chief Revenue Officer · Owner: Sales Enablement');
        // A pilot's window, and its duration as written.
        includesAll(await hoverText(ws.session, CHURN, 8, 'ChurnPilot'), 'Aligned 2/2 objectives (100%) · window 2026-01-05 to 2026-04-05 (pilot 90 days) · phase measure · review monthly');
    });

    it('shows a deadline as the source writes it: a period with the day it ends on, a full date as it is', async () => {
        // `target 34% by 2026-H2`, on the metric and in the outcome it measures.
        includesAll(await hoverText(ws.session, SALES, 3, 'WinRate'), '**target** 34% by 2026-H2 (2026-12-31)');
        includesAll(await hoverText(ws.session, SALES, 14, 'GrowWinRate'), '- WinRate (lagging): **Baseline** 28% → no actuals yet → **target** 34% by 2026-H2 (2026-12-31)');
        includesAll(await hoverText(ws.session, CHURN, 3, 'ReduceChurn'), '**target** 10% by 2026-06-30\n');
    });

    it('on a date or a period: the days a period covers and the day it is dated on; a day\'s weekday', async () => {
        const half = await hoverText(ws.session, SALES, 8, '2026-H2');
        assert.equal(half, '**2026-H2**: the second half of 2026, 2026-07-01 to 2026-12-31\n\nDated on its last day, 2026-12-31: a deadline falls due then, an actual is placed there.');
        includesAll(await hoverText(ws.session, CHURN, 68, '2026-01'), '**2026-01**: January 2026, 2026-01-01 to 2026-01-31', 'Dated on its last day, 2026-01-31');
        assert.equal(await hoverText(ws.session, CHURN, 13, '2026-01-05'), '**2026-01-05**: Monday, 5 January 2026');
        // The rest of a pilot: the window it makes.
        for (const word of ['pilot', '90', 'days']) {
            assert.equal(await hoverText(ws.session, CHURN, 13, word), '**pilot 90 days**: 2026-01-05 to 2026-04-05, both days included', word);
        }
    });

    it('shows an outcome\'s measuring KPIs with their status', async () => {
        const text = await hoverText(ws.session, CHURN, 3, 'ReduceChurn');
        includesAll(text, 'Measured by:\n- ChurnRate (lagging): **Baseline** 12% → no actuals yet → **target** 10% by 2026-06-30',
            '- RenewalRate (lagging): **Baseline** 84% → no actuals yet → **target** 87% by 2026-06-30',
            '- Served by: ChurnPilot', '- Reached by 2 objectives: AskOpenQuestions, RestateNeeds', 'Owner: COO');
    });

    it('shows what a skill and a behavior enable or move, and which objectives reach them', async () => {
        includesAll(await hoverText(ws.session, CHURN, 32, 'NeedsDiscovery'),
            '**skill** `ChurnPilot.NeedsDiscovery` — Needs discovery', 'Enables: Probing', 'Built by 1 objective: AskOpenQuestions');
        includesAll(await hoverText(ws.session, CHURN, 42, 'Summarizing'),
            '**behavior** `ChurnPilot.Summarizing`', 'The behavior managers coach hardest in weekly 1:1s.',
            'Moves: RepeatContactRate, NPS', '- Enabled by: ActiveListening', '- Reached by 1 objective: RestateNeeds', '- Reinforced by: TeamLeadKit');
        includesAll(await hoverText(ws.session, SALES, 42, 'ProductTrivia'), 'Enables no behavior', 'Built by 1 objective: ForecastCategories');
    });

    it('gives no hover on a keyword or blank space', async () => {
        const file = path.join(EXAMPLES, CHURN);
        const onKeyword = await ws.session.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: positionOf(file, 38, 'moves', 1) });
        assert.equal(onKeyword, null);
        const onBlank = await ws.session.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 1, character: 0 } });
        assert.equal(onBlank, null);
    });
});


describe('language server: hover follows edits', function () {
    this.timeout(30000);
    const ws = withExamplesSession('hover', { waitFor: FIXTURES });

    it('shows the new latest actual after an edit, off track', async () => {
        const file = ws.file(CHURN);
        const text = fs.readFileSync(file, 'utf-8');
        await ws.session.open(file, text);
        await ws.session.change(file, text.replace('    2026-03: 14.1%\n', '    2026-03: 17.9%\n'));
        await ws.session.diagnosticsOf(file, d => d.some(x => x.code === 'actuals-off-track'));
        includesAll(await hoverText(ws.session, CHURN, 17, 'RepeatContactRate'),
            '**Baseline** 18% → **latest** 17.9% (2026-03) → **target** 14% by 2026-04-05 · off track (trajectory expects 14.22%)');
    });

    it('shows ROI once the program has a cost and its valued KPI an actual', async () => {
        const file = ws.file(CHURN);
        const text = fs.readFileSync(file, 'utf-8')
            .replace('  phase measure\n', '  phase measure\n  cost 45000 USD\n')
            .replace('  actuals RepeatContactRate {', '  actuals ChurnRate {\n    2026-03: 11%\n  }\n  actuals RepeatContactRate {');
        await ws.session.change(file, text);
        await ws.session.diagnosticsOf(file, d => !d.some(x => x.code === 'actuals-off-track'));
        includesAll(await hoverText(ws.session, CHURN, 8, 'ChurnPilot'), '- ROI -60% · BCR 0.40 (attributed benefit 18,000 USD, cost 45,000 USD)',
            '- ChurnRate not isolated: change \u22121 point, all of it counted as the program\'s · benefit 18,000 USD');
    });

    it('shows currency units and says why on-track cannot be told', async () => {
        const file = ws.file(CATALOG);
        const text = `${fs.readFileSync(file, 'utf-8')}\nmetric DealSize "Average deal size" {\n  kind lagging\n  unit currency EUR\n  direction up\n  baseline 12000\n  target 15000\n}\nactuals DealSize {\n  2026-02: 12500\n}\n`;
        fs.writeFileSync(file, text); // for positionOf; the server reads the open document
        await ws.session.open(file, text);
        await ws.session.diagnosticsOf(file, d => d.some(x => x.code === 'metric-without-source'));
        const line = text.split('\n').findIndex(l => l.startsWith('metric DealSize')) + 1;
        includesAll(await hoverText(ws.session, CATALOG, line, 'DealSize'),
            '**Baseline** 12,000 EUR → **latest** 12,500 EUR (2026-02) → **target** 15,000 EUR (no deadline) · track unknown (no deadline)',
            'lagging KPI · unit currency EUR · direction up (higher is better)');
    });

    it('lists only the behaviors through which an objective reaches its KPIs', async () => {
        const file = ws.file('via.align');
        const text = VIA_TEXT;
        fs.writeFileSync(file, text); // for positionOf; the server reads the open document
        await ws.session.open(file, text);
        await ws.session.diagnosticsOf(file, d => d.some(x => typeof x.message === 'string' && x.message.includes('ViaTypoMetric')));
        const line = text.split('\n').findIndex(l => l.startsWith('objective ViaObjective')) + 1;
        const hover = await hoverText(ws.session, 'via.align', line, 'ViaObjective');
        includesAll(hover, '· via 1 behavior: ViaMoves · ');
    });

    it('resolves a qualified reference from another file', async () => {
        const file = ws.file(SALES);
        const text = `${fs.readFileSync(file, 'utf-8')}\nobjective CrossSell "Spot churn risk" {\n  kpi ChurnPilot.RepeatContactRate\n  practice case "c"\n}\n`;
        const line = text.split('\n').findIndex(l => l.includes('kpi ChurnPilot.'));
        await ws.session.open(file, text);
        await ws.session.diagnosticsOf(file, d => d.some(x => x.code === 'unexplained-kpi-link' && x.range.start.line === line));
        const hoverOn = async (needle: string) => {
            const position = { line, character: text.split('\n')[line]!.indexOf(needle) + 1 };
            const hover = await ws.session.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position });
            return (hover!.contents as MarkupContent).value;
        };
        includesAll(await hoverOn('RepeatContactRate'), '**metric** `ChurnPilot.RepeatContactRate`',
            '- Reached by 3 objectives: AskOpenQuestions, RestateNeeds, CrossSell');
        // The first segment names the program, as go to definition and rename there take it.
        includesAll(await hoverOn('ChurnPilot'), '**program** `ChurnPilot` — Churn reduction pilot');
    });
});
