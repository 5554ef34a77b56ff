/**
 * `align check` on a CSV file of many bad rows, through the built bundle:
 * the problems of its first 10 rows with problems, in line order ("line 9"
 * before "line 10" and "line 100000"), then one finding counting the rest.
 */
import assert from 'node:assert/strict';
import { checkJson, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const METRIC = 'metric Calls "Calls" { kind leading unit count direction up baseline 10 target 20 by 2026-12-31 source "CRM" owner "Ops" cadence weekly }\n'
    + 'actuals Calls from "calls.csv"\n';

/** A workspace whose CSV repeats one period on every row: each row after the first is out of order. */
function repeatedPeriods(rows: number): string {
    const ws = tempDir();
    writeFile(ws, 'calls.align', METRIC);
    writeFile(ws, 'calls.csv', `period,value\n${'2026-01-01,5\n'.repeat(rows)}`);
    return ws;
}

describe('align check on a CSV file with many bad rows', () => {
    before(requireBundle);
    afterEach(removeTempDirs);

    it('lists the problems of the first 10 rows in line order, then counts the other rows', () => {
        const ws = repeatedPeriods(100_000);
        const messages = checkJson(['.'], { cwd: ws, status: 1 }).filter(f => f.rule === 'actuals-invalid').map(f => f.message);
        const listed = Array.from({ length: 10 }, (_, i) => `Actuals of 'Calls': file "calls.csv" line ${i + 3}: period 2026-01-01 does not come after 2026-01-01: periods must increase.`);
        assert.deepEqual(messages, [...listed,
            'Actuals of \'Calls\': file "calls.csv" lines 13 to 100001: 99,989 more rows have problems; only the first 10 rows with problems are listed. Fix those, then check again.']);
    });

    it('the text output lists the rows of one file string in line order', () => {
        const ws = repeatedPeriods(13);
        const result = runCli(['check', '.', '--no-color'], { cwd: ws });
        assert.equal(result.status, 1, result.stderr);
        const text = result.stdout.replace(/\s+/g, ' ');
        const lines = [...text.matchAll(/"calls\.csv" line (\d+):/g)].map(m => Number(m[1]));
        assert.deepEqual(lines, [3, 4, 5, 6, 7, 8, 9, 10, 11, 12], result.stdout);
        assert.match(text, /"calls\.csv" lines 13 to 14: 2 more rows have problems;/);
    });
});
