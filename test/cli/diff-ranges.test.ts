/**
 * `align diff` with git ranges, read as `git diff` reads them: `A...B`
 * compares the merge base of A and B with B (what a pull request from B
 * into A changes, whatever A gained since), `A..B` compares A and B, and
 * an empty end is HEAD. Real repositories made here; the CLI as a child
 * process on the built bundle.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { GIT_ENV, gitRepo, HAS_GIT, type GitRepo } from './git-repo.js';
import { assertOneLineFailure, EXAMPLES, removeTempDirs, requireBundle, runCli, tempDir, type CliResult } from './run-cli.js';

/** The part of `align diff --format json` these tests read. */
interface DiffJson {
    base: { label: string; commit?: string };
    head: { label: string; commit?: string };
    nodes: { changed: Array<{ node: { id: string }; changes: Array<{ field: string; after?: string }> }> };
}

describe('align diff with git ranges (A...B, A..B)', function () {
    this.timeout(120_000);
    let repo: GitRepo;
    let tmp: string;
    const diff = (args: string[], cwd = repo.dir): CliResult => runCli(['diff', ...args], { cwd, env: { TMPDIR: tmp } });
    const json = (args: string[], cwd = repo.dir): DiffJson => {
        const result = diff([...args, '--format', 'json'], cwd);
        assert.equal(result.status, 0, `align diff ${args.join(' ')}: ${result.stderr}`);
        assert.equal(result.stderr, '');
        return JSON.parse(result.stdout) as DiffJson;
    };
    const changed = (parsed: DiffJson) => parsed.nodes.changed.map(c => `${c.node.id} ${c.changes.map(f => `${f.field}=${f.after}`).join(',')}`);
    const FEATURE = 'LockoutTagout.NearMissReports owner="Plant EHS team"';
    const MAIN = 'ChurnPilot.RepeatContactRate target=13% by 2026-04-05';

    before(function () {
        requireBundle();
        if (!HAS_GIT) this.skip();
        tmp = tempDir('align-tmp-');
        // main and feature part at the first commit; each then changes one element.
        repo = gitRepo(EXAMPLES);
        repo.git('checkout', '-q', '-b', 'feature');
        repo.edit('safety.align', t => t.replace('owner "Plant EHS leads"', 'owner "Plant EHS team"'));
        repo.commit('feature change');
        repo.git('checkout', '-q', 'main');
        repo.edit('churn-pilot.align', t => t.replace('target 14% by 2026-04-05', 'target 13% by 2026-04-05'));
        repo.commit('main moves on');
        repo.git('checkout', '-q', 'feature');
    });
    afterEach(() => assert.deepEqual(fs.readdirSync(tmp), [], 'no temporary copy is left behind'));
    after(removeTempDirs);

    it('main...feature is what feature changes since it left main, as in a pull request', () => {
        const parsed = json(['main...feature']);
        assert.deepEqual(changed(parsed), [FEATURE], 'main\'s own later change is not in the diff');
        assert.equal(parsed.base.label, 'merge-base main feature');
        assert.equal(parsed.base.commit, repo.git('merge-base', 'main', 'feature').trim());
        assert.deepEqual([parsed.head.label, parsed.head.commit], ['feature', repo.git('rev-parse', 'feature').trim()]);
        assert.deepEqual(changed(json(['main...'])), [FEATURE], 'an empty end is HEAD');
        const text = diff(['main...HEAD']);
        assert.equal(text.status, 0, text.stderr);
        assert.match(text.stdout, /^Align diff: merge-base main HEAD \([0-9a-f]{7}\) → HEAD \([0-9a-f]{7}\)\n/);
    });

    it('main..feature compares the two tips, as align diff main feature does', () => {
        const parsed = json(['main..feature']);
        assert.deepEqual(changed(parsed).sort(), [FEATURE, 'ChurnPilot.RepeatContactRate target=14% by 2026-04-05'].sort());
        assert.deepEqual(parsed, json(['main', 'feature']));
        assert.deepEqual(changed(json(['feature..main'])).sort(), [MAIN, 'LockoutTagout.NearMissReports owner="Plant EHS leads"'].sort());
    });

    it('a range with a second side, a range of nothing, unrelated histories: one line each', () => {
        assertOneLineFailure(diff(['main...feature', 'HEAD']), "give a range (main...feature) or two revisions, not both");
        assertOneLineFailure(diff(['main', 'HEAD~1..HEAD']), "'HEAD~1..HEAD' is a range: give it alone");
        assertOneLineFailure(diff(['...']), "'...' names no revision");
        assertOneLineFailure(diff(['nope...feature']), "unknown revision 'nope'");
        repo.git('checkout', '-q', '--orphan', 'lonely');
        repo.git('rm', '-rq', '--cached', '.');
        fs.writeFileSync(`${repo.dir}/lonely.align`, 'skill Lonely "Lonely"\n');
        repo.git('add', 'lonely.align');
        repo.git('commit', '-q', '-m', 'unrelated');
        repo.git('checkout', '-q', '-f', 'feature');
        assertOneLineFailure(diff(['main...lonely']), 'main and lonely have no common commit', 'align diff main lonely');
    });

    it('a shallow clone without the merge base says to fetch the history, and then the range works', () => {
        const clone = tempDir('align-clone-');
        const cloned = spawnSync('git', ['clone', '-q', '--depth=1', '--branch', 'feature', pathToFileURL(repo.dir).href, clone], { env: GIT_ENV, encoding: 'utf-8' });
        assert.equal(cloned.status, 0, cloned.stderr);
        const git = (...args: string[]) => {
            const result = spawnSync('git', args, { cwd: clone, env: GIT_ENV, encoding: 'utf-8' });
            assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
        };
        git('fetch', '-q', '--depth=1', 'origin', 'main:refs/remotes/origin/main');
        assertOneLineFailure(diff(['origin/main...HEAD'], clone), 'no merge base of origin/main and HEAD', 'a shallow clone', 'git fetch --unshallow', 'fetch-depth: 0');
        git('fetch', '-q', '--unshallow', 'origin', 'main:refs/remotes/origin/main');
        assert.deepEqual(changed(json(['origin/main...HEAD'], clone)), [FEATURE]);
    });
});
