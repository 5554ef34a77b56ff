/**
 * `align report --format md` beyond its tables: a trend line per KPI, the
 * impact chain as Mermaid within Mermaid's default limits (a summary
 * beyond them), and no emoji in either format.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { bigProgramAlign } from './golden/workspaces.js';
import { PILOT_DATE, report, section } from './report-helpers.js';
import { copyExamples, EXAMPLES, REPO_ROOT, removeTempDirs, requireBundle, tempDir, writeFile } from './run-cli.js';

describe('align report: trends, Mermaid, no emoji', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('gives each KPI one trend line: direction, the last three periods, which way is better, on track', () => {
        const text = report([]);
        const churn = section(report([], EXAMPLES, PILOT_DATE), '## Program: Churn reduction pilot (`ChurnPilot`)');
        assert.ok(churn.includes('- Repeat contact within 7 days (`ChurnPilot.RepeatContactRate`): falling \u2193, 17.1% (2026-01) \u2192 15.8% (2026-02) \u2192 14.1% (2026-03); lower is better; on track.'), churn);
        assert.ok(churn.includes('- Monthly logo churn (`ChurnRate`): no actuals yet.'));
        const bootcamp = section(text, '## Program: Consultative discovery bootcamp (`DiscoveryBootcamp`)');
        assert.ok(bootcamp.includes('(`DiscoveryBootcamp.PipelineHygiene`): rising \u2191, 58% (2026-07) \u2192 60% (2026-08) \u2192 61% (2026-09); higher is better; **off track**.'), bootcamp);
        const dir = tempDir();
        copyExamples(dir, '.');
        writeFile(dir, 'churn-actuals.align', 'actuals ChurnRate {\n  2025-10: 12.4%\n  2025-11: 12.2%\n  2025-12: 12%\n  2026-01: 12.3%\n  2026-02: 12.5%\n}\n');
        const longer = section(report([], dir, PILOT_DATE), '## Program: Churn reduction pilot (`ChurnPilot`)');
        assert.ok(longer.includes('- Monthly logo churn (`ChurnRate`): rising \u2191, 12% (2025-12) \u2192 12.3% (2026-01) \u2192 12.5% (2026-02); lower is better; **off track**.'), longer);
    });

    it('says a turn in the last three actuals as a turn: a spike is neither flat nor rising', () => {
        const dir = tempDir();
        const metric = (name: string) => `metric ${name} "${name}" {\n  kind lagging unit count direction up baseline 10 target 60 by 2026-12-31\n  source "s" owner "o" cadence monthly\n}\n`;
        const actuals = (name: string, values: number[]) => `actuals ${name} {\n${values.map((v, i) => `  2026-0${i + 1}: ${v}\n`).join('')}}\n`;
        const series: Record<string, number[]> = { Spike: [10, 10, 50, 10], Relapse: [10, 50, 12], Dip: [50, 10, 40], Steps: [10, 10, 50], Still: [10, 10, 10] };
        writeFile(dir, 'a.align', Object.entries(series).map(([name, values]) => metric(name) + actuals(name, values)).join('')
            + `outcome O "o" { measured by ${Object.keys(series).join(', ')} }\n`);
        const text = report([], dir, '2026-04-30');
        const move = (name: string) => new RegExp(`^- ${name} \\(\`${name}\`\\): ([^,]+),`, 'm').exec(text)?.[1];
        assert.equal(move('Spike'), 'up then down \u2191\u2193', '10 → 50 → 10 is not flat');
        assert.equal(move('Relapse'), 'up then down \u2191\u2193', '10 → 50 → 12 is not rising');
        assert.equal(move('Dip'), 'down then up \u2193\u2191');
        assert.equal(move('Steps'), 'rising \u2191', 'a step and a rest: rising');
        assert.equal(move('Still'), 'flat \u2192');
    });

    it('keeps the statuses\' legend but not the charts\' (it has no charts); HTML keeps both', () => {
        const text = report([]);
        assert.ok(!/<svg/.test(text), 'Markdown draws no chart');
        assert.ok(!text.includes('Reading the charts') && !text.includes('dotted line, diamond'), 'no legend of charts that are not there');
        assert.match(text, /^\*\*Statuses are as of 2026-09-30:\*\* once a KPI's deadline has passed/m, 'the statuses are still explained');
        const html = report(['--format', 'html']);
        assert.match(html, /<p class="muted"><strong>Reading the charts:<\/strong> [^<]*dotted line, diamond[^]*?<strong>Statuses are as of/);
    });

    it('draws each program\'s chain as Mermaid within Mermaid\'s default limits, and summarises a chain too large for it', () => {
        const text = report([]);
        const blocks = [...text.matchAll(/```mermaid\n([^]*?)\n```/g)].map(m => m[1]!);
        assert.equal(blocks.length, 4, 'one graph per program');
        for (const block of blocks) {
            assert.ok(block.startsWith('flowchart LR'));
            assert.ok(block.length <= 50_000 && (block.match(/-->|-\.->/g) ?? []).length <= 500);
        }
        const dir = tempDir();
        writeFile(dir, 'huge.align', bigProgramAlign(260));
        const huge = report([], dir);
        assert.ok(!huge.includes('```mermaid'), 'no Mermaid graph that Mermaid would refuse');
        assert.ok(huge.includes('The chain is too large for a Mermaid graph (521 links'), huge.slice(-2000));
        assert.ok(huge.includes('`align graph --focus Huge --format svg`'));
        assert.ok(huge.includes('| Objectives | 260 |'));
    });

    it('prints no emoji, in Markdown or HTML: states are words, icons are SVG shapes', () => {
        for (const cwd of [EXAMPLES, path.join(REPO_ROOT, 'examples')]) {
            for (const format of ['md', 'html']) {
                const text = report(['.', '--format', format], cwd);
                const emoji = text.match(/\p{Extended_Pictographic}/u);
                assert.equal(emoji, null, `${format} of ${cwd}: ${emoji?.[0]} at ${emoji?.index}`);
            }
        }
    });

    it('says why an empty review is empty: no program and no outcome in the files read, and what to do', () => {
        const dir = tempDir();
        writeFile(dir, 'empty.align', '// nothing yet\n');
        for (const format of ['md', 'html']) {
            const text = report(['--format', format], dir).replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/\*\*/g, '');
            assert.match(text, /Nothing to review: the file read declares no program and no outcome\. Write a program with `?align init NAME`?, or run the report in the folder that holds the programs' `?\.align`? files\./, format);
        }
        writeFile(dir, 'a.align', 'skill A "a"\n');
        assert.match(report([], dir), /the 2 files read declare no program and no outcome/);
        writeFile(dir, 'o.align', 'outcome O "o"\n');
        assert.doesNotMatch(report([], dir), /Nothing to review/, 'an outcome is something to review');
    });
});
