/**
 * The two readers of an actuals CSV file's records: the one pass that reads
 * text of the common shape (no quote, one kind of line end, as many cells
 * in each row), and csv-parse, which reads any text and words what is
 * wrong with it. Where the one pass reads a text, it gives the records and
 * lines csv-parse gives, or, at a row of another number of cells, the
 * problem csv-parse words (it does not read the text again).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { csvParseRecords, simpleCsvRecords } from '../../language/actuals/csv-records.js';

type Records = Array<[string[], number]>;

/** The records the one pass gives, or the problem it finds; undefined when it leaves the text to csv-parse. */
function simple(text: string): Records | string | undefined {
    const records: Records = [];
    const pass = simpleCsvRecords(text, (record, line) => records.push([record, line]));
    if (!pass.shape) {
        assert.deepEqual(records, [], 'no record given of a text left to csv-parse');
        return undefined;
    }
    return pass.problem ?? records;
}

function csvParse(text: string): Records | string {
    const records: Records = [];
    return csvParseRecords(text, (record, line) => records.push([record, line])) ?? records;
}

/** Pieces of CSV text: cells, commas, white space of one and several bytes, every line end. */
const PIECES = ['2026-01', '12.5', 'x', 'period', ',', ',', ' ', '\t', '\u00a0', '\u2028', '\f', '\n', '\n', '\r\n', '\r'];

describe('actuals CSV: the one-pass reader and csv-parse', () => {
    it('give the same records and lines, or the same problem, wherever the one pass reads the text', () => {
        let read = 0;
        let ragged = 0;
        fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), pieces => {
            const text = pieces.join('');
            const records = simple(text);
            if (records === undefined) return;
            read++;
            if (typeof records === 'string') ragged++;
            assert.deepEqual(records, csvParse(text));
        }), { numRuns: 2000, seed: 7 });
        assert.ok(read - ragged > 500, `the one pass read ${read - ragged} of 2000 texts`);
        assert.ok(ragged > 50, `the one pass stopped at a row of another number of cells in ${ragged} of 2000 texts`);
    });

    it('give the same problem at the first row of another number of cells, after rows, blank lines and white space', () => {
        const cell = fc.constantFrom('2026-01', '12.5', '', ' x ', '\u00a0', '\t');
        const row = fc.oneof(fc.array(cell, { minLength: 1, maxLength: 4 }).map(cells => cells.join(',')), fc.constantFrom('', ' ', '\u2028', '\f'));
        const text = fc.tuple(fc.array(row, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
            .map(([rows, eol, last]) => rows.join(eol) + (last ? eol : ''));
        let ragged = 0;
        fc.assert(fc.property(text, t => {
            const records = simple(t);
            assert.notEqual(records, undefined, 'of the common shape');
            if (typeof records === 'string') ragged++;
            assert.deepEqual(records, csvParse(t));
        }), { numRuns: 2000, seed: 7 });
        assert.ok(ragged > 500, `the one pass stopped at a row of another number of cells in ${ragged} of 2000 texts`);
    });

    it('the one pass leaves to csv-parse a quote, a lone CR and both kinds of line end', () => {
        for (const text of ['period,value\n"2026-01",1\n', 'period,value\r2026-01,1\r', 'period,value\r\n2026-01,1\n', 'period,value\n2026-01,1\n2026-02,1,2\n"']) {
            assert.equal(simple(text), undefined, JSON.stringify(text));
        }
    });

    it('the one pass stops at a row of another number of cells, with csv-parse\'s words, after blank lines and at the end', () => {
        for (const [text, problem] of [
            ['period,value\n2026-01,1,2\n', 'line 2 has 3 columns, the header row 2'],
            ['period,value\r\n\r\n \r\n2026-01,1\r\n2026-02', 'line 5 has 1 column, the header row 2'],
            ['period\n2026-01\n2026-02,1,,', 'line 3 has 4 columns, the header row 1'],
        ]) {
            assert.equal(simple(text!), problem, JSON.stringify(text));
            assert.equal(csvParse(text!), problem, JSON.stringify(text));
        }
    });

    it('the one pass reads CRLF text, trims cells and skips lines of white space, counting them', () => {
        assert.deepEqual(simple('period , value\r\n\r\n \t\r\n2026-01,\u00a012.5 \r\n'), [[['period', 'value'], 1], [['2026-01', '12.5'], 4]]);
    });
});
