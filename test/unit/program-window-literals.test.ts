import * as assert from 'node:assert/strict';
import { checkWorkspace } from './helpers/check-workspace.js';

/** A program whose body is `body`, with a metric due 2026-06-30 inside it (for `deadline-outside-window`). */
const program = (body: string) => `program P "p" {\n  sponsor "s" review monthly\n  ${body}\n  metric K "K" { kind activity unit count direction up target 2 by 2026-06-30 }\n}\n`;

/** The findings of `rule` in one file as `line:column-endLine:endColumn message`. */
async function found(text: string, rule = 'syntax'): Promise<string[]> {
    const { findings } = await checkWorkspace({ 'a.align': text });
    return findings.filter(f => f.rule === rule).map(f => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`);
}

async function windowOf(text: string): Promise<{ start: string; end: string } | undefined> {
    const { graph } = await checkWorkspace({ 'a.align': text });
    return graph.node('P')?.programFigures?.window;
}

describe('program windows and pilot durations', () => {
    describe('a window whose end comes before its start', () => {
        it('is a syntax error marking `A to B`, naming the program and saying to swap or correct the dates', async () => {
            assert.deepEqual(await found(program('window 2026-12-31 to 2026-01-01')), [
                "3:10-3:34 The window of program 'P' ends on 2026-01-01, before it starts on 2026-12-31. "
                + 'Swap the dates (`window 2026-01-01 to 2026-12-31`) or correct them: `window START to END`, both days included.'
            ]);
        });

        it('a one-day window (A == B) and a forward window are valid', async () => {
            assert.deepEqual(await found(program('window 2026-06-30 to 2026-06-30')), []);
            assert.deepEqual(await found(program('window 2026-01-01 to 2026-12-31')), []);
            assert.deepEqual(await windowOf(program('window 2026-06-30 to 2026-06-30')), { start: '2026-06-30', end: '2026-06-30' });
        });

        it('gives the program no window for the other rules and the report, like an impossible date', async () => {
            // The control: a forward window that ends before the deadline fires.
            assert.equal((await found(program('window 2026-01-01 to 2026-03-31'), 'deadline-outside-window')).length, 1);
            assert.deepEqual(await found(program('window 2026-12-31 to 2026-01-01'), 'deadline-outside-window'), []);
            assert.equal(await windowOf(program('window 2026-12-31 to 2026-01-01')), undefined);
            assert.equal(await windowOf(program('window 2026-02-30 to 2026-12-31')), undefined);
        });
    });

    describe('a pilot duration that is not a whole number greater than 0', () => {
        const message = (length: string) => `The pilot of program 'P' lasts ${length}: a duration must be a whole number of days, weeks or months greater than 0. `
            + 'Give a whole number of at least 1 (`pilot 90 days from 2026-01-05`).';

        it('marks the duration (`0 days`), not the program name', async () => {
            assert.deepEqual(await found(program('pilot 0 days from 2026-01-01')), [`3:9-3:15 ${message('0 days')}`]);
            assert.deepEqual(await found('program P "p" { pilot 0 days from 2026-01-01 }'), [`1:23-1:29 ${message('0 days')}`]);
        });

        it('`-5 days` is the number -5: marks `-5 days`', async () => {
            assert.deepEqual(await found(program('pilot -5 days from 2026-01-01')), [`3:9-3:16 ${message('-5 days')}`]);
        });

        it('`1.5 months` marks `1.5 months`; a spaced `- 5` is an unexpected character, marked where it stands', async () => {
            assert.deepEqual(await found(program('pilot 1.5 months from 2026-01-01')), [`3:9-3:19 ${message('1.5 months')}`]);
            assert.deepEqual(await found(program('pilot - 5 days from 2026-01-01')),
                ['3:9-3:10 Unexpected character `-`: it may stand only in a "quoted string" or a comment.']);
        });

        it('gives the program no window (and no pilot-too-long) while it stands', async () => {
            for (const length of ['0 days', '-5 days', '1000.5 days']) {
                const text = program(`pilot ${length} from 2026-01-01`);
                assert.equal(await windowOf(text), undefined, length);
                assert.deepEqual(await found(text, 'deadline-outside-window'), [], length);
                assert.deepEqual(await found(text, 'pilot-too-long'), [], length);
            }
            // The control: a whole number of days does give a window.
            assert.deepEqual(await windowOf(program('pilot 1 days from 2026-01-01')), { start: '2026-01-01', end: '2026-01-02' });
        });
    });

    describe('a pilot that would end after 9999-12-31', () => {
        it('is a syntax error on the duration: no window, no pilot-too-long, no crash of the graph', async () => {
            for (const [length, mark] of [['99999999999 days', '3:9-3:25'], ['3000000 days', '3:9-3:21'], ['100000000000 months', '3:9-3:28']] as const) {
                const text = program(`pilot ${length} from 2026-01-01`);
                assert.deepEqual(await found(text), [`${mark} The pilot of program 'P' lasts ${length}: from 2026-01-01 it would end after 9999-12-31, `
                    + 'the last day a date can be written. Give a shorter duration.'], length);
                assert.equal(await windowOf(text), undefined, length);
                assert.deepEqual(await found(text, 'pilot-too-long'), [], length);
                assert.deepEqual(await found(text, 'internal-error'), [], length);
            }
            // The control: ending on 9999-12-31 itself is a window (and too long).
            assert.deepEqual(await windowOf(program('pilot 1 days from 9999-12-30')), { start: '9999-12-30', end: '9999-12-31' });
        });
    });

    describe('a program that gives both `pilot` and `window`', () => {
        const message = "Program 'P' gives both `pilot` and `window`: a program has one window, so it has none until one is removed. "
            + 'Keep either the pilot (`pilot N days from START`) or the window (`window START to END`).';

        it('is a syntax error marking the keyword of the later one, whichever comes first', async () => {
            assert.deepEqual(await found(program('pilot 30 days from 2026-01-01\n  window 2026-01-01 to 2026-12-31')), [`4:3-4:9 ${message}`]);
            assert.deepEqual(await found(program('window 2026-01-01 to 2026-12-31\n  pilot 30 days from 2026-01-01')), [`4:3-4:8 ${message}`]);
        });

        it('gives the program no window, rather than the pilot\'s dates with the window ignored', async () => {
            const text = program('pilot 30 days from 2026-01-01\n  window 2026-01-01 to 2026-12-31');
            assert.equal(await windowOf(text), undefined);
            assert.deepEqual(await found(text, 'deadline-outside-window'), []);
            // The control: the pilot alone ends on 2026-01-31, before the metric's deadline.
            assert.equal((await found(program('pilot 30 days from 2026-01-01'), 'deadline-outside-window')).length, 1);
            assert.deepEqual(await found(program('pilot 30 days from 2026-01-01')), []);
        });
    });

    it('a pilot in the first century ends in that century (Date.UTC reads years 0-99 as 1900-1999)', async () => {
        assert.deepEqual(await windowOf(program('pilot 90 days from 0050-01-01')), { start: '0050-01-01', end: '0050-04-01' });
        assert.deepEqual(await windowOf(program('pilot 2 months from 0004-01-31')), { start: '0004-01-31', end: '0004-03-31' });
        // 0000 is a leap year (divisible by 400), 1900 is not.
        assert.deepEqual(await found(program('window 0000-02-29 to 0000-03-01')), []);
        assert.equal((await found(program('window 1900-02-29 to 1900-03-01'))).length, 1);
    });
});
