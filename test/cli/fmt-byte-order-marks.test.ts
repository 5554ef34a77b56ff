/**
 * `align fmt` and `align check` on a file that starts with two UTF-8 byte
 * order marks: one is the file's mark, dropped when read and written back;
 * the second is a character of the text (an editor shows it), kept.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFindings, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('align fmt: a file starting with two byte order marks', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('writes both marks back, and check counts the second in its columns', () => {
        const dir = tempDir();
        writeFile(dir, 'twice.align', Buffer.concat([BOM, BOM, Buffer.from('skill   A "A"\n')]));
        const result = runCli(['fmt', 'twice.align'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(fs.readFileSync(path.join(dir, 'twice.align')), Buffer.concat([BOM, BOM, Buffer.from('skill A "A"\n')]));
        assert.equal(runCli(['fmt', '--check', 'twice.align'], { cwd: dir }).status, 0);
        const check = runCli(['check', '.', '--format', 'json'], { cwd: dir });
        const skill = parseFindings(check.stdout).filter(f => f.rule === 'skill-enables-nothing');
        assert.deepEqual(skill.map(f => [f.line, f.column]), [[1, 8]]);
    });
});
