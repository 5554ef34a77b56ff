/**
 * The two readers of an actuals CSV file's records: the one pass that reads
 * text of the common shape (no quote, one kind of line end, as many cells
 * in each row), and csv-parse, which reads any text and words what is
 * wrong with it. Where the one pass reads a text, it gives the records and
 * lines csv-parse gives.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { csvParseRecords, simpleCsvRecords } from '../../language/actuals/csv-records.js';

type Records = Array<[string[], number]>;

function simple(text: string): Records | undefined {
    const records: Records = [];
    return simpleCsvRecords(text, (record, line) => records.push([record, line])) ? records : undefined;
}

function csvParse(text: string): Records | string {
    const records: Records = [];
    return csvParseRecords(text, (record, line) => records.push([record, line])) ?? records;
}

/** Pieces of CSV text: cells, commas, white space of one and several bytes, every line end. */
const PIECES = ['2026-01', '12.5', 'x', 'period', ',', ',', ' ', '\t', '\u00a0', '\u2028', '\f', '\n', '\n', '\r\n', '\r'];

describe('actuals CSV: the one-pass reader and csv-parse', () => {
    it('give the same records and lines wherever the one pass reads the text', () => {
        let read = 0;
        fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), pieces => {
            const text = pieces.join('');
            const records = simple(text);
            if (records === undefined) return;
            read++;
            assert.deepEqual(records, csvParse(text));
        }), { numRuns: 2000, seed: 7 });
        assert.ok(read > 500, `the one pass read ${read} of 2000 texts`);
    });

    it('the one pass leaves to csv-parse a quote, a lone CR, both kinds of line end, and a row of another number of cells', () => {
        for (const text of ['period,value\n"2026-01",1\n', 'period,value\r2026-01,1\r', 'period,value\r\n2026-01,1\n', 'period,value\n2026-01,1,2\n']) {
            assert.equal(simple(text), undefined, JSON.stringify(text));
        }
        assert.equal(csvParse('period,value\n2026-01,1,2\n'), 'line 2 has 3 columns, the header row 2');
    });

    it('the one pass reads CRLF text, trims cells and skips lines of white space, counting them', () => {
        assert.deepEqual(simple('period , value\r\n\r\n \t\r\n2026-01,\u00a012.5 \r\n'), [[['period', 'value'], 1], [['2026-01', '12.5'], 4]]);
    });
});
