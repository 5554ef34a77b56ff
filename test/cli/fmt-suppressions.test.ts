/** `align fmt` through the built bundle leaves what `// align-disable-next-line` hides hidden. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFindings, removeTempDirs, requireBundle, runCli, tempDir, unwrapped, writeFile } from './run-cli.js';

function findingsOf(dir: string): string[] {
    const result = runCli(['check', '.', '--format', 'json'], { cwd: dir });
    return parseFindings(result.stdout).map(f => `${f.file} ${f.rule} ${f.message}`).sort();
}

const SUPPRESSED = `program P "P" {
  owner "Ops"
  sponsor "VP"
  review monthly
  window 2026-01-01 to 2026-03-31

  // align-disable-next-line deadline-outside-window
  metric M "M" { kind leading unit percent target 50% by 2027-12-31 }
}
`;

describe('align fmt and align-disable-next-line', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('formats a file whose suppressed line holds a one-line block without bringing the hidden finding back', () => {
        const dir = tempDir();
        writeFile(dir, 'p.align', SUPPRESSED.replace('owner "Ops"', 'owner   "Ops"'));
        const before = findingsOf(dir);
        assert.ok(before.length > 0 && !before.some(f => f.includes('deadline-outside-window')), before.join('\n'));
        const result = runCli(['fmt', '.'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, 'p.align\n');
        assert.equal(fs.readFileSync(path.join(dir, 'p.align'), 'utf-8'), SUPPRESSED);
        assert.deepEqual(findingsOf(dir), before);
    });

    it('refuses a file whose suppressed line would change, names the line, and leaves the file as it was', () => {
        const dir = tempDir();
        const text = 'skill A "A" { assessed by "x" } // align-disable-next-line\nbehavior B "B"\n';
        writeFile(dir, 'q.align', text);
        const result = runCli(['fmt', '.'], { cwd: dir });
        assert.equal(result.status, 1);
        assert.match(unwrapped(result.stderr), /^align: q\.align: Not formatted: line 2 follows an `align-disable-next-line` comment/);
        assert.equal(fs.readFileSync(path.join(dir, 'q.align'), 'utf-8'), text);
    });
});
