/**
 * Symbolic links in the folders walked (built bundle). They were skipped
 * without a word (`align check` said "no .align files in ./" next to a linked
 * one). Now a link to an `.align` file or a folder is followed while it stays
 * inside the folder given, each file read once; one that leads outside is not
 * read (as a CSV path through such a link is not), and a line on standard
 * error names it.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFindings, removeTempDirs, requireBundle, runCli, tempDir, unwrapped, writeFile } from './run-cli.js';

const metric = (name: string) => `metric ${name} "${name}" {\n  kind lagging\n}\n`;
const filesOf = (stdout: string) => [...new Set(parseFindings(stdout).map(f => f.file.split(path.sep).join('/')))].sort();
const link = (target: string, at: string) => fs.symlinkSync(target, at);

describe('symbolic links in the folders align walks', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('follows links that stay inside the folder, reads each file once, skips loops and dangling links', () => {
        const ws = tempDir();
        writeFile(ws, 'a.align', metric('A'));
        // A dot-folder is not walked: reached only through the links.
        writeFile(ws, '.shared/common.align', metric('Common'));
        writeFile(ws, '.shared/lib/b.align', metric('B'));
        link('.shared/common.align', path.join(ws, 'common.align'));
        link('.shared/lib', path.join(ws, 'lib'));
        fs.mkdirSync(path.join(ws, 'programs'));
        link('../a.align', path.join(ws, 'programs/again.align')); // the same file as a.align
        link('../lib', path.join(ws, 'programs/lib-again')); // the same folder as lib
        link('..', path.join(ws, 'programs/up')); // a loop
        link('nowhere.align', path.join(ws, 'dangling.align'));
        // Reached both ways: read under its own path, though the link's is shorter.
        writeFile(ws, 'deep/er/d.align', metric('D'));
        link('deep/er/d.align', path.join(ws, 'd.align'));
        const result = runCli(['check', '--format', 'json'], { cwd: ws });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stderr, '');
        assert.deepEqual(filesOf(result.stdout), ['a.align', 'common.align', 'deep/er/d.align', 'lib/b.align']);
        assert.ok(!parseFindings(result.stdout).some(f => f.rule === 'duplicate-name'), 'no file read twice');
    });

    it('does not follow links that lead outside the folder given, and names them on standard error', () => {
        const dir = tempDir();
        writeFile(dir, 'real/shared.align', metric('Z'));
        writeFile(dir, 'real/other.align', metric('Y'));
        writeFile(dir, 'proj/own.align', metric('Own'));
        link('../real/shared.align', path.join(dir, 'proj/shared.align'));
        link('../real', path.join(dir, 'proj/linkdir'));
        const result = runCli(['check', '--format', 'json', 'proj'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(filesOf(result.stdout), ['proj/own.align']);
        assert.equal(unwrapped(result.stderr).trimEnd(), 'align: not read: 2 symbolic links that lead outside proj/ (proj/linkdir, proj/shared.align); give their paths on the command line to read them');
    });

    it('a folder whose only .align files are links outside: the notice, then "no .align files"', () => {
        const dir = tempDir();
        writeFile(dir, 'real/shared.align', metric('Z'));
        fs.mkdirSync(path.join(dir, 'proj'));
        link('../real/shared.align', path.join(dir, 'proj/shared.align'));
        for (const command of [['check'], ['fmt', '--check'], ['graph']]) {
            const result = runCli([...command, 'proj'], { cwd: dir });
            assert.equal(result.status, 2, `${command.join(' ')}: ${result.stderr}`);
            assert.match(unwrapped(result.stderr), /^align: not read: a symbolic link that leads outside proj\/ \(proj\/shared\.align\); give its path on the command line to read it\nalign: no \.align files in proj\/\n$/);
        }
    });

    it('a link given on the command line is read wherever it leads', () => {
        const dir = tempDir();
        writeFile(dir, 'real/shared.align', metric('Z'));
        writeFile(dir, 'proj/own.align', metric('Own'));
        link('../real/shared.align', path.join(dir, 'proj/shared.align'));
        const result = runCli(['check', '--format', 'json', 'proj/own.align', 'proj/shared.align'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(filesOf(result.stdout), ['proj/own.align', 'proj/shared.align']);
    });
});
