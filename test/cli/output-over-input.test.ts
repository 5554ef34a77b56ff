/**
 * `--output FILE` of `align graph`, `report` and `diff` through the built
 * bundle: it never overwrites what the command reads (an `.align` file,
 * also through a symbolic or a hard link, or the settings file), as `align
 * check --output` does not; `--output -` is standard output.
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
        fs.linkSync(path.join(dir, 'chain.align'), path.join(dir, 'hard-link.mmd'));
        for (const [output, what] of [['chain.align', 'a checked .align file'], ['./link.mmd', 'a checked .align file'], ['hard-link.mmd', 'a checked .align file'], ['align.config.json', 'the settings file']] as const) {
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

describe('align check --write-baseline and --output over the data a check reads', () => {
    before(requireBundle);
    after(removeTempDirs);

    const CSV = 'period,value\n2026-01,4\n';
    const LOCK = '{ "version": 1, "snapshots": {} }\n';
    const QUERY = "SELECT '2026-01' AS period, 4 AS value\n";

    /** A workspace with a source, settings, an actuals CSV file and a lock file; returns it and a check of its files' contents. */
    function workspace(): { dir: string; untouched(): void } {
        const dir = tempDir();
        const source = `${SOURCE}metric M "M" { kind leading unit count direction up baseline 1 }\nactuals M from "data/m.csv"\n`
            + `metric P "P" { kind leading unit count direction up baseline 1 cadence monthly }\nactuals P from "data/p.csv" { pull sql "q/p.sql" }\n`;
        writeFile(dir, 'chain.align', source);
        writeFile(dir, 'align.config.json', SETTINGS);
        writeFile(dir, 'data/m.csv', CSV);
        writeFile(dir, 'align.lock.json', LOCK);
        writeFile(dir, 'q/p.sql', QUERY);
        const untouched = () => {
            const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf-8');
            assert.deepEqual([read('chain.align'), read('align.config.json'), read('data/m.csv'), read('align.lock.json'), read('q/p.sql')], [source, SETTINGS, CSV, LOCK, QUERY], 'no input was overwritten');
        };
        return { dir, untouched };
    }

    it('--write-baseline refuses (exit 2, one line) a source, the settings, an actuals file, a pull\'s query, a lock file, or any .align file', () => {
        const { dir, untouched } = workspace();
        writeFile(dir, 'elsewhere/other.align', SOURCE);
        const refused = [
            ['chain.align', 'a checked .align file'], ['align.config.json', 'the settings file'], ['data/m.csv', 'an actuals file'],
            ['align.lock.json', 'a lock file'], ['q/p.sql', 'the query of a pull'],
            ['elsewhere/other.align', 'an .align file'], ['elsewhere/align.config.json', 'a settings file'],
        ] as const;
        for (const [file, what] of refused) {
            assertOneLineFailure(runCli(['check', 'chain.align', '--write-baseline', file], { cwd: dir }), `--write-baseline ${file}`, what);
        }
        untouched();
        assert.equal(fs.readFileSync(path.join(dir, 'elsewhere/other.align'), 'utf-8'), SOURCE);
        assert.equal(fs.existsSync(path.join(dir, 'elsewhere/align.config.json')), false, 'nothing written');
        const written = runCli(['check', 'chain.align', '--write-baseline', 'baseline.json'], { cwd: dir });
        assert.equal(written.status, 0, written.stderr);
        assert.match(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf-8'), /"baseline"/);
    });

    it('--output of check, graph and report refuses an actuals file, a pull\'s query, a lock file, and the file --write-baseline writes', () => {
        const { dir, untouched } = workspace();
        for (const command of ['check', 'graph', 'report']) {
            assertOneLineFailure(runCli([command, '--output', 'data/m.csv'], { cwd: dir }), '--output data/m.csv', 'an actuals file');
            assertOneLineFailure(runCli([command, '--output', 'align.lock.json'], { cwd: dir }), '--output align.lock.json', 'a lock file');
            assertOneLineFailure(runCli([command, '--output', 'q/p.sql'], { cwd: dir }), '--output q/p.sql', 'the query of a pull');
        }
        assertOneLineFailure(runCli(['check', '--write-baseline', 'b.json', '--output', 'b.json'], { cwd: dir }), '--output b.json', 'the baseline');
        untouched();
        assert.equal(fs.existsSync(path.join(dir, 'b.json')), false, 'no baseline written');
    });
});
