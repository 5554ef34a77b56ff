/**
 * Paths in the CI formats of `align check` (sarif, github, gitlab, junit)
 * are relative to the repository root (the nearest folder up with a `.git`
 * entry, or `--root DIR`), wherever the check runs: annotations, code
 * scanning and Code Quality name files from the root. Never `../`: a file
 * outside the root gets its absolute path. Pretty and JSON output stay
 * relative to the current folder.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gitRepo, HAS_GIT } from './git-repo.js';
import { checkJson, linesOf, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const LONELY = 'skill Lonely "A skill no behavior needs"\n';

describe('align check: paths of the CI formats are relative to the repository root', () => {
    before(function () {
        requireBundle();
        if (!HAS_GIT) this.skip();
    });
    after(removeTempDirs);

    /** A git repository with programs/on.align and an empty folder tools/ to run from. */
    function repository() {
        const repo = gitRepo();
        writeFile(repo.dir, 'programs/on.align', LONELY);
        fs.mkdirSync(path.join(repo.dir, 'tools'));
        return { root: repo.dir, cwd: path.join(repo.dir, 'tools') };
    }

    const sarifUris = (stdout: string) => {
        const run = JSON.parse(stdout).runs[0];
        return { base: run.originalUriBaseIds['%SRCROOT%'].uri as string, uris: run.results.map((r: any) => r.locations[0].physicalLocation.artifactLocation) };
    };

    it('from a subfolder: sarif, github, gitlab and junit name root/programs/on.align as programs/on.align', () => {
        const { root, cwd } = repository();
        const sarif = sarifUris(runCli(['check', '..', '-f', 'sarif'], { cwd }).stdout);
        assert.equal(sarif.base, pathToFileURL(root).href + '/', '%SRCROOT% is the repository root');
        assert.deepEqual(sarif.uris, [{ uri: 'programs/on.align', uriBaseId: '%SRCROOT%' }]);
        assert.match(runCli(['check', '..', '-f', 'github'], { cwd }).stdout, /^::warning file=programs\/on\.align,line=1,/);
        const gitlab = JSON.parse(runCli(['check', '..', '-f', 'gitlab'], { cwd }).stdout);
        assert.equal(gitlab[0].location.path, 'programs/on.align');
        assert.match(runCli(['check', '..', '-f', 'junit'], { cwd }).stdout, /<testcase classname="programs\/on\.align"/);
        // For people and the normative JSON: relative to the current folder.
        assert.equal(checkJson(['..'], { cwd, status: 0 })[0]!.file, '../programs/on.align');
        assert.match(runCli(['check', '..'], { cwd }).stdout, /^\.\.\/programs\/on\.align\n/);
    });

    it('a .git file (worktree, submodule) marks the root too', () => {
        const dir = tempDir();
        writeFile(dir, '.git', 'gitdir: /elsewhere/.git/worktrees/x\n');
        writeFile(dir, 'a/b.align', LONELY);
        assert.match(runCli(['check', '.', '-f', 'github'], { cwd: path.join(dir, 'a') }).stdout, /^::warning file=a\/b\.align,/);
    });

    it('--root DIR overrides; a file outside the root gets its absolute path (a file URI in SARIF), never ../', () => {
        const { root, cwd } = repository();
        const file = path.join(root, 'programs', 'on.align');
        const github = runCli(['check', '..', '-f', 'github', '--root', '.'], { cwd });
        assert.equal(github.status, 0, github.stderr);
        assert.match(github.stdout, new RegExp(`^::warning file=${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')},line=1,`));
        const sarif = sarifUris(runCli(['check', '..', '-f', 'sarif', '--root', '.'], { cwd }).stdout);
        assert.equal(sarif.base, pathToFileURL(cwd).href + '/');
        assert.deepEqual(sarif.uris, [{ uri: pathToFileURL(file).href }]);
        assert.equal(JSON.parse(runCli(['check', '..', '-f', 'gitlab', '--root', '.'], { cwd }).stdout)[0].location.path, file);
        for (const format of ['sarif', 'github', 'gitlab', 'junit']) {
            assert.doesNotMatch(runCli(['check', '..', '-f', format, '--root', '.'], { cwd }).stdout, /\.\.\//, format);
        }
        assert.match(runCli(['check', '.', '-f', 'github', '--root', 'programs'], { cwd: root }).stdout, /^::warning file=on\.align,/);
    });

    it('--root naming no folder is a usage error', () => {
        const { cwd } = repository();
        const result = runCli(['check', '..', '-f', 'sarif', '--root', 'nowhere'], { cwd });
        assert.equal(result.status, 2);
        assert.deepEqual(linesOf(result.stderr), ["align: --root nowhere: no such folder; give the repository's root folder"]);
    });
});
