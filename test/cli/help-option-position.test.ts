/**
 * `-h` and `--help` show a command's help only as options (built bundle):
 * after `--` they are paths, and after an option that takes a value they are
 * that value. `align fmt --check -- -h` printed fmt's help and exited 0 (a
 * pass in CI) instead of checking the folder `-h`, though Align itself
 * writes `--` before such a path in the commands it prints.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseFindings, removeTempDirs, requireBundle, runCli, tempDir, unwrapped, writeFile } from './run-cli.js';

const UNFORMATTED = 'metric Q  "q" {\n kind lagging\n}\n';

describe('-h and --help after -- or as an option\'s value', () => {
    before(requireBundle);
    after(removeTempDirs);

    let dir = '';
    before(() => {
        dir = tempDir();
        writeFile(dir, '-h/r.align', UNFORMATTED);
        writeFile(dir, '--help/r.align', UNFORMATTED);
    });

    for (const folder of ['-h', '--help']) {
        it(`align fmt --check -- ${folder} checks the folder ${folder}`, () => {
            const result = runCli(['fmt', '--check', '--', folder], { cwd: dir });
            assert.equal(result.status, 1, result.stdout + result.stderr);
            assert.match(result.stdout + result.stderr, new RegExp(`${folder}/r\\.align: not formatted`));
            assert.doesNotMatch(result.stdout, /^Usage:/m);
        });

        it(`align check --format json -- ${folder} checks the folder ${folder}`, () => {
            const result = runCli(['check', '--format', 'json', '--', folder], { cwd: dir });
            assert.doesNotMatch(result.stdout, /^Usage:/m);
            const files = parseFindings(result.stdout).map(f => f.file.split(path.sep).join('/'));
            assert.ok(files.length > 0 && files.every(f => f === `${folder}/r.align`), files.join(', '));
        });
    }

    it('align graph -- --help draws the folder --help', () => {
        const result = runCli(['graph', '--format', 'json', '--', '--help'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.ok((JSON.parse(result.stdout) as { nodes: Array<{ id: string }> }).nodes.some(n => n.id === 'Q'));
    });

    it('-o --help is a value that starts with -, not a help request', () => {
        const result = runCli(['check', '-o', '--help'], { cwd: dir });
        assert.equal(result.status, 2);
        assert.doesNotMatch(result.stdout, /^Usage:/m);
        assert.match(unwrapped(result.stderr), /option '-o' needs a value; write --output=VALUE for a value that starts with '-'/);
    });

    it('--help among options still shows the help, also with a bad value or an unknown option, and before --', () => {
        for (const args of [['check', '--format', 'bad', '--help'], ['check', '--bogus', '-h'], ['fmt', '--help', '--', '-h'], ['check', '-hf', 'json']]) {
            const result = runCli(args, { cwd: dir });
            assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
            assert.match(result.stdout, new RegExp(`^Usage: align ${args[0]} `), args.join(' '));
        }
    });
});
