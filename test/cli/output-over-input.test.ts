/**
 * `--output FILE` of `align graph`, `report` and `diff` through the built
 * bundle: it never overwrites what the command reads (an `.align` file,
 * also through a symbolic link, or the settings file), as `align check
 * --output` does not; `--output -` is standard output.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gitRepo, HAS_GIT } from './git-repo.js';
import { assertOneLineFailure, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const SOURCE = 'outcome Out "Out" {\n  owner "COO"\n}\n';
const SETTINGS = '{ "rules": {} }\n';

describe('align graph --output', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('refuses (exit 2, one line, nothing written) an .align file or the settings file it reads', () => {
        const dir = tempDir();
        writeFile(dir, 'chain.align', SOURCE);
        writeFile(dir, 'align.config.json', SETTINGS);
        fs.symlinkSync('chain.align', path.join(dir, 'link.mmd'));
        for (const [output, what] of [['chain.align', 'a checked .align file'], ['./link.mmd', 'a checked .align file'], ['align.config.json', 'the settings file']] as const) {
            for (const format of ['mermaid', 'svg']) {
                assertOneLineFailure(runCli(['graph', '--format', format, '--output', output], { cwd: dir }), `--output ${output}`, what);
            }
        }
        assert.equal(fs.readFileSync(path.join(dir, 'chain.align'), 'utf-8'), SOURCE, 'the source is untouched');
        assert.equal(fs.readFileSync(path.join(dir, 'align.config.json'), 'utf-8'), SETTINGS, 'the settings are untouched');
    });

    it('--output - prints to standard output, as align check does, and writes no file named -', () => {
        const dir = tempDir();
        writeFile(dir, 'chain.align', SOURCE);
        const result = runCli(['graph', '--output', '-'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^flowchart LR\n/);
        assert.equal(fs.existsSync(path.join(dir, '-')), false, 'no file named -');
    });

    it('writes any other file, also an .align file outside the paths it reads', () => {
        const dir = tempDir();
        writeFile(dir, 'src/chain.align', SOURCE);
        const result = runCli(['graph', 'src', '--output', 'chain-graph.align'], { cwd: dir });
        assert.deepEqual([result.status, result.stdout, result.stderr], [0, '', '']);
        assert.match(fs.readFileSync(path.join(dir, 'chain-graph.align'), 'utf-8'), /^flowchart LR\n/);
    });
});

describe('align report and align diff --output', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('report refuses an .align file or the settings file it reads, and prints for -', () => {
        const dir = tempDir();
        writeFile(dir, 'chain.align', SOURCE);
        writeFile(dir, 'align.config.json', SETTINGS);
        for (const [output, what] of [['chain.align', 'a checked .align file'], ['align.config.json', 'the settings file']] as const) {
            for (const format of ['md', 'html']) {
                assertOneLineFailure(runCli(['report', '--format', format, '--output', output], { cwd: dir }), `--output ${output}`, what);
            }
        }
        assert.equal(fs.readFileSync(path.join(dir, 'chain.align'), 'utf-8'), SOURCE, 'the source is untouched');
        const result = runCli(['report', '--output', '-'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^# Align impact review\n/);
        assert.equal(fs.existsSync(path.join(dir, '-')), false, 'no file named -');
    });

    it('diff refuses an .align or settings file and prints for -', function () {
        if (!HAS_GIT) this.skip();
        const repo = gitRepo();
        writeFile(repo.dir, 'chain.align', SOURCE);
        repo.commit('chain');
        for (const [output, what] of [['chain.align', 'an .align file'], ['align.config.json', 'a settings file']] as const) {
            assertOneLineFailure(runCli(['diff', 'HEAD', '--output', output], { cwd: repo.dir }), `--output ${output}`, what);
        }
        assert.equal(fs.readFileSync(path.join(repo.dir, 'chain.align'), 'utf-8'), SOURCE, 'the source is untouched');
        const result = runCli(['diff', 'HEAD', '--output', '-'], { cwd: repo.dir });
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^Align diff: HEAD /);
        assert.equal(fs.existsSync(path.join(repo.dir, '-')), false, 'no file named -');
    });
});
