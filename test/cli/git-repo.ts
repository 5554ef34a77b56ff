/**
 * Real git repositories for the CLI tests, made in a temporary folder: a
 * fixed identity and fixed dates, so that commits (and the SHAs the output
 * prints) are the same on every run.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './run-cli.js';

/** The environment git runs with in these repositories: no user config, fixed author and dates. */
export const GIT_ENV: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Align Tests', GIT_AUTHOR_EMAIL: 'tests@example.com', GIT_AUTHOR_DATE: '2026-01-05T09:00:00Z',
    GIT_COMMITTER_NAME: 'Align Tests', GIT_COMMITTER_EMAIL: 'tests@example.com', GIT_COMMITTER_DATE: '2026-01-05T09:00:00Z'
};

/** True when git can run here. */
export const HAS_GIT = spawnSync('git', ['--version']).status === 0;

export interface GitRepo {
    dir: string;
    /** Runs git in the repository, asserting success; returns stdout. */
    git(...args: string[]): string;
    /** Stages everything and commits. */
    commit(message: string): string;
    /** Edits a file of the work tree. */
    edit(file: string, change: (text: string) => string): void;
}

/** A new repository on branch `main` with `files` copied from `from` (a folder) and committed as `base`. */
export function gitRepo(from?: string): GitRepo {
    const dir = tempDir('align-git-');
    const git = (...args: string[]): string => {
        const result = spawnSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf-8' });
        assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
        return result.stdout;
    };
    git('init', '-q', '-b', 'main');
    if (from) fs.cpSync(from, dir, { recursive: true });
    const commit = (message: string) => {
        git('add', '-A');
        git('commit', '-q', '--allow-empty', '-m', message);
        return git('rev-parse', 'HEAD').trim();
    };
    const edit = (file: string, change: (text: string) => string) => {
        const full = path.join(dir, file);
        fs.writeFileSync(full, change(fs.readFileSync(full, 'utf-8')));
    };
    if (from) commit('base');
    return { dir, git, commit, edit };
}

/** The review change: what a pull request might do to the examples. */
export function reviewChange(repo: GitRepo): void {
    repo.edit('sales-win-rate.align', t => t
        .replace('target 34% by 2026-H2', 'target 36% by 2026-H2')
        .replace('  actuals PipelineHygiene {', '  objective Negotiate "Negotiate multi-year renewals" {\n    practice roleplay "Procurement call"\n  }\n\n  actuals PipelineHygiene {'));
    repo.edit('churn-pilot.align', t => t
        .replace(/\bNeedsDiscovery\b/g, 'DiscoveryQuestions')
        .replace('target 14% by 2026-04-05', 'target 13% by 2026-04-05')
        .replace('moves RepeatContactRate, NPS', 'moves RepeatContactRate'));
}
