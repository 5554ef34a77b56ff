/**
 * `align fmt` when a file cannot be written, and the `--check` hint for a
 * path given twice, through the built bundle. A read-only file is `chmod
 * 444`; root writes those anyway, so as root it is also made immutable
 * (`chattr +i`, undone after the test), and the test is skipped where that
 * is not possible.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { linesOf, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const immutable: string[] = [];

/** Makes a file read-only even for root; false when that cannot be done here. */
function makeReadOnly(file: string): boolean {
    fs.chmodSync(file, 0o444);
    if (!isRoot) return true;
    const result = spawnSync('chattr', ['+i', file], { encoding: 'utf-8' });
    if (result.error || result.status !== 0) return false;
    immutable.push(file);
    return true;
}

function undoReadOnly(): void {
    for (const file of immutable.splice(0)) {
        const result = spawnSync('chattr', ['-i', file], { encoding: 'utf-8' });
        assert.equal(result.status, 0, `chattr -i ${file}: ${result.stderr}`);
    }
}

const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf-8');

describe('align fmt: files it cannot write, paths given twice', () => {
    before(requireBundle);
    afterEach(undoReadOnly);
    after(removeTempDirs);

    it('formats the files it can write, names each read-only one on stderr, lists only the files written, exits 2', function () {
        const dir = tempDir();
        for (const name of ['a', 'b', 'c', 'd']) writeFile(dir, `${name}.align`, `skill   ${name.toUpperCase()}\n`);
        for (const name of ['b.align', 'd.align']) if (!makeReadOnly(path.join(dir, name))) this.skip();
        const result = runCli(['fmt', '.'], { cwd: dir });
        assert.equal(result.status, 2, result.stderr);
        assert.deepEqual(linesOf(result.stdout), ['a.align', 'c.align'], 'only the files written');
        const refused = linesOf(result.stderr);
        assert.equal(refused.length, 2, result.stderr);
        refused.forEach((line, i) => assert.match(line, new RegExp(`^align: ${'bd'[i]}\\.align: cannot be written \\(permission denied, (EACCES|EPERM)\\)$`)));
        assert.equal(read(dir, 'a.align'), 'skill A\n');
        assert.equal(read(dir, 'b.align'), 'skill   B\n', 'the read-only file as it was');
        assert.equal(read(dir, 'c.align'), 'skill C\n', 'a file after the read-only one is formatted too');
        const again = runCli(['fmt', '--check', '.'], { cwd: dir });
        assert.deepEqual([again.status, linesOf(again.stdout)], [1, ['b.align: not formatted', 'd.align: not formatted']], '--check writes nothing and is not refused');
    });

    it('formats a file given twice once, and names each path once in the --check hint', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', 'skill   A\n');
        const check = runCli(['fmt', '--check', 'a.align', 'a.align', './a.align'], { cwd: dir });
        assert.equal(check.status, 1);
        assert.equal(check.stdout, 'a.align: not formatted\n');
        assert.equal(check.stderr, 'align: run align fmt a.align ./a.align to format 1 file\n');
        const result = runCli(['fmt', 'a.align', 'a.align'], { cwd: dir });
        assert.deepEqual([result.status, result.stdout, result.stderr], [0, 'a.align\n', '']);
        assert.equal(read(dir, 'a.align'), 'skill A\n');
    });
});
