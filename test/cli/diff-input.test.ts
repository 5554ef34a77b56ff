/**
 * `align diff` on bad input: unknown revisions, folders outside a
 * repository, mixed sides, paths outside the repository, unknown options,
 * and an unreadable file in a revision. Each is one line on stderr naming
 * the problem, exit status 2, nothing on stdout, no temporary copy left.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gitRepo, HAS_GIT, type GitRepo } from './git-repo.js';
import { assertOneLineFailure, EXAMPLES, removeTempDirs, requireBundle, runCli, tempDir } from './run-cli.js';

/** The part of `align diff --format json` these tests read. */
interface DiffJson {
    nodes: { added: Array<{ id: string }>; removed: Array<{ id: string }> };
}

describe('align diff on bad input', function () {
    this.timeout(120_000);
    let repo: GitRepo;
    let tmp: string;
    const diff = (args: string[], cwd = repo.dir) => runCli(['diff', ...args], { cwd, env: { TMPDIR: tmp } });

    before(function () {
        requireBundle();
        if (!HAS_GIT) this.skip();
        tmp = tempDir('align-tmp-');
        repo = gitRepo(EXAMPLES);
    });
    afterEach(() => assert.deepEqual(fs.readdirSync(tmp), [], 'no temporary copy is left behind'));
    after(removeTempDirs);

    it('an unknown revision names it and the repository', () => {
        assertOneLineFailure(diff(['no-such-branch']), "unknown revision 'no-such-branch'", repo.dir);
        assertOneLineFailure(diff(['HEAD', 'nope~3']), "unknown revision 'nope~3'");
    });

    it('a range names the two revisions to give instead; a repository without commits says so', () => {
        assertOneLineFailure(diff(['HEAD~1..HEAD']), "unknown revision 'HEAD~1..HEAD'", 'align diff HEAD~1 HEAD');
        assertOneLineFailure(diff(['main...HEAD']), 'align diff main HEAD');
        const empty = gitRepo();
        fs.writeFileSync(path.join(empty.dir, 'a.align'), 'skill A "a"\n');
        assertOneLineFailure(diff(['HEAD'], empty.dir), "unknown revision 'HEAD'", 'has no commit yet');
    });

    it('a revision outside a git repository says so, and how to compare folders', () => {
        const plain = tempDir();
        fs.cpSync(EXAMPLES, plain, { recursive: true });
        assertOneLineFailure(diff(['main'], plain), "'main' is not a folder", 'not in a git repository', 'align diff OLD NEW');
    });

    it('a folder and a revision, or one folder alone, are usage errors', () => {
        const folder = tempDir();
        assertOneLineFailure(diff(['HEAD', folder]), 'give two git revisions or two folders');
        assertOneLineFailure(diff([folder]), 'is a folder: give the folder to compare it with');
        assertOneLineFailure(diff([folder, folder, '--', 'x.align']), 'paths after -- apply to git revisions');
    });

    it('paths that do not exist or are outside the repository', () => {
        assertOneLineFailure(diff(['HEAD', '--', 'missing.align']), 'missing.align: no such file or folder');
        const outside = tempDir();
        assertOneLineFailure(diff(['HEAD', '--', '.', outside]), outside, 'is outside the repository');
        assertOneLineFailure(diff(['HEAD', '--', outside]), outside, 'is not in a git repository');
    });

    it('a path deleted from the working tree (or absent from one revision) is compared with the revision that has it', () => {
        fs.mkdirSync(path.join(repo.dir, 'legacy'));
        fs.renameSync(path.join(repo.dir, 'onboarding.align'), path.join(repo.dir, 'legacy', 'onboarding.align'));
        repo.commit('onboarding moves to legacy/');
        fs.rmSync(path.join(repo.dir, 'legacy'), { recursive: true });
        try {
            for (const paths of [['legacy'], ['legacy/onboarding.align'], ['legacy', 'churn-pilot.align']]) {
                const result = diff(['HEAD', '--format', 'json', '--', ...paths]);
                assert.equal(result.status, 0, `${paths.join(' ')}: ${result.stderr}`);
                const removed = (JSON.parse(result.stdout) as DiffJson).nodes.removed.map(n => n.id);
                assert.ok(removed.includes('NewHireAcademy') && removed.includes('FasterRampUp'), `${paths.join(' ')}: removed ${removed.join(', ')}`);
            }
            // Two revisions: the path need not be on disk; one revision that has it is enough.
            const added = diff(['HEAD~1', 'HEAD', '--format', 'json', '--', 'legacy']);
            assert.equal(added.status, 0, added.stderr);
            assert.ok((JSON.parse(added.stdout) as DiffJson).nodes.added.some(n => n.id === 'NewHireAcademy'));
            // In no side at all: still one line.
            assertOneLineFailure(diff(['HEAD', '--', 'legacy/nope.align']), 'legacy/nope.align: no such file or folder in the working tree or in HEAD');
            assertOneLineFailure(diff(['HEAD~1', 'HEAD', '--', 'gone']), 'gone: no such file or folder in the working tree, in HEAD~1 or in HEAD');
        } finally {
            repo.git('reset', '-q', '--hard', 'HEAD~1');
        }
    });

    it('usage errors: no base, three sides, an unknown format or option', () => {
        assertOneLineFailure(diff([]), 'diff needs a base');
        assertOneLineFailure(diff(['a', 'b', 'c']), 'put paths after --');
        assertOneLineFailure(diff(['HEAD', '--format', 'xml']), "--format: unknown format 'xml' (use text, md, json)");
        assertOneLineFailure(diff(['HEAD', '--frobnicate']), '--frobnicate');
    });

    it('a binary .align file in a revision is named as revision:path', () => {
        fs.writeFileSync(path.join(repo.dir, 'broken.align'), Buffer.from([0, 1, 2, 3]));
        repo.commit('a binary file');
        fs.rmSync(path.join(repo.dir, 'broken.align'));
        assertOneLineFailure(diff(['HEAD']), 'HEAD:broken.align: is a binary file, not Align source');
        repo.git('reset', '-q', '--hard', 'HEAD~1');
    });

    it('an output file that cannot be written', () => {
        assertOneLineFailure(diff(['HEAD', '--output', path.join(tmp, 'no', 'such', 'folder.md')]), '--output', 'cannot be written');
    });
});
