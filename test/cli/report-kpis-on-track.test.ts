/**
 * `align report` through the built bundle: "KPIs on track" at a glance
 * reads as a count of the KPIs whose status is known (`1 of 1`), names
 * those not known yet only when there are some, and is worded for one KPI
 * as for several, in Markdown and HTML.
 */
import assert from 'node:assert/strict';
import { report } from './report-helpers.js';
import { removeTempDirs, requireBundle, tempDir, writeFile } from './run-cli.js';
import { DATED_ACTUALS, DATED_KPIS } from './dated-kpis.js';

/** A program measured by one KPI, Churn: on track in April 2026, not known before its first actual. */
const ONE_KPI = `outcome Keep "Keep customers" {
  measured by Churn
  owner "COO"
}
${DATED_KPIS}program Pilot "Churn pilot" {
  sponsor "VP" review monthly serves Keep
  pilot 90 days from 2026-01-05
}
${DATED_ACTUALS}`;

/** The "KPIs on track" item of the HTML glance: its value and note (empty when it has none). */
function htmlGlance(html: string): [string, string] {
    const item = /<div class="glance-label">KPIs on track<\/div><div class="glance-value">(?:<svg[^]*?<\/svg>)?(?:<span class="visually-hidden"[^>]*>[^<]*<\/span>)?([^<]*)<\/div>(?:<div class="glance-note">([^<]*)<\/div>)?<\/div>/.exec(html);
    assert.ok(item, 'the glance has a KPIs on track item');
    return [item[1]!, item[2] ?? ''];
}

/** The report of {@link ONE_KPI} dated `date`: its Markdown, and the value and note of the HTML item. */
function reportsAt(date: string): { md: string; html: [string, string] } {
    const dir = tempDir();
    writeFile(dir, 'pilot.align', ONE_KPI);
    return { md: report([], dir, date), html: htmlGlance(report(['--format', 'html'], dir, date)) };
}

describe('align report: KPIs on track at a glance', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('one KPI, known: "1 of 1", with no note on KPIs not known', () => {
        const { md, html } = reportsAt('2026-04-15');
        assert.ok(md.includes('**KPIs on track:** 1 of 1 · '), md);
        assert.deepEqual(html, ['1 of 1', '']);
    });

    it('one KPI, not known yet: says so in the singular', () => {
        const { md, html } = reportsAt('2025-12-01');
        assert.ok(md.includes('**KPIs on track:** — (1 KPI, not known yet) · '), md);
        assert.deepEqual(html, ['—', '1 KPI, not known yet']);
    });
});
