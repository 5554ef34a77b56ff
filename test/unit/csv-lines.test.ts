/**
 * The line numbers of an actuals CSV file's problems and rows are the lines
 * a text editor shows: blank lines (skipped) and line breaks inside quoted
 * cells count.
 */
import * as assert from 'node:assert/strict';
import { parseActualsCsv } from '../../language/actuals/csv-actuals.js';

describe('actuals CSV: line numbers as an editor shows them', () => {
    it('counts a line break inside a quoted cell, and skipped blank lines', () => {
        const { rows, problems } = parseActualsCsv('period,value\n2026-01,"1\n2"\n\n  \n2026-02,abc\r\n2026-03,5\n');
        assert.deepEqual(problems, ['line 2: value `1\n2` is not a number or percentage', 'line 6: value `abc` is not a number or percentage']);
        assert.deepEqual(rows.map(r => r.csvLine), [7]);
    });

    it('after a byte order mark and blank lines before the header, and with lone CR line ends', () => {
        assert.deepEqual(parseActualsCsv('\uFEFF\n\nperiod,value\n2026-01,x\n').problems, ['line 4: value `x` is not a number or percentage']);
        assert.deepEqual(parseActualsCsv('period,value\r2026-01,1\r\r2026-02,x\r').problems, ['line 4: value `x` is not a number or percentage']);
    });

    it('a line of nothing but white space of several bytes (no-break space, U+2028) is skipped and counted, in any CSV', () => {
        // The first text is read in one pass; the quoted cell of the second sends it to csv-parse.
        for (const header of ['period,value', '"period",value']) {
            assert.deepEqual(parseActualsCsv(`${header}\n\u00a0\n\u2028 \n2026-01,x\n`).problems, ['line 4: value `x` is not a number or percentage']);
        }
    });
});
