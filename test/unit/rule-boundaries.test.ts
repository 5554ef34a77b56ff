import * as assert from 'node:assert/strict';
import type { AlignSettings } from '../../language/config/align-settings.js';
import { checkWorkspace, expectedFindings, findingKeys, type TestFinding } from './helpers/check-workspace.js';

/**
 * Rules at the edges of language.md's wording, through Langium's validation
 * of an in-memory workspace: each case marks with `// expect:` every finding
 * of the listed rules, in every file (and nothing else of those rules).
 */
interface BoundaryCase {
    title: string;
    rules: string[];
    files: Record<string, string>;
    settings?: AlignSettings;
}

const kpi = (name: string, extra = '', kind = 'lagging') =>
    `metric ${name} "${name}" { kind ${kind} unit count direction up baseline 1 target 2 by 2026-12-31 source "s" owner "o" cadence monthly ${extra} }`;

const CASES: BoundaryCase[] = [
    {
        title: 'outcome-not-measurable: a `measured by` none of whose names resolves is no `measured by` (rules see resolved references only)',
        rules: ['outcome-not-measurable', 'unresolved-reference'],
        files: {
            'a.align': `${kpi('Churn')}\n// expect: outcome-not-measurable\noutcome Typos "Typos" {\n  // expect: unresolved-reference\n  measured by ChurnRat,\n  // expect: unresolved-reference\n    Renewal\n}\n`
                + `outcome OneResolves "One resolves" {\n  // expect: unresolved-reference\n  measured by ChurnRat,\n    Churn\n}\n`
        }
    },
    {
        title: 'outcome-not-measurable: a name that resolves in another file, or qualified in a program, counts',
        rules: ['outcome-not-measurable', 'unresolved-reference'],
        files: {
            'a.align': `outcome Global "Global" { measured by Churn }\noutcome Qualified "Qualified" { measured by P.Local }\n`,
            'b.align': `${kpi('Churn')}\nprogram P "P" { sponsor "s" review monthly serves Global\n  ${kpi('Local')}\n}\n`
        }
    },
    {
        title: 'metric-unused: a metric\'s `drives` of itself is not a use by another metric',
        rules: ['metric-unused', 'drives-cycle'],
        files: {
            'a.align': `// expect: metric-unused\nmetric Self "Self" { kind lagging\n  // expect: drives-cycle\n  drives Self\n}\n`
                + `metric Driven "Driven" { kind lagging }\n// expect: metric-unused\nmetric Driver "Driver" { kind leading drives Driven }\n`
        }
    },
    {
        title: 'pilot-too-long: exactly maxPilotDays is not longer; calendar months count a leap day',
        rules: ['pilot-too-long'],
        files: {
            'a.align': `program A "A" { sponsor "s" review monthly pilot 90 days from 2026-01-05 }\n`
                + `program B "B" { sponsor "s" review monthly\n  // expect: pilot-too-long\n  pilot 91 days from 2026-01-05 }\n`
                + `program C "C" { sponsor "s" review monthly pilot 3 months from 2026-01-05 }\n`
                + `program D "D" { sponsor "s" review monthly\n  // expect: pilot-too-long\n  pilot 3 months from 2028-01-05 }\n`
        }
    },
    {
        title: 'pilot-too-long: maxPilotDays from the settings',
        rules: ['pilot-too-long'],
        settings: { maxPilotDays: 91 },
        files: {
            'a.align': `program A "A" { sponsor "s" review monthly pilot 91 days from 2026-01-05 }\n`
                + `program B "B" { sponsor "s" review monthly\n  // expect: pilot-too-long\n  pilot 92 days from 2026-01-05 }\n`
        }
    },
    {
        title: 'deadline-outside-window: periods are dated on their last day (quarter end, leap February)',
        rules: ['deadline-outside-window'],
        files: {
            'a.align': `program Q "Q" { sponsor "s" review monthly window 2026-01-01 to 2026-03-31\n  metric InQ "InQ" { kind lagging target 2 by 2026-Q1 }\n}\n`
                + `program R "R" { sponsor "s" review monthly window 2026-01-01 to 2026-03-30\n  // expect: deadline-outside-window\n  metric OutQ "OutQ" { kind lagging target 2 by 2026-Q1 }\n}\n`
                + `program L "L" { sponsor "s" review monthly window 2028-01-01 to 2028-02-28\n  // expect: deadline-outside-window\n  metric Leap "Leap" { kind lagging target 2 by 2028-02 }\n}\n`
                + `program S "S" { sponsor "s" review monthly window 2026-01-15 to 2026-06-30\n  metric MonthEnd "MonthEnd" { kind lagging target 2 by 2026-01 }\n}\n`
        }
    },
    {
        title: 'too-many-kpis: at maxLaggingKpis is not more',
        rules: ['too-many-kpis'],
        settings: { maxLaggingKpis: 2 },
        files: {
            'a.align': `${kpi('L1')}\n${kpi('L2')}\n${kpi('L3')}\noutcome Two "Two" { measured by L1, L2 }\noutcome Three "Three" { measured by L1, L2, L3 }\n`
                + `program A "A" { sponsor "s" review monthly serves Two }\n// expect: too-many-kpis\nprogram B "B" { sponsor "s" review monthly serves Three }\n`
        }
    },
    {
        title: 'actuals-off-track: equal to the trajectory is on track, a hair worse is not (up and down)',
        rules: ['actuals-off-track'],
        // Global metrics: the line starts at the first actual (2026-01-31) and reaches the target on 2026-03-31, 59 days later.
        files: {
            'a.align': `metric Up "Up" { kind lagging direction up baseline 0 target 59 by 2026-03-31 }\nactuals Up {\n  2026-01: 0\n  2026-02: 28\n}\n`
                + `metric UpLate "UpLate" { kind lagging direction up baseline 0 target 59 by 2026-03-31 }\nactuals UpLate {\n  2026-01: 0\n  // expect: actuals-off-track\n  2026-02: 27.99\n}\n`
                + `metric Down "Down" { kind lagging direction down baseline 59 target 0 by 2026-03-31 }\nactuals Down {\n  2026-01: 59\n  2026-02: 31\n}\n`
                + `metric DownLate "DownLate" { kind lagging direction down baseline 59 target 0 by 2026-03-31 }\nactuals DownLate {\n  2026-01: 59\n  // expect: actuals-off-track\n  2026-02: 31.01\n}\n`
        }
    }
];

describe('rules at the boundaries of their wording', () => {
    for (const c of CASES) {
        it(c.title, async () => {
            const { findings } = await checkWorkspace(c.files, c.settings);
            const ours = findings.filter(f => c.rules.includes(f.rule));
            for (const [file, text] of Object.entries(c.files)) {
                assert.deepEqual(findingKeys(ours, file), expectedFindings(text), file);
            }
        });
    }
});

describe('findings say what to do', () => {
    const messagesOf = (findings: readonly TestFinding[], rule: string) => findings.filter(f => f.rule === rule).map(f => f.message);

    it('outcome-not-measurable says to fix the names when `measured by` names nothing that resolves', async () => {
        const { findings } = await checkWorkspace({ 'a.align': 'outcome Typos "Typos" { measured by ChurnRat }\noutcome Bare "Bare"\n' });
        assert.deepEqual(messagesOf(findings, 'outcome-not-measurable'), [
            'Outcome \'Typos\' is not measurable: no metric its `measured by` names resolves. Fix the names, or declare the KPIs that measure it.',
            'Outcome \'Bare\' is not measurable: add `measured by` naming the KPIs that measure it.'
        ]);
    });

    it('actuals-invalid tells how to fix a row, a cell or a file, after saying what is wrong', async () => {
        const { findings } = await checkWorkspace({
            'a.align': `metric M "M" { kind lagging direction up baseline 1 }\nactuals M {\n  2026-13: 1\n}\n`
                + 'actuals M from "missing.csv"\nactuals M from "../outside.csv"\nactuals M from "cells.csv"\nactuals M from "binary.csv"\n'
                + 'actuals M from "semicolons.csv"\nactuals M from "short.csv"\nactuals M from "quote.csv"\nactuals M from "twice.csv"\n',
            'cells.csv': 'period,value\n2026-01,x\n',
            'binary.csv': 'period,value\n\u0000\n',
            'semicolons.csv': 'period;value\n2026-01;1\n',
            'short.csv': 'period,value\n2026-01,1\n2026-02\n',
            'quote.csv': 'period,value\n2026-01,"1\n2026-02,2\n',
            'twice.csv': 'period,Value,value\n2026-01,1,2\n'
        });
        const byLine = new Map(findings.filter(f => f.rule === 'actuals-invalid').map(f => [f.line, f.message]));
        const says = (line: number, problem: string, fix: string) => {
            const message = byLine.get(line) ?? '';
            assert.ok(message.includes(problem), `line ${line}: ${message}`);
            assert.ok(message.endsWith(` ${fix}.`), `line ${line}: ${message}`);
        };
        says(3, 'period `2026-13` is not a real date', 'Write the period as YYYY-MM-DD, YYYY-MM, YYYY-Qn (1-4) or YYYY-Hn (1-2)');
        says(5, 'file "missing.csv" is missing', 'Fix the path (relative to this `.align` file), or create the file');
        says(6, 'is outside the workspace folder', 'Move the file into the workspace folder, and give its path relative to this `.align` file');
        says(7, 'line 2: value `x` is not a number or percentage', 'Write each row as a period (2026-03, 2026-Q1, 2026-03-31) and a number or percentage (12.5 or 12.5%)');
        says(8, 'is not a text file', 'Save it as a text CSV file: a header row `period,value`, then one row per period');
        const save = 'Save it as a text CSV file: a header row `period,value`, then one row per period';
        says(9, 'file "semicolons.csv" separates its columns with `;`, not commas (header row `period;value`)', save);
        says(10, 'file "short.csv" is not valid CSV: line 3 has 1 column, the header row 2', save);
        says(11, 'file "quote.csv" is not valid CSV: a quote `"` is never closed (the file ends inside a quoted cell)', save);
        says(12, 'file "twice.csv" has 2 `value` columns in its header row (columns 2, 3): keep one, or rename the others', save);
    });

    it('actuals-invalid adds nothing where the problem already says what to do', async () => {
        const { findings } = await checkWorkspace({ 'a.align': `metric M "M" { kind lagging direction up baseline 1 }\nactuals M {\n  2026-02: 1\n  2026-01: 2\n}\nactuals M {\n}\n` });
        assert.deepEqual(messagesOf(findings, 'actuals-invalid'), [
            'Actuals of \'M\': period 2026-01 does not come after 2026-02: periods must increase.',
            'Actuals of \'M\': has no rows: add `period: value` rows or `from "file.csv"`.'
        ]);
    });

    it('isolation-invalid names the problems and what to do about them', async () => {
        const { findings } = await checkWorkspace({
            'a.align': `metric K "K" { kind lagging unit count direction up baseline 1 target 2 by 2026-12-31 value 10 USD per unit }\noutcome O "O" { measured by K }\n`
                + 'program P "P" { serves O pilot 90 days from 2026-04-01 cost 100 USD\n  isolate K by estimate 101% confidence 80%\n}\n'
        });
        assert.deepEqual(messagesOf(findings, 'isolation-invalid'), [
            '`isolate K` in program \'P\' cannot attribute the change: the estimate 101% is outside 0-100%. Fix what is named, isolate by another method, or remove the `isolate`.'
        ]);
    });
});

describe('one finding for one bad actuals row', () => {
    it('a period that is no real date is actuals-invalid only (no second, syntax, finding on the same row), resolved metric or not', async () => {
        const { findings } = await checkWorkspace({
            'a.align': 'metric M "M" { kind lagging direction up baseline 1 }\nactuals M {\n  2026-01: 1\n  2026-02-30: 2\n}\nactuals Nope {\n  2026-13: 1\n}\n'
        });
        assert.deepEqual(findings.filter(f => f.line === 4 || f.line === 7).map(f => `${f.line} ${f.rule}`), ['4 actuals-invalid', '7 actuals-invalid']);
    });

    it('a deadline that is no real date is still a syntax error', async () => {
        const { findings } = await checkWorkspace({ 'a.align': 'metric M "M" { kind lagging direction up baseline 1 target 2 by 2026-02-30 }\n' });
        assert.ok(findings.some(f => f.rule === 'syntax' && f.message.startsWith('`2026-02-30` is not a real date')), JSON.stringify(findings));
    });
});

describe('an actuals block with no metric named', () => {
    it('has only its syntax error, no "Actuals of \'\'" finding (recovery after a keyword used as a name)', async () => {
        for (const text of ['skill actuals "x"\nmetric M "M" { kind activity }\n', 'actuals\nmetric M "M" { kind activity }\n']) {
            const { findings } = await checkWorkspace({ 'a.align': text });
            assert.ok(findings.some(f => f.rule === 'syntax'), JSON.stringify(findings));
            assert.ok(!findings.some(f => f.rule === 'actuals-invalid'), JSON.stringify(findings));
        }
    });
});
