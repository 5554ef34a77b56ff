/**
 * A deadline that is no real date (`by 2026-Q5`, `by 2026-02-29`) is a
 * `syntax` error; `outcome-not-measurable` does not also call it missing.
 */
import * as assert from 'node:assert/strict';
import { checkWorkspace } from './helpers/check-workspace.js';

/** An outcome measured by a lagging KPI whose metric body is `body`. */
const measured = (body: string) => `outcome Out "o" { measured by M }\nmetric M "m" { kind lagging unit percent direction up ${body} source "s" owner "o" cadence monthly }\n`;

async function findings(text: string): Promise<string[]> {
    const { findings } = await checkWorkspace({ 'a.align': text });
    return findings.map(f => `${f.rule}: ${f.message}`);
}

describe('an invalid deadline is a syntax error only', () => {
    for (const deadline of ['2026-Q5', '2026-02-29', '2026-13']) {
        it(`target 12% by ${deadline}: the syntax error, no outcome-not-measurable`, async () => {
            assert.deepEqual(await findings(measured(`baseline 10% target 12% by ${deadline}`)),
                [`syntax: \`${deadline}\` is not a real date: use YYYY-MM-DD, YYYY-MM, YYYY-Qn (1-4) or YYYY-Hn (1-2).`]);
        });
    }

    it('what else is missing is still named, the invalid deadline is not', async () => {
        const found = (await findings(measured('target 12% by 2026-Q5'))).filter(f => f.startsWith('outcome-not-measurable'));
        assert.deepEqual(found, ['outcome-not-measurable: Outcome \'Out\' is not measurable: \'M\' has no baseline. Give each measuring KPI a baseline and a `target ... by` deadline.']);
    });

    it('a target without `by` still has no deadline', async () => {
        const found = (await findings(measured('baseline 10% target 12%'))).filter(f => f.startsWith('outcome-not-measurable'));
        assert.deepEqual(found, ['outcome-not-measurable: Outcome \'Out\' is not measurable: \'M\' has no deadline (`target ... by`). Give each measuring KPI a baseline and a `target ... by` deadline.']);
    });
});
