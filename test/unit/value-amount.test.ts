/**
 * A `value` of 0 or less is a `syntax` error on the amount, as a `cost` of 0
 * or less is, and ROI does not count the KPI's change as benefit (it was
 * accepted, and a negative value turned an improvement into a loss).
 */
import * as assert from 'node:assert/strict';
import { checkWorkspace } from './helpers/check-workspace.js';

const workspace = (value: string) => `outcome O "o" { measured by K }
metric K "k" { kind lagging unit count direction up baseline 10
  ${value}
}
program P "p" { serves O cost 1000 USD }
actuals K { 2026-01: 20 }
`;

/** The `syntax` findings as `line:column-endLine:endColumn message`, and the program's ROI. */
async function checked(value: string) {
    const { findings, graph } = await checkWorkspace({ 'a.align': workspace(value) });
    const syntax = findings.filter(f => f.rule === 'syntax').map(f => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`);
    return { syntax, roi: graph.node('P')!.programFigures!.roi };
}

describe('a value that is not greater than 0', () => {
    for (const [written, shown, per, end] of [['value -5 USD per point', '-5 USD per point', 'point', 11], ['value 0 USD per point', '0 USD per point', 'point', 10],
        ['value -0.5 per unit', '-0.5 per unit', 'unit', 13]] as const) {
        it(`${written}: a syntax error marking the amount, and no ROI`, async () => {
            const { syntax, roi } = await checked(written);
            assert.deepEqual(syntax, [
                `3:9-3:${end} Metric 'K' has value ${shown}: a value must be greater than 0 (the money one ${per} of improvement is worth, which ROI counts as benefit). `
                + `Write what a ${per} is worth (\`value 18000 USD per ${per}\`), or remove \`value\`.`
            ]);
            assert.deepEqual(roi.missing, ['a positive `value` of K']);
            assert.equal(roi.roiPercent, undefined);
            assert.equal(roi.rawRoiPercent, undefined);
        });
    }

    it('a positive value is fine, and counted', async () => {
        const { syntax, roi } = await checked('value 0.01 USD per point');
        assert.deepEqual(syntax, []);
        assert.deepEqual(roi.missing, []);
        assert.ok(roi.rawBenefit !== undefined && Math.abs(roi.rawBenefit - 0.1) < 1e-9, `raw benefit ${roi.rawBenefit}`);
    });
});
