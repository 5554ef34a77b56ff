/**
 * The git commands `align diff` needs to name what it compares, run as
 * child processes: find the repository of a folder, resolve a revision or
 * a range. The copy of a revision's files is copy-revision.ts.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { InputError } from '../workspace/input-error.js';
import { shellCommand } from '../shell-word.js';
import { git, gitReason, runGit } from './git-run.js';

/**
 * The top folder of the git repository that holds `folder`; undefined when
 * there is none. Git refusing the repository (another user's), or failing
 * on it otherwise, is an InputError with git's reason.
 */
export function repositoryOf(folder: string): string | undefined {
    const result = runGit(folder, ['rev-parse', '--show-toplevel']);
    if (result.ok) return path.resolve(result.stdout.toString('utf-8').trim());
    if (/not a git repository/i.test(result.stderr)) return undefined;
    throw new InputError(`diff: git cannot read the repository of ${folder}: ${gitReason(result.stderr)}`);
}

/** The commit a revision names (`main`, `HEAD~1`, a SHA), or an InputError naming it. */
export function resolveCommit(top: string, revision: string): string {
    const out = git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
    if (!out) throw new InputError(unknownRevision(top, revision));
    return out.toString('utf-8').trim();
}

/** The commit `revision` names in the repository that holds `folder`; undefined when there is none (or no repository, or no git). */
export function commitNamed(folder: string, revision: string): string | undefined {
    const result = spawnSync('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], { cwd: folder, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
    return result.error === undefined && result.status === 0 ? result.stdout.toString('utf-8').trim() : undefined;
}

/** Why a revision names no commit, with what to write or fetch instead where that is clear. */
function unknownRevision(top: string, revision: string): string {
    if (!git(top, ['rev-parse', '--verify', '--quiet', 'HEAD'])) return `unknown revision '${revision}': the repository ${top} has no commit yet`;
    if (isShallow(top)) return `unknown revision '${revision}' in ${top}, a shallow clone: ${fetchHint(revision)}`;
    return `unknown revision '${revision}' in the repository ${top}`;
}

function isShallow(top: string): boolean {
    return git(top, ['rev-parse', '--is-shallow-repository'])?.toString('utf-8').trim() === 'true';
}

/** A range as `git diff` reads it: `A..B` (A and B) or `A...B` (the merge base of A and B, and B); an empty end is HEAD. */
export interface RevisionRange {
    from: string;
    to: string;
    mergeBase: boolean;
}

/** The range `revision` writes, or undefined for a single revision (a ref name never holds `..`). */
export function parseRange(revision: string): RevisionRange | undefined {
    const match = /^(.*?)(\.\.\.?)(.*)$/.exec(revision);
    if (!match) return undefined;
    const [from, dots, to] = [match[1]!, match[2]!, match[3]!];
    if (from === '' && to === '') throw new InputError(`diff: '${revision}' names no revision: write e.g. main...HEAD`);
    return { from: from || 'HEAD', to: to || 'HEAD', mergeBase: dots === '...' };
}

/** The best common ancestor of two commits (`git merge-base`), or an InputError saying what to fetch or write instead. */
export function mergeBase(top: string, range: RevisionRange, from: string, to: string): string {
    const out = git(top, ['merge-base', from, to]);
    if (out) return out.toString('utf-8').trim().split('\n')[0]!;
    const written = `${range.from}...${range.to}`;
    if (isShallow(top)) {
        throw new InputError(`no merge base of ${range.from} and ${range.to} in ${top}, a shallow clone: fetch the history (git fetch --unshallow), or check out with fetch-depth: 0 (actions/checkout)`);
    }
    throw new InputError(`${written}: ${range.from} and ${range.to} have no common commit; to compare them as they are: ${shellCommand(['align', 'diff', range.from, range.to])}`);
}

/** How to get a revision that a shallow clone lacks: fetch the branch, or the history (`HEAD~3`, a commit). */
function fetchHint(revision: string): string {
    const checkout = 'or check out with fetch-depth: 0 (actions/checkout)';
    const remote = /^origin\/([\w./-]+)$/.exec(revision);
    // The full refspec: a single-branch clone (`git clone --depth=1`) would not update origin/NAME otherwise.
    const fetch = (branch: string) => `git fetch --depth=1 origin ${branch}:refs/remotes/origin/${branch}`;
    if (remote) return `fetch it (${fetch(remote[1]!)}), ${checkout}`;
    if (/^[\w./-]+$/.test(revision) && !/^[0-9a-f]{7,}$/i.test(revision)) {
        return `fetch it (${fetch(revision)}) and write origin/${revision}, ${checkout}`;
    }
    return `fetch the history (git fetch --unshallow), ${checkout}`;
}
