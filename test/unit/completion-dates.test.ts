import * as assert from 'node:assert/strict';
import { dayChoices, deadlineChoices, endChoices, rowChoices, sinceChoices, startChoices } from '../../server/features/completion-dates.js';

/** The dates completion offers, on a fixed clock (local time, as the server reads it). */
describe('completion: dates and periods on a fixed clock', () => {
    const feb15 = new Date(2026, 1, 15, 10, 30);
    const dec31 = new Date(2026, 11, 31, 23, 59);

    it('offers this and next quarter and half, the end of the quarter and today for a deadline', () => {
        assert.deepEqual(deadlineChoices(feb15), [
            { text: '2026-Q1', detail: 'this quarter, ends 2026-03-31' },
            { text: '2026-Q2', detail: 'next quarter, ends 2026-06-30' },
            { text: '2026-H1', detail: 'this half, ends 2026-06-30' },
            { text: '2026-H2', detail: 'next half, ends 2026-12-31' },
            { text: '2026-03-31', detail: 'end of this quarter (full date)' },
            { text: '2026-02-15', detail: 'today (full date)' }
        ]);
        // On the last day of a year: the next ones are the next year's, and today is the end of the quarter (offered once).
        assert.deepEqual(deadlineChoices(dec31).map(c => c.text), ['2026-Q4', '2027-Q1', '2026-H2', '2027-H1', '2026-12-31']);
    });

    it('offers full dates for a start or an end, each once', () => {
        assert.deepEqual(dayChoices(feb15), [
            { text: '2026-02-15', detail: 'today' },
            { text: '2026-03-01', detail: 'first day of next month' },
            { text: '2026-04-01', detail: 'first day of next quarter' },
            { text: '2026-03-31', detail: 'last day of this quarter' },
            { text: '2026-06-30', detail: 'last day of this half' }
        ]);
        assert.deepEqual(dayChoices(dec31).map(c => c.text), ['2026-12-31', '2027-01-01']);
    });

    it('offers the dates of a new window, a pilot and an xAPI pull: starts, ends and first days, each once', () => {
        assert.deepEqual(startChoices(feb15), [
            { text: '2026-02-15', detail: 'today' },
            { text: '2026-03-01', detail: 'first day of next month' },
            { text: '2026-04-01', detail: 'first day of next quarter' }
        ]);
        assert.deepEqual(startChoices(dec31).map(c => c.text), ['2026-12-31', '2027-01-01']);
        // In February the next quarter ends with this half: offered once.
        assert.deepEqual(endChoices(feb15), [
            { text: '2026-12-31', detail: 'last day of next half' },
            { text: '2026-06-30', detail: 'last day of this half' }
        ]);
        assert.deepEqual(endChoices(dec31).map(c => c.text), ['2027-06-30', '2026-12-31', '2027-03-31']);
        assert.deepEqual(sinceChoices(feb15), [
            { text: '2026-02-01', detail: 'first day of this month' },
            { text: '2026-01-01', detail: 'first day of this quarter' }
        ]);
        assert.deepEqual(sinceChoices(new Date(2026, 7, 20)).map(c => c.text), ['2026-08-01', '2026-07-01', '2026-01-01']);
    });

    it('offers the period after the last row for the cadence, then the current one', () => {
        assert.deepEqual(rowChoices(feb15, 'monthly', '2025-12'), [
            { text: '2026-01', detail: 'the month after the last row' }, { text: '2026-02', detail: 'this month' }]);
        assert.deepEqual(rowChoices(feb15, 'quarterly', '2025-Q4').map(c => c.text), ['2026-Q1']);
        assert.deepEqual(rowChoices(feb15, 'weekly', '2026-02-09'), [
            { text: '2026-02-16', detail: 'a week after the last row' }, { text: '2026-02-15', detail: 'today' }]);
        assert.deepEqual(rowChoices(feb15, 'daily', '2026-02-28').map(c => c.text), ['2026-03-01', '2026-02-15']);
        // The block's rows say how it writes periods: a weekly metric reported per month goes on per month.
        assert.deepEqual(rowChoices(feb15, 'weekly', '2025-12'), [
            { text: '2026-01', detail: 'the month after the last row' }, { text: '2026-02', detail: 'this month' }]);
        assert.deepEqual(rowChoices(feb15, 'monthly', '2025-12-31').map(c => c.text), ['2026-01-01', '2026-02-15']);
        // No cadence: the granularity of the last row, else months.
        assert.deepEqual(rowChoices(feb15, undefined, '2025-H2').map(c => c.text), ['2026-H1']);
        assert.deepEqual(rowChoices(feb15, undefined, undefined), [{ text: '2026-02', detail: 'this month' }]);
    });
});
