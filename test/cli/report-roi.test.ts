/**
 * `align report` through the built bundle: the ROI table of each program
 * marks the KPIs whose change another program's ROI counts too (from the
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
        assert.ok(html.includes('also counted by <a href="#program-b">Program B (<code>B</code>)</a>'), 'A names B');
        assert.ok(html.includes('data-label="Benefit">20,000&nbsp;USD, shared</td>'));
    });

    it('says what a unit of change is worth in the KPI\'s unit, and rounds computed money to whole units', () => {
        const c = section(report([], dir), '## Program: Program C (`C`)');
        // 4,000 x 12.34% = 493.6 USD attributed, printed whole; 493.6 x 24 = 11,846.4 USD.
        assert.ok(c.includes('| Deal size (`Deal`) | estimate 12.34%, confidence 100% | +4,000 USD | +494 USD | 24 USD per USD of change | 11,846 USD (raw 96,000 USD) |'), c);
        assert.ok(c.includes('| KPI | Method | Raw change | Attributed change | Value | Benefit |'), c);
    });
});
