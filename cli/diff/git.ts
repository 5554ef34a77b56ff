/**
 * The git commands `align diff` needs, run as child processes: find the
 * repository of a folder, resolve a revision, and copy the files of a
 * revision under some paths into a folder (ls-tree + one cat-file --batch).
 * Nothing is checked out: the repository's index and work tree are untouched.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isSkippedFolder } from '../../language/files/skipped-folders.js';
import { InputError } from '../workspace/input-error.js';
import { shellCommand } from '../shell-word.js';

/** Folders that are never copied (as `align check` never reads them). */
/** Files larger than this are not copied (no `.align` or actuals file is that large). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Runs git in `cwd`; returns stdout, or undefined when git exits non-zero. */
function git(cwd: string, args: readonly string[], input?: string): Buffer | undefined {
    const result = spawnSync('git', args, { cwd, input, maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
    if (result.error) {
        const code = (result.error as NodeJS.ErrnoException).code;
        throw new InputError(code === 'ENOENT' ? 'git is not installed: align diff reads revisions with git' : `git could not run: ${result.error.message}`);
    }
    return result.status === 0 ? result.stdout : undefined;
}

/** The top folder of the git repository that holds `folder`, or undefined. */
export function repositoryOf(folder: string): string | undefined {
    const out = git(folder, ['rev-parse', '--show-toplevel']);
    return out ? path.resolve(out.toString('utf-8').trim()) : undefined;
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

interface TreeEntry {
    object: string;
    size: number;
    /** Relative to the repository's top, with `/`. */
    path: string;
}

/**
 * Writes the files of `commit` under `prefixes` (relative to the top, `/`
 * separated, `''` for all) into `dest`, with the same relative paths.
 * Symbolic links, submodules, hidden and skipped folders, and files over
 * 64 MB are left out. Returns how many files were written.
 */
export function copyRevision(top: string, commit: string, prefixes: readonly string[], dest: string): number {
    const specs = prefixes.map(p => p === '' ? '.' : p);
    const listing = git(top, ['--literal-pathspecs', 'ls-tree', '-r', '-z', '-l', '--full-tree', commit, '--', ...specs]);
    if (!listing) throw new InputError(`git ls-tree ${commit.slice(0, 12)} failed in ${top}`);
    const entries = parseTree(listing.toString('utf-8')).filter(e => e.size <= MAX_FILE_BYTES && copied(e.path));
    if (entries.length === 0) return 0;
    const blobs = git(top, ['cat-file', '--batch'], entries.map(e => e.object).join('\n') + '\n');
    if (!blobs) throw new InputError(`git cat-file failed in ${top}`);
    let offset = 0;
    for (const entry of entries) {
        const headerEnd = blobs.indexOf(0x0a, offset);
        const size = Number(blobs.toString('utf-8', offset, headerEnd).split(' ')[2]);
        const start = headerEnd + 1;
        const file = path.join(dest, ...entry.path.split('/'));
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, blobs.subarray(start, start + size));
        offset = start + size + 1;
    }
    return entries.length;
}

/** `<mode> <type> <object> <size>\t<path>\0` records of regular files (mode 100644 or 100755). */
function parseTree(text: string): TreeEntry[] {
    const entries: TreeEntry[] = [];
    for (const record of text.split('\0')) {
        const tab = record.indexOf('\t');
        if (tab < 0) continue;
        const [mode, type, object, size] = record.slice(0, tab).trim().split(/\s+/);
        if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || !object) continue;
        entries.push({ object, size: Number(size), path: record.slice(tab + 1) });
    }
    return entries;
}

function copied(relative: string): boolean {
    const folders = relative.split('/').slice(0, -1);
    return folders.every(f => !isSkippedFolder(f));
}
