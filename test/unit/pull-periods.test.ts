/**
 * How `align pull` turns a source's cells into snapshot rows
 * (cli/pull/periods.ts): values are written with the digits the source
 * means (the shortest that read back as the same double or float, exact
 * decimal text as it is), never the binary noise of `toFixed`; dates and
 * timestamps given as text are read strictly (no day or hour rolled over),
 * and a date past the year 9999 is refused as such.
 */
import assert from 'node:assert/strict';
import { parseValueCell } from '../../language/actuals/actual-values.js';
import { dayOfDateText, numericCell, plainFloat32, plainNumber, toSnapshot, type RawRow, type ValueCell } from '../../cli/pull/periods.js';

/** The day number of a date, of any year Date holds. */
function day(iso: string): number {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    const date = new Date(0);
    date.setUTCFullYear(y, m - 1, d);
    return date.getTime() / 86_400_000;
}

/** The value column of a one-row snapshot of `cell`. */
function written(cell: ValueCell): string {
    const { csv } = toSnapshot([{ period: { text: '2026-01' }, value: cell }], 'monthly');
    return csv.split('\n')[1]!.split(',')[1]!;
}

describe('pull periods: values as the snapshot writes them', () => {
    it('a double is written with its shortest digits: 99999.99, not 99999.990000000005', () => {
        assert.equal(plainNumber(99999.99), '99999.99');
        assert.equal(plainNumber(99999.98 + 0.01), String(99999.98 + 0.01));
        assert.equal(plainNumber(1234567.1), '1234567.1');
        assert.equal(plainNumber(0.1), '0.1');
        assert.equal(written(99999.99), '99999.99');
    });

    it('no exponent, no plus sign, no -0: 1e21, 1e-7, 1.5e300 written out', () => {
        assert.equal(plainNumber(1e21), '1000000000000000000000');
        assert.equal(plainNumber(1e-7), '0.0000001');
        assert.equal(plainNumber(-2.5e-7), '-0.00000025');
        assert.equal(plainNumber(-0), '0');
        assert.equal(plainNumber(123e20), '12300000000000000000000');
        assert.equal(plainNumber(1.5e300), `15${'0'.repeat(299)}`);
        assert.equal(plainNumber(5e-324), `0.${'0'.repeat(323)}5`);
    });

    it('every double written reads back, as the CSV reader reads it, as the same double', () => {
        const values = [99999.99, 1234567.1, 0.1 + 0.2, 1 / 3, -1e-13, 1e21, 2 ** 53 + 2, 123456.789e-12, Math.PI * 1e15, Number.MAX_VALUE, Number.MIN_VALUE, -12.5];
        for (const value of values) {
            const text = plainNumber(value);
            assert.equal(parseValueCell(text)?.value, value, `${value} written as ${text}`);
        }
    });

    it('a float (32-bit) is written with its own shortest digits: 0.1::FLOAT is 0.1', () => {
        assert.equal(plainFloat32(Math.fround(0.1)), '0.1');
        assert.equal(plainFloat32(Math.fround(99999.99)), '99999.99');
        assert.equal(plainFloat32(Math.fround(16777217)), '16777216');
        assert.equal(plainFloat32(Math.fround(3.4e38)), '340000000000000000000000000000000000000');
        assert.equal(plainFloat32(Math.fround(1e-7)), '0.0000001');
        assert.deepEqual(numericCell(Math.fround(0.1), 'float32'), { decimal: '0.1' });
        assert.deepEqual(numericCell('0.100000001', 'float32'), { decimal: '0.1' });
        for (const value of [0.1, 1 / 3, 123.456, 1e-30, 7e37]) {
            const float = Math.fround(value);
            assert.equal(Math.fround(Number(plainFloat32(float))), float, String(value));
        }
    });

    it('exact decimal text is kept as the source gives it, normalised, never rounded through a double', () => {
        assert.deepEqual(numericCell('99999.99'), { decimal: '99999.99' });
        assert.deepEqual(numericCell(' 12.50 '), { decimal: '12.5' });
        assert.deepEqual(numericCell('-0.000'), { decimal: '0' });
        assert.deepEqual(numericCell('007'), { decimal: '7' });
        assert.deepEqual(numericCell('1000'), { decimal: '1000' });
        assert.deepEqual(numericCell('12345678901234567890.123456789'), { decimal: '12345678901234567890.123456789' });
        assert.deepEqual(numericCell(12345678901234567890n), { decimal: '12345678901234567890' });
        assert.equal(written(numericCell('99999.99')), '99999.99');
    });

    it('text with an exponent or of a floating-point column is read as a double', () => {
        assert.equal(numericCell('1.5e-7'), 1.5e-7);
        assert.equal(numericCell('99999.990000000005', 'float64'), 99999.99);
        assert.equal(written(numericCell('1e+21', 'float64')), '1000000000000000000000');
        assert.equal(numericCell('1e400'), Infinity);
        assert.equal(numericCell('1' + '0'.repeat(400)), Infinity);
    });

    it('what is not a number is refused naming the row', () => {
        assert.deepEqual(numericCell('NaN'), { bad: 'NaN' });
        assert.deepEqual(numericCell('+1'), { bad: '+1' });
        assert.deepEqual(numericCell('$12.50'), { bad: '$12.50' });
        assert.throws(() => written(Infinity), /row 1: value Infinity is not a number/);
        assert.throws(() => written({ bad: 'abc' }), /row 1: value `abc` is not a number/);
    });
});

describe('pull periods: dates and timestamps given as text', () => {
    it('dates and timestamps, with or without a zone, converted to UTC', () => {
        assert.equal(dayOfDateText('2026-01-05'), day('2026-01-05'));
        assert.equal(dayOfDateText('2026-01-05 10:00'), day('2026-01-05'));
        assert.equal(dayOfDateText('2026-01-05T10:00:00.123456'), day('2026-01-05'));
        assert.equal(dayOfDateText('2026-01-05 23:30:00-02:00'), day('2026-01-06'));
        assert.equal(dayOfDateText('2026-01-05T01:30:00+0230'), day('2026-01-04'));
        assert.equal(dayOfDateText('2026-01-05 00:30:00+01'), day('2026-01-04'));
        assert.equal(dayOfDateText('2026-01-05 10:00:00+00'), day('2026-01-05'));
        assert.equal(dayOfDateText('2024-02-29T12:00:00Z'), day('2024-02-29'));
        assert.equal(dayOfDateText('2026-12-31T23:59:59.999-00:01'), day('2027-01-01'));
        assert.equal(dayOfDateText('0044-03-15'), day('0044-03-15'));
        assert.equal(dayOfDateText('0000-01-01'), day('0000-01-01'));
        assert.equal(dayOfDateText('0000-02-29'), day('0000-02-29'));
    });

    it('an impossible date or time is not rolled over into another day', () => {
        for (const text of ['2026-02-30T10:00:00Z', '2026-04-31 10:00:00+00:00', '2026-06-15 25:00:00', '2026-06-15 24:00:00Z',
            '2026-06-15 10:60:00', '2026-06-15 10:00:60', '2026-13-01', '2026-00-10', '2026-01-00', '2025-02-29 10:00',
            '2100-02-29T00:00:00Z', '2026-06-15 10:00:00+24:00', '2026-06-15 10:00:00+05:60']) {
            assert.equal(dayOfDateText(text), undefined, text);
        }
        assert.throws(() => toSnapshot([{ period: { text: '2026-02-30T10:00:00Z' }, value: 1 }], 'daily'), /row 1: period `2026-02-30T10:00:00Z` is not a date, month, quarter or half/);
    });

    it('a date after the year 9999 is read, and refused as outside 0000 to 9999, not as "not a DATE"', () => {
        assert.equal(dayOfDateText('12000-01-05'), day('12000-01-05'));
        assert.equal(dayOfDateText('12000-02-29T23:00:00-02'), day('12000-03-01'));
        const rows = (text: string): RawRow[] => [{ period: { day: dayOfDateText(text)! }, value: 1 }];
        for (const cadence of ['daily', 'weekly', 'monthly', 'quarterly'] as const) {
            assert.throws(() => toSnapshot(rows('12000-01-05'), cadence), /row 1: the date is in the year 12000, outside 0000 to 9999/);
            assert.throws(() => toSnapshot(rows('12000-01-05 10:00:00+00'), cadence), /the year 12000, outside/);
            assert.throws(() => toSnapshot(rows('5881580-07-10'), cadence), /the year 5881580, outside/);
        }
        assert.throws(() => toSnapshot(rows('10000-01-01'), 'monthly'), /the year 10000, outside/);
        assert.equal(toSnapshot(rows('9999-12-31'), 'monthly').csv, 'period,value\n9999-12,1\n');
    });
});
