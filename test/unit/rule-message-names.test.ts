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
