/**
 * `align diff` where git refuses the repository: it belongs to another
 * user ("detected dubious ownership", common when a CI container runs as
 * another uid than the checkout's). git's message was thrown away and the
 * diff said "'main' is not a folder, and the current folder is not in a
 * git repository". Now it gives git's reason and the command that trusts
 * the repository, and that command works. As root the command runs as
 * `nobody` (test/as-nobody.ts); otherwise git is told to act as for
 * another owner (GIT_TEST_ASSUME_DIFFERENT_OWNER, git's own test switch).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyForNobody, isRoot, makeReadable, runAsNobody } from '../as-nobody.js';
import { gitRepo, HAS_GIT } from './git-repo.js';
import { cliEnv, removeTempDirs, REPO_ROOT, requireBundle, runCli, tempDir, writeFile, type CliResult } from './run-cli.js';

(HAS_GIT ? describe : describe.skip)('align diff: a repository git refuses (another owner)', function () {
    this.timeout(120_000);
    before(requireBundle);
    after(removeTempDirs);

    it("says git's reason and the safe.directory command, which then lets it run", () => {
        const files = tempDir();
        writeFile(files, 'a.align', 'metric A "A" {\n  kind lagging\n}\n');
        const repo = gitRepo(files);
        const tmp = tempDir('align-tmp-');
        const settings = path.join(tempDir(), 'gitconfig');
        fs.writeFileSync(settings, '');
        makeReadable(repo.dir);
        makeReadable(path.dirname(settings));
        fs.chmodSync(tmp, 0o1777);
        const env = cliEnv({ TMPDIR: tmp, GIT_CONFIG_GLOBAL: settings, GIT_CONFIG_NOSYSTEM: '1', ...isRoot ? {} : { GIT_TEST_ASSUME_DIFFERENT_OWNER: '1' } });
        const run = (): CliResult => {
            if (!isRoot) return runCli(['diff', 'main'], { cwd: repo.dir, env });
            const copy = copyForNobody('align-diff-cli-', REPO_ROOT, ['bin/align.cjs', 'out/cli.cjs', 'package.json']);
            if (typeof copy === 'string') assert.fail(`cannot run as nobody: ${copy}`);
            return runAsNobody(copy, 'bin/align.cjs', ['diff', 'main'], repo.dir, env);
        };

        const refused = run();
        assert.equal(refused.status, 2, refused.stdout);
        const message = refused.stderr.replace(/\n {2}/g, ' ');
        assert.doesNotMatch(message, /not in a git repository/);
        assert.match(message, /^align: git refuses to read the repository at (\S+): it belongs to another user than the one running align \(git's "dubious ownership" check/);
        const command = /run (git config --global --add safe\.directory \S+) and run align diff again\n$/.exec(message)?.[1];
        assert.ok(command, message);
        assert.doesNotMatch(refused.stderr, /^\s+at /m, 'no stack trace');

        // The command given, as the user would run it (in the global settings the runs read).
        const [, ...args] = command.split(' ');
        assert.equal(spawnSync('git', args, { env: { GIT_CONFIG_GLOBAL: settings, PATH: process.env['PATH'] } }).status, 0);
        const trusted = run();
        assert.equal(trusted.stderr, '');
        assert.equal(trusted.status, 0);
        assert.match(trusted.stdout, /No change to the impact chain/);
    });
});
