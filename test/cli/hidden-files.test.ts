/**
 * Hidden files (a name that starts with `.`) in the folders walked (built
 * bundle): `align check` read `.draft.align` while the language server
 * skipped it, so the editor and CI disagreed; macOS's `._x.align`
 * AppleDouble files are binary junk. A walk now passes over hidden files as
 * over hidden folders (language/files/folder-walk.ts), the catalogs' walk
 * too; a hidden file named on the command line is read.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertOneLineFailure, parseFindings, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const metric = (name: string) => `metric ${name} "${name}" {\n  kind lagging\n}\n`;
const filesOf = (stdout: string) => [...new Set(parseFindings(stdout).map(f => f.file.split(path.sep).join('/')))].sort();
/** The start of an AppleDouble file: not UTF-8 text. */
const APPLE_DOUBLE = Buffer.from([0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00, 0x4d, 0x61, 0x63, 0x20, 0x4f, 0x53, 0x20, 0x58, 0xff, 0xfe]);

describe('hidden files in the folders align walks', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('reads no hidden file, link or AppleDouble file in a folder\'s walk, at any depth', () => {
        const ws = tempDir();
        writeFile(ws, 'a.align', metric('A'));
        writeFile(ws, 'programs/b.align', metric('B'));
        writeFile(ws, '.draft.align', metric('Draft'));
        writeFile(ws, 'programs/.draft.align', metric('Draft'));
        writeFile(ws, '._a.align', APPLE_DOUBLE);
        fs.symlinkSync('a.align', path.join(ws, '.again.align'));
        const check = runCli(['check', '--format', 'json', '.'], { cwd: ws });
        assert.equal(check.status, 0, check.stderr);
        assert.deepEqual(filesOf(check.stdout), ['a.align', 'programs/b.align']);
        assert.equal(check.stderr, '');
    });

    it('reads a hidden file named on the command line, and its folder is walked as any other', () => {
        const ws = tempDir();
        writeFile(ws, 'a.align', metric('A'));
        writeFile(ws, '.draft.align', metric('Draft'));
        writeFile(ws, '.drafts/c.align', metric('C'));
        const named = runCli(['check', '--format', 'json', '.draft.align', 'a.align'], { cwd: ws });
        assert.equal(named.status, 0, named.stderr);
        assert.deepEqual(filesOf(named.stdout), ['.draft.align', 'a.align']);
        const folder = runCli(['check', '--format', 'json', '.drafts'], { cwd: ws });
        assert.deepEqual(filesOf(folder.stdout), ['.drafts/c.align'], folder.stderr);
    });

    it('a folder that holds only hidden .align files says so and how to check one, rather than "no .align files"', () => {
        const ws = tempDir();
        writeFile(ws, 'drafts/.one.align', metric('One'));
        writeFile(ws, 'drafts/._one.align', APPLE_DOUBLE);
        assertOneLineFailure(runCli(['check', 'drafts'], { cwd: ws }),
            'no .align files in drafts/ but hidden ones (._one.align, .one.align): a name that starts with . is skipped in a folder; give the file\'s path to check it');
    });

    it('leaves the hidden files of a catalog folder out of the library', () => {
        const ws = tempDir();
        writeFile(ws, 'align.config.json', '{ "catalogs": ["./kpis"] }\n');
        writeFile(ws, 'kpis/churn.align', metric('Churn'));
        writeFile(ws, 'kpis/.old.align', metric('Old'));
        writeFile(ws, 'kpis/._churn.align', APPLE_DOUBLE);
        writeFile(ws, 'program.align', 'outcome O "O" { measured by Churn, Old }\n');
        const check = runCli(['check', '--format', 'json', 'program.align'], { cwd: ws });
        assert.equal(check.status, 1, check.stderr);
        const findings = parseFindings(check.stdout);
        assert.deepEqual(findings.filter(f => f.rule === 'unresolved-reference').map(f => f.message), ["Could not resolve reference to Metric named 'Old'."]);
        assert.deepEqual(filesOf(check.stdout), ['program.align']);
    });
});
