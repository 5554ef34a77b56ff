/**
 * `align report` through the built bundle: a program whose chain has no KPI
 * says "no KPIs" at a glance (Markdown and HTML), not "all 0 KPIs known".
 */
import assert from 'node:assert/strict';
import { report } from './report-helpers.js';
import { removeTempDirs, requireBundle, tempDir, writeFile } from './run-cli.js';

const SOURCE = `outcome O "Outcome with no KPI"
program P "Program with no KPIs" {
  serves O
  skill S "Skill"
  behavior B "Beh" { enabled by S observed by manager }
  objective Obj "Objective" { builds S practice case "c" }
}
`;

describe('align report: a program with no KPIs', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('says "no KPIs" at a glance, in Markdown and HTML', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', SOURCE);
        const md = report([], dir, '2026-03-01');
        assert.ok(md.includes('**KPIs on track:** — (no KPIs)'), md);
        const html = report(['--format', 'html'], dir, '2026-03-01');
        assert.match(html, /<div class="glance-label">KPIs on track<\/div><div class="glance-value">.*?—<\/div><div class="glance-note">no KPIs<\/div>/);
        assert.ok(!/all 0 KPIs/.test(md + html));
    });
});
