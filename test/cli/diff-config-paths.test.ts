/**
 * `align diff` on a revision whose `align.config.json` names a path it
 * cannot read: one through a file (`./a.align/x`), or an extended config
 * file outside the repository that it may not read. `align check` reports
 * such a path as `config-invalid` and goes on; so does each side of the
 * diff. The copy of the revision (cli/diff/revision-context.ts) stopped
 * with "internal error: ENOTDIR" (on Node 20) and "internal error: EACCES".
 * And a catalog in a dot-folder (`./.std/kpis`), which `align check` reads,
 * was left out of the copy (cli/diff/git.ts skipped the dot-folders above
 * the path copied, not only those under it).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyForNobody, isRoot, makeReadable, runAsNobody } from '../as-nobody.js';
import { GIT_ENV, gitRepo, HAS_GIT } from './git-repo.js';
import { cliEnv, parseFindings, removeTempDirs, REPO_ROOT, requireBundle, runCli, tempDir, writeFile, type CliResult } from './run-cli.js';

const METRIC = 'metric A "A" {\n  kind lagging\n}\n';

/** Preloads test/cli/fault/stat-enotdir.cjs: `statSync` throws ENOTDIR as on Node 20. */
const NODE20_STAT = { NODE_OPTIONS: `--require ${JSON.stringify(path.join(REPO_ROOT, 'test', 'cli', 'fault', 'stat-enotdir.cjs'))}` };

/** The `config-invalid` findings of `align check` in `cwd`: the path is reported there, and the diff must not stop on it. */
function configInvalid(cwd: string, env: NodeJS.ProcessEnv = {}): string[] {
    const check = runCli(['check', '--format', 'json'], { cwd, env });
    assert.equal(check.status, 1, check.stderr);
    return parseFindings(check.stdout).filter(f => f.rule === 'config-invalid').map(f => f.message);
}

function assertDiffRuns(result: CliResult): void {
    assert.equal(result.stderr, '', 'no internal error');
    assert.equal(result.status, 0, result.stdout);
    assert.match(result.stdout, /No change to the impact chain/);
}

(HAS_GIT ? describe : describe.skip)('align diff: the paths align.config.json names', function () {
    this.timeout(120_000);
    before(requireBundle);
    after(removeTempDirs);

    for (const config of ['{ "catalogs": ["./a.align/x"] }', '{ "extends": "./a.align/x" }', '{ "templates": "./a.align/x" }']) {
        it(`a path through a file, ${config}: as align check, a config-invalid finding on both sides`, () => {
            const dir = tempDir();
            writeFile(dir, 'a.align', METRIC);
            writeFile(dir, 'align.config.json', `${config}\n`);
            const repo = gitRepo(dir);
            assert.equal(configInvalid(repo.dir, NODE20_STAT).length, 1);
            assertDiffRuns(runCli(['diff', 'HEAD'], { cwd: repo.dir, env: NODE20_STAT }));
        });
    }

    it('an extended config file outside the repository that may not be read: as align check, config-invalid on both sides', () => {
        const dir = tempDir();
        const top = path.join(dir, 'repo');
        writeFile(dir, 'outside/base.json', '{ "catalogs": [] }\n');
        writeFile(top, 'a.align', METRIC);
        writeFile(top, 'align.config.json', '{ "extends": "../outside/base.json" }\n');
        const git = (...args: string[]) => assert.equal(spawnSync('git', args, { cwd: top, env: GIT_ENV }).status, 0, `git ${args.join(' ')}`);
        git('init', '-q', '-b', 'main');
        git('add', '-A');
        git('commit', '-q', '-m', 'base');
        const tmp = tempDir('align-tmp-');
        makeReadable(dir);
        fs.chmodSync(tmp, 0o1777);
        fs.chmodSync(path.join(dir, 'outside/base.json'), 0o000);
        // The repository is root's: git, as nobody, reads it only as a safe directory.
        const env = { ...cliEnv({ TMPDIR: tmp }), GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'safe.directory', GIT_CONFIG_VALUE_0: '*' };
        const run = (args: string[]): CliResult => {
            if (!isRoot) return runCli(args, { cwd: top, env });
            const copy = copyForNobody('align-diff-cli-', REPO_ROOT, ['bin/align.cjs', 'out/cli.cjs', 'package.json']);
            if (typeof copy === 'string') assert.fail(`cannot run as nobody: ${copy}`);
            return runAsNobody(copy, 'bin/align.cjs', args, top, env);
        };
        const check = run(['check', '--format', 'json']);
        assert.match(parseFindings(check.stdout).map(f => `${f.rule}: ${f.message}`).join('\n'), /config-invalid: extends: \.\.\/outside\/base\.json cannot be read \(EACCES\)/);
        assertDiffRuns(run(['diff', 'HEAD']));
        assert.deepEqual(fs.readdirSync(tmp), [], 'no temporary copy is left behind');
    });

    it('a catalog in a dot-folder is copied from the revision, as align check reads it', () => {
        const dir = tempDir();
        writeFile(dir, 'align.config.json', '{ "catalogs": ["./.std/kpis"] }\n');
        writeFile(dir, '.std/kpis/k.align', METRIC.replace(/\bA\b/g, 'K'));
        writeFile(dir, 'programs/p.align', 'outcome O "O" { measured by K }\n');
        const repo = gitRepo(dir);
        assertDiffRuns(runCli(['diff', 'HEAD'], { cwd: repo.dir }));
        // The catalog named as the path: checked as its owners check it.
        assertDiffRuns(runCli(['diff', 'HEAD', '--', '.std/kpis'], { cwd: repo.dir }));
    });
});
