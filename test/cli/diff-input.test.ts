/**
 * `align diff` on bad input: unknown revisions, folders outside a
 * repository, mixed sides, folders without .align files, paths outside the repository, unknown options,
 * and an unreadable file in a revision. Each is one line on stderr naming
 * the problem, exit status 2, nothing on stdout, no temporary copy left.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { GIT_ENV, gitRepo, HAS_GIT, type GitRepo } from './git-repo.js';
import { assertFits80, assertOneLineFailure, EXAMPLES, removeTempDirs, requireBundle, runCli, tempDir, unwrapped } from './run-cli.js';

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

    it('a repository without commits says so', () => {
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

    it('a folder without .align files is a usage error, as for align check (a revision without any is an empty workspace)', () => {
        const dir = tempDir();
        fs.mkdirSync(path.join(dir, 'empty'));
        fs.mkdirSync(path.join(dir, 'csv'));
        fs.writeFileSync(path.join(dir, 'csv', 'actuals.csv'), 'period,value\n2026-01,3\n');
        fs.cpSync(EXAMPLES, path.join(dir, 'programs'), { recursive: true });
        assertOneLineFailure(diff(['empty', 'empty'], dir), 'align: no .align files in empty/');
        assertOneLineFailure(diff(['programs', 'csv/'], dir), 'align: no .align files in csv/');
        assertOneLineFailure(diff(['./empty', 'programs'], dir), 'align: no .align files in ./empty/');
        assert.equal(diff(['programs', 'programs'], dir).status, 0);
    });

    it('a path without .align files in either revision is a usage error naming it and them; one side without any is an added workspace', () => {
        const own = gitRepo();
        fs.mkdirSync(path.join(own.dir, 'docs'));
        fs.writeFileSync(path.join(own.dir, 'docs', 'README.md'), '# Notes\n');
        fs.writeFileSync(path.join(own.dir, 'a.align'), 'skill A "a"\n');
        own.commit('docs');
        fs.mkdirSync(path.join(own.dir, 'team'));
        fs.writeFileSync(path.join(own.dir, 'team', 't.align'), 'skill T "t"\n');
        own.commit('the team workspace');
        assertOneLineFailure(diff(['HEAD', '--', 'docs'], own.dir), 'align: no .align files in docs/, neither in HEAD nor in the working tree');
        assertOneLineFailure(diff(['HEAD~1', 'HEAD', '--', 'team', 'docs/'], own.dir), 'align: no .align files in docs/, neither in HEAD~1 nor in HEAD');
        assertOneLineFailure(diff(['HEAD'], path.join(own.dir, 'docs')), 'align: no .align files in ./, neither in HEAD nor in the working tree');
        const added = diff(['HEAD~1', 'HEAD', '--format', 'json', '--', 'team'], own.dir);
        assert.equal(added.status, 0, added.stderr);
        assert.deepEqual((JSON.parse(added.stdout) as DiffJson).nodes.added.map(n => n.id), ['T']);
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

    it('a binary .align file in a revision is its `syntax` finding, named by its path in the repository', () => {
        fs.writeFileSync(path.join(repo.dir, 'broken.align'), Buffer.from([0, 1, 2, 3]));
        repo.commit('a binary file');
        fs.rmSync(path.join(repo.dir, 'broken.align'));
        const result = diff(['HEAD']);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^Fixed findings\n {2}- error syntax \(broken\.align:1\)\n\s+This file is binary \(a NUL byte on line 1\), not Align source/m);
        repo.git('reset', '-q', '--hard', 'HEAD~1');
    });

    it('a revision a shallow clone lacks: says it is shallow and what to fetch, and the fetch it names makes the diff work', () => {
        const origin = gitRepo(EXAMPLES);
        origin.git('checkout', '-q', '-b', 'feature');
        origin.edit('safety.align', t => t.replace('owner "Plant EHS leads"', 'owner "Plant EHS team"'));
        origin.commit('feature change');
        const clone = tempDir('align-clone-');
        const cloned = spawnSync('git', ['clone', '-q', '--depth=1', '--branch', 'feature', pathToFileURL(origin.dir).href, clone], { env: GIT_ENV, encoding: 'utf-8' });
        assert.equal(cloned.status, 0, cloned.stderr);
        const fetch = assertOneLineFailure(diff(['main'], clone), `unknown revision 'main' in ${fs.realpathSync(clone)}, a shallow clone`,
            '(git fetch --depth=1 origin main:refs/remotes/origin/main) and write origin/main', 'fetch-depth: 0');
        assertOneLineFailure(diff(['origin/main'], clone), 'a shallow clone', '(git fetch --depth=1 origin main:refs/remotes/origin/main)');
        assertOneLineFailure(diff(['HEAD~1'], clone), 'a shallow clone', 'git fetch --unshallow', 'fetch-depth: 0');
        const command = /\((git fetch [^)]+)\)/.exec(fetch)![1]!.split(' ');
        const fetched = spawnSync(command[0]!, command.slice(1), { cwd: clone, env: GIT_ENV, encoding: 'utf-8' });
        assert.equal(fetched.status, 0, fetched.stderr);
        const result = diff(['origin/main', '--format', 'json'], clone);
        assert.equal(result.status, 0, result.stderr);
        assert.equal(JSON.parse(result.stdout).nodes.changed[0].changes[0].after, '"Plant EHS team"');
        const full = assertOneLineFailure(diff(['no-such-branch']), "unknown revision 'no-such-branch' in the repository");
        assert.ok(!full.includes('fetch'), `a full clone gets no fetch hint: ${full}`);
    });

    it('a name that is a folder and a revision is read as the folder; NAME~0 is the revision, and the messages say so', () => {
        const named = gitRepo(EXAMPLES);
        named.git('branch', 'feature');
        fs.mkdirSync(path.join(named.dir, 'main'));
        fs.writeFileSync(path.join(named.dir, 'main', 'a.align'), 'skill A "a"\n');
        assertOneLineFailure(diff(['main', 'feature'], named.dir), "not 'main' and 'feature' (feature is not a folder; for the git revision main, write main~0)");
        const byRevision = diff(['main~0', 'feature', '--format', 'json'], named.dir);
        assert.equal(byRevision.status, 0, byRevision.stderr);
        assert.equal(byRevision.stderr, '');
        assert.deepEqual(JSON.parse(byRevision.stdout).nodes.added, [], 'the revisions, not the folder, were compared');
        fs.mkdirSync(path.join(named.dir, 'feature'));
        fs.writeFileSync(path.join(named.dir, 'feature', 'a.align'), 'skill A "a"\nskill B "b"\n');
        const folders = diff(['main', 'feature', '--format', 'json'], named.dir);
        assert.equal(folders.status, 0, folders.stderr);
        assert.equal(unwrapped(folders.stderr), 'align: main and feature are folders here, compared as such; for git, write main~0 feature~0\n');
        assertFits80(folders.stderr);
        assert.deepEqual((JSON.parse(folders.stdout) as DiffJson).nodes.added.map(n => n.id), ['B']);
        const plain = tempDir();
        fs.cpSync(path.join(named.dir, 'main'), path.join(plain, 'old'), { recursive: true });
        fs.cpSync(path.join(named.dir, 'feature'), path.join(plain, 'new'), { recursive: true });
        assert.equal(diff(['old', 'new'], plain).stderr, '', 'folders that are no revision: no note');
    });

    it('the copies a stopped run left behind (Ctrl-C, a cancelled job) are removed by the next run; a running one\'s, and young ones, are kept', () => {
        const dead = spawnSync(process.execPath, ['-e', '']).pid!;
        const stale = path.join(tmp, `align-diff-${dead}-Ab12Cd`);
        const young = path.join(tmp, `align-diff-${dead}-Ij56Kl`);
        const live = path.join(tmp, `align-diff-${process.pid}-Ef34Gh`);
        for (const folder of [stale, young, live]) fs.mkdirSync(path.join(folder, 'catalog'), { recursive: true });
        const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
        for (const folder of [stale, live]) fs.utimesSync(folder, twoHoursAgo, twoHoursAgo);
        const result = diff(['HEAD']);
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(fs.readdirSync(tmp).sort(), [path.basename(live), path.basename(young)].sort(),
            'the dead run\'s old copy is gone; the running one\'s and a young one (maybe another PID namespace\'s) kept');
        for (const folder of [young, live]) fs.rmSync(folder, { recursive: true });
    });

    it('an output file in a folder not made yet (made), and one that cannot be written (a file in the way)', () => {
        const made = path.join(tmp, 'no', 'such', 'folder.md');
        assert.equal(diff(['HEAD', '--output', made]).status, 0);
        assert.ok(fs.statSync(made).isFile());
        assertOneLineFailure(diff(['HEAD', '--output', path.join(made, 'x.md')]), '--output', 'cannot be written (a file is in the way of its folder');
        fs.rmSync(path.join(tmp, 'no'), { recursive: true });
    });
});
