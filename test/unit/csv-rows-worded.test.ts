/**
 * The rows of a CSV file out of order, repeating a period an earlier block
 * gives, or a percentage for a metric of another unit are worded as far as
 * `actuals-invalid` can list them, as the rows with bad cells are: of a
 * file of many such rows, the reader, the graph and the rule word the first
 * 11 rows of each kind and keep only the lines of the others.
 */
import * as assert from 'node:assert/strict';
import { CSV_ROWS_LISTED } from '../../language/actuals/csv-actuals.js';
import { problemCount, readCsvActuals } from '../../language/actuals/read-actuals.js';
import { CsvRowFindings } from '../../language/validation/csv-row-findings.js';
import { checkWorkspace } from './helpers/check-workspace.js';

const METRIC = 'metric L "L" { kind lagging unit count direction up baseline 1 target 20 by 2026-12-31 source "s" owner "o" cadence daily }\n'
    + 'outcome O "O" { measured by L }\nactuals L from "first.csv"\nactuals L from "l.csv"\n';

/** The rows of each kind worded: one more than are listed (csv-actuals.ts). */
const WORDED = CSV_ROWS_LISTED + 1;

const DAY_MS = 86_400_000;
const day = (n: number) => new Date(Date.UTC(2000, 0, 1) + n * DAY_MS).toISOString().slice(0, 10);

describe('a CSV file of many rows out of order, repeated and in percent', () => {
    it('words the problems of the first rows of each kind, however many rows have them, and counts the others', async () => {
        const rows = 20_000;
        // first.csv gives every day; l.csv gives them again backwards, in percent (out of order, repeated and a percentage from
        // its second row on), with a row of bad cells after every third.
        const first = `period,value\n${Array.from({ length: rows }, (_, i) => `${day(i)},5\n`).join('')}`;
        const csv = `period,value\n${Array.from({ length: rows }, (_, i) => i % 4 === 3 ? `x${i},y\n` : `${day(rows - 1 - i)},5%\n`).join('')}`;
        let worded = 0;
        const add = CsvRowFindings.prototype.add;
        CsvRowFindings.prototype.add = function (this: CsvRowFindings, ...args: Parameters<typeof add>) {
            worded++;
            return add.apply(this, args);
        };
        let checked: Awaited<ReturnType<typeof checkWorkspace>>;
        try {
            checked = await checkWorkspace({ 'a.align': METRIC, 'first.csv': first, 'l.csv': csv });
        } finally {
            CsvRowFindings.prototype.add = add;
        }
        const { findings, graph } = checked;
        const actuals = [...graph.actualsRead.keys()].find(a => a.file === 'l.csv')!;
        // Two problems a row of bad cells, one of each other kind on the first rows of that kind.
        assert.ok(worded <= 5 * WORDED, `${worded} problems worded for the file string`);
        assert.ok(graph.actualsRead.get(actuals)!.problems.length <= 3 * WORDED, 'problems of the read');
        assert.ok(graph.repeatedActuals.get(actuals)!.worded.length <= WORDED, 'repeats worded by the graph');
        // Every row has problems. Of the 10 listed, line 2 has the repeat and the percentage, 7 rows are also out of order, and
        // lines 5 and 9 have two bad cells; then the count of the others.
        const messages = findings.filter(f => f.rule === 'actuals-invalid').map(f => f.message);
        assert.equal(messages.length, 2 + 7 * 3 + 2 * 2 + 1, messages.join('\n'));
        assert.equal(messages.at(-1), `Actuals of 'L': file "l.csv" lines 12 to ${rows + 1}: ${(rows - 10).toLocaleString('en')} more rows have problems; `
            + 'only the first 10 rows with problems are listed. Fix those, then check again.');
    });

    it('counts the problems of the rows not worded with the others (the inlay hint of the file says how many)', () => {
        // 100 rows, each before the one above it, and 30 rows with a bad value (one problem each).
        const text = `period,value\n${Array.from({ length: 100 }, (_, i) => `${day(100 - i)},5\n`).join('')}${'2026-01,x\n'.repeat(30)}`;
        const read = readCsvActuals({ text }, 'l.csv');
        assert.equal(problemCount(read), 99 + 30);
        assert.equal(read.problems.length, 2 * WORDED);
        assert.deepEqual(read.unwordedOrder, Array.from({ length: 99 - WORDED }, (_, i) => 2 + 1 + WORDED + i));
    });
});
