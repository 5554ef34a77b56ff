import * as assert from 'node:assert/strict';
import { checkWorkspace } from './helpers/check-workspace.js';

/**
 * Attribution and ROI, checked against the formulas of language.md (ROI):
 * every expected figure is computed here from the inputs written in the test.
 */
const kpi = (name: string, direction: 'up' | 'down', baseline: number, valuePerPoint: number, unit = 'count') =>
    `metric ${name} "${name}" { kind lagging unit ${unit} direction ${direction} baseline ${baseline} target ${direction === 'up' ? baseline + 50 : baseline - 50} by 2026-12-31 source "s" owner "o" cadence monthly value ${valuePerPoint} USD per point }`;

async function programOf(text: string) {
    const { graph, findings } = await checkWorkspace({ 'p.align': text });
    const roi = graph.node('P')!.programFigures!.roi;
    const of = (metric: string) => roi.attribution!.find(a => a.metric === metric)!;
    return { roi, of, findings };
}

const close = (actual: number | undefined, expected: number, what: string) =>
    assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-9, `${what}: ${actual} is not ${expected}`);

describe('attribution of a KPI\'s change to the program (Phillips)', () => {
    it('estimate: baseline 100, latest 120, estimate 60% confidence 80% -> 9.6 points, benefit and ROI from them', async () => {
        const [baseline, latest, share, confidence, value, cost] = [100, 120, 60, 80, 1000, 5000];
        const { roi, of } = await programOf(`${kpi('Sales', 'up', baseline, value)}
outcome O "O" { measured by Sales }
program P "P" { serves O cost ${cost} USD isolate Sales by estimate ${share}% confidence ${confidence}% }
actuals Sales { 2026-01: 110\n 2026-02: ${latest} }`);
        const a = of('Sales');
        assert.equal(a.method, 'estimate');
        const raw = latest - baseline;
        const attributed = raw * share / 100 * confidence / 100;
        close(attributed, 9.6, 'the worked example');
        close(a.rawChange, raw, 'raw change');
        close(a.attributedChange, attributed, 'attributed change');
        close(a.rawBenefit, raw * value, 'raw benefit');
        close(a.benefit, attributed * value, 'attributed benefit');
        close(roi.benefit, attributed * value, 'program benefit');
        close(roi.rawBenefit, raw * value, 'program raw benefit');
        close(roi.roiPercent, (attributed * value - cost) / cost * 100, 'ROI %');
        close(roi.bcr, attributed * value / cost, 'BCR');
        close(roi.rawRoiPercent, (raw * value - cost) / cost * 100, 'raw ROI %');
        close(roi.rawBcr, raw * value / cost, 'raw BCR');
        assert.deepEqual(roi.missing, []);
    });

    it('estimate without an actual yet: the change is unknown, the share and confidence are as written', async () => {
        const { of } = await programOf(`${kpi('Sales', 'up', 100, 1000)}
outcome O "O" { measured by Sales }
program P "P" { serves O cost 5000 USD isolate Sales by estimate 55% confidence 70% }`);
        const a = of('Sales');
        assert.equal(a.attributedChange, undefined);
        assert.deepEqual([a.method, a.share, a.confidence], ['estimate', 55, 70]);
        assert.deepEqual(a.missing, ['an actual of Sales']);
    });

    it('control group: (latest M - baseline M) - (latest C - baseline C), C\'s baseline its first actual when it has none', async () => {
        const { of } = await programOf(`${kpi('Churn', 'down', 12, 100)}
metric ChurnControl "Untrained teams" { kind lagging unit count direction down }
outcome O "O" { measured by Churn }
program P "P" { serves O cost 100 USD isolate Churn by control-group ChurnControl }
actuals Churn { 2026-01: 11\n 2026-03: 9 }
actuals ChurnControl { 2026-01: 12.5\n 2026-03: 11.5 }`);
        const a = of('Churn');
        const change = (9 - 12) - (11.5 - 12.5);
        close(a.controlChange, 11.5 - 12.5, 'control change');
        close(a.attributedChange, change, 'attributed change');
        close(a.improvement, -change, 'improvement (direction down)');
        close(a.benefit, -change * 100, 'benefit');
        close(a.rawImprovement, 12 - 9, 'raw improvement');
    });

    it('trend: latest - the least-squares line through the actuals before the start, at the latest date', async () => {
        // Days 0, 10, 20 after 2026-01-01 with 100, 102, 104: slope 0.2 a day; the latest is 60 days after.
        const { of } = await programOf(`${kpi('Sales', 'up', 100, 10)}
outcome O "O" { measured by Sales }
program P "P" { serves O cost 100 USD pilot 60 days from 2026-02-01 isolate Sales by trend }
actuals Sales { 2026-01-01: 100\n 2026-01-11: 102\n 2026-01-21: 104\n 2026-03-02: 120 }`);
        const a = of('Sales');
        const projected = 100 + 0.2 * 60;
        close(a.projected, projected, 'projection');
        close(a.attributedChange, 120 - projected, 'attributed change');
        close(a.benefit, (120 - projected) * 10, 'benefit');
        close(a.rawBenefit, 20 * 10, 'raw benefit');
    });

    it('trend with every actual dated before the start: no change measured while the program ran, so none attributed', async () => {
        const { of, roi } = await programOf(`${kpi('Sales', 'up', 100, 10)}
outcome O "O" { measured by Sales }
program P "P" { serves O cost 100 USD window 2026-01-01 to 2026-06-30 isolate Sales by trend }
actuals Sales { 2025-10: 90\n 2025-11: 95\n 2025-12: 105 }`);
        const a = of('Sales');
        assert.deepEqual([a.rawChange, a.attributedChange, a.projected, a.benefit, a.rawBenefit], [undefined, undefined, undefined, undefined, undefined]);
        assert.deepEqual(a.missing, ['an actual of Sales dated on or after the program\'s start, 2026-01-01 (the latest is 2025-12)']);
        assert.deepEqual([roi.roiPercent, roi.rawRoiPercent], [undefined, undefined]);
    });

    for (const [isolate, method] of [['', 'no isolate'], ['isolate Sales by estimate 50% confidence 50%', 'an estimate']]) {
        it(`${method}: the latest actual before the start is no raw change of the program`, async () => {
            const { of, roi } = await programOf(`${kpi('Sales', 'up', 100, 10)}
outcome O "O" { measured by Sales }
program P "P" { serves O cost 100 USD pilot 90 days from 2026-02-01 ${isolate} }
actuals Sales { 2026-01: 130 }`);
            assert.equal(of('Sales').rawChange, undefined);
            assert.deepEqual(roi.missing, ['an actual of Sales dated on or after the program\'s start, 2026-02-01 (the latest is 2026-01)']);
        });
    }

    it('a period is dated on its last day: 2026-01 is after a start on 2026-01-15, and counts', async () => {
        const { of, roi } = await programOf(`${kpi('Sales', 'up', 100, 10)}
outcome O "O" { measured by Sales }
program P "P" { serves O cost 100 USD pilot 90 days from 2026-01-15 isolate Sales by estimate 50% confidence 50% }
actuals Sales { 2026-01: 130 }`);
        close(of('Sales').rawChange, 30, 'raw change');
        assert.deepEqual(roi.missing, []);
    });

    it('control group whose latest actual is dated before the start: its change says nothing of the program\'s period, so none is attributed', async () => {
        const program = (start: string) => `${kpi('Churn', 'down', 12, 100)}
metric ChurnControl "Untrained teams" { kind lagging unit count direction down baseline 12.5 }
outcome O "O" { measured by Churn }
program P "P" { serves O cost 100 USD pilot 90 days from ${start} isolate Churn by control-group ChurnControl }
actuals Churn { 2026-01: 11\n 2026-03: 9 }
actuals ChurnControl { 2025-11: 12\n 2025-12: 11.5 }`;
        const { of, roi, findings } = await programOf(program('2026-01-01'));
        const a = of('Churn');
        close(a.rawChange, 9 - 12, 'raw change (Churn is measured since the start)');
        assert.deepEqual([a.controlChange, a.attributedChange, a.improvement, a.benefit], [undefined, undefined, undefined, undefined]);
        assert.deepEqual(roi.missing, ['an actual of Churn\'s control group ChurnControl dated on or after the program\'s start, 2026-01-01 (the latest is 2025-12)']);
        assert.deepEqual([roi.roiPercent, roi.rawRoiPercent], [undefined, undefined]);
        assert.deepEqual(findings.filter(f => f.rule === 'isolation-invalid'), [], 'actuals not come in yet are no error in the text');
        // A period is dated on its last day: 2025-12 is on or after a start on 2025-12-15, and counts.
        const counted = await programOf(program('2025-12-15'));
        close(counted.of('Churn').attributedChange, (9 - 12) - (11.5 - 12.5), 'attributed change');
        assert.deepEqual(counted.roi.missing, []);
    });

    it('only improvements count: a change against the direction is 0 and an attributed loss does not offset others', async () => {
        const { of, roi } = await programOf(`${kpi('Up', 'up', 100, 10)}
${kpi('Ctl', 'up', 100, 10)}
outcome O "O" { measured by Up }
program P "P" { serves O cost 100 USD isolate Up by control-group Ctl }
actuals Up { 2026-01: 105 }
actuals Ctl { 2026-01: 110 }`);
        const a = of('Up');
        close(a.attributedChange, 5 - 10, 'attributed change');
        close(a.improvement, 0, 'improvement');
        close(a.rawImprovement, 5, 'raw improvement');
        close(roi.benefit, 0, 'benefit');
    });

    it('without isolate the raw change is the program\'s; roi-without-isolation says so on cost', async () => {
        const { of, roi, findings } = await programOf(`${kpi('Sales', 'up', 100, 10)}
outcome O "O" { measured by Sales }
program P "P" { serves O cost 100 USD }
actuals Sales { 2026-01: 130 }`);
        assert.equal(of('Sales').method, 'none');
        close(roi.benefit, 300, 'benefit');
        close(roi.rawBenefit, 300, 'raw benefit');
        const finding = findings.find(f => f.rule === 'roi-without-isolation');
        assert.ok(finding?.message.includes("'Sales'"), finding?.message);
    });

    it('roi-without-isolation names a KPI of another program by its qualified name, as `isolate` would', async () => {
        const member = (name: string) => kpi(name, 'up', 100, 10).replace(/^metric /, '  metric ');
        const { findings } = await checkWorkspace({ 'p.align': `program Q "Q" {
${member('Nps')}
}
program P "P" {
  serves O
  cost 100 USD
  outcome O "O" { measured by Nps }
${member('Nps')}
  skill S "S"
  objective L "L" { builds S kpi Q.Nps practice role-play "drill" }
}` });
        const message = findings.find(f => f.rule === 'roi-without-isolation' && f.message.includes("Program 'P'"))?.message ?? '';
        assert.match(message, /change of 'Nps', 'Q\.Nps' as its own/);
        assert.match(message, /Add one `isolate` per KPI: `isolate Nps by control-group C`, `by trend` or `by estimate P% confidence Q%`, and likewise `isolate Q\.Nps`\.$/);
    });

    it('roi-without-isolation asks for an `isolate` of each KPI it names, on one line', async () => {
        const { findings } = await programOf(`${kpi('Sales', 'up', 100, 10)}
${kpi('Nps', 'up', 30, 10)}
${kpi('Wins', 'up', 20, 10)}
outcome O "O" { measured by Sales, Nps, Wins }
program P "P" { serves O cost 100 USD isolate Nps by trend }
actuals Sales { 2026-01: 130 }`);
        const message = findings.find(f => f.rule === 'roi-without-isolation')?.message ?? '';
        const named = /change of ((?:'\w+'(?:, )?)+) as its own/.exec(message)?.[1];
        assert.deepEqual(named?.split(', ').sort(), ["'Sales'", "'Wins'"], message);
        for (const name of ['Sales', 'Wins']) assert.match(message, new RegExp(`\`isolate ${name}\\b`), `an isolate of ${name}: ${message}`);
        assert.doesNotMatch(message, /isolate Nps/, 'not the KPI it isolates');
        assert.doesNotMatch(message, /\n/);
    });

    it('an invalid isolate leaves the ROI unshown and names why; isolation-invalid names each problem', async () => {
        const { roi, findings } = await programOf(`${kpi('Sales', 'up', 100, 10)}
${kpi('Ctl', 'up', 100, 10, 'percent')}
outcome O "O" { measured by Sales }
program P "P" { serves O cost 100 USD isolate Sales by control-group Ctl }
actuals Sales { 2026-01: 130 }`);
        assert.equal(roi.roiPercent, undefined);
        assert.ok(roi.missing.some(m => m.startsWith('a valid `isolate ... by control-group` for Sales (')), roi.missing.join(' | '));
        const message = findings.find(f => f.rule === 'isolation-invalid')?.message ?? '';
        assert.match(message, /unit percent, 'Sales' has count/);
        assert.match(message, /'Ctl' has no actuals/);
    });

    it('a control group counts as used whether or not its KPI has a value (the ROI leaves a KPI without one out)', async () => {
        const control = 'metric Ctl "control" { kind activity unit count direction up baseline 100 }\nactuals Ctl { 2026-01: 101 }';
        const noValue = 'metric Sales "Sales" { kind lagging unit count direction up baseline 100 target 150 by 2026-12-31 source "s" owner "o" cadence monthly }';
        for (const sales of [noValue, kpi('Sales', 'up', 100, 10)]) {
            const { findings } = await programOf(`${sales}\n${control}\noutcome O "O" { measured by Sales }\nprogram P "P" { serves O cost 100 USD isolate Sales by control-group Ctl }\nactuals Sales { 2026-01: 130 }`);
            assert.deepEqual(findings.filter(f => f.rule === 'metric-unused').map(f => f.message), [], sales);
        }
        // The control: a metric no isolate names is unused.
        const { findings } = await programOf(`${noValue}\n${control}\noutcome O "O" { measured by Sales }\nprogram P "P" { serves O cost 100 USD isolate Sales by estimate 50% confidence 50% }\nactuals Sales { 2026-01: 130 }`);
        assert.deepEqual(findings.filter(f => f.rule === 'metric-unused').map(f => f.message.slice(0, 13)), ['Metric \'Ctl\' ']);
    });

    it('a trend without a program start, a KPI outside the chain, a second isolate of one KPI', async () => {
        const { findings } = await programOf(`${kpi('Sales', 'up', 100, 10)}
${kpi('Elsewhere', 'up', 100, 10)}
outcome O "O" { measured by Sales }
program P "P" {
  serves O cost 100 USD
  isolate Sales by trend
  isolate Sales by estimate 50% confidence 50%
  isolate Elsewhere by estimate 50% confidence 50%
}`);
        const messages = findings.filter(f => f.rule === 'isolation-invalid').map(f => f.message);
        assert.ok(messages.some(m => m.includes('the program has no start')), messages.join(' | '));
        assert.ok(messages.some(m => m.includes("'Elsewhere' is not in the program's chain")), messages.join(' | '));
        const twice = findings.filter(f => f.rule === 'syntax');
        assert.equal(twice.length, 1);
        assert.equal(twice[0]!.line, 7);
    });

    for (const [written, what] of [['window 2026-12-31 to 2026-01-01', 'a backwards window'], ['pilot 0 days from 2026-01-01', 'a pilot of 0 days']]) {
        it(`a trend in a program with ${what}: the start is missing because of the syntax error, and says so`, async () => {
            const { roi, findings } = await programOf(`${kpi('Sales', 'up', 100, 10)}
outcome O "O" { measured by Sales }
program P "P" { serves O cost 100 USD ${written} isolate Sales by trend }
actuals Sales { 2026-01: 130 }`);
            assert.ok(findings.some(f => f.rule === 'syntax'), 'the window itself is a syntax error');
            const message = findings.find(f => f.rule === 'isolation-invalid')?.message ?? '';
            assert.match(message, /`pilot` or `window` is not valid \(see its `syntax` error\)/);
            assert.doesNotMatch(message, /has no start/);
            assert.ok(roi.missing.some(m => m.includes('is not valid (see its `syntax` error)')), roi.missing.join(' | '));
        });
    }
});
