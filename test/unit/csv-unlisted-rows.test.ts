/**
 * The reader of an actuals CSV file words the problems of its first 11 rows
 * with bad cells (the findings list 10, or all 11) and only counts the rest,
 * with their first and last lines: a file of a million bad rows made a
 * million messages for the rule to drop. Both ways of reading agree.
 */
import * as assert from 'node:assert/strict';
import { parseActualsCsv } from '../../language/actuals/csv-actuals.js';

/** Rows 2..n+1 with a bad period, a bad value, or both, in turn; a good row after every third. */
function badRows(n: number): string[] {
    return Array.from({ length: n }, (_, i) => [`2026-13-${i},5`, `2026-01,x${i}`, `p${i},v`][i % 3]!);
}

describe('actuals CSV: rows with bad cells past the 11th are counted, not worded', () => {
    // The first text is read in one pass; the quoted header cell sends the second to csv-parse.
    for (const header of ['period,value', '"period",value']) {
        it(`words 11 rows and counts the others, with their lines and problems (header ${header})`, () => {
            const rows = badRows(30);
            // A good row between the bad ones, and blank lines, move the lines of the rows after them.
            const text = `${header}\n${rows.slice(0, 5).join('\n')}\n2026-01,1\n\n${rows.slice(5).join('\n')}\n`;
            const read = parseActualsCsv(text);
            assert.deepEqual(read.rows.map(r => r.csvLine), [7]);
            assert.deepEqual(read.problems, [
                'line 2: period `2026-13-0` is not a date, month, quarter or half (e.g. 2026-03)',
                'line 3: value `x1` is not a number or percentage',
                'line 4: period `p2` is not a date, month, quarter or half (e.g. 2026-03)',
                'line 4: value `v` is not a number or percentage',
                'line 5: period `2026-13-3` is not a date, month, quarter or half (e.g. 2026-03)',
                'line 6: value `x4` is not a number or percentage',
                'line 9: period `p5` is not a date, month, quarter or half (e.g. 2026-03)',
                'line 9: value `v` is not a number or percentage',
                'line 10: period `2026-13-6` is not a date, month, quarter or half (e.g. 2026-03)',
                'line 11: value `x7` is not a number or percentage',
                'line 12: period `p8` is not a date, month, quarter or half (e.g. 2026-03)',
                'line 12: value `v` is not a number or percentage',
                'line 13: period `2026-13-9` is not a date, month, quarter or half (e.g. 2026-03)',
                'line 14: value `x10` is not a number or percentage'
            ]);
            // Rows 11-29 of the 30 bad ones (lines 15-33); 7 of them have both cells bad.
            assert.deepEqual(read.unlisted, { rows: 19, problems: 26, firstLine: 15, lastLine: 33 });
        });

        it(`counts nothing when 11 rows or fewer have bad cells (header ${header})`, () => {
            const read = parseActualsCsv(`${header}\n${badRows(11).join('\n')}\n`);
            assert.equal(read.problems.length, 14);
            assert.equal(read.unlisted, undefined);
            assert.ok(!('unlisted' in read), 'no unlisted key');
        });
    }
});
