import * as assert from 'node:assert/strict';
import { checkWorkspace } from './helpers/check-workspace.js';
import { seededRandom } from './helpers/seeded-random.js';

/**
 * `actuals-invalid` on the rows of a CSV file: every finding marks the file
 * string, so the rule lists the problems of the first 10 rows with problems,
 * in line order whatever check found them, and counts the other rows in one
 * finding (docs/rules/actuals-invalid.md).
 */
const METRIC = 'metric L "L" { kind lagging unit count direction up baseline 1 target 20 by 2026-12-31 source "s" owner "o" cadence monthly }\n'
    + 'outcome O "O" { measured by L }\nactuals L from "l.csv"\n';

const invalidMessages = async (csv: string) => (await checkWorkspace({ 'a.align': METRIC, 'l.csv': csv })).findings
    .filter(f => f.rule === 'actuals-invalid').map(f => `${f.line}:${f.column} ${f.message}`);

const order = (line: number, before: string) => `3:16 Actuals of 'L': file "l.csv" line ${line}: period 2026-01 does not come after ${before}: periods must increase.`;

describe('actuals-invalid: the rows of a CSV file', () => {
    it('lists the first 10 rows with problems (every problem of each) in line order on the file string, then counts the rest; 11 rows are all listed', async () => {
        // Line 4 has two bad cells (found before the order problems); lines 3 and 5-16 are out of order: 14 rows with problems.
        const csv = `period,value\n2026-05,1\n2026-01,1\nx,y\n${'2026-01,1\n'.repeat(12)}`;
        const cells = '(e.g. 2026-03). Write each row as a period (2026-03, 2026-Q1, 2026-03-31) and a number or percentage (12.5 or 12.5%).';
        assert.deepEqual(await invalidMessages(csv), [
            order(3, '2026-05'),
            `3:16 Actuals of 'L': file "l.csv" line 4: period \`x\` is not a date, month, quarter or half ${cells}`,
            '3:16 Actuals of \'L\': file "l.csv" line 4: value `y` is not a number or percentage. Write each row as a period (2026-03, 2026-Q1, 2026-03-31) and a number or percentage (12.5 or 12.5%).',
            ...[5, 6, 7, 8, 9, 10, 11, 12].map(line => order(line, '2026-01')),
            '3:16 Actuals of \'L\': file "l.csv" lines 13 to 16: 4 more rows have problems; only the first 10 rows with problems are listed. Fix those, then check again.'
        ]);
        // 11 rows with problems are all listed: a count in place of one row would say no less.
        const eleven = await invalidMessages(`period,value\n${'2026-01,1\n'.repeat(12)}`);
        assert.deepEqual(eleven, [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map(line => order(line, '2026-01')));
    });

    it('as of a past day (align report, align graph --date), counts the rows with bad cells as without a date', async () => {
        // 13 rows with a bad value, then a row dated after the day, which the graph leaves out.
        const csv = `period,value\n${Array.from({ length: 13 }, (_, i) => `2026-01,x${i}\n`).join('')}2026-12,5\n`;
        const asOf = await checkWorkspace({ 'a.align': METRIC, 'l.csv': csv }, undefined, services => services.align.Graph.setAsOf('2026-06-30'));
        const messages = asOf.findings.filter(f => f.rule === 'actuals-invalid').map(f => f.message);
        assert.equal(messages.length, 11);
        assert.equal(messages[10], 'Actuals of \'L\': file "l.csv" lines 12 to 14: 3 more rows have problems; only the first 10 rows with problems are listed. Fix those, then check again.');
        assert.deepEqual(messages, (await invalidMessages(csv)).map(m => m.replace(/^3:16 /, '')));
    });
});

/**
 * A reference for the findings on many bad rows: every problem of every row
 * worded, in line order, the first 10 rows with problems listed and the rest
 * counted, as the rule did before the reader stopped wording the rows with
 * bad cells past the 11th (csv-actuals.ts), and then the rows out of order,
 * repeated or in percent past the 11th of their kind (worded-rows.ts). An
 * inline block before the file gives some periods first, so that rows of
 * the file repeat them.
 */
describe('actuals-invalid: many bad rows of several kinds give the findings of every problem worded', () => {
    /**
     * The months (0 is 2000-01) of the inline block, and the month of the day
     * the graph is built as of (align report, align graph --date), if any:
     * the rows dated after it are left out of the repeats and percentages,
     * not of the order.
     */
    interface Setting {
        readonly inline: readonly number[];
        readonly asOf?: number;
    }
    const FEW_REPEATS: Setting = { inline: [7, 30, 31, 100] };
    const CELLS = 'Write each row as a period (2026-03, 2026-Q1, 2026-03-31) and a number or percentage (12.5 or 12.5%).';
    const month = (m: number) => `${2000 + Math.floor(m / 12)}-${String(m % 12 + 1).padStart(2, '0')}`;
    const textOf = ({ inline }: Setting) => `${METRIC.replace(/actuals L from "l\.csv"\n$/, '')}actuals L {\n${inline.map(m => `  ${month(m)}: 9\n`).join('')}}\n`
        + 'actuals L from "l.csv"\n';
    /** The line of the inline row of a month (the block's rows start on line 4). */
    const inlineLine = (m: number, { inline }: Setting) => 4 + inline.indexOf(m);

    /** `earlier`: a period not after the row before (or the same); `earlier percent`: one in percent (two problems, three with a repeat). */
    type Kind = 'good' | 'period' | 'value' | 'both' | 'earlier' | 'percent' | 'earlier percent';
    const KINDS: readonly Kind[] = ['good', 'period', 'value', 'both', 'earlier', 'percent'];

    /** The CSV rows of the kinds, and the problems of each line in the order the rule words them. */
    function rowsOf(kinds: readonly Kind[], setting = FEW_REPEATS): { csvRows: string[]; problems: Array<{ line: number; messages: string[] }> } {
        const csvRows: string[] = [];
        const problems: Array<{ line: number; messages: string[] }> = [];
        let next = 0;
        let previous: number | undefined;
        kinds.forEach((kind, i) => {
            const line = i + 2;
            const at = `Actuals of 'L': file "l.csv" line ${line}: `;
            const messages: string[] = [];
            if (kind === 'period' || kind === 'value' || kind === 'both') {
                const period = kind === 'value' ? month(next) : [`2026-13`, `x${i}`][i % 2]!;
                const value = kind === 'period' ? '5' : `v${i}`;
                csvRows.push(`${period},${value}`);
                if (kind !== 'value') messages.push(`${at}period \`${period}\` is not a date, month, quarter or half (e.g. 2026-03). ${CELLS}`);
                if (kind !== 'period') messages.push(`${at}value \`${value}\` is not a number or percentage. ${CELLS}`);
            } else {
                const m = kind.startsWith('earlier') && previous !== undefined ? Math.max(0, previous - (i % 3)) : next++;
                const percent = kind.endsWith('percent');
                const value = percent ? '5%' : '5';
                csvRows.push(`${month(m)},${value}`);
                if (previous !== undefined && m <= previous) messages.push(`${at}period ${month(m)} does not come after ${month(previous)}: periods must increase.`);
                const counted = setting.asOf === undefined || m <= setting.asOf;
                if (counted && setting.inline.includes(m)) {
                    messages.push(`${at}period ${month(m)} is given twice: ${value} here, 9 at a.align:${inlineLine(m, setting)} (the earlier value counts). `
                        + 'Keep one value for the period: remove this row or the other.');
                }
                if (counted && percent) messages.push(`${at}${month(m)} is a percentage (5%), but metric 'L' has unit count. Write the value in count (5), or set \`unit percent\` on the metric.`);
                previous = m;
            }
            problems.push({ line, messages });
        });
        return { csvRows, problems };
    }

    /** The first 10 rows with problems, every problem of each, then one finding counting the rest; 11 rows are all listed. */
    function reference(problems: ReadonlyArray<{ line: number; messages: string[] }>): string[] {
        const bad = problems.filter(p => p.messages.length > 0);
        if (bad.length <= 11) return bad.flatMap(p => p.messages);
        const rest = bad.slice(10);
        return [...bad.slice(0, 10).flatMap(p => p.messages),
            `Actuals of 'L': file "l.csv" lines ${rest[0]!.line} to ${rest[rest.length - 1]!.line}: ${rest.length.toLocaleString('en')} more rows have problems; `
            + 'only the first 10 rows with problems are listed. Fix those, then check again.'];
    }

    const messagesOf = async (header: string, csvRows: readonly string[], setting = FEW_REPEATS) => {
        const asOf = setting.asOf === undefined ? undefined : `${month(setting.asOf + 1)}-01`;
        const { findings } = await checkWorkspace({ 'a.align': textOf(setting), 'l.csv': `${header}\n${csvRows.join('\n')}\n` }, undefined,
            services => {
                if (asOf) services.align.Graph.setAsOf(asOf);
            });
        return findings.filter(f => f.rule === 'actuals-invalid').map(f => f.message);
    };

    const random = seededRandom(9);
    const cases: Array<{ name: string; kinds: Kind[] }> = [
        // Around the cap: 11, 12 and 13 rows with bad cells and nothing else.
        ...[11, 12, 13].map(n => ({ name: `${n} rows with bad cells`, kinds: Array.from({ length: n }, (_, i) => (['period', 'value', 'both'] as const)[i % 3]!) })),
        // 11 rows with bad cells, then a row out of order, a percentage and a repeat: counted with nothing unworded.
        { name: '11 bad cells, then other problems', kinds: [...Array<Kind>(11).fill('both'), 'good', 'earlier', 'percent', ...Array<Kind>(20).fill('good')] },
        // Other problems first, then many bad cells: the rest counts both kinds.
        { name: 'other problems, then 200 bad cells', kinds: [...Array<Kind>(40).fill('earlier'), 'percent', ...Array.from({ length: 200 }, (_, i) => KINDS[1 + i % 3]!)] },
        // Many bad cells, then the other problems after them.
        { name: '300 bad cells, then other problems', kinds: [...Array.from({ length: 300 }, (_, i) => KINDS[1 + i % 3]!), ...Array.from({ length: 150 }, (_, i) => KINDS[i % 6]!)] },
        // Every kind at random, in files of a few to a few hundred rows.
        ...Array.from({ length: 12 }, (_, c) => ({ name: `random file ${c}`, kinds: Array.from({ length: 5 + random(400) }, () => KINDS[random(KINDS.length)]!) }))
    ];

    // The first header is read in one pass; the quoted one sends the file to csv-parse.
    for (const header of ['period,value', '"period",value']) {
        it(`as the reference on each file (header ${header})`, async () => {
            for (const { name, kinds } of cases) {
                const { csvRows, problems } = rowsOf(kinds);
                assert.deepEqual(await messagesOf(header, csvRows), reference(problems), name);
            }
        });
    }

    /**
     * Each of the kinds out of order, repeated and in percent on more than 11
     * rows, alone or on the same rows as the others and as bad cells: an
     * inline block gives every other month, which the rows in order repeat.
     */
    const MANY_REPEATS: Setting = { inline: Array.from({ length: 300 }, (_, i) => 2 * i) };
    const ALL_KINDS: readonly Kind[] = [...KINDS, 'earlier percent'];
    const mixed = seededRandom(10);
    const mixedCases: Array<{ name: string; kinds: Kind[]; setting: Setting }> = [
        // Each kind on 15 rows of its own in turn (repeats every other row), then all on the same rows, then bad cells.
        { name: 'kinds in turn', setting: MANY_REPEATS, kinds: [...Array<Kind>(30).fill('good'), ...Array<Kind>(15).fill('earlier'), ...Array<Kind>(15).fill('percent'),
            ...Array<Kind>(20).fill('earlier percent'), ...Array<Kind>(30).fill('both')] },
        // 12 rows with bad cells first (the 12th not worded), then the others: the 10 rows listed have bad cells, the rest counts every kind.
        { name: 'bad cells, then the other kinds', setting: MANY_REPEATS, kinds: [...Array<Kind>(12).fill('value'), ...Array.from({ length: 100 }, (_, i) => ALL_KINDS[4 + i % 3]!)] },
        // Every kind at random, with many repeats; then as of a day between the first and last rows' (the later rows are
        // still out of order, but neither repeats nor percentages).
        ...Array.from({ length: 10 }, (_, c) => ({ name: `random file ${c}`, setting: c < 5 ? MANY_REPEATS : { ...MANY_REPEATS, asOf: 20 + mixed(100) },
            kinds: Array.from({ length: 40 + mixed(300) }, () => ALL_KINDS[mixed(ALL_KINDS.length)]!) }))
    ];

    for (const header of ['period,value', '"period",value']) {
        it(`as the reference on files where rows out of order, repeated and in percent mix (header ${header})`, async () => {
            for (const { name, kinds, setting } of mixedCases) {
                const { csvRows, problems } = rowsOf(kinds, setting);
                assert.ok(problems.filter(p => p.messages.length > 0).length > 11, `${name}: more rows with problems than are listed`);
                assert.deepEqual(await messagesOf(header, csvRows, setting), reference(problems), name);
            }
        });
    }
});
