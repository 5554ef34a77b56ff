/**
 * A folder whose name is not UTF-8 (Linux allows any bytes but `/` and NUL):
 * Node lists it with U+FFFD for each bad byte and cannot open it by that
 * name. The walk of every command stops there (exit 2) with one line that
 * says why, not "cannot read folder (ENOENT)", which sent the user looking
 * for a missing folder; a path given on the command line whose bytes are not
 * UTF-8 says the same. A file with such a name is a finding instead
 * (bad-input.test.ts), and so is a symbolic link named `.align`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, assertOneLineFailure, checkJson, cliEnv, printable, removeTempDirs, requireBundle, runCli, tempDir, writeFile, type CliResult } from './run-cli.js';

const NOT_UTF8 = 'its name is not UTF-8 (shown with \uFFFD), so it cannot be opened by that name; rename it';

/** `dir/<bytes>`: a path whose last name holds bytes that are not UTF-8. */
function bytePath(dir: string, ...parts: Array<string | number[]>): Buffer {
    return Buffer.concat([Buffer.from(`${dir}/`), ...parts.map(part => typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))]);
}

describe('folders and paths whose names are not UTF-8', () => {
    before(requireBundle);
    afterEach(removeTempDirs);

    it('a folder in the walk: every command stops with one line that says its name is not UTF-8, the escape sequence in it as \\x1b', () => {
        const dir = tempDir();
        writeFile(dir, 'src/ok.align', 'skill S "s"\n');
        const folder = bytePath(dir, 'src/d', [0xff], '\x1b[2J');
        fs.mkdirSync(folder);
        fs.writeFileSync(Buffer.concat([folder, Buffer.from('/y.align')]), 'skill   D "d"\n');
        fs.mkdirSync(path.join(dir, 'base'));
        fs.writeFileSync(path.join(dir, 'base', 'ok.align'), 'skill S "s"\n');
        for (const args of [['check', 'src'], ['check', 'src', '--format', 'json'], ['graph', 'src'], ['report', 'src'], ['fmt', 'src'], ['fmt', '--check', 'src'], ['diff', 'base', 'src']]) {
            const result = runCli(args, { cwd: dir });
            assert.ok(printable(result.stderr), `${args.join(' ')}: ${JSON.stringify(result.stderr)}`);
            assertOneLineFailure(result, `src/d\uFFFD\\x1b[2J: cannot read folder: ${NOT_UTF8}`);
        }
    });

    it('a symbolic link named .align whose name is not UTF-8: the finding of a file of that name, not skipped as a dangling link (which a link with a UTF-8 name still is)', () => {
        const dir = tempDir();
        writeFile(dir, 'ok.align', 'skill S "s"\n');
        fs.symlinkSync('ok.align', bytePath(dir, 'l', [0xff], '.align'));
        fs.symlinkSync('nowhere.align', path.join(dir, 'dangling.align'));
        const findings = checkJson(['.'], { cwd: dir, status: 1 });
        assert.deepEqual(findings.map(f => `${f.file}:${f.line}:${f.column} ${f.rule}: ${f.message}`), [
            'l\uFFFD.align:1:1 syntax: This file has a name that is not UTF-8 (shown with \uFFFD), so it cannot be opened by name: rename it.',
            'ok.align:1:7 skill-enables-nothing: Skill \'S\' enables no behavior. Add it to a behavior\'s `enabled by`, or remove it.',
        ]);
    });

    it('a path given whose bytes are not UTF-8: no such file by the name Node reads, and why', () => {
        const dir = tempDir();
        fs.writeFileSync(bytePath(dir, 'z', [0xff], '.align'), 'skill S "s"\n');
        // Only a shell passes bytes that are not UTF-8 as an argument (Node's spawn encodes its strings as UTF-8).
        const run = spawnSync('bash', ['-c', `exec "$0" "$1" check $'z\\xff.align'`, process.execPath, BIN], { cwd: dir, env: cliEnv(), encoding: 'utf-8' });
        const result: CliResult = { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
        assertOneLineFailure(result, `z\uFFFD.align: no such file or folder, as read: ${NOT_UTF8}`);
    });
});
