import * as assert from 'node:assert/strict';
import { checkWorkspace } from './helpers/check-workspace.js';

/**
 * `actuals-invalid` on the rows of a CSV file: every finding marks the file
 * string, so the rule lists the problems of the first 10 rows with problems,
 * in line order whatever check found them, and counts the other rows in one
 * finding (docs/rules/actuals-invalid.md).
 */
const METRIC = 'metric L "L" { kind lagging unit count direction up baseline 1 target 20 by 2026-12-31 source "s" owner "o" cadence monthly }\n'
    + 'outcome O "O" { measured by L }\nactuals L from "l.csv"\n';

const invalidMessages = async (csv: string) => (await checkWorkspace({ 'a.align': METRIC, 'l.csv': csv })).findings
    .filter(f => f.rule === 'actuals-invalid').map(f => `${f.line}:${f.column} ${f.message}`);

const order = (line: number, before: string) => `3:16 Actuals of 'L': file "l.csv" line ${line}: period 2026-01 does not come after ${before}: periods must increase.`;

describe('actuals-invalid: the rows of a CSV file', () => {
    it('lists the first 10 rows with problems (every problem of each) in line order on the file string, then counts the rest; 11 rows are all listed', async () => {
        // Line 4 has two bad cells (found before the order problems); lines 3 and 5-16 are out of order: 14 rows with problems.
        const csv = `period,value\n2026-05,1\n2026-01,1\nx,y\n${'2026-01,1\n'.repeat(12)}`;
        const cells = '(e.g. 2026-03). Write each row as a period (2026-03, 2026-Q1, 2026-03-31) and a number or percentage (12.5 or 12.5%).';
        assert.deepEqual(await invalidMessages(csv), [
            order(3, '2026-05'),
            `3:16 Actuals of 'L': file "l.csv" line 4: period \`x\` is not a date, month, quarter or half ${cells}`,
            '3:16 Actuals of \'L\': file "l.csv" line 4: value `y` is not a number or percentage. Write each row as a period (2026-03, 2026-Q1, 2026-03-31) and a number or percentage (12.5 or 12.5%).',
            ...[5, 6, 7, 8, 9, 10, 11, 12].map(line => order(line, '2026-01')),
            '3:16 Actuals of \'L\': file "l.csv" lines 13 to 16: 4 more rows have problems; only the first 10 rows with problems are listed. Fix those, then check again.'
        ]);
        // 11 rows with problems are all listed: a count in place of one row would say no less.
        const eleven = await invalidMessages(`period,value\n${'2026-01,1\n'.repeat(12)}`);
        assert.deepEqual(eleven, [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map(line => order(line, '2026-01')));
    });
});
