/**
 * The two sides of `align diff`: git revisions (copied from the repository
 * that holds the paths into a temporary folder), the working tree, or
 * folders. Each side says where its files are on disk (`root`), what they
 * stand for (`anchor`: the repository's top or the folder given), and the
 * paths to load. A name that is an existing folder is read as the folder,
 * even when it is a git revision too (`main~0` names the revision).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requireAlignFile } from '../workspace/find-files.js';
import { InputError } from '../workspace/input-error.js';
import { completeNamedSources, linkInstalledPackages, mirrored } from './revision-context.js';
import { makeTempCopy } from './temp-copy.js';
import { RevisionCopy, type SubmoduleRecord } from './copy-revision.js';
import { commitNamed, mergeBase, parseRange, repositoryOf, resolveCommit } from './git.js';
import { readMissingSubmodules } from './submodule-sides.js';

/** One side, ready to be loaded. */
export interface Side {
    /** How the output names it: `main`, `working tree`, `old/`. */
    label: string;
    /** The commit, for a revision. */
    commit?: string;
    /** Where the files are on disk. */
    root: string;
    /** What `root` stands for: the repository's top, or the folder given. File names in the output are relative to it. */
    anchor: string;
    /** Absolute paths under `root` to load. */
    paths: string[];
    /** Removes a temporary copy. */
    dispose(): void;
    /** For a folder: true when its name is also a git revision here (it is read as the folder). */
    alsoRevision?: boolean;
    /** For git: the paths compared, relative to the repository's top (`''` for all of it). */
    scope?: readonly string[];
    /** For a revision: the submodules its copy met. */
    submodules?: readonly SubmoduleRecord[];
    /**
     * For a folder: it must hold `.align` files, as any folder given to
     * `align check` (a usage error otherwise). A revision without any is an
     * empty workspace: the workspace was added or removed since.
     */
    requireFiles?: boolean;
}

/** The base and head, and what stderr says about them (a submodule whose commit could not be read). */
export interface Sides {
    base: Side;
    head: Side;
    notices: string[];
}

/** The base and head of `align diff BASE [HEAD] [-- PATH...]`. */
export function resolveSides(base: string, head: string | undefined, paths: readonly string[]): Sides {
    const baseIsFolder = isFolder(base);
    if (baseIsFolder || (head !== undefined && isFolder(head))) {
        if (head === undefined) throw new InputError(`diff: '${base}' is a folder: give the folder to compare it with (align diff OLD NEW)`);
        if (!baseIsFolder || !isFolder(head)) {
            const [folder, other] = baseIsFolder ? [base, head] : [head, base];
            const revision = commitNamed(process.cwd(), folder) ? `; for the git revision ${folder}, write ${folder}~0` : '';
            throw new InputError(`diff: give two git revisions or two folders, not '${base}' and '${head}' (${other} is not a folder${revision})`);
        }
        if (paths.length > 0 && !(paths.length === 1 && paths[0] === '.')) throw new InputError('diff: paths after -- apply to git revisions, not to folders');
        return { base: folderSide(base), head: folderSide(head), notices: [] };
    }
    const absolute = paths.map(p => path.resolve(p));
    // A path missing on disk (deleted in the working tree) may still be in the revisions: checked once they are copied.
    const missing = absolute.flatMap((p, i) => fs.existsSync(p) ? [] : [i]);
    for (const [i, p] of absolute.entries()) {
        // Checked here, not in the copy of a revision: the message names the path as given. A missing path is a file when it ends with .align.
        if (missing.includes(i) ? /\.align$/i.test(p) : !isFolder(p)) requireAlignFile(paths[i]!, p);
    }
    const top = repositoryOf(folderOf(nearestExisting(absolute[0]!)));
    if (!top) {
        throw new InputError(`diff: '${base}' is not a folder, and ${paths[0] === '.' ? 'the current folder' : paths[0]} is not in a git repository (to compare folders: align diff OLD NEW)`);
    }
    const realTop = fs.realpathSync(top);
    const prefixes = absolute.map(p => {
        const existing = nearestExisting(p);
        const relative = path.relative(realTop, path.join(fs.realpathSync(existing), path.relative(existing, p)));
        if (relative.startsWith('..') || path.isAbsolute(relative)) throw new InputError(`${p}: is outside the repository ${top}`);
        return relative.split(path.sep).join('/');
    });
    const revisions = revisionsOf(realTop, base, head);
    const baseSide = revisionSide(realTop, revisions.base, prefixes);
    let headSide: Side | undefined;
    try {
        headSide = revisions.head === undefined ? worktreeSide(realTop, prefixes) : revisionSide(realTop, revisions.head, prefixes);
        for (const i of missing) {
            const inRevision = (side: Side) => side.commit !== undefined && fs.existsSync(path.join(side.root, ...splitPath(prefixes[i]!)));
            if (!inRevision(baseSide) && !inRevision(headSide)) {
                const where = headSide.commit === undefined ? ` or in ${baseSide.label}` : `, in ${baseSide.label} or in ${headSide.label}`;
                throw new InputError(`${paths[i]}: no such file or folder in the working tree${where}`);
            }
        }
        const notices = readMissingSubmodules(realTop, [baseSide, headSide]);
        return { base: { ...baseSide, scope: prefixes }, head: { ...headSide, scope: prefixes }, notices };
    } catch (error) {
        baseSide.dispose();
        headSide?.dispose();
        throw error;
    }
}

/** A revision to read: how the output names it, and its commit. */
interface Revision {
    label: string;
    commit: string;
}

/**
 * The commits of BASE and HEAD. A range reads as `git diff` reads it:
 * `A..B` compares A and B; `A...B` compares the merge base of A and B with
 * B (what a pull request from B into A changes); an empty end is HEAD.
 */
function revisionsOf(top: string, base: string, head: string | undefined): { base: Revision; head?: Revision } {
    const range = parseRange(base);
    if (range && head !== undefined) throw new InputError(`diff: give a range (${base}) or two revisions, not both ('${base}' and '${head}')`);
    if (head !== undefined && parseRange(head)) throw new InputError(`diff: '${head}' is a range: give it alone (align diff ${head}) or give two revisions`);
    const revision = (name: string): Revision => ({ label: name, commit: resolveCommit(top, name) });
    if (!range) return { base: revision(base), head: head === undefined ? undefined : revision(head) };
    const [from, to] = [revision(range.from), revision(range.to)];
    if (!range.mergeBase) return { base: from, head: to };
    return { base: { label: `merge-base ${range.from} ${range.to}`, commit: mergeBase(top, range, from.commit, to.commit) }, head: to };
}

/** `absolute`, or its nearest ancestor that exists. */
function nearestExisting(absolute: string): string {
    let existing = absolute;
    while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
    return existing;
}

function folderSide(folder: string): Side {
    const root = fs.realpathSync(folder);
    return { label: folder, root, anchor: root, paths: [root], dispose: () => undefined, alsoRevision: commitNamed(process.cwd(), folder) !== undefined, requireFiles: true };
}

function worktreeSide(top: string, prefixes: readonly string[]): Side {
    const paths = prefixes.map(p => path.join(top, ...splitPath(p))).filter(p => fs.existsSync(p));
    if (paths.length > 0) return { label: 'working tree', root: top, anchor: top, paths, dispose: () => undefined };
    // Every path was deleted from the working tree: an empty workspace.
    const empty = makeTempCopy();
    return { label: 'working tree', root: empty, anchor: top, paths: [empty], dispose: () => fs.rmSync(empty, { recursive: true, force: true }) };
}

function revisionSide(top: string, { label, commit }: Revision, prefixes: readonly string[]): Side {
    const base = makeTempCopy();
    const dispose = () => fs.rmSync(base, { recursive: true, force: true });
    // At the repository's own place inside the copy: what its configs name resolves as on disk (revision-context.ts).
    const root = mirrored(base, top);
    const copy = new RevisionCopy(top, commit, root);
    try {
        fs.mkdirSync(root, { recursive: true });
        copy.add([...prefixes, ...configFilesAbove(prefixes)]);
        // A folder the revision does not have is an empty workspace; a file it does not have is left out.
        for (const prefix of prefixes) if (isFolder(path.join(top, ...splitPath(prefix)))) fs.mkdirSync(path.join(root, ...splitPath(prefix)), { recursive: true });
        completeNamedSources(copy, base);
        copy.finish();
        linkInstalledPackages(base, prefixes.map(p => folderOf(nearestExisting(path.join(top, ...splitPath(p))))));
    } catch (error) {
        dispose();
        throw error;
    }
    const paths = prefixes.map(p => path.join(root, ...splitPath(p))).filter(p => fs.existsSync(p));
    return { label, commit, root, anchor: top, paths: paths.length > 0 ? paths : [root], dispose, submodules: copy.submodules };
}

/** `align.config.json` in every folder from the top down to each prefix: the nearest one is the workspace's settings. */
function configFilesAbove(prefixes: readonly string[]): string[] {
    const files = new Set<string>();
    for (const prefix of prefixes) {
        const parts = splitPath(prefix);
        for (let i = 0; i <= parts.length; i++) files.add([...parts.slice(0, i), 'align.config.json'].join('/'));
    }
    return [...files];
}

function splitPath(prefix: string): string[] {
    return prefix === '' ? [] : prefix.split('/');
}

function isFolder(candidate: string): boolean {
    return fs.existsSync(candidate) && fs.statSync(candidate).isDirectory();
}

function folderOf(absolute: string): string {
    return isFolder(absolute) ? absolute : path.dirname(absolute);
}
