/**
 * `align diff` on a repository that tracks large files besides its
 * `.align` files. The revision's copy read every file under the paths with
 * one `git cat-file --batch` kept in memory (at most 1 GiB): past that,
 * `git could not run: spawnSync git ENOBUFS` (exit 2) after 2 GB of memory.
 * Now only what a check can read is copied (the `.align` and settings
 * files, and the files they name), read in batches of at most 64 MB.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { GIT_ENV, gitRepo, HAS_GIT } from './git-repo.js';
import { removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const METRIC = 'metric Figures "Figures" {\n  kind lagging\n}\n';
/** An actuals file whose name is not `.csv`: copied because the `.align` file names it. */
const ACTUALS = 'actuals Figures from "data/figures.txt"\n';
const FIGURES = 'period,value\n2026-01,31\n2026-02,33\n';

/** Stores `bytes` zero bytes as one blob of the repository in `dir`; its object id. */
function zeroBlob(dir: string, bytes: number): string {
    const result = spawnSync('git', ['hash-object', '-w', '--stdin'], { cwd: dir, env: GIT_ENV, input: Buffer.alloc(bytes), encoding: 'utf-8' });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.trim();
}

(HAS_GIT ? describe : describe.skip)('align diff: a repository with large files', function () {
    this.timeout(120_000);
    before(requireBundle);
    after(removeTempDirs);

    it('1.1 GB of other files under the paths: not read, an empty diff with nothing modified', () => {
        const dir = tempDir();
        writeFile(dir, 'figures.align', METRIC + ACTUALS);
        writeFile(dir, 'data/figures.txt', FIGURES);
        const repo = gitRepo(dir);
        // 19 files of 60 MB in the commit (one blob, so the test stays small), none in the work tree.
        const blob = zeroBlob(repo.dir, 60_000_000);
        for (let i = 1; i <= 19; i++) repo.git('update-index', '--add', '--cacheinfo', `100644,${blob},media/video-${i}.bin`);
        repo.git('commit', '-q', '-m', 'media');
        const tmp = tempDir('align-tmp-');
        const result = runCli(['diff', 'main', '--format', 'json'], { cwd: repo.dir, env: { TMPDIR: tmp } });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stderr, '');
        const json = JSON.parse(result.stdout);
        assert.equal(json.empty, true, 'the actuals file was copied: no finding that it is missing on one side only');
    });

    it('files the .align files name, 80 MB together: copied in batches, each file whole', () => {
        const dir = tempDir();
        // Named in a comment: copied (any name between quotes is), not read by the check.
        writeFile(dir, 'figures.align', `// media: "a-first.bin", "b-second.bin"\n${METRIC}${ACTUALS}`);
        writeFile(dir, 'data/figures.txt', FIGURES);
        const repo = gitRepo(dir);
        const blob = zeroBlob(repo.dir, 40_000_000);
        for (const name of ['a-first.bin', 'b-second.bin']) repo.git('update-index', '--add', '--cacheinfo', `100644,${blob},${name}`);
        repo.git('commit', '-q', '-m', 'media');
        repo.edit('data/figures.txt', text => `${text}2026-03,35\n`);
        const result = runCli(['diff', 'main', '--format', 'json'], { cwd: repo.dir, env: { TMPDIR: tempDir('align-tmp-') } });
        assert.equal(result.status, 0, result.stderr);
        const changes = JSON.parse(result.stdout).nodes.changed.map((c: { node: { id: string }; changes: unknown[] }) => [c.node.id, c.changes]);
        assert.deepEqual(changes, [['Figures', [{ field: 'latest actual', before: '2026-02: 33', after: '2026-03: 35' }]]],
            'the base read its actuals file whole, after 80 MB of other blobs');
    });
});
