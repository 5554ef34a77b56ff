/**
 * A percentage (`12%`) implies unit percent (language.md, Numbers): on a
 * metric whose `unit` is another, it is a mistake to say so at the amount,
 * `syntax` for baseline and target, `actuals-invalid` for an actual.
 */
import * as assert from 'node:assert/strict';
import { checkWorkspace } from './helpers/check-workspace.js';

const metric = (unit: string, baseline: string, target: string) =>
    `metric Calls "Calls" { kind activity ${unit} direction up baseline ${baseline} target ${target} by 2026-06-30 }\n`;

/** The findings of `rule` as `line:column-endLine:endColumn message`. */
async function found(files: Record<string, string>, rule: string): Promise<string[]> {
    const { findings } = await checkWorkspace(files);
    return findings.filter(f => f.rule === rule).map(f => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`);
}

describe('a percentage for a metric of another unit', () => {
    it('marks a baseline or target percentage of a count or currency metric as syntax, saying what to write', async () => {
        assert.deepEqual(await found({ 'a.align': metric('unit count', '12%', '20') }, 'syntax'), [
            "1:71-1:74 Metric 'Calls' has unit count, but its baseline 12% is a percentage. Write the baseline in count (`baseline 12`), or set `unit percent`."
        ]);
        assert.deepEqual(await found({ 'a.align': metric('unit currency USD', '12', '20.5%') }, 'syntax'), [
            "1:88-1:93 Metric 'Calls' has unit currency USD, but its target 20.5% is a percentage. Write the target in currency USD (`target 20.5`), or set `unit percent`."
        ]);
    });

    it('accepts percentages for unit percent and for a metric without unit, and plain numbers for any unit', async () => {
        assert.deepEqual(await found({ 'a.align': metric('unit percent', '12%', '20%') }, 'syntax'), []);
        assert.deepEqual(await found({ 'a.align': metric('', '12%', '20%') }, 'syntax'), []);
        assert.deepEqual(await found({ 'a.align': metric('unit percent', '12', '20') }, 'syntax'), []);
    });

    it('marks an actual written as a percentage, inline on its row (as language.md says of actuals-invalid) and in a CSV file at the file', async () => {
        const inline = await found({ 'a.align': `${metric('unit count', '12', '20')}actuals Calls {\n  2026-01: 13\n  2026-02: 14%\n}\n` }, 'actuals-invalid');
        assert.deepEqual(inline, [
            "4:3-4:15 Actuals of 'Calls': 2026-02 is a percentage (14%), but metric 'Calls' has unit count. Write the value in count (14), or set `unit percent` on the metric."
        ]);
        const csv = await found({
            'a.align': `${metric('unit hours', '12', '20')}actuals Calls from "calls.csv"\n`,
            'calls.csv': 'period,value\n2026-01,13\n2026-02,14%\n'
        }, 'actuals-invalid');
        assert.deepEqual(csv, [
            "2:20-2:31 Actuals of 'Calls': file \"calls.csv\" line 3: 2026-02 is a percentage (14%), but metric 'Calls' has unit hours. Write the value in hours (14), or set `unit percent` on the metric."
        ]);
        assert.deepEqual(await found({ 'a.align': `${metric('unit percent', '12%', '20%')}actuals Calls {\n  2026-02: 14%\n}\n` }, 'actuals-invalid'), []);
    });
});
