/**
 * `align report` through the built bundle: the ROI table of each program
 * marks the KPIs whose change another program counts a benefit for too (from the
 * impact graph's attribution of every program), says what a unit of each
 * KPI's change is worth in that KPI's unit, and rounds computed money to
 * whole units; in Markdown and HTML.
 */
import assert from 'node:assert/strict';
import { report, section } from './report-helpers.js';
import { removeTempDirs, requireBundle, tempDir, writeFile } from './run-cli.js';

/**
 * Sales (+20 points, 1,000 USD a point) is counted whole by A and half by B;
 * Deal (+4,000 USD, 24 USD per USD) only by C, which isolates 12.34% of it:
 * 493.6 USD, worth 11,846.4 USD.
 */
const SHARED_SOURCE = `metric Sales "Sales" {
  kind lagging unit count direction up baseline 100 target 150 by 2026-12-31
  source "CRM" owner "Ops" cadence monthly value 1000 USD per point
}
metric Deal "Deal size" {
  kind lagging unit currency USD direction up baseline 42000 target 48000 by 2026-12-31
  source "CRM" owner "Ops" cadence monthly value 24 USD per unit
}
outcome More "More sales" { measured by Sales }
outcome Bigger "Bigger deals" { measured by Deal }
program A "Program A" { sponsor "CRO" review monthly serves More }
program B "Program B" {
  sponsor "CRO" review monthly serves More
  isolate Sales by estimate 50% confidence 100%
}
program C "Program C" {
  sponsor "CRO" review monthly serves Bigger
  isolate Deal by estimate 12.34% confidence 100%
}
actuals Sales {
  2026-01: 110
  2026-02: 120
}
actuals Deal {
  2026-01: 43000
  2026-02: 46000
}
`;

describe('align report: the ROI table', () => {
    before(requireBundle);
    after(removeTempDirs);
    let dir: string;
    before(() => {
        dir = tempDir();
        writeFile(dir, 'programs.align', SHARED_SOURCE);
    });

    it('marks a KPI whose change another program counts too, naming the programs and what to do', () => {
        const text = report([], dir);
        const a = section(text, '## Program: Program A (`A`)');
        assert.ok(a.includes('| Sales (`Sales`) | not isolated | +20 | +20 | 1,000 USD per point of change | 20,000 USD, shared |'), a);
        assert.ok(a.includes('- Sales (`Sales`): also counted by Program B (`B`); this program counts all of it: isolate it (`isolate Sales by trend`, `control-group` or `estimate`) so that each program counts its part.'), a);
        const b = section(text, '## Program: Program B (`B`)');
        assert.ok(b.includes('| Sales (`Sales`) | estimate 50%, confidence 100% | +20 | +10 | 1,000 USD per point of change | 10,000 USD (raw 20,000 USD), shared |'), b);
        assert.ok(b.includes('- Sales (`Sales`): also counted by Program A (`A`); add the benefits only if the programs\' isolated parts do not overlap.'), b);
        const c = section(text, '## Program: Program C (`C`)');
        assert.ok(!c.includes(', shared') && !c.includes('also counted by'), 'a KPI no other program counts is not marked');
    });

    it('HTML: the note links to the other programs\' sections', () => {
        const html = report(['--format', 'html'], dir);
        assert.ok(html.includes('also counted by <a href="#program-b"><bdi>Program B</bdi> (<code dir="ltr">B</code>)</a>'), 'A names B');
        assert.ok(html.includes('data-label="Benefit">20,000&nbsp;USD, shared</td>'));
    });

    it('says what a unit of change is worth in the KPI\'s unit, and rounds computed money to whole units', () => {
        const c = section(report([], dir), '## Program: Program C (`C`)');
        // 4,000 x 12.34% = 493.6 USD attributed, printed whole; 493.6 x 24 = 11,846.4 USD.
        assert.ok(c.includes('| Deal size (`Deal`) | estimate 12.34%, confidence 100% | +4,000 USD | +494 USD | 24 USD per USD of change | 11,846 USD (raw 96,000 USD) |'), c);
        assert.ok(c.includes('| KPI | Method | Raw change | Attributed change | Value | Benefit |'), c);
    });
});

/**
 * Churn (-0.9 points, 10,000 USD a point) is counted whole by Gamma (with a
 * cost: its ROI is shown) and in Beta's table (no cost: no ROI); Alpha
 * isolates it by a control group declared outside Alpha, whose own finding
 * (a target against its direction) is Alpha's ROI's problem. Rate falls
 * 0.2 points as its control group does: the attributed change is 0 (a
 * difference of decimals, 2.8e-17).
 */
const CONTROL_SOURCE = `metric Churn "Churn" {
  kind lagging unit percent direction down baseline 5% target 3% by 2026-12-31
  source "s" owner "o" cadence monthly value 10000 USD per point
}
metric ChurnControl "Churn of the untrained teams" {
  kind lagging unit count direction down baseline 5 target 7 by 2026-12-31
  source "s" owner "o" cadence monthly
}
metric Rate "Rate" {
  kind lagging unit percent direction down baseline 0.3% target 0.1% by 2026-12-31
  source "s" owner "o" cadence monthly value 100 USD per point
}
metric RateControl "Rate of the untrained teams" {
  kind lagging unit percent direction down baseline 0.2%
  source "s" owner "o" cadence monthly
}
outcome Less "Less churn" { measured by Churn }
outcome Lower "Lower rate" { measured by Rate }
program Alpha "Alpha" {
  sponsor "S" review monthly serves Less cost 5000 USD
  isolate Churn by control-group ChurnControl
}
program Beta "Beta" { sponsor "S" review monthly serves Less }
program Gamma "Gamma" {
  sponsor "S" review monthly serves Less cost 8000 USD
  isolate Churn by estimate 100% confidence 100%
}
program Delta "Delta" {
  sponsor "S" review monthly serves Lower cost 10 USD
  isolate Rate by control-group RateControl
}
actuals Churn {
  2026-01: 4.8%
  2026-02: 4.1%
}
actuals Rate {
  2026-01: 0.2%
  2026-02: 0.1%
}
actuals RateControl {
  2026-01: 0.1%
  2026-02: 0%
}
`;

describe('align report: shared changes and control groups', () => {
    before(requireBundle);
    after(removeTempDirs);
    let text: string;
    before(() => {
        const dir = tempDir();
        writeFile(dir, 'programs.align', CONTROL_SOURCE);
        text = report([], dir);
    });

    it('says that a program named as sharing a change may count it in its table alone (no cost: no ROI)', () => {
        const header = '**Shared changes:** other programs count a benefit for the change of these KPIs too, in their ROI or (when it is not shown) in their table; do not add their benefits up.';
        const beta = section(text, '## Program: Beta (`Beta`)');
        assert.ok(beta.includes('ROI not shown: it needs the program\'s `cost`.'), beta);
        assert.ok(beta.includes(header) && beta.includes('- Churn (`Churn`): also counted by Gamma (`Gamma`); this program counts all of it'), beta);
        const gamma = section(text, '## Program: Gamma (`Gamma`)');
        assert.ok(gamma.includes(header) && gamma.includes('- Churn (`Churn`): also counted by Beta (`Beta`); add the benefits only if'), gamma);
        assert.ok(!text.includes('ROI counts the change'), 'no program without an ROI is said to count the change in it');
    });

    it('lists a control group\'s own finding with the program that isolates by it, not outside every program', () => {
        const alpha = section(text, '## Program: Alpha (`Alpha`)');
        assert.match(alpha, /^ {2}- `programs\.align:6:\d+` Metric 'ChurnControl' has target 7 worse than its baseline 5/m);
        assert.match(alpha, /\*\*Open findings:\*\* 3 \(2 errors, /, 'the isolate\'s error and the control group\'s');
        assert.match(section(text, '## Summary'), /^\| Alpha \(`Alpha`\) \| `Less` \| [^|]+ \| [^|]+ \| 2 \|/m, 'the summary counts it too');
        assert.ok(!text.includes('## Findings outside any program'), text.slice(-1500));
    });

    it('signs a change that prints as 0 with ±, not + or −', () => {
        const delta = section(text, '## Program: Delta (`Delta`)');
        assert.ok(delta.includes('| Rate (`Rate`) | control group RateControl | −0.2 points | ±0 points |'), delta);
    });
});
