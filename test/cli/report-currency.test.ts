/**
 * `align report` through the built bundle: each KPI's value and benefit in
 * the attribution table are in the KPI's own currency (its `value`), in
 * Markdown and HTML, whatever the program's `cost` is written in, and with
 * no `cost` at all (both programs count `Won`: shared).
 */
import assert from 'node:assert/strict';
import { report, section } from './report-helpers.js';
import { removeTempDirs, requireBundle, tempDir, writeFile } from './run-cli.js';
import { currenciesSource } from '../fixtures/currencies.js';

const SOURCE = currenciesSource({ value: 18000, actual: 3 });

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
        assert.ok(paid.includes("ROI not shown: it needs Lead's value in USD, the cost's currency (it is in EUR)."), paid);
        assert.ok(paid.includes('| Qualified leads (`Paid.Lead`) | estimate 50%, confidence 100% | +28 | +14 | 5 EUR per point of change | 70 EUR (raw 140 EUR) |'), paid);
        assert.ok(paid.includes('| Deals won (`Won`) | not isolated | +3 | +3 | 18,000 USD per point of change | 54,000 USD, shared |'), paid);
        const unpaid = section(text, '## Program: Without cost (`Unpaid`)');
        assert.ok(unpaid.includes('| Deals won (`Won`) | not isolated | +3 | +3 | 18,000 USD per point of change | 54,000 USD, shared |'), unpaid);
        assert.ok(!/\b5 USD|70 USD|140 USD/.test(text), 'no EUR figure relabelled USD');
    });

    it('HTML: the same cells', () => {
        const html = report(['--format', 'html'], dir);
        const cells = [...html.matchAll(/data-label="Value">([^<]*)<\/td><td class="right" data-label="Benefit">([^<]*)</g)].map(m => `${m[1]} | ${m[2]}`);
        assert.deepEqual(cells, [
            '18,000&nbsp;USD per point of change | 54,000&nbsp;USD, shared',
            '5&nbsp;EUR per point of change | 70&nbsp;EUR (raw 140&nbsp;EUR)',
            '18,000&nbsp;USD per point of change | 54,000&nbsp;USD, shared'
        ]);
    });
});
