/**
 * A `cost` of 0 or less is a `syntax` error on the amount, where the user
 * wrote it (the report alone said "ROI not shown: it needs a positive `cost`").
 */
import * as assert from 'node:assert/strict';
import { checkWorkspace } from './helpers/check-workspace.js';

const program = (cost: string) => `outcome O "o" { measured by K }\nmetric K "k" { kind leading unit count direction up }\nprogram P "p" { serves O\n  ${cost}\n}\n`;

/** The `syntax` findings as `line:column-endLine:endColumn message`. */
async function syntax(text: string): Promise<string[]> {
    const { findings } = await checkWorkspace({ 'a.align': text });
    return findings.filter(f => f.rule === 'syntax').map(f => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`);
}

describe('a cost that is not greater than 0', () => {
    for (const [written, shown, end] of [['cost -5 USD', '-5 USD', 10], ['cost 0 USD', '0 USD', 9], ['cost -0.5', '-0.5', 12]] as const) {
        it(`${written}: a syntax error marking the amount`, async () => {
            assert.deepEqual(await syntax(program(written)), [
                `4:8-4:${end} Program 'P' has cost ${shown}: a cost must be greater than 0 (the fully loaded cost, which ROI is divided by). `
                + 'Write what the program costs (`cost 45000 USD`), or remove `cost`.'
            ]);
        });
    }

    it('a positive cost, and a program without one, are fine', async () => {
        assert.deepEqual(await syntax(program('cost 0.01 USD')), []);
        assert.deepEqual(await syntax(program('sponsor "s"')), []);
    });
});
