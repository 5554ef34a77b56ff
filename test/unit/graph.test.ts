import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addMonths, parsePeriod, isoDay } from '../../language/dates.js';
import { checkWorkspace, type CheckedWorkspace } from './helpers/check-workspace.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/examples');
const files = Object.fromEntries(['catalog/metrics.align', 'catalog/data/nps.csv', 'churn-pilot.align', 'onboarding.align', 'safety.align', 'sales-win-rate.align']
    .map(n => [n, fs.readFileSync(path.join(fixtures, n), 'utf-8')]));

describe('the impact graph of the examples', () => {
    let w: CheckedWorkspace;
    before(async () => { w = await checkWorkspace(files); });

    it('counts alignment coverage: objectives with a KPI link', () => {
        assert.deepEqual(w.graph.graph.coverage, { aligned: 9, total: 11 });
        assert.deepEqual(w.graph.node('DiscoveryBootcamp')!.programFigures!.coverage, { aligned: 3, total: 5 });
    });

    it('links objectives to KPIs through the chain and drives, with paths', () => {
        const links = w.graph.node('ChurnPilot.AskOpenQuestions')!.objective!;
        assert.deepEqual(links.kpis.sort(), ['ChurnPilot.RepeatContactRate', 'ChurnRate']);
        assert.deepEqual(links.outcomes, ['ReduceChurn']);
        assert.ok(links.paths.some(p => p.join(' > ') === 'ChurnPilot.AskOpenQuestions > ChurnPilot.NeedsDiscovery > ChurnPilot.Probing > ChurnPilot.RepeatContactRate > ChurnRate > ReduceChurn'));
    });

    it('prefers the explaining chain over a direct kpi link in paths', () => {
        const paths = w.graph.node('ChurnPilot.RestateNeeds')!.objective!.paths.map(p => p.join(' > '));
        assert.ok(paths.some(p => p.startsWith('ChurnPilot.RestateNeeds > ChurnPilot.ActiveListening > ChurnPilot.Probing > ChurnPilot.RepeatContactRate > ')), paths.join('\n'));
        const direct = w.graph.node('DiscoveryBootcamp.ForecastCategories')!.objective!.paths.map(p => p.join(' > '));
        assert.deepEqual(direct, ['DiscoveryBootcamp.ForecastCategories > WinRate > GrowWinRate']);
    });

    it('marks direct kpi links explained or asserted; a link to an activity or learning metric is not checked, so never asserted', () => {
        const kpiEdges = w.graph.graph.edges.filter(e => e.kind === 'kpi').map(e => `${e.from}->${e.to}:${e.explained}`).sort();
        assert.deepEqual(kpiEdges, [
            'ChurnPilot.RestateNeeds->ChurnPilot.RepeatContactRate:true',
            'DiscoveryBootcamp.CompleteModules->CompletionRate:true',
            'DiscoveryBootcamp.ForecastCategories->WinRate:false',
            'NewHireAcademy.NavigateTools->NewHireAcademy.SandboxScore:true'
        ]);
    });

    it('builds the chain of a program one way, from what it declares and references', () => {
        const chain = new Set(w.graph.node('ChurnPilot')!.programFigures!.chain);
        for (const id of ['ReduceChurn', 'ChurnRate', 'RenewalRate', 'NPS', 'ChurnPilot.Probing', 'ChurnPilot.TeamLeadKit']) assert.ok(chain.has(id), id);
        assert.ok(!chain.has('WinRate') && !chain.has('CompletionRate'));
        assert.deepEqual(w.graph.node('ChurnPilot')!.programFigures!.window, { start: '2026-01-05', end: '2026-04-05' });
    });

    it('computes trajectories and on-track status from inline rows and CSV files', () => {
        const repeat = w.graph.node('ChurnPilot.RepeatContactRate')!.metric!;
        assert.equal(repeat.latest!.value, 14.1);
        assert.equal(repeat.trajectoryStart, '2026-01-05');
        assert.ok(Math.abs(repeat.expected! - (18 - 4 * 85 / 90)) < 1e-9);
        assert.equal(repeat.onTrack, true);
        const nps = w.graph.node('NPS')!.metric!;
        assert.deepEqual(nps.actuals.map(a => a.value), [31, 33, 35]);
        assert.equal(nps.trajectoryStart, '2026-01-31');
        assert.equal(nps.onTrack, true);
        const hygiene = w.graph.node('DiscoveryBootcamp.PipelineHygiene')!.metric!;
        assert.equal(hygiene.onTrack, false);
        assert.ok(Math.abs(hygiene.progress! - 6 / 25) < 1e-9);
    });

    it('says which ROI terms are missing when not all are known', () => {
        const roi = w.graph.node('ChurnPilot')!.programFigures!.roi;
        assert.equal(roi.roiPercent, undefined);
        assert.ok(roi.missing.some(m => m.includes('cost')));
        assert.ok(roi.missing.some(m => m === 'an actual of ChurnRate'));
    });
});

describe('the behaviors an objective reaches its KPIs through', () => {
    // Only resolved references are edges: `moves Typo` leads nowhere, like a behavior that moves nothing.
    const text = [
        'metric Lag "lag" { kind lagging }',
        'metric Lead "lead" { kind leading drives Lag }',
        'metric Act "act" { kind activity }',
        'metric Bridge "bridge" { kind activity drives Lag }',
        'skill S1 "s1"',
        'skill S2 "s2"',
        'behavior B1 "b1" { enabled by S1 moves Lead }',
        'behavior B2 "b2" { enabled by S2 moves Act }',
        'behavior B3 "b3" { enabled by S1 moves Typo }',
        'behavior B4 "b4" { enabled by S1 }',
        'behavior B5 "b5" { enabled by S2 moves Bridge }',
        'objective O1 "o1" { builds S1 }',
        'objective O4 "o4" { builds S2 kpi Lead }',
        'objective O5 "o5" { kpi Lag }',
        'objective O6 "o6" { builds S2 }',
        'objective O7 "o7" { builds S1 }'
    ].join('\n');

    it('lists only the behaviors on a path to a KPI, and keeps every enabled behavior apart', async () => {
        const { graph } = await checkWorkspace({ 'a.align': text });
        const o1 = graph.node('O1')!.objective!;
        assert.deepEqual(o1.kpis.sort(), ['Lag', 'Lead']);
        assert.deepEqual(o1.behaviors, ['B1', 'B3', 'B4']);
        assert.deepEqual(o1.via, ['B1']);
        // B2 moves an activity metric only; B5's activity metric drives a KPI.
        const o4 = graph.node('O4')!.objective!;
        assert.deepEqual(o4.behaviors, ['B2', 'B5']);
        assert.deepEqual(o4.via, ['B5']);
        assert.deepEqual(graph.node('O5')!.objective!.via, []);
        // Behaviors shared with an earlier objective give the same answer (walked once per build).
        assert.deepEqual(graph.node('O6')!.objective!.via, ['B5']);
        assert.deepEqual(graph.node('O7')!.objective!.via, ['B1']);
    });
});

describe('long drives chains', () => {
    it('lead to chain ends only, a bounded number of paths per objective', async function () {
        this.timeout(20000);
        const n = 400;
        const units = Array.from({ length: n }, (_, i) => `  metric M${i} "m" { kind leading drives ${i + 1 < n ? `M${i + 1}` : 'Lag'} }\n  skill S${i} "s"\n  behavior B${i} "b" { enabled by S${i} moves M${i} observed by peer }\n  objective O${i} "o" { builds S${i} practice case "x" }`).join('\n');
        const text = `metric Lag "L" { kind lagging }\noutcome Out "O" { measured by Lag }\nprogram P "P" {\n${units}\n}`;
        const { graph } = await checkWorkspace({ 'a.align': text });
        const first = graph.node('P.O0')!.objective!;
        assert.equal(first.kpis.length, n + 1);
        assert.deepEqual(first.paths.map(p => p.at(-1)), ['Out']);
        assert.equal(first.paths[0]!.length, n + 5); // O0, S0, B0, M0..M399, Lag, Out
    });
});

describe('ROI (Phillips)', () => {
    it('computes benefit, ROI % and BCR when every term is known, counting improvements only', async () => {
        const { graph } = await checkWorkspace({
            'a.align': `metric Churn "C" { kind lagging direction down baseline 12% target 10% by 2026-12-31 value 18000 USD per point }
metric Nps "N" { kind leading direction up baseline 30 target 40 by 2026-12-31 value 100 USD per unit drives Churn }
actuals Churn { 2026-03: 11% }
actuals Nps { 2026-03: 25 }
outcome O "O" { measured by Churn }
program P "P" { serves O cost 9000 USD
  behavior B "B" { moves Nps }
}`
        });
        const roi = graph.node('P')!.programFigures!.roi;
        assert.deepEqual(roi.missing, []);
        assert.equal(roi.benefit, 18000);
        assert.equal(roi.roiPercent, 100);
        assert.equal(roi.bcr, 2);
    });
});

describe('dates', () => {
    it('dates periods on their last day', () => {
        assert.equal(isoDay(parsePeriod('2026-02')!.day), '2026-02-28');
        assert.equal(isoDay(parsePeriod('2024-02')!.day), '2024-02-29');
        assert.equal(isoDay(parsePeriod('2026-Q2')!.day), '2026-06-30');
        assert.equal(isoDay(parsePeriod('2026-H2')!.day), '2026-12-31');
        assert.equal(parsePeriod('2026-02-30'), undefined);
        assert.equal(parsePeriod('2026-Q5'), undefined);
    });

    it('adds calendar months to the same day, clamped to the month end', () => {
        assert.equal(isoDay(addMonths(parsePeriod('2026-01-05')!.day, 3)), '2026-04-05');
        assert.equal(isoDay(addMonths(parsePeriod('2026-01-31')!.day, 1)), '2026-02-28');
        assert.equal(isoDay(addMonths(parsePeriod('2026-11-15')!.day, 2)), '2027-01-15');
    });
});
