/**
 * `align report` through the built bundle: a KPI's progress never reads
 * 100% unless its target is reached (199.6 of 200 under "deadline passed"
 * reads 99%, in the table, the impact chain's box and `align graph
 * --date`), nor 0% once it has moved (0.6 of 200 reads 1%).
 */
import assert from 'node:assert/strict';
import { report } from './report-helpers.js';
import { removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const source = (latest: number): string => `outcome O "More near-miss reports" { measured by NearMiss }
metric NearMiss "Near-miss reports per quarter" {
  kind lagging unit count direction up
  baseline 0 target 200 by 2026-03-31
  cadence monthly
}
program P "Safety pilot" { serves O window 2026-01-01 to 2026-03-31 }
actuals NearMiss { 2026-01: 0  2026-03: ${latest} }
`;

describe('align report: progress in whole percent, never a bound it did not reach', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('199.6 of 200 after the deadline: 99% beside "deadline passed", not 100%', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', source(199.6));
        const md = report([], dir, '2026-04-10');
        assert.ok(md.includes('| 0 | 199.6 (2026-03) | 200 | 2026-03-31 | 99% | **deadline passed** |'), md);
        assert.ok(md.includes('deadline passed · 99% of the way'), 'the chain box');
        assert.ok(!md.includes('100%'), 'no 100% anywhere');
        const body = report(['--format', 'html'], dir, '2026-04-10').split('<body>')[1]!;
        assert.ok(!body.includes('100%') && body.includes('data-label="Progress">99%</td>'), 'HTML: 99%');
        const graph = runCli(['graph', '--date', '2026-04-10'], { cwd: dir });
        assert.equal(graph.status, 0, graph.stderr);
        assert.ok(graph.stdout.includes('deadline passed · 99% of the way'), graph.stdout);
    });

    it('200 of 200: 100% beside "target met"', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', source(200));
        const md = report([], dir, '2026-04-10');
        assert.ok(md.includes('| 100% | target met |'), md);
    });

    it('0.6 of 200: 1% of the way, not 0%', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', source(0.6));
        const md = report([], dir, '2026-04-10');
        assert.ok(md.includes('| 0 | 0.6 (2026-03) | 200 | 2026-03-31 | 1% | **deadline passed** |'), md);
    });
});
