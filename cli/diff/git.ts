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
    /** A symbolic link (mode 120000): its blob is the path it leads to. */
    link: boolean;
}

/** What one round of {@link copyRevision} lists: a path, and the one that links found under it must stay inside. */
interface Scope {
    readonly prefix: string;
    readonly boundary: string;
}

/**
 * Writes the files of `commit` under `prefixes` (relative to the top, `/`
 * separated, `''` for all) into `dest`, with the same relative paths.
 * Submodules, the hidden and skipped folders under each prefix, and files
 * over 64 MB are left out. Symbolic links are made again where `align
 * check` follows them (language/files/folder-walk.ts), and what they lead
 * to is copied: a link inside the prefix it was listed under that leads
 * inside it, or a prefix that is itself a link (read wherever it leads in
 * the repository, as a path given to `align check` is). A link that leads
 * outside (or out of the repository) is left out: the walk would not read
 * it. Returns how many files were written.
 */
export function copyRevision(top: string, commit: string, prefixes: readonly string[], dest: string): number {
    const listed = new Set<string>();
    let scopes: Scope[] = prefixes.map(prefix => ({ prefix, boundary: prefix }));
    let written = 0;
    while (scopes.length > 0) {
        scopes = scopes.filter(scope => {
            const key = `${scope.prefix}\0${scope.boundary}`;
            return !listed.has(key) && Boolean(listed.add(key));
        });
        if (scopes.length === 0) break;
        const kept = listTree(top, commit, scopes.map(scope => scope.prefix)).flatMap(entry => {
            const holding = scopes.filter(scope => within(entry.path, scope.prefix) && copied(below(entry.path, scope.prefix)));
            return holding.length > 0 && entry.size <= MAX_FILE_BYTES ? [{ entry, holding }] : [];
        });
        const blobs = readBlobs(top, kept.map(({ entry }) => entry));
        const next: Scope[] = [];
        kept.forEach(({ entry, holding }, i) => {
            const file = path.join(dest, ...entry.path.split('/'));
            fs.mkdirSync(path.dirname(file), { recursive: true });
            if (!entry.link) {
                fs.writeFileSync(file, blobs[i]!);
                written++;
                return;
            }
            const text = blobs[i]!.toString('utf-8');
            const target = linkTarget(entry.path, text);
            if (target === undefined) return;
            const boundaries = holding.map(scope => scope.prefix === entry.path ? target : scope.boundary).filter(boundary => within(target, boundary));
            if (boundaries.length > 0 && makeLink(text, file)) next.push(...boundaries.map(boundary => ({ prefix: target, boundary })));
        });
        scopes = next;
    }
    return written;
}

/** The regular files and symbolic links of `commit` under `prefixes`. */
function listTree(top: string, commit: string, prefixes: readonly string[]): TreeEntry[] {
    const specs = prefixes.map(p => p === '' ? '.' : p);
    const listing = git(top, ['--literal-pathspecs', 'ls-tree', '-r', '-z', '-l', '--full-tree', commit, '--', ...specs]);
    if (!listing) throw new InputError(`git ls-tree ${commit.slice(0, 12)} failed in ${top}`);
    return parseTree(listing.toString('utf-8'));
}

/** The contents of the entries' blobs, in their order (one `git cat-file --batch`). */
function readBlobs(top: string, entries: readonly TreeEntry[]): Buffer[] {
    if (entries.length === 0) return [];
    const blobs = git(top, ['cat-file', '--batch'], entries.map(e => e.object).join('\n') + '\n');
    if (!blobs) throw new InputError(`git cat-file failed in ${top}`);
    const contents: Buffer[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i++) {
        const headerEnd = blobs.indexOf(0x0a, offset);
        const size = Number(blobs.toString('utf-8', offset, headerEnd).split(' ')[2]);
        const start = headerEnd + 1;
        contents.push(blobs.subarray(start, start + size));
        offset = start + size + 1;
    }
    return contents;
}

/** Where the link at `link` (relative to the top) leads, relative to the top; undefined when it leaves the repository or is absolute. */
function linkTarget(link: string, text: string): string | undefined {
    if (path.posix.isAbsolute(text) || /^[A-Za-z]:/.test(text)) return undefined;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(link), text));
    if (target === '..' || target.startsWith('../')) return undefined;
    return target === '.' ? '' : target.replace(/\/$/, '');
}

/** Makes the link; false where the system makes none for this user (Windows without the right): the side is read without it, as a checkout with `core.symlinks` false. */
function makeLink(text: string, file: string): boolean {
    try {
        fs.symlinkSync(text, file);
        return true;
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') return true; // made for another prefix
        if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return false;
        throw error;
    }
}

/** True when `file` is `prefix` or lies under it (`''`: the whole repository). */
function within(file: string, prefix: string): boolean {
    return prefix === '' || file === prefix || file.startsWith(`${prefix}/`);
}

/** The part of `file` below `prefix`: the skipped folders count there only, as the walk of a path given skips none of the folders above it. */
function below(file: string, prefix: string): string {
    return prefix === '' ? file : file === prefix ? path.posix.basename(file) : file.slice(prefix.length + 1);
}

/** `<mode> <type> <object> <size>\t<path>\0` records of regular files (mode 100644 or 100755) and symbolic links (120000). */
function parseTree(text: string): TreeEntry[] {
    const entries: TreeEntry[] = [];
    for (const record of text.split('\0')) {
        const tab = record.indexOf('\t');
        if (tab < 0) continue;
        const [mode, type, object, size] = record.slice(0, tab).trim().split(/\s+/);
        if (type !== 'blob' || (mode !== '100644' && mode !== '100755' && mode !== '120000') || !object) continue;
        entries.push({ object, size: Number(size), path: record.slice(tab + 1), link: mode === '120000' });
    }
    return entries;
}

function copied(relative: string): boolean {
    const folders = relative.split('/').slice(0, -1);
    return folders.every(f => !isSkippedFolder(f));
}
