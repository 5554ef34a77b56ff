/**
 * `align report` through the built bundle: each KPI's value and benefit in
 * the attribution table are in the KPI's own currency (its `value`), in
 * Markdown and HTML, whatever the program's `cost` is written in, and with
 * no `cost` at all.
 */
import assert from 'node:assert/strict';
import { report, section } from './report-helpers.js';
import { removeTempDirs, requireBundle, tempDir, writeFile } from './run-cli.js';

/** `Paid` costs USD, its KPI `Lead` is valued in EUR; `Unpaid` has no `cost`; both count `Won`, valued in USD. */
const SOURCE = `
outcome Grow "Grow" { measured by Won }
metric Won "Deals won" { kind lagging unit count direction up baseline 0 target 100 by 2026-12-31 source "CRM" owner "Ops" cadence monthly value 18000 USD per point }
actuals Won { 2026-01: 3 }
program Paid "Paid in USD" {
  sponsor "VP"
  serves Grow
  pilot 100 days from 2026-01-01
  review monthly
  cost 1000 USD
  metric Lead "Qualified leads" { kind leading unit count direction up baseline 0 target 100 by 2026-04-10 source "CRM" owner "Ops" cadence monthly drives Won value 5 EUR per point }
  isolate Lead by estimate 50% confidence 100%
  skill S "s"
  behavior B "b" { enabled by S moves Lead observed by coach }
  objective O "o" { builds S practice case "c" }
  actuals Lead { 2026-02: 28 }
}
program Unpaid "Without cost" {
  sponsor "VP"
  serves Grow
  pilot 100 days from 2026-01-01
  review monthly
}
`;

describe('align report: the currency of attributed figures', () => {
    before(requireBundle);
    after(removeTempDirs);
    let dir: string;
    before(() => {
        dir = tempDir();
        writeFile(dir, 'money.align', SOURCE);
    });

    it('Markdown: a KPI valued in EUR keeps EUR beside a cost in USD, and USD stays without a cost', () => {
        const text = report([], dir);
        const paid = section(text, '## Program: Paid in USD (`Paid`)');
        assert.ok(paid.includes('ROI not shown: missing Lead: value in EUR, cost in USD.'), paid);
        assert.ok(paid.includes('| Qualified leads (`Paid.Lead`) | estimate 50%, confidence 100% | +28 | +14 | 5 EUR | 70 EUR (raw 140 EUR) |'), paid);
        assert.ok(paid.includes('| Deals won (`Won`) | not isolated | +3 | +3 | 18,000 USD | 54,000 USD |'), paid);
        const unpaid = section(text, '## Program: Without cost (`Unpaid`)');
        assert.ok(unpaid.includes('| Deals won (`Won`) | not isolated | +3 | +3 | 18,000 USD | 54,000 USD |'), unpaid);
        assert.ok(!/\b5 USD|70 USD|140 USD/.test(text), 'no EUR figure relabelled USD');
    });

    it('HTML: the same cells', () => {
        const html = report(['--format', 'html'], dir);
        const cells = [...html.matchAll(/data-label="Value per unit">([^<]*)<\/td><td class="right" data-label="Benefit">([^<]*)</g)].map(m => `${m[1]} | ${m[2]}`);
        assert.deepEqual(cells, [
            '18,000&nbsp;USD | 54,000&nbsp;USD',
            '5&nbsp;EUR | 70&nbsp;EUR (raw 140&nbsp;EUR)',
            '18,000&nbsp;USD | 54,000&nbsp;USD'
        ]);
    });
});
