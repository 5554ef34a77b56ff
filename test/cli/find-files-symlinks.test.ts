/**
 * Symbolic links in the folders walked (built bundle). They were skipped
 * without a word (`align check` said "no .align files in ./" next to a linked
 * one). Now a link to an `.align` file or a folder is followed while it stays
 * inside the folder given, each file read once; one that leads outside is not
 * read (as a CSV path through such a link is not), and a line on standard
 * error names it. The same rule (language/files/folder-walk.ts) lists the
 * catalogs' files, a file that several paths given reach is read once, and
 * `align diff` copies a revision's links where the walk follows them.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { metricText } from '../standards-workspace.js';
import { gitRepo, HAS_GIT } from './git-repo.js';
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

    it('a file that several paths given reach (through a link) is read once, whatever their order', () => {
        const ws = tempDir();
        writeFile(ws, '.shared/lib/b.align', metric('B'));
        link('.shared/lib', path.join(ws, 'lib'));
        writeFile(ws, 'deep/er/d.align', metric('D'));
        link('deep/er/d.align', path.join(ws, 'd.align'));
        for (const paths of [['lib', '.shared/lib', 'deep', 'd.align'], ['d.align', 'deep', '.shared/lib', 'lib']]) {
            const result = runCli(['check', '--format', 'json', ...paths], { cwd: ws });
            assert.equal(result.status, 0, `${paths.join(' ')}: ${result.stdout}${result.stderr}`);
            // Under its path through real folders (deep/er/d.align, not the link d.align), else the shortest.
            assert.deepEqual(filesOf(result.stdout), ['deep/er/d.align', 'lib/b.align'], paths.join(' '));
        }
        writeFile(ws, '.shared/lib/b.align', 'metric B "B" {\nkind lagging\n}\n');
        const fmt = runCli(['fmt', '--check', 'lib', '.shared/lib'], { cwd: ws });
        assert.equal(fmt.status, 1, fmt.stderr);
        assert.equal(fmt.stdout, 'lib/b.align: not formatted\n');
    });

    it('follows the links inside a catalog folder as the walk does: the catalog\'s names resolve, each declared once', () => {
        const ws = tempDir();
        writeFile(ws, 'align.config.json', '{ "catalogs": ["./kpis"] }\n');
        writeFile(ws, 'programs/program.align', 'outcome Kept "Kept" { measured by Shared, Linked }\n');
        writeFile(ws, 'kpis/.src/shared.align', metricText('Shared'));
        link('.src/shared.align', path.join(ws, 'kpis/shared.align'));
        link('.src/shared.align', path.join(ws, 'kpis/again.align')); // the same file twice
        writeFile(ws, 'kpis/.src/more/linked.align', metricText('Linked'));
        link('.src/more', path.join(ws, 'kpis/more'));
        // The walk of programs/ does not reach the catalog: only the catalog's listing reads it.
        const result = runCli(['check', '--format', 'json', 'programs'], { cwd: ws });
        assert.equal(result.status, 0, result.stdout + result.stderr);
        assert.deepEqual(parseFindings(result.stdout), []);
    });

    (HAS_GIT ? it : it.skip)('align diff reads the links of a revision as it reads those of the working tree', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', metric('A'));
        writeFile(dir, '.shared/lib/b.align', metric('B'));
        writeFile(dir, 'deep/d.align', metric('D'));
        const repo = gitRepo(dir);
        // Made in the repository (copying a tree makes relative links absolute).
        link('.shared/lib', path.join(repo.dir, 'lib'));
        link('deep/d.align', path.join(repo.dir, 'd.align'));
        link('..', path.join(repo.dir, 'up')); // out of the repository: read on neither side
        repo.commit('links');
        const summary = (args: string[]) => {
            const result = runCli(['diff', ...args], { cwd: repo.dir });
            assert.equal(result.status, 0, result.stderr);
            return result.stdout.split('\n')[1];
        };
        assert.equal(summary(['HEAD']), 'No change to the impact chain · coverage 0/0 (—)');
        assert.equal(summary(['HEAD', '--', 'lib', 'd.align']), 'No change to the impact chain · coverage 0/0 (—)');
        repo.edit('.shared/lib/b.align', text => text.replace('"B"', '"B renamed"'));
        assert.match(summary(['HEAD']), /^1 changed element/);
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
