/**
 * The actuals' messages quote the user's cells and periods as code spans
 * that pair as written (language/present/code-span.ts), also when the data
 * holds backticks.
 */
import * as assert from 'node:assert/strict';
import { parseActualsCsv } from '../../language/actuals/csv-actuals.js';
import { messageParts } from '../../language/present/index.js';

describe('actuals messages: cells holding backticks', () => {
    it('quotes a period cell and a value cell with a fence longer than their backticks', () => {
        const { problems } = parseActualsCsv('period,value\n2026`01,1`2\n2026-02,`x`\n');
        assert.deepEqual(problems, [
            'line 2: period ``2026`01`` is not a date, month, quarter or half (e.g. 2026-03)',
            'line 2: value ``1`2`` is not a number or percentage',
            'line 3: value `` `x` `` is not a number or percentage'
        ]);
        assert.deepEqual(messageParts(problems[2]!), ['line 3: value ', { code: '`x`' }, ' is not a number or percentage']);
    });

    it('quotes a header row written with another separator as one code span', () => {
        const { problems } = parseActualsCsv('period;`value`\n2026-01;1\n');
        assert.deepEqual(problems, ['separates its columns with `;`, not commas (header row `` period;`value` ``)']);
        assert.deepEqual(messageParts(problems[0]!).filter(p => typeof p !== 'string'), [{ code: ';' }, { code: 'period;`value`' }]);
    });
});
