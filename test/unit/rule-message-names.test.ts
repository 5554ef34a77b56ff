import * as assert from 'node:assert/strict';
import { checkWorkspace } from './helpers/check-workspace.js';

/** The messages of one rule's findings in a one-file workspace. */
async function messages(text: string, rule: string): Promise<string[]> {
    const { findings } = await checkWorkspace({ 'a.align': text });
    return findings.filter(f => f.rule === rule).map(f => f.message);
}

const KPI = (name: string, kind: string, extra = '') =>
    `metric ${name} "${name}" { kind ${kind} unit count direction up baseline 1 target 2 by 2026-03 source "s" owner "o" cadence monthly ${extra}}\n`;

describe('rule messages name elements as written, in a reader\'s order', () => {
    it('drives-cycle: a metric that drives itself says so, naming the reference to remove', async () => {
        const found = await messages('metric Lead "L" {\n  kind leading unit count\n  drives Lead\n}\n', 'drives-cycle');
        assert.deepEqual(found, ["'Lead' drives itself: `drives` must not form a cycle. Remove `drives Lead`."]);
        const two = await messages('metric A "A" { kind leading drives B }\nmetric B "B" { kind leading drives A }\n', 'drives-cycle');
        assert.ok(two.includes("'A' drives 'B', which leads back to 'A': `drives` must not form a cycle. Remove one `drives` on the cycle."), two.join('\n'));
    });

    it('too-many-kpis: another program\'s KPI by its qualified name, as the program would write it (not "Lag1, Lag1")', async () => {
        const text = 'program P "p" {\n  metric Lag1 "l" { kind lagging }\n}\n'
            + 'program Q "q" {\n  metric Lag1 "l" { kind lagging }\n  skill S "s"\n  behavior B "b" { enabled by S moves P.Lag1, Lag1 }\n}\n';
        const found = await checkWorkspace({ 'a.align': text }, { maxLaggingKpis: 1 });
        const messages = found.findings.filter(f => f.rule === 'too-many-kpis').map(f => f.message);
        assert.deepEqual(messages, ["Program 'Q' has 2 lagging KPIs in its chain (Lag1, P.Lag1), more than 1. Focus on the few that matter."]);
    });

    it('too-many-kpis: the lagging KPIs in name order', async () => {
        const text = KPI('L3', 'lagging') + KPI('L1', 'lagging') + KPI('L4', 'lagging') + KPI('L2', 'lagging')
            + KPI('Ld', 'leading', 'drives L3, L2, L1, L4 ')
            + 'outcome O "o" { measured by L1, L2, L3 }\n'
            + 'program P "p" {\n  sponsor "s" review monthly serves O pilot 90 days from 2026-01-01\n  skill S "s"\n  behavior B "b" { enabled by S moves Ld observed by peer }\n  objective Ob "o" { builds S practice case "c" }\n}\n';
        const found = await messages(text, 'too-many-kpis');
        assert.equal(found.length, 1, found.join('\n'));
        assert.match(found[0]!, /\(L1, L2, L3, L4\)/);
    });

    it('isolation-invalid: the isolate as written (`isolate P.Lag`), not the bare name', async () => {
        const text = 'outcome Out "Out" { measured by P.Lag owner "COO" }\n'
            + 'program P "P" {\n  sponsor "VP" owner "Academy" serves Out pilot 90 days from 2026-01-01 review monthly\n  cost 1000 USD\n  isolate P.Lag by trend\n'
            + '  metric Lead "Lead" { kind leading unit percent direction down baseline 18% target 14% by 2026-03-31 source "Z" owner "O" cadence weekly drives Lag }\n'
            + '  metric Lag "Lag" { kind lagging unit percent direction down baseline 12% target 10% by 2026-03-31 source "S" owner "O" cadence monthly }\n'
            + '  skill S1 "s"\n  behavior B1 "b" { enabled by S1 moves Lead observed by manager weekly with "rubric" }\n  objective O1 "o" { builds S1 practice roleplay "x" }\n}\n';
        const found = await messages(text, 'isolation-invalid');
        assert.equal(found.length, 1, found.join('\n'));
        assert.ok(found[0]!.startsWith('`isolate P.Lag` in program \'P\''), found[0]);
    });
});

describe('duplicate-name says where the other declaration is', () => {
    it('by file and line, and by column too when it stands on the same line', async () => {
        const { findings } = await checkWorkspace({ 'a.align': 'skill S "s"\nskill T "t" skill T "u"\nskill S "v"\n' });
        const of = (line: number, column: number) => findings.find(f => f.rule === 'duplicate-name' && f.line === line && f.column === column)?.message ?? '';
        assert.match(of(2, 7), /also at a\.align:2:19\)/);
        assert.match(of(2, 19), /also at a\.align:2:7\)/);
        assert.match(of(1, 7), /also at a\.align:3\)/);
        assert.match(of(3, 7), /also at a\.align:1\)/);
    });
});

describe('actuals-off-track says whom to review an off-track KPI with', () => {
    const lead = (extra = '') => `metric Lead "Lead" { kind leading unit percent direction up baseline 55% target 80% by 2026-10-31 ${extra}}\n`
        + 'actuals Lead {\n  2026-07: 58%\n  2026-08: 60%\n  2026-09: 61%\n}\n';
    const program = (name: string) => `program ${name} "${name}" {\n  skill S${name} "s"\n  behavior B${name} "b" { enabled by S${name} moves Lead }\n}\n`;

    it('names the program whose chain holds it, or the programs, or its owner when no program moves it', async () => {
        assert.match((await messages(lead() + program('Pilot'), 'actuals-off-track'))[0] ?? '', /Review program 'Pilot' with its sponsor\.$/);
        assert.match((await messages(lead() + program('A') + program('B'), 'actuals-off-track'))[0] ?? '', /Review the programs whose chain holds it \('A', 'B'\) with their sponsors\.$/);
        assert.match((await messages(lead(), 'actuals-off-track'))[0] ?? '', /No program moves it: review it with its owner, and link a program that should\.$/);
    });
});

describe('actuals-off-track tells the actual and the limit apart', () => {
    it('with more decimals where two would print them the same (not "is 31, ... expects at most 31")', async () => {
        // From 59 on 2026-01-31 to 0 on 2026-03-31: 31 on 2026-02-28; 31.001 is a hair worse.
        const text = 'metric Down "Down" { kind lagging direction down baseline 59 target 0 by 2026-03-31 }\nactuals Down {\n  2026-01: 59\n  2026-02: 31.001\n}\n';
        const [message] = await messages(text, 'actuals-off-track');
        assert.match(message ?? '', /^'Down' is off track: 2026-02 is 31\.001, the trajectory from 59 to 0 by 2026-03-31 expects at most 31\. /);
        // Apart at two decimals: two decimals, as everywhere.
        const [plain] = await messages(text.replace('31.001', '31.5'), 'actuals-off-track');
        assert.match(plain ?? '', /2026-02 is 31\.5, the trajectory from 59 to 0 by 2026-03-31 expects at most 31\. /);
    });

    it('with the actual as written: not "0.3099" shown as the baseline\'s "0.31"', async () => {
        const text = 'metric Rat "r" { kind lagging unit ratio direction down baseline 0.31 target 0.3 by 2026-12-31 }\n'
            + 'outcome O "o" { measured by Rat }\nactuals Rat {\n  2026-01-01: 0.31\n  2026-07-01: 0.3099\n}\n';
        const [message] = await messages(text, 'actuals-off-track');
        assert.match(message ?? '', /^'Rat' is off track: 2026-07-01 is 0\.3099, the trajectory from 0\.31 to 0\.3 by 2026-12-31 expects at most 0\.305\. /);
    });
});

describe('target-against-direction tells the target and the baseline apart', () => {
    it('with the decimals it takes: not "target 0 worse than its baseline 0"', async () => {
        const [message] = await messages('metric M "m" { kind activity unit ratio direction up baseline 0.000012 target 0.00001 }\n', 'target-against-direction');
        assert.match(message ?? '', /^Metric 'M' has target 0\.00001 worse than its baseline 0\.000012 for `direction up`\./);
        const [seventh] = await messages('metric M "m" { kind activity unit ratio direction down baseline 0.3 target 0.3000001 }\n', 'target-against-direction');
        assert.match(seventh ?? '', /^Metric 'M' has target 0\.3000001 worse than its baseline 0\.3 for `direction down`\./);
        const [plain] = await messages('metric M "m" { kind activity unit count direction up baseline 12 target 10 }\n', 'target-against-direction');
        assert.match(plain ?? '', /^Metric 'M' has target 10 worse than its baseline 12 for `direction up`\./);
    });
});
