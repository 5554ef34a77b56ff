/**
 * `align check` on some files of a folder reads only them: a reference to a
 * name declared in another file of the folder does not resolve. The built
 * CLI then says so on standard error, once, with the command that reads
 * them all (cli/check/unread-files-hint.ts), in the pretty format only; the
 * findings are unchanged.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertFits80, checkJson, EXAMPLES, linesOf, removeTempDirs, requireBundle, runCli, tempDir, unwrapped, writeFile } from './run-cli.js';

const HINT = /did not resolve, and .* not read: a name declared there is unknown to this check\. To read them all, run align check/;

describe('align check on some files of a folder: the references to the others', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('names how many references did not resolve and how many files were not read, and the command that reads them', () => {
        const one = runCli(['check', 'churn-pilot.align'], { cwd: EXAMPLES });
        assert.equal(one.status, 1, one.stderr);
        const unresolved = checkJson(['churn-pilot.align'], { cwd: EXAMPLES, status: 1 }).filter(f => f.rule === 'unresolved-reference').length;
        assert.ok(unresolved > 0, one.stdout);
        assertFits80(one.stderr);
        const lines = linesOf(unwrapped(one.stderr));
        assert.equal(lines.length, 1, one.stderr);
        assert.match(lines[0]!, HINT);
        assert.ok(lines[0]!.startsWith(`align: ${unresolved} references did not resolve, and `), lines[0]);
        assert.match(lines[0]!, /other \.align files in this folder were not read:.* run align check \.$/);
        // Given from the folder above, the command names the folder.
        const above = runCli(['check', 'examples/churn-pilot.align'], { cwd: `${EXAMPLES}/..` });
        assert.match(unwrapped(above.stderr), /in examples were not read:.* run align check examples$/m);
    });

    it('says nothing when the whole folder is read, when every reference resolves, or when no other file is there', () => {
        assert.doesNotMatch(runCli(['check', '.'], { cwd: EXAMPLES }).stderr, HINT);
        const dir = tempDir();
        writeFile(dir, 'a.align', 'skill A "a"\nobjective O "o" { builds A }\n');
        writeFile(dir, 'b.align', 'skill B "b"\n');
        assert.doesNotMatch(runCli(['check', 'a.align'], { cwd: dir }).stderr, HINT, 'every reference resolves');
        const alone = tempDir();
        writeFile(alone, 'a.align', 'objective O "o" { builds Nowhere }\n');
        const result = runCli(['check', 'a.align'], { cwd: alone });
        assert.match(result.stdout, /unresolved-reference/);
        assert.doesNotMatch(result.stderr, HINT, 'no other file to read');
    });

    it('counts a file read under a link\'s name, or through a linked folder, as read (real paths compared)', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', 'skill A "a"\nobjective O "o" { builds A, Nowhere }\n');
        fs.symlinkSync('a.align', path.join(dir, 'link.align'));
        const linked = runCli(['check', 'link.align'], { cwd: dir });
        assert.match(linked.stdout, /unresolved-reference/);
        assert.doesNotMatch(linked.stderr, HINT, 'a.align was read, as link.align');
        // The control: another file of the folder not read is named.
        writeFile(dir, 'b.align', 'skill B "b"\n');
        assert.match(unwrapped(runCli(['check', 'link.align'], { cwd: dir }).stderr), /1 reference did not resolve, and 1 other \.align file in this folder was not read/);
        // Through a linked folder: the walk reads lib/c.align, under real/c.align.
        writeFile(dir, 'real/c.align', 'objective P "p" { builds Missing }\n');
        fs.symlinkSync('real', path.join(dir, 'lib'));
        const both = runCli(['check', 'lib/c.align', 'link.align', 'b.align'], { cwd: dir });
        assert.doesNotMatch(both.stderr, HINT, both.stderr);
    });
});
