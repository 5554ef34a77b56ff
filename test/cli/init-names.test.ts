/**
 * `align init` and the workspace it writes into, through the built bundle:
 * a name the workspace already declares is refused (as VS Code's New
 * Program from Template refuses it), and a standards chain with a problem
 * that leaves its templates readable still lists them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { consumingWorkspace, installedPackage } from '../standards-workspace.js';
import { BIN, copyExamples, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

describe('align init: names the workspace declares', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('refuses a program name another file declares, writing nothing (exit 2)', () => {
        const dir = tempDir();
        assert.equal(runCli(['init', 'ChurnPilot', '-o', 'programs.align'], { cwd: dir }).status, 0);
        const result = runCli(['init', 'ChurnPilot'], { cwd: dir });
        assert.equal(result.status, 2, result.stdout + result.stderr);
        assert.match(result.stderr, /ChurnPilot: the workspace already declares it \(programs\.align:\d+\)/);
        assert.ok(!fs.existsSync(path.join(dir, 'churn-pilot.align')), 'no file written');
        assert.equal(runCli(['check', '.'], { cwd: dir }).status, 0, 'the workspace is still clean');
    });

    it('refuses the name of a top-level declaration of the examples, also for a redirected standard output', () => {
        const dir = tempDir();
        copyExamples(dir, 'safety.align');
        // The folder sub/ is still to be made: the workspace marked above it is dir.
        writeFile(dir, 'align.config.json', '{}\n');
        const declared = /^outcome\s+(\w+)/m.exec(fs.readFileSync(path.join(dir, 'safety.align'), 'utf-8'))![1]!;
        const toFile = runCli(['init', declared, '-o', 'sub/new.align'], { cwd: dir });
        assert.equal(toFile.status, 2, toFile.stderr);
        assert.match(toFile.stderr, new RegExp(`${declared}: the workspace already declares it \\(safety\\.align:`));
        assert.ok(!fs.existsSync(path.join(dir, 'sub')), 'no folder made');
        const redirected = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" init ${declared} > new.align`], { cwd: dir, encoding: 'utf-8' });
        assert.equal(redirected.status, 2, redirected.stderr);
        assert.match(redirected.stderr, /already declares it/);
        // `--output -` goes wherever the user sends it: not checked.
        assert.equal(runCli(['init', declared, '-o', '-'], { cwd: dir }).status, 0);
    });

    it('--force over the file that declares the name regenerates it', () => {
        const dir = tempDir();
        assert.equal(runCli(['init', 'ChurnPilot', '-o', 'programs.align'], { cwd: dir }).status, 0);
        fs.appendFileSync(path.join(dir, 'programs.align'), '// edited\n');
        const result = runCli(['init', 'ChurnPilot', '-o', 'programs.align', '--force'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.ok(!fs.readFileSync(path.join(dir, 'programs.align'), 'utf-8').includes('// edited'));
    });

    it('a folder still to be made holds no names: a name declared beside it is free, as when the folder exists; a marked workspace above it counts', () => {
        const dir = tempDir();
        fs.mkdirSync(path.join(dir, 'empty'));
        assert.equal(runCli(['init', '-o', 'e2/my-program.align'], { cwd: dir }).status, 0);
        const cwd = path.join(dir, 'empty');
        for (const target of ['../e5/x.align', '../e6/deeper/x.align']) {
            const result = runCli(['init', '-o', target], { cwd });
            assert.equal(result.status, 0, `${target}: ${result.stderr}`);
            assert.equal(result.stdout, `Created ${target} with program MyProgram.\nNext: edit it, then run align check ${target}\n`);
        }
        fs.mkdirSync(path.join(dir, 'e7'));
        assert.equal(runCli(['init', '-o', '../e7/x.align'], { cwd }).status, 0, 'the same once the folder exists');
        // An align.config.json above: the folder to make is in that workspace, which declares MyProgram (e2, e5 ...).
        writeFile(dir, 'align.config.json', '{}\n');
        for (const target of ['../e8/x.align', '../e7/y.align']) {
            const refused = runCli(['init', '-o', target], { cwd });
            assert.equal(refused.status, 2, `${target}: ${refused.stdout}`);
            assert.match(refused.stderr, /^align: MyProgram: the workspace already declares it \(\.\.\/e\d\/[a-z-]+\.align:\d+\)/);
        }
        assert.ok(!fs.existsSync(path.join(dir, 'e8')), 'no folder made');
    });

    it('a name declared only in another workspace (its own align.config.json) is free', () => {
        const dir = tempDir();
        writeFile(dir, 'a/align.config.json', '{}\n');
        writeFile(dir, 'b/align.config.json', '{}\n');
        assert.equal(runCli(['init', 'ChurnPilot', '-o', 'a/churn.align'], { cwd: dir }).status, 0);
        const result = runCli(['init', 'ChurnPilot', '-o', 'b/churn.align'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
    });
});

describe('align init: templates of a standards chain with a problem elsewhere', () => {
    before(requireBundle);
    after(removeTempDirs);

    /** examples/standards-workspace with examples/standards installed as @acme/align-standards, one rule id misspelt there. */
    function workspaceWithBadRule(): string {
        const workspace = consumingWorkspace(tempDir());
        const config = path.join(installedPackage(workspace), 'align.config.json');
        fs.writeFileSync(config, fs.readFileSync(config, 'utf-8').replace('"objective-without-practice"', '"objective-without-practise"'));
        return workspace;
    }

    it('lists and uses the templates; align check reports the bad rule id', () => {
        const workspace = workspaceWithBadRule();
        const list = runCli(['init', '--list-templates'], { cwd: workspace });
        assert.equal(list.status, 0, list.stderr);
        assert.match(list.stdout, /^onboarding {2}\(/m);
        const made = runCli(['init', '--template', 'onboarding', 'NewHires', '-o', 'new-hires.align'], { cwd: workspace });
        assert.equal(made.status, 0, made.stderr);
        assert.match(fs.readFileSync(path.join(workspace, 'new-hires.align'), 'utf-8'), /NewHires/);
        const check = runCli(['check', '.', '--format', 'json'], { cwd: workspace });
        assert.match(check.stdout, /objective-without-practise/);
    });

    it('still refuses when the extended package is missing, so the templates cannot be read', () => {
        const workspace = workspaceWithBadRule();
        fs.rmSync(path.join(workspace, 'node_modules'), { recursive: true });
        const list = runCli(['init', '--list-templates'], { cwd: workspace });
        assert.equal(list.status, 2, list.stdout);
        assert.match(list.stderr, /align\.config\.json:\d+: extends/);
    });
});
