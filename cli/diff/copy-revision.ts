/**
 * The copy of a revision's files that `align diff` reads as `align check`
 * reads the working tree: listed with `git ls-tree`, read with `git
 * cat-file --batch` in batches of at most 64 MB (however much the
 * repository holds), written into a folder. Nothing is checked out: the
 * repository's index and work tree are untouched.
 *
 * Only what a check can read is copied (read-files.ts): the other files
 * are listed, and copied at the end ({@link RevisionCopy.finish}) only when
 * an `.align` file names them. A submodule is copied at the commit the
 * revision records, from the submodule's repository (checked out at its
 * path); when that commit cannot be read there, the copy records why
 * (submodule-sides.ts decides what both sides read instead).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isAlignFileName } from '../../language/files/folder-walk.js';
import { isSkippedFolder } from '../../language/files/skipped-folders.js';
import { InputError } from '../workspace/input-error.js';
import { git } from './git-run.js';
import { alwaysRead, NamedFiles } from './read-files.js';

/** Files larger than this are not copied (no `.align` or actuals file is that large). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** What one `git cat-file --batch` reads at most (a single larger file alone). */
const BATCH_BYTES = 64 * 1024 * 1024;

/** A submodule met in the copy: where, the commit the revision records, and why its files could not be read at it. */
export interface SubmoduleRecord {
    /** Relative to the top of the repository copied, `/` separated. */
    readonly path: string;
    readonly commit: string;
    readonly missing?: 'not checked out' | 'commit missing';
}

interface TreeEntry {
    object: string;
    size: number;
    /** Relative to the top of its repository, with `/`. */
    path: string;
    /** A symbolic link (mode 120000): its blob is the path it leads to. A submodule (160000): its object is a commit. */
    kind: 'file' | 'link' | 'submodule';
}

/** A repository read into the copy: the superproject or a submodule, at a commit. */
interface Repository {
    readonly top: string;
    readonly commit: string;
    /** Where its top is in the copy. */
    readonly dest: string;
    /** Its path from the top of the superproject, `''` or ending with `/`. */
    readonly at: string;
    /** A submodule: git runs without the variables that name the superproject's repository. */
    readonly submodule: boolean;
}

/** What one round of {@link RevisionCopy.add} lists: a path, and the one that links found under it must stay inside. */
interface Scope {
    readonly prefix: string;
    readonly boundary: string;
}

/** A blob to write: from which repository, and where in the copy. */
interface Pending {
    readonly repository: Repository;
    readonly entry: TreeEntry;
    readonly file: string;
}

/** The copy of one revision, made by {@link add} and completed by {@link finish}. */
export class RevisionCopy {
    /** The submodules met, each once per path and commit. */
    readonly submodules: SubmoduleRecord[] = [];
    private readonly listed = new Set<string>();
    private readonly named = new NamedFiles();
    /** Files listed but not read yet: copied at the end when an `.align` file names them. */
    private readonly unread = new Map<string, Pending>();
    private readonly written = new Set<string>();

    constructor(readonly top: string, readonly commit: string, readonly dest: string) { }

    /**
     * Copies what a check can read of `prefixes` (relative to the top, `/`
     * separated, `''` for all). Submodules are copied at their commits; the
     * hidden and skipped folders under each prefix, and files over 64 MB,
     * are left out. Symbolic links are made again where `align check`
     * follows them (language/files/folder-walk.ts), and what they lead to
     * is copied: a link inside the prefix it was listed under that leads
     * inside it, or a prefix that is itself a link (read wherever it leads
     * in the repository, as a path given to `align check` is). A link that
     * leads outside (or out of its repository) is left out: the walk would
     * not read it.
     */
    add(prefixes: readonly string[]): void {
        this.copyTree({ top: this.top, commit: this.commit, dest: this.dest, at: '', submodule: false }, prefixes);
    }

    /** Copies the files listed so far that an `.align` file of the copy names (a CSV file, a snapshot, a query). */
    finish(): void {
        const named = [...this.unread.values()].filter(p => !this.written.has(p.file) && this.named.has(path.posix.basename(p.entry.path)));
        this.unread.clear();
        this.write(named, () => undefined);
    }

    private copyTree(repository: Repository, prefixes: readonly string[]): void {
        let scopes: Scope[] = prefixes.map(prefix => ({ prefix, boundary: prefix }));
        while (scopes.length > 0) {
            scopes = scopes.filter(scope => {
                const key = [repository.at, repository.commit, scope.prefix, scope.boundary].join('\0');
                return !this.listed.has(key) && Boolean(this.listed.add(key));
            });
            if (scopes.length === 0) break;
            const holdings = new Map<Pending, Scope[]>();
            const now: Pending[] = [];
            for (const entry of listTree(repository, scopes.map(scope => scope.prefix))) {
                const holding = scopes.filter(scope => holds(scope, entry));
                if (holding.length === 0 || entry.size > MAX_FILE_BYTES) continue;
                if (entry.kind === 'submodule') {
                    this.copySubmodule(repository, entry, holding);
                    continue;
                }
                const pending = { repository, entry, file: path.join(repository.dest, ...entry.path.split('/')) };
                holdings.set(pending, holding);
                const read = entry.kind === 'link' || alwaysRead(path.posix.basename(entry.path)) || holding.some(scope => scope.prefix === entry.path);
                if (read) now.push(pending);
                else this.unread.set(pending.file, pending);
            }
            const next: Scope[] = [];
            this.write(now, (pending, text) => {
                const target = linkTarget(pending.entry.path, text);
                if (target === undefined) return;
                const boundaries = holdings.get(pending)!.map(scope => scope.prefix === pending.entry.path ? target : scope.boundary).filter(boundary => within(target, boundary));
                if (boundaries.length > 0 && makeLink(text, pending.file)) next.push(...boundaries.map(boundary => ({ prefix: target, boundary })));
            });
            scopes = next;
        }
    }

    /** Copies a submodule at the commit recorded, under the paths the scopes ask for; records it (and why it was not copied). */
    private copySubmodule(repository: Repository, entry: TreeEntry, holding: readonly Scope[]): void {
        const where = repository.at + entry.path;
        const top = path.join(repository.top, ...entry.path.split('/'));
        const missing = missingCommit(top, entry.object);
        if (!this.submodules.some(s => s.path === where && s.commit === entry.object)) this.submodules.push({ path: where, commit: entry.object, missing });
        if (missing !== undefined) return;
        // A path given inside the submodule (`vendor/std/kpis`) is that path of it; otherwise all of it.
        const prefixes = holding.map(scope => scope.prefix.startsWith(`${entry.path}/`) ? scope.prefix.slice(entry.path.length + 1) : '');
        this.copyTree({ top, commit: entry.object, dest: path.join(repository.dest, ...entry.path.split('/')), at: `${where}/`, submodule: true }, prefixes);
    }

    /** Writes the files and makes the links (`onLink` with the path a link's blob holds) of `pending`, reading their blobs in batches. */
    private write(pending: readonly Pending[], onLink: (pending: Pending, text: string) => void): void {
        for (const group of byRepository(pending)) {
            readBlobs(group, (item, blob) => {
                fs.mkdirSync(path.dirname(item.file), { recursive: true });
                if (item.entry.kind === 'link') return onLink(item, blob.toString('utf-8'));
                fs.writeFileSync(item.file, blob);
                this.written.add(item.file);
                if (isAlignFileName(path.posix.basename(item.entry.path))) this.named.addSource(blob.toString('utf-8'));
            });
        }
    }
}

/**
 * Why the files of a submodule at `commit` cannot be read: it is not
 * checked out at `top` (no repository there), or its repository lacks the
 * commit (not fetched: a shallow submodule, a commit never pushed).
 */
function missingCommit(top: string, commit: string): SubmoduleRecord['missing'] {
    if (!fs.existsSync(path.join(top, '.git'))) return 'not checked out';
    return git(top, ['cat-file', '-e', `${commit}^{commit}`], { ownRepository: true }) ? undefined : 'commit missing';
}

/**
 * The regular files, symbolic links and submodules of the repository's
 * commit under `prefixes`. A prefix inside a submodule lists nothing in
 * the superproject: the submodule that holds it is listed instead.
 */
function listTree(repository: Repository, prefixes: readonly string[]): TreeEntry[] {
    const list = (recursive: boolean, specs: readonly string[]) => {
        const args = ['--literal-pathspecs', 'ls-tree', ...recursive ? ['-r'] : [], '-z', '-l', '--full-tree', repository.commit, '--', ...specs];
        const listing = git(repository.top, args, { ownRepository: repository.submodule });
        if (!listing) throw new InputError(`git ls-tree ${repository.commit.slice(0, 12)} failed in ${repository.top}`);
        return parseTree(listing.toString('utf-8'));
    };
    const entries = list(true, prefixes.map(p => p === '' ? '.' : p));
    const unlisted = prefixes.filter(p => p.includes('/') && !entries.some(entry => within(entry.path, p)));
    if (unlisted.length > 0) {
        const ancestors = [...new Set(unlisted.flatMap(p => p.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))))];
        const holding = list(false, ancestors).filter(entry => entry.kind === 'submodule' && unlisted.some(p => within(p, entry.path)));
        entries.push(...holding.filter(entry => !entries.some(e => e.path === entry.path)));
    }
    return entries;
}

/** True when `scope` asks for `entry`: under its prefix and in no skipped folder below it; a submodule also when the prefix is inside it. */
function holds(scope: Scope, entry: TreeEntry): boolean {
    if (entry.kind === 'submodule' && within(scope.prefix, entry.path)) return true;
    if (!within(entry.path, scope.prefix)) return false;
    // A submodule is a folder: its own name counts too.
    return copied(below(entry.path, scope.prefix) + (entry.kind === 'submodule' ? '/' : ''));
}

/** The pending blobs grouped by the repository that holds them. */
function byRepository(pending: readonly Pending[]): Pending[][] {
    const groups = new Map<string, Pending[]>();
    for (const item of pending) {
        const group = groups.get(item.repository.top) ?? [];
        group.push(item);
        groups.set(item.repository.top, group);
    }
    return [...groups.values()];
}

/** Reads the blobs of one repository's `pending` (one `git cat-file --batch` per 64 MB), handing each to `each` in order. */
function readBlobs(pending: readonly Pending[], each: (item: Pending, blob: Buffer) => void): void {
    for (let start = 0; start < pending.length;) {
        let [end, bytes] = [start, 0];
        while (end < pending.length && (end === start || bytes + pending[end]!.entry.size <= BATCH_BYTES)) bytes += pending[end++]!.entry.size;
        const batch = pending.slice(start, end);
        const { top, submodule } = batch[0]!.repository;
        const input = batch.map(item => item.entry.object).join('\n') + '\n';
        // Each blob comes after a header line (`<object> blob <size>`) and before a newline.
        const blobs = git(top, ['cat-file', '--batch'], { input, maxBuffer: bytes + batch.length * 128 + 1024, ownRepository: submodule });
        if (!blobs) throw new InputError(`git cat-file failed in ${top}`);
        let offset = 0;
        for (const item of batch) {
            const headerEnd = blobs.indexOf(0x0a, offset);
            const [, type, size] = blobs.toString('utf-8', offset, headerEnd).split(' ');
            if (type !== 'blob') throw new InputError(`git cannot read ${item.entry.path} (object ${item.entry.object}) in ${top}`);
            const begin = headerEnd + 1;
            each(item, blobs.subarray(begin, begin + Number(size)));
            offset = begin + Number(size) + 1;
        }
        start = end;
    }
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

/** `<mode> <type> <object> <size>\t<path>\0` records of regular files (mode 100644 or 100755), symbolic links (120000) and submodules (160000). */
function parseTree(text: string): TreeEntry[] {
    const entries: TreeEntry[] = [];
    for (const record of text.split('\0')) {
        const tab = record.indexOf('\t');
        if (tab < 0) continue;
        const [mode, type, object, size] = record.slice(0, tab).trim().split(/\s+/);
        if (!object) continue;
        const entryPath = record.slice(tab + 1);
        if (mode === '160000' && type === 'commit') entries.push({ object, size: 0, path: entryPath, kind: 'submodule' });
        else if (type === 'blob' && (mode === '100644' || mode === '100755' || mode === '120000')) {
            entries.push({ object, size: Number(size), path: entryPath, kind: mode === '120000' ? 'link' : 'file' });
        }
    }
    return entries;
}

/** True when no folder of `relative` (the part below a prefix) is one the walk skips. */
function copied(relative: string): boolean {
    return relative.split('/').slice(0, -1).every(folder => !isSkippedFolder(folder));
}
