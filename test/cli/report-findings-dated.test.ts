/**
 * `align report --date` (and `align graph --date`): the findings are judged
 * on the same actuals as the figures, those up to the date. An actual dated
 * after it is left out of the findings too (a report of 31 March did list
 * an off-track finding from September beside "no actuals yet").
 */
import assert from 'node:assert/strict';
import { removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

/** Lead is on its trajectory in March, off it in September. */
const SOURCE = `metric Lead "Lead" { kind leading unit percent direction up baseline 55% target 80% by 2026-10-31 source "s" owner "o" cadence monthly }
outcome O "o" { measured by Lead }
actuals Lead {
  2026-01: 56%
  2026-03: 62%
  2026-09: 61%
}
`;

describe('align report --date: findings as of the date', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('leaves out a finding that only a later actual gives, and keeps it on a later date', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', SOURCE);
        const check = JSON.parse(runCli(['check', '.', '--format', 'json'], { cwd: dir }).stdout) as Array<{ rule: string }>;
        assert.ok(check.some(f => f.rule === 'actuals-off-track'), 'align check judges the latest actual, September');

        const march = runCli(['report', '.', '--date', '2026-03-31'], { cwd: dir });
        assert.equal(march.status, 0, march.stderr);
        assert.ok(march.stdout.includes('1 actual dated after 2026-03-31 is left out'), march.stdout);
        assert.ok(!march.stdout.includes('actuals-off-track'), march.stdout);
        const september = runCli(['report', '.', '--date', '2026-09-30'], { cwd: dir });
        assert.match(september.stdout, /`actuals-off-track` \(warning, 1\)/);

    });
});
