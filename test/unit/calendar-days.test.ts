/**
 * The calendar arithmetic of language/dates.ts works without Date (a CSV
 * file may hold a million dates); it agrees with Date's proleptic Gregorian
 * calendar on every day a date can be written, 0000-01-01 to 9999-12-31.
 */
import * as assert from 'node:assert/strict';
import { isoDay, parsePeriod } from '../../language/dates.js';

const MS_PER_DAY = 86_400_000;
const byDate = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

describe('calendar days without Date', () => {
    it('isoDay gives the ISO day Date gives: every day of the first and the last 400 years (a whole cycle of leap years), a day past each end, and days all through', () => {
        const [first, last] = [parsePeriod('0000-01-01')!.day, parsePeriod('9999-12-31')!.day];
        const CYCLE = 146_097; // days in 400 years
        const days = [first - 1, last + 1];
        for (let day = first; day < first + CYCLE; day++) days.push(day, last - (day - first));
        for (let day = first; day <= last; day += 997) days.push(day);
        assert.deepEqual(days.filter(day => isoDay(day) !== byDate(day)), []);
    });

    it("a month's last day, leap years included (1900 is not one, 2000 is), as Date counts it", () => {
        for (const [month, last] of [['1900-02', '1900-02-28'], ['2000-02', '2000-02-29'], ['2024-02', '2024-02-29'], ['2026-04', '2026-04-30'], ['0000-02', '0000-02-29']]) {
            assert.equal(isoDay(parsePeriod(month!)!.day), last);
        }
        assert.equal(parsePeriod('2026-02-29'), undefined);
        assert.equal(parsePeriod('2028-02-29')?.day, Date.UTC(2028, 1, 29) / MS_PER_DAY);
        assert.equal(isoDay(parsePeriod('2026-Q1')!.day), '2026-03-31');
        assert.equal(isoDay(parsePeriod('2026-H2')!.day), '2026-12-31');
    });
});
