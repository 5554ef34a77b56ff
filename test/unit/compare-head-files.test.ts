import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { headFiles, headLabel, type HeadSource } from '../../client/compare/head-files.js';
import { GIT_ENV, gitRepo, HAS_GIT, type GitRepo } from '../cli/git-repo.js';
import { tempDir } from '../cli/run-cli.js';

/**
 * A HeadSource over git itself, answering as the git extension's API does
 * (client/compare/git-head-source.ts): changes since HEAD by their path at
 * HEAD (`Change.originalUri`: the old path of a rename, untracked files too),
 * and `getObjectDetails` + `show` for a file at HEAD.
 */
function gitSource(repo: GitRepo): HeadSource {
    const run = (...args: string[]) => spawnSync('git', args, { cwd: repo.dir, env: GIT_ENV, encoding: 'utf-8' });
    const relative = (file: string) => path.relative(repo.dir, file).split(path.sep).join('/');
    return {
        root: repo.dir,
        head: repo.git('rev-parse', 'HEAD').trim(),
        changedSinceHead: () => {
            const fields = repo.git('status', '--porcelain=v1', '-z', '--untracked-files=all').split('\0').filter(Boolean);
            const paths: string[] = [];
            for (let i = 0; i < fields.length; i++) {
                const [status, file] = [fields[i]!.slice(0, 2), fields[i]!.slice(3)];
                // A rename is `R  new\0old`: the change's original URI is the old path.
                paths.push(path.join(repo.dir, status.startsWith('R') ? fields[++i]! : file));
            }
            return paths;
        },
        readAtHead: async file => run('cat-file', '-e', `HEAD:${relative(file)}`).status === 0 ? repo.git('show', `HEAD:${relative(file)}`) : undefined
    };
}

const alignFiles = (dir: string): string[] => (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter(f => f.endsWith('.align') && !f.split(path.sep).includes('.git')).map(f => path.join(dir, f));

describe('compare with the last commit: the workspace files as HEAD has them (a real git repository)', function () {
    before(function () { if (!HAS_GIT) this.skip(); });

    it('reads HEAD\'s text of changed, deleted, renamed and unchanged files, and leaves out files added since', async () => {
        const repo = gitRepo();
        const write = (file: string, text: string) => {
            fs.mkdirSync(path.dirname(path.join(repo.dir, file)), { recursive: true });
            fs.writeFileSync(path.join(repo.dir, file), text);
        };
        write('a.align', 'metric A "A" {}\n');
        write('sub/b.align', 'metric B "B" {}\n');
        write('gone.align', 'metric Gone "Gone" {}\n');
        write('old-name.align', 'metric Moved "Moved" {}\n');
        write('notes.md', 'not a workspace file\n');
        const head = repo.commit('base');
        write('a.align', 'metric A "A, edited" {}\n');
        fs.rmSync(path.join(repo.dir, 'gone.align'));
        fs.rmSync(path.join(repo.dir, 'notes.md'));
        repo.git('mv', 'old-name.align', 'new-name.align');
        write('untracked.align', 'metric New "New" {}\n');
        write('staged.align', 'metric Staged "Staged" {}\n');
        repo.git('add', 'staged.align');
        const outside = tempDir('align-no-git-');
        fs.writeFileSync(path.join(outside, 'loose.align'), 'metric Loose "Loose" {}\n');

        const source = gitSource(repo);
        const files = await headFiles({
            current: [...alignFiles(repo.dir), path.join(outside, 'loose.align')],
            repositories: [source],
            inWorkspace: () => true,
            readCurrent: async file => fs.readFileSync(file, 'utf-8')
        });
        const rel = (file: string) => file.startsWith(repo.dir) ? path.relative(repo.dir, file).split(path.sep).join('/') : `outside/${path.basename(file)}`;
        assert.deepEqual(files.map(f => [rel(f.path), f.text]).sort(), [
            ['a.align', 'metric A "A" {}\n'],
            ['gone.align', 'metric Gone "Gone" {}\n'],
            ['old-name.align', 'metric Moved "Moved" {}\n'],
            ['outside/loose.align', 'metric Loose "Loose" {}\n'],
            ['sub/b.align', 'metric B "B" {}\n']
        ]);
        assert.equal(headLabel([source]), `HEAD (${head.slice(0, 7)})`);
    });

    it('has no base for a repository without a commit, and leaves out deleted files outside the workspace', async () => {
        const repo = gitRepo();
        fs.writeFileSync(path.join(repo.dir, 'first.align'), 'metric First "First" {}\n');
        const unborn: HeadSource = { root: repo.dir, head: undefined, changedSinceHead: () => [], readAtHead: () => Promise.reject(new Error('no HEAD to read')) };
        assert.deepEqual(await headFiles({ current: alignFiles(repo.dir), repositories: [unborn], inWorkspace: () => true, readCurrent: async () => 'unused' }), []);
        assert.equal(headLabel([unborn]), 'HEAD');

        repo.commit('base');
        fs.mkdirSync(path.join(repo.dir, 'other'));
        fs.writeFileSync(path.join(repo.dir, 'other/elsewhere.align'), 'metric Elsewhere "E" {}\n');
        repo.commit('second');
        fs.rmSync(path.join(repo.dir, 'other/elsewhere.align'));
        const files = await headFiles({
            current: alignFiles(repo.dir), repositories: [gitSource(repo)],
            inWorkspace: file => !file.includes(`${path.sep}other${path.sep}`), readCurrent: async () => 'unused'
        });
        assert.deepEqual(files.map(f => path.basename(f.path)), ['first.align']);
    });
});
