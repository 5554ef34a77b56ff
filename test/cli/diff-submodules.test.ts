/**
 * `align diff` in a repository with a git submodule that holds `.align`
 * files. `align check` reads them from the working tree; the revision's
 * copy left submodules out (cli/diff/git.ts kept only blobs), so that with
 * nothing modified the diff showed the submodule's elements as added.
 * Now a revision reads the submodule at the commit it records, from the
 * submodule's repository; when it cannot (not checked out, commit not
 * fetched), both sides read it as the working tree has it, and stderr
 * says so.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { gitRepo, HAS_GIT, type GitRepo } from './git-repo.js';
import { removeTempDirs, requireBundle, runCli, tempDir, writeFile, type CliResult } from './run-cli.js';

const SHARED = 'metric Shared "Shared figure" {\n  kind lagging\n}\n';
const TOP = 'outcome Top "Top" {\n  measured by Shared\n}\n';
const EMPTY = /^Align diff: .*\nNo change to the impact chain · coverage 0\/0 \(—\)\n$/;

/** A superproject with `top.align` (in `folder`) and the submodule `shared` holding `kpis/shared.align`, all committed. */
function withSubmodule(folder = ''): { sup: GitRepo; shared: GitRepo } {
    const sharedFiles = tempDir();
    writeFile(sharedFiles, 'kpis/shared.align', SHARED);
    const shared = gitRepo(sharedFiles);
    const supFiles = tempDir();
    writeFile(supFiles, path.join(folder, 'top.align'), TOP);
    const sup = gitRepo(supFiles);
    sup.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', shared.dir, 'shared');
    sup.commit('submodule');
    return { sup, shared };
}

function diffIn(cwd: string, ...args: string[]): CliResult {
    const result = runCli(['diff', ...args], { cwd, env: { TMPDIR: tmp } });
    assert.equal(result.status, 0, result.stderr);
    return result;
}

let tmp: string;

(HAS_GIT ? describe : describe.skip)('align diff: .align files in a git submodule', function () {
    this.timeout(120_000);
    before(() => {
        requireBundle();
        tmp = tempDir('align-tmp-');
    });
    after(removeTempDirs);

    it('nothing modified: an empty diff, the submodule read at the commit HEAD records', () => {
        const { sup } = withSubmodule();
        const result = diffIn(sup.dir, 'HEAD');
        assert.match(result.stdout, EMPTY);
        assert.equal(result.stderr, '');
    });

    it('the submodule moved to a commit that changes a title: the change shows, between revisions and against the working tree', () => {
        const { sup, shared } = withSubmodule();
        shared.edit('kpis/shared.align', t => t.replace('Shared figure', 'Shared revenue figure'));
        shared.commit('retitle');
        sup.git('-C', 'shared', 'pull', '-q', 'origin', 'main');
        for (const args of [['HEAD'], ['HEAD', '--format', 'json']]) {
            const result = diffIn(sup.dir, ...args);
            assert.doesNotMatch(result.stdout, /No change/, 'the working tree has the new title');
        }
        sup.commit('bump shared');
        const json = JSON.parse(diffIn(sup.dir, 'HEAD~1', 'HEAD', '--format', 'json').stdout);
        assert.deepEqual(json.nodes.changed.map((c: { node: { id: string }; changes: unknown[] }) => [c.node.id, c.changes]),
            [['Shared', [{ field: 'title', before: 'Shared figure', after: 'Shared revenue figure' }]]]);
        assert.deepEqual([json.nodes.added, json.nodes.removed], [[], []]);
        assert.match(diffIn(sup.dir, 'HEAD').stdout, EMPTY);
    });

    it('a catalog the config names inside the submodule, outside the paths compared: read from the submodule', () => {
        const { sup } = withSubmodule('programs');
        writeFile(sup.dir, 'align.config.json', '{ "catalogs": ["./shared/kpis"] }\n');
        sup.commit('catalog');
        const result = diffIn(sup.dir, 'HEAD', '--', 'programs');
        assert.match(result.stdout, /^Align diff: .*\nNo change to the impact chain/);
        assert.equal(result.stderr, '');
    });

    it('a recorded commit the submodule lacks: read as in the working tree on both sides, and stderr says how to fetch it', () => {
        const { sup } = withSubmodule();
        const lacking = 'c0ffee'.padEnd(40, '0');
        sup.git('update-index', '--cacheinfo', `160000,${lacking},shared`);
        sup.git('commit', '-q', '-m', 'record a commit never fetched');
        for (const args of [['HEAD'], ['HEAD~1', 'HEAD']]) {
            const result = diffIn(sup.dir, ...args);
            assert.match(result.stdout, EMPTY, `align diff ${args.join(' ')}`);
            const notice = result.stderr.replace(/\n {2}/g, ' ');
            assert.match(notice, /^align: submodule shared: its repository lacks commit c0ffee000000, which HEAD records: it is read as in the working tree on both sides/);
            assert.ok(notice.includes(`git -C shared fetch origin ${lacking}`), notice);
        }
    });

    it('a submodule not checked out (a clone without --recurse-submodules): left out of both sides, as align check reads nothing there', () => {
        const { sup } = withSubmodule();
        const clone = path.join(tempDir(), 'clone');
        sup.git('clone', '-q', sup.dir, clone);
        const check = runCli(['check', '--format', 'json'], { cwd: clone });
        assert.match(check.stdout, /unresolved-reference/, 'align check reads nothing in the empty submodule folder');
        const result = diffIn(clone, 'HEAD');
        assert.match(result.stdout, /^Align diff: .*\nNo change to the impact chain/);
        const notice = result.stderr.replace(/\n {2}/g, ' ');
        assert.match(notice, /^align: submodule shared is not checked out, so the files HEAD records in it cannot be read: it is left out of both sides/);
        assert.ok(notice.includes('git submodule update --init -- shared'), notice);
    });
});
