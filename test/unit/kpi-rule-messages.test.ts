import * as assert from 'node:assert/strict';
import { checkWorkspace } from './helpers/check-workspace.js';

/** The messages of one rule's findings in one file. */
async function messages(text: string, rule: string): Promise<string[]> {
    const { findings } = await checkWorkspace({ 'a.align': text });
    return findings.filter(f => f.rule === rule).map(f => f.message);
}

const kpi = (name: string, extra: string) =>
    `metric ${name} "${name}" { kind lagging unit count direction up baseline 1 target 2 by 2026-12-31 source "s" ${extra} }\noutcome O${name} "O" { measured by ${name} }\n`;

describe('metric-without-owner advises only what is missing', () => {
    it('no cadence: add how often it is measured (not who owns it)', async () => {
        assert.deepEqual(await messages(kpi('K', 'owner "o"'), 'metric-without-owner'),
            ['KPI \'K\' has no `cadence`. Add how often it is measured (`cadence monthly`).']);
    });

    it('no owner: add who owns the data (not how often)', async () => {
        assert.deepEqual(await messages(kpi('K', 'cadence monthly'), 'metric-without-owner'),
            ['KPI \'K\' has no `owner`. Add who owns the data (`owner "Team"`).']);
    });

    it('neither: both', async () => {
        assert.deepEqual(await messages(kpi('K', ''), 'metric-without-owner'),
            ['KPI \'K\' has no `owner` and no `cadence`. Add who owns the data (`owner "Team"`) and how often it is measured (`cadence monthly`).']);
    });
});

describe('activity-only-link: a metric without `kind` is not an activity or learning metric', () => {
    it('an objective whose only `kpi` has no kind: no activity-only-link (and no objective-without-kpi: it reaches a metric)', async () => {
        const text = 'metric NoKind "No kind" { unit count }\nobjective A "A" { kpi NoKind practice case "x" }\n';
        const { findings } = await checkWorkspace({ 'a.align': text });
        assert.deepEqual(findings.filter(f => f.rule === 'activity-only-link' || f.rule === 'objective-without-kpi'), []);
    });

    it('nor when it also reaches an activity metric: not every one is activity or learning', async () => {
        const text = 'metric NoKind "No kind" { unit count }\nmetric Done "Done" { kind activity }\nobjective A "A" { kpi NoKind, Done practice case "x" }\n';
        assert.deepEqual(await messages(text, 'activity-only-link'), []);
    });

    it('still fires when every metric reached is activity or learning, naming them', async () => {
        const text = 'metric Done "Done" { kind activity }\nmetric Quiz "Quiz" { kind learning }\nobjective A "A" { kpi Done, Quiz practice case "x" }\n';
        const found = await messages(text, 'activity-only-link');
        assert.equal(found.length, 1, found.join('\n'));
        assert.match(found[0]!, /^Objective 'A' reaches only activity or learning metrics \((Done, Quiz|Quiz, Done)\), which are not evidence of business impact\. Link it to a leading or lagging KPI\.$/);
    });

    it('a metric without kind is no KPI and no activity metric elsewhere either: no outcome-measured-by-activity, no KPI data rules', async () => {
        const text = 'metric NoKind "No kind" { unit count }\noutcome O "O" { measured by NoKind }\n';
        const { findings } = await checkWorkspace({ 'a.align': text });
        const rules: string[] = findings.map(f => f.rule);
        for (const rule of ['outcome-measured-by-activity', 'metric-without-owner', 'metric-without-source']) assert.ok(!rules.includes(rule), rules.join(', '));
    });
});

describe('deadline-outside-window says both dates', () => {
    it('a period deadline with the day it is dated on, and the pilot it misses with its length, start and end', async () => {
        const text = 'program P "P" { sponsor "s" review monthly pilot 90 days from 2026-01-05\n'
            + '  metric Q "Q" { kind leading direction down baseline 18% target 14% by 2026-Q2 }\n'
            + '  metric D "D" { kind leading direction down baseline 18% target 14% by 2026-05-01 }\n}\n';
        assert.deepEqual(await messages(text, 'deadline-outside-window'), [
            'Metric \'Q\' is due 2026-Q2 (2026-06-30), outside the pilot of program \'P\' (90 days from 2026-01-05, ending 2026-04-05). Move the deadline inside the pilot, or lengthen the pilot.',
            'Metric \'D\' is due 2026-05-01, outside the pilot of program \'P\' (90 days from 2026-01-05, ending 2026-04-05). Move the deadline inside the pilot, or lengthen the pilot.'
        ]);
    });

    it('a window\'s dates as written, and the program named without a doubled quote', async () => {
        const text = 'program P2 "P2" { sponsor "s" review monthly window 2026-01-01 to 2026-03-31\n'
            + '  metric D "D" { kind leading direction down baseline 18% target 14% by 2026-05-01 }\n}\n';
        assert.deepEqual(await messages(text, 'deadline-outside-window'), [
            'Metric \'D\' is due 2026-05-01, outside the window of program \'P2\' (2026-01-01 to 2026-03-31). Move the deadline inside the window, or widen the window.'
        ]);
    });
});

describe('objective rules name a metric as the objective\'s text does', () => {
    const text = 'metric M "global" { kind activity unit count }\n'
        + 'program P "P" {\n'
        + '  metric M "local" { kind leading unit count direction up baseline 1 target 2 by 2026-12 }\n'
        + '  metric A "local activity" { kind activity unit count }\n'
        + '}\n'
        + 'program Q "Q" {\n'
        + '  objective O "O" { kpi P.M practice case "c" }\n'
        + '  objective Own "Own" { kpi P.A practice case "c" }\n'
        + '}\n'
        + 'objective G "G" { kpi P.M practice case "c" }\n';

    it('unexplained-kpi-link: `kpi P.M` is KPI \'P.M\', not the global \'M\', in a program and outside every program', async () => {
        assert.deepEqual(await messages(text, 'unexplained-kpi-link'), [
            'The link from objective \'O\' to KPI \'P.M\' is asserted, not explained: no skill it builds enables a behavior that moves \'P.M\'. Build such a skill, or add the behavior.',
            'The link from objective \'G\' to KPI \'P.M\' is asserted, not explained: no skill it builds enables a behavior that moves \'P.M\'. Build such a skill, or add the behavior.',
        ]);
    });

    it('activity-only-link lists `kpi P.A` as \'P.A\'', async () => {
        assert.deepEqual(await messages(text, 'activity-only-link'),
            ['Objective \'Own\' reaches only activity or learning metrics (P.A), which are not evidence of business impact. Link it to a leading or lagging KPI.']);
    });

    it('a program\'s own metric keeps its simple name', async () => {
        const own = 'program P "P" {\n  metric M "m" { kind leading unit count direction up baseline 1 target 2 by 2026-12 }\n  objective O "O" { kpi M practice case "c" }\n}\n';
        assert.deepEqual((await messages(own, 'unexplained-kpi-link')).map(m => m.split(' is asserted')[0]), ['The link from objective \'O\' to KPI \'M\'']);
    });
});

describe('outcome-not-measurable names a measuring KPI as the outcome\'s text does', () => {
    it('`measured by P.M` is \'P.M\', not the global \'M\'', async () => {
        const text = 'metric M "global" { kind lagging unit count direction up baseline 1 target 2 by 2026-12 }\n'
            + 'program P "P" {\n  metric M "local" { kind lagging unit count direction up target 2 by 2026-12 }\n}\n'
            + 'outcome Out "o" { measured by P.M }\n';
        assert.deepEqual(await messages(text, 'outcome-not-measurable'),
            ['Outcome \'Out\' is not measurable: \'P.M\' has no baseline. Give each measuring KPI a baseline and a `target ... by` deadline.']);
    });
});

describe('drives-cycle and a second isolate name a metric as the text does', () => {
    it('drives-cycle: a global metric that drives `P.M` names it \'P.M\', even beside a global M', async () => {
        const text = 'metric M "global M" { kind leading }\nmetric G "global" { kind leading drives P.M }\n'
            + 'program P "P" {\n  metric M "local" { kind leading drives G }\n}\n';
        assert.deepEqual(await messages(text, 'drives-cycle'), [
            '\'G\' drives \'P.M\', which leads back to \'G\': `drives` must not form a cycle. Remove one `drives` on the cycle.',
            '\'M\' drives \'G\', which leads back to \'M\': `drives` must not form a cycle. Remove one `drives` on the cycle.'
        ]);
    });

    it('a program that isolates another program\'s KPI twice names it \'P.M\'', async () => {
        const text = 'metric M "global" { kind lagging unit count direction up baseline 1 value 1 USD per unit }\n'
            + 'program P "P" {\n  metric M "local" { kind lagging unit count direction up baseline 1 value 1 USD per unit }\n}\n'
            + 'program Q "Q" {\n  window 2026-01-01 to 2026-12-31\n  isolate P.M by estimate 50% confidence 80%\n  isolate P.M by estimate 40% confidence 80%\n}\n';
        const found = (await messages(text, 'syntax')).filter(m => m.includes('twice'));
        assert.deepEqual(found, ['Program \'Q\' isolates \'P.M\' twice. Give one `isolate` per KPI.']);
    });
});
