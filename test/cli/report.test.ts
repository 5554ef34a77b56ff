/**
 * `align report` through the built bundle: the Markdown review of the
 * examples (golden), its figures, ROI, outcomes no program serves, findings
 * outside programs, and the self-contained HTML page (checked in Chromium:
 * no request leaves the page).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchChromium } from '../../scripts/chromium.mjs';
import { assertGolden } from './golden/golden.js';
import { ATTRIBUTED, PILOT, pilotSource } from '../fixtures/attribution.js';
import { NASTY_ALIGN } from './golden/workspaces.js';
import { DATE, inlineSvgs, PILOT_DATE, report, section } from './report-helpers.js';
import { assertOneLineFailure, copyExamples, EXAMPLES, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';
import { parseXml } from './xml.js';

describe('align report', () => {
    before(requireBundle);
    after(removeTempDirs);

    describe('--format md (the default)', () => {
        it('prints the golden review of the examples', () => {
            const text = report([]);
            assert.equal(report(['--format', 'md']), text, 'md is the default format');
            assert.equal(report([]), text, 'the same output every time');
            assertGolden('report.md', text);
        });

        it('starts with the title, the date and the workspace alignment coverage', () => {
            const text = report([]);
            assert.ok(text.startsWith(`# Align impact review\n\n**Date:** ${DATE} · **Files:** 5 · **Programs:** 4\n`));
            assert.ok(text.includes('**Aligned 9/11 objectives (82%)** across the workspace'));
            assert.ok(text.includes('13 open findings: 4 errors, 5 warnings, 4 infos.'));
            assert.ok(text.includes('| Program | Serves | Aligned | KPIs on track | Errors | Warnings | Infos |'), 'the summary counts infos too');
            assert.ok(text.includes('| Consultative discovery bootcamp (`DiscoveryBootcamp`) | `GrowWinRate` | 3/5 (60%) | 0/1 | 2 | 2 | 2 |'));
            assert.ok(text.includes('| New-hire academy (`NewHireAcademy`) | `FasterRampUp` | 2/2 (100%) | — | 1 | 1 | 2 |'));
        });

        it('gives each program its outcomes with a KPI table: baseline, latest actual (period), target, deadline, progress, on track', () => {
            const churn = section(report([], EXAMPLES, PILOT_DATE), '## Program: Churn reduction pilot (`ChurnPilot`)');
            assert.ok(churn.includes('**Sponsor:** VP Customer Success · **Owner:** Service Academy · **Pilot:** 2026-01-05 to 2026-04-05 · **Review:** monthly · **Phase:** measure'));
            assert.ok(churn.includes('### Outcome: Reduce customer churn by two points (`ReduceChurn`)'));
            assert.ok(churn.includes('| KPI | Kind | Baseline | Latest actual (period) | Target | Deadline | Progress | Status |'));
            assert.ok(churn.includes('| Monthly logo churn (`ChurnRate`) | lagging | 12% | — | 10% | 2026-06-30 | — | no actuals yet |'));
            assert.ok(churn.includes('| Repeat contact within 7 days (`ChurnPilot.RepeatContactRate`) | leading | 18% | 14.1% (2026-03) | 14% | 2026-04-05 | 98% | on track |'));
            assert.ok(churn.includes('| Net promoter score (`NPS`) | leading | 31 | 35 (2026-03) | 38 | 2026-06-30 | 57% | on track |'));
            assert.ok(churn.includes('**Aligned 2/2 objectives (100%)** of this program\'s chain.'));
            assert.ok(churn.includes('### Open findings (0)\n\nNone.'));
            const bootcamp = section(report([]), '## Program: Consultative discovery bootcamp (`DiscoveryBootcamp`)');
            assert.ok(bootcamp.includes('| Opportunities with a next step and a close plan (`DiscoveryBootcamp.PipelineHygiene`) | leading | 55% | 61% (2026-09) | 80% | 2026-10-31 | 24% | **off track** |'));
            const ramp = section(report([], EXAMPLES, PILOT_DATE), '## Program: New-hire academy (`NewHireAcademy`)');
            assert.ok(ramp.includes('| Days until a new hire resolves tickets unaided (`TimeToProductivity`) | lagging | 45 days | — | 30 days | 2026-09-30 | — | no actuals yet |'));
        });

        it('lists the objectives without a KPI link, activity-only ones with their metrics', () => {
            const bootcamp = section(report([]), '## Program: Consultative discovery bootcamp (`DiscoveryBootcamp`)');
            assert.ok(bootcamp.includes('**Aligned 3/5 objectives (60%)** of this program\'s chain.'));
            assert.ok(bootcamp.includes('- List the product\'s features (`DiscoveryBootcamp.KnowTheProduct`): reaches no metric.'));
            assert.ok(bootcamp.includes('- Complete all eight e-learning modules (`DiscoveryBootcamp.CompleteModules`): reaches only activity or learning metrics (`CompletionRate`), which are not evidence of business impact.'));
        });

        it('counts the open findings of each program by rule, with their messages, as align check reports them', () => {
            const text = report([]);
            const check = JSON.parse(runCli(['check', '.', '--format', 'json'], { cwd: EXAMPLES }).stdout) as Array<{ file: string; line: number; column: number; rule: string; severity: string }>;
            const safety = section(text, '## Program: Lockout/tagout refresher (`LockoutTagout`)');
            assert.ok(safety.includes('### Open findings (3)'));
            assert.ok(safety.includes('| error | [`target-against-direction`](https://github.com/align-lang/align/blob/main/docs/rules/target-against-direction.md) | 1 |'), 'a finding on a global metric of the chain belongs to the program');
            for (const f of check) {
                assert.ok(text.includes(`\`${f.file}:${f.line}:${f.column}\``), `${f.rule} at ${f.file}:${f.line}:${f.column}`);
            }
            const bootcamp = section(text, '## Program: Consultative discovery bootcamp (`DiscoveryBootcamp`)');
            assert.ok(bootcamp.includes('### Open findings (6)'));
            assert.ok(bootcamp.includes('- `objective-without-kpi` (error, 1)\n  - `sales-win-rate.align:68:13` Objective \'KnowTheProduct\' reaches no metric.'));
        });

        it('says which ROI terms are missing', () => {
            const churn = section(report([]), '## Program: Churn reduction pilot (`ChurnPilot`)');
            assert.ok(churn.includes('ROI not shown: it needs the program\'s `cost` and an actual of ChurnRate.'));
            const safety = section(report([]), '## Program: Lockout/tagout refresher (`LockoutTagout`)');
            assert.ok(safety.includes('ROI not shown: it needs the program\'s `cost` and a `value ... per point` on a KPI of the chain.'));
        });

        it('shows Phillips ROI and BCR when the cost and the values are known', () => {
            const dir = tempDir();
            copyExamples(dir, '.');
            const file = path.join(dir, 'churn-pilot.align');
            fs.writeFileSync(file, fs.readFileSync(file, 'utf-8').replace('  phase measure\n', '  phase measure\n  cost 9000 USD\n'));
            writeFile(dir, 'churn-actuals.align', 'actuals ChurnRate {\n  2026-01: 11.5%\n  2026-02: 11%\n}\n');
            const churn = section(report([], dir), '## Program: Churn reduction pilot (`ChurnPilot`)');
            // benefit = |11 - 12| points x 18,000 USD = 18,000 USD; ROI = (18,000 - 9,000) / 9,000 = 100%; BCR = 2
            assert.ok(churn.includes('**ROI 100%** · **BCR 2.00** (Phillips: attributed benefit 18,000 USD, cost 9,000 USD;'), churn);
            assert.ok(churn.includes('| Monthly logo churn (`ChurnRate`) | lagging | 12% | 11% (2026-02) | 10% | 2026-06-30 | 50% |'));
        });

        it('gives each program an attribution table: KPI, method, raw and attributed change, value, benefit', () => {
            const { baseline, latest, share, confidence, value, cost } = PILOT;
            const attributed = ATTRIBUTED;
            const dir = tempDir();
            writeFile(dir, 'pilot.align', pilotSource('inline'));
            const pilot = section(report([], dir), '## Program: Pilot (`Pilot`)');
            const money = (n: number) => `${n.toLocaleString('en-US')} USD`;
            const roi = (benefit: number) => `${((benefit - cost) / cost * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
            assert.ok(pilot.includes('| KPI | Method | Raw change | Attributed change | Value | Benefit |'), pilot);
            assert.ok(pilot.includes(`| Sales (\`Sales\`) | estimate ${share}%, confidence ${confidence}% | +${latest - baseline} | +${attributed} | ${money(value)} per point of change | ${money(attributed * value)} (raw ${money((latest - baseline) * value)}) |`), pilot);
            assert.ok(pilot.includes(`**ROI ${roi(attributed * value)}** · **BCR ${(attributed * value / cost).toFixed(2)}** (Phillips: attributed benefit ${money(attributed * value)}, cost ${money(cost)};`), pilot);
            assert.ok(pilot.includes(`would give ROI ${roi((latest - baseline) * value)} · BCR ${((latest - baseline) * value / cost).toFixed(2)} (benefit ${money((latest - baseline) * value)})`), pilot);
        });

        it('gives outcomes that no program serves their own section, and lists findings outside programs', () => {
            const dir = tempDir();
            copyExamples(dir, '.');
            writeFile(dir, 'orphan.align', [
                'outcome ShorterQueues "Shorter support queues" {', '  measured by QueueTime', '  owner "Head of Support"', '}', '',
                'metric QueueTime "Median time in queue" {', '  kind lagging', '  unit minutes', '  direction down', '  baseline 30', '  target 20 by 2026-12-31',
                '  source "Zendesk"', '  owner "Support Ops"', '  cadence weekly', '}', '',
                'metric Unused "Nobody uses this" {', '  kind activity', '}', ''
            ].join('\n'));
            const text = report([], dir);
            const orphans = section(text, '## Outcomes not served by any program');
            assert.ok(orphans.includes('### Outcome: Shorter support queues (`ShorterQueues`)'));
            assert.ok(orphans.includes('**Owner:** Head of Support'));
            assert.ok(orphans.includes('| Median time in queue (`QueueTime`) | lagging | 30 minutes | — | 20 minutes | 2026-12-31 | — | no actuals yet |'));
            const other = section(text, '## Findings outside any program');
            assert.ok(other.includes('`metric-unused`'), other);
            assert.ok(other.includes('`orphan.align:17:8`'), other);
            assert.ok(!report([]).includes('## Outcomes not served by any program'), 'no such section when every outcome is served');
        });

        it('escapes Markdown in titles', () => {
            const dir = tempDir();
            writeFile(dir, 'n.align', NASTY_ALIGN);
            const text = report([], dir);
            assert.ok(text.includes('### Outcome: Say "hi" \\#\u20601 \\<b\\>bold\\</b\\> \\[x\\] {y} (z) \\| a; b \\& c \\`x\\` %% d \\\\ e \\<script\\>alert(1)\\</script\\> (`end`)'));
            assert.ok(!/<script>/.test(text));
        });
    });

    describe('--format html', () => {
        it('is one self-contained page: inline styles and SVG, no script, no external reference', () => {
            const html = report(['--format', 'html']);
            assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">'));
            assert.ok(html.trimEnd().endsWith('</html>'));
            assert.match(html, /<style>[\s\S]+<\/style>/);
            assert.ok(!/<script\b/i.test(html), 'no script');
            assert.ok(!/<link\b/i.test(html), 'no stylesheet link');
            assert.ok(!/\bsrc\s*=/i.test(html), 'nothing is loaded from anywhere');
            const hrefs = [...html.matchAll(/<(\w+)[^>]*\bhref="([^"]*)"/g)];
            assert.ok(hrefs.length > 0);
            for (const [, tag, href] of hrefs) {
                assert.equal(tag, 'a', 'only links have an href');
                assert.match(href!, /^(?:https:\/\/github\.com\/align-lang\/align\/blob\/main\/docs\/rules\/[a-z-]+\.md|#[a-z0-9-]+)$/, 'links go to the rule pages or within the page');
            }
            assert.ok(!/url\(\s*["']?(?:https?:)?\/\//i.test(html), 'no remote url() in styles');
            assert.ok(!/@import/i.test(html));
            assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
        });

        it('holds the figures of the Markdown review and one inline SVG impact chain per program', () => {
            const html = report(['--format', 'html']);
            assert.ok(html.includes(`<title>Align impact review, ${DATE}</title>`));
            assert.ok(html.includes('<strong>Aligned 9/11 objectives (82%)</strong>'));
            assert.ok(html.includes('<td class="right" data-label="Latest actual (period)">14.1% (<span class="date" style="white-space: nowrap">2026-03</span>)</td>'));
            assert.ok(html.includes(`<strong>Statuses are as of <span class="date" style="white-space: nowrap">${DATE}</span>:</strong>`), 'the report\'s date never breaks at a hyphen either');
            assert.match(html, /<span class="status status-off"><svg class="icon" width="12" height="12" viewBox="0 0 12 12" fill="#c5221f" aria-hidden="true" focusable="false">[^]*?<\/svg>off track<\/span>/);
            assert.ok(html.includes('ROI not shown: it needs the program&#39;s <code dir="ltr">cost</code> and an actual of ChurnRate.'));
            const svgs = inlineSvgs(html);
            for (const svg of svgs) parseXml(svg);
            assert.equal(svgs.filter(svg => svg.includes('class="align-graph"')).length, 4, 'one drawing per program');
            // The fixture's KPIs with actuals: NPS and RepeatContactRate (ChurnPilot), PipelineHygiene (DiscoveryBootcamp).
            assert.equal(svgs.filter(svg => svg.includes('class="align-chart kpi-chart')).length, 6, 'a chart per KPI with actuals, and each again narrower for a phone');
            assert.equal(html.match(/<div class="scroll view-kpi-wide"[^>]*><svg[^>]* class="align-chart kpi-chart/g)?.length, 3, 'a chart per KPI with actuals');
            assert.equal(html.match(/<div class="scroll view-kpi-narrow"[^>]*><svg[^>]* class="align-chart kpi-chart/g)?.length, 3, 'the same for a phone');
            assert.ok(html.includes('<figcaption>Impact chain of program ChurnPilot</figcaption>'));
            const ids = svgs.map(svg => [...svg.matchAll(/\sid="([^"]+)"/g)].map(m => m[1])).flat();
            assert.equal(new Set(ids).size, ids.length, 'element ids are unique across the drawings');
        });

        it('escapes every text', () => {
            const dir = tempDir();
            writeFile(dir, 'n.align', NASTY_ALIGN);
            const html = report(['--format', 'html'], dir);
            assert.ok(!/<script\b/i.test(html), 'no script from titles');
            assert.ok(!html.includes('<b>bold</b>'));
            assert.ok(html.includes('Say &quot;hi&quot; #1 &lt;b&gt;bold&lt;/b&gt;'));
            for (const svg of inlineSvgs(html)) parseXml(svg);
        });

        it('opens in Chromium without a single request besides the page, and shows its drawings', async function () {
            this.timeout(60_000);
            const dir = tempDir();
            const file = path.join(dir, 'review.html');
            const result = runCli(['report', '.', '--format', 'html', '--date', DATE, '--output', file], { cwd: EXAMPLES });
            assert.equal(result.status, 0, result.stderr);
            assert.equal(result.stdout, '');
            const browser = await launchChromium();
            try {
                const page = await browser.newPage();
                const requests: string[] = [];
                const problems: string[] = [];
                page.on('request', r => requests.push(r.url()));
                page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
                page.on('pageerror', e => problems.push(e.message));
                await page.goto(`file://${file}`);
                assert.deepEqual(requests, [`file://${file}`]);
                assert.deepEqual(problems, []);
                const drawn = await page.evaluate('[...document.querySelectorAll("figure.graph svg")].map(s => [s.getBoundingClientRect().width, s.querySelectorAll("g.node").length])') as Array<[number, number]>;
                assert.equal(drawn.length, 4);
                for (const [width, nodes] of drawn) assert.ok(width > 100 && nodes > 0, `a drawn chain: ${width}px, ${nodes} nodes`);
            } finally {
                await browser.close();
            }
        });
    });

    describe('options', () => {
        it('--date defaults to today (local time)', () => {
            const result = runCli(['report'], { cwd: EXAMPLES });
            assert.equal(result.status, 0);
            const now = new Date();
            const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
            assert.ok(result.stdout.includes(`**Date:** ${today} ·`));
        });

        it('--output writes the file and prints nothing', () => {
            const file = path.join(tempDir(), 'review.md');
            const result = runCli(['report', '--date', DATE, '--output', file], { cwd: EXAMPLES });
            assert.equal(result.status, 0, result.stderr);
            assert.equal(result.stdout, '');
            assert.equal(fs.readFileSync(file, 'utf-8'), report([]));
        });

        it('is a usage error (exit 2, one line) for a bad date or format', () => {
            for (const date of ['2026-4-1', 'today']) assertOneLineFailure(runCli(['report', '--date', date], { cwd: EXAMPLES }), `--date: expected a date YYYY-MM-DD, not '${date}'`);
            assertOneLineFailure(runCli(['report', '--date', '2026-02-30'], { cwd: EXAMPLES }), "--date: '2026-02-30' is not a real date; give a day that exists, YYYY-MM-DD");
            assertOneLineFailure(runCli(['report', '--format', 'pdf'], { cwd: EXAMPLES }), "--format: unknown format 'pdf' (use md, html)");
        });

        it('reports a binary .align file as its syntax finding, exit 0 (bad-input.test.ts)', () => {
            const dir = tempDir();
            writeFile(dir, 'bin.align', Buffer.from([0, 1, 2, 3]));
            const result = runCli(['report', '--format', 'md'], { cwd: dir });
            assert.equal(result.status, 0, result.stderr);
            assert.match(result.stdout, /`bin\.align:1:1` This file is binary \(a NUL byte on line 1\), not Align source/);
        });

        it('exits 0 although the examples have errors (the findings are its content)', () => {
            assert.equal(runCli(['report', '--date', DATE], { cwd: EXAMPLES }).status, 0);
        });
    });
});
