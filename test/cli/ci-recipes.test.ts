/**
 * The CI recipes of docs/ci.md (docs/examples/) fail clearly when align is
 * not installed: `npx --no-install align` then exits 1, which the check
 * steps would read as "errors found". (The rest of the recipes is tested
 * in init-fmt.test.ts.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import yaml from 'js-yaml';
import { GIT_ENV, gitRepo, HAS_GIT } from './git-repo.js';
import { BIN, REPO_ROOT, removeTempDirs, requireBundle, tempDir, writeFile } from './run-cli.js';

const EXAMPLE_DIR = path.join(REPO_ROOT, 'docs', 'examples');

/** Runs a recipe's shell line as CI would, with `npx --no-install align` being `align`. */
function runLine(script: string, align: string) {
    assert.ok(script.includes('npx --no-install align --version'), script);
    const text = script.replace(/npx --no-install align /g, `${align} `);
    return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', text], { cwd: tempDir(), encoding: 'utf-8', timeout: 60_000 });
}

describe('docs/ci.md recipes when align is not installed', () => {
    let missing: string;
    const installed = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)}`;
    before(() => {
        requireBundle();
        // What npx prints and exits with when align-lang is not in node_modules.
        missing = path.join(tempDir(), 'npx-without-align');
        fs.writeFileSync(missing, '#!/bin/sh\necho "npm error could not determine executable to run" >&2\nexit 1\n', { mode: 0o755 });
    });
    after(removeTempDirs);

    it('the GitHub workflow stops at its first align step with an error annotation', () => {
        const wf = yaml.load(fs.readFileSync(path.join(EXAMPLE_DIR, 'github-align.yml'), 'utf-8')) as { jobs: Record<string, { steps: Array<{ name?: string; run?: string }> }> };
        const steps = wf.jobs['align']!.steps;
        const guard = steps.findIndex(s => s.name === 'Align installed');
        assert.ok(guard >= 0 && guard < steps.findIndex(s => s.name === 'Check (annotations)'), 'the guard runs before the checks');
        const failed = runLine(steps[guard]!.run!, missing);
        assert.equal(failed.status, 2);
        assert.match(failed.stdout, /^::error::align is not installed\. Add the align-lang dev dependency \(npm install --save-dev align-lang\)/m);
        assert.equal(runLine(steps[guard]!.run!, installed).status, 0);
    });

    it('the GitLab job stops at its first align line with a message on stderr', () => {
        const job = (yaml.load(fs.readFileSync(path.join(EXAMPLE_DIR, 'gitlab-ci.yml'), 'utf-8')) as Record<string, { script: string[] }>)['align']!;
        const guard = job.script.findIndex(l => l.includes('align --version'));
        assert.equal(guard, job.script.findIndex(l => l.includes('align ')), 'the guard is the first align line');
        const failed = runLine(job.script[guard]!, missing);
        assert.equal(failed.status, 2);
        assert.match(failed.stderr, /^align is not installed\. Add the align-lang dev dependency/m);
        assert.equal(runLine(job.script[guard]!, installed).status, 0);
    });

    it('the pre-commit hook stops the commit saying align is not installed, not "not formatted"', function () {
        if (!HAS_GIT) this.skip();
        const repo = gitRepo();
        writeFile(repo.dir, 'a.align', 'skill A "A"\n');
        repo.git('add', 'a.align');
        const hook = path.join(EXAMPLE_DIR, 'pre-commit');
        const result = spawnSync('bash', [hook], { cwd: repo.dir, env: { ...GIT_ENV, ALIGN: missing }, encoding: 'utf-8', timeout: 60_000 });
        assert.equal(result.status, 1);
        assert.match(result.stderr, /^align: '.*npx-without-align --version' failed: align is not installed; run npm install --save-dev align-lang \(or set ALIGN\)$/m);
        assert.doesNotMatch(result.stderr, /not formatted|found errors/);
    });
});
