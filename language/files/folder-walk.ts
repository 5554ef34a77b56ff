/**
 * The one walk of a folder for its `.align` files: `align check` and the
 * other commands (cli/workspace/find-files.ts), the language server's
 * workspace (language/catalogs/catalog-workspace-manager.ts) and the
 * catalogs (catalog-registry.ts) read the same files of a folder, symbolic
 * links included. What each skips (templates folders, the folders of
 * skipped-folders.ts) and what it does with a folder it cannot read are
 * its {@link WalkRules}.
 *
 * Symbolic links are followed while they stay inside the folder walked
 * (real paths compared): a linked `.align` file or folder is read as if it
 * were there, once. Every real folder is walked first, then the links in
 * the order met (each folder's entries by name); a folder already walked (a
 * link to a folder above, a second link to it) is not walked again. A file
 * reached several ways is read once, under its path through real folders if
 * it has one, else the shortest. A link to nothing (dangling, or a loop of
 * links) is skipped. A link whose name is not UTF-8 cannot be followed by
 * the name listed (U+FFFD for each bad byte): one named `.align` is
 * returned as a file of that name is, whose reader says why it cannot be
 * opened; another is skipped, as a file of that name is (what it leads to
 * cannot be told). A link that leads outside is not followed, as a CSV
 * path through a link is not read outside the workspace (docs/reliability.md):
 * an `.align` file planted as a link to a secret would show its text in the
 * findings. It is returned, to be named, when it leads to what the walk
 * would read.
 *
 * A hidden entry (its name starts with `.`: `.draft.align`, the `._x.align`
 * AppleDouble files macOS leaves on shared drives, `.git`) is passed over,
 * file, folder or link, whatever the rules say: the editor and `align check`
 * read the same files. The folder walked is read whatever its name, and a
 * file named on the command line or opened in the editor is read as well:
 * only a walk passes over hidden names.
 */
import { UriUtils, type FileSystemNode, type FileSystemProvider, type URI } from 'langium';

/** True for a file name that ends with `.align` (lower case) after a name: a file named just `.align` has no extension, as for the editor. */
export function isAlignFileName(name: string): boolean {
    return name.endsWith('.align') && name !== '.align';
}

/** True for a hidden name (a leading `.`), which no walk reads or enters. */
export function isHiddenName(name: string): boolean {
    return name.startsWith('.');
}

/** How a walk reads the file system: Langium's provider, and where a path really leads (`null`: no links, as in the browser). */
export interface WalkFileSystem {
    readonly fs: FileSystemProvider;
    readonly realPath: ((uri: URI) => Promise<URI>) | null;
}

/**
 * What a walk leaves to its caller. `C` is what a folder passes on to the
 * folders under it (the CLI: the templates folders of the config files above).
 */
export interface WalkRules<C> {
    /** Whether no folder of this name is entered (skipped-folders.ts), nor named when a link outside leads to one. */
    skipsFolderNamed(name: string): boolean;
    /** Whether the walk enters `folder` (`real`: where it leads, for a link), the folder's name aside: false for a templates folder. */
    entersFolder(folder: URI, context: C, real?: URI): boolean;
    /** Whether `file` is read. */
    readsFile(file: URI, context: C): boolean;
    /** The context of the folders under `folder`, which holds `entries`. */
    contextOf(folder: URI, entries: readonly FileSystemNode[], inherited: C): C | Promise<C>;
    /**
     * A folder that cannot be read (listed, or its real path found), or a
     * link that cannot be followed for another reason than leading nowhere
     * (EACCES): throw to stop the walk, or return to skip it.
     */
    unreadable(uri: URI, error: unknown, what: 'folder' | 'link'): void;
}

/** A file a walk found. */
export interface FoundFile {
    /** Where the walk read it (through a link, for a linked file). */
    readonly uri: URI;
    /** Where it really is. */
    readonly real: URI;
    /** Whether `uri` goes through real folders only. */
    readonly direct: boolean;
}

/** What a walk found. */
export interface WalkResult {
    /** The files read, sorted by path. */
    readonly files: FoundFile[];
    /** The links not followed because they lead outside the folder walked, to `.align` files or folders that hold some. */
    readonly outside: URI[];
}

/** Options of {@link walkFolder}. */
export interface WalkOptions {
    /** The folder that links must stay inside (default: the folder walked): the workspace folder when a folder in it is walked again. */
    readonly boundary?: URI;
}

interface Link<C> {
    readonly uri: URI;
    readonly name: string;
    readonly context: C;
}

interface WalkState<C> {
    readonly system: WalkFileSystem;
    readonly rules: WalkRules<C>;
    /** The real path of the boundary: links are followed inside it only. */
    readonly boundary: URI;
    /** The real paths of the folders walked. */
    readonly folders: Set<string>;
    /** The files found: by real path, the URI read and whether it goes through real folders only. */
    readonly files: Map<string, FoundFile>;
    readonly links: Array<Link<C>>;
    readonly outside: URI[];
}

/** Walks `root` under `rules`, starting with `context`. */
export async function walkFolder<C>(root: URI, context: C, system: WalkFileSystem, rules: WalkRules<C>, options: WalkOptions = {}): Promise<WalkResult> {
    const real = await realFolder(root, system, rules);
    const boundary = options.boundary ? await realFolder(options.boundary, system, rules) : real;
    if (real === undefined || boundary === undefined) return { files: [], outside: [] };
    const state: WalkState<C> = { system, rules, boundary, folders: new Set(), files: new Map(), links: [], outside: [] };
    await walkRealFolder(root, real, context, state, true);
    // Links met while walking linked folders join the queue.
    for (let i = 0; i < state.links.length; i++) await followLink(state.links[i]!, state);
    return { files: [...state.files.values()].sort((a, b) => compare(a.uri.path, b.uri.path)), outside: state.outside };
}

/** The real path of `folder`; undefined after `rules.unreadable` when it has none. */
async function realFolder<C>(folder: URI, system: WalkFileSystem, rules: WalkRules<C>): Promise<URI | undefined> {
    if (!system.realPath) return folder;
    try {
        return await system.realPath(folder);
    } catch (error) {
        rules.unreadable(folder, error, 'folder');
        return undefined;
    }
}

/** Walks `folder`, whose real path is `real`: its entries that are no links are where they are listed, below `real`. */
async function walkRealFolder<C>(folder: URI, real: URI, inherited: C, state: WalkState<C>, direct: boolean): Promise<void> {
    let entries: FileSystemNode[];
    try {
        entries = await state.system.fs.readDirectory(folder);
    } catch (error) {
        state.rules.unreadable(folder, error, 'folder');
        return;
    }
    state.folders.add(real.toString());
    entries.sort((a, b) => compare(UriUtils.basename(a.uri), UriUtils.basename(b.uri)));
    const context = await state.rules.contextOf(folder, entries, inherited);
    for (const entry of entries) {
        const name = UriUtils.basename(entry.uri);
        if (isHiddenName(name)) continue;
        if (entry.isDirectory) {
            if (state.rules.entersFolder(entry.uri, context) && !state.rules.skipsFolderNamed(name)) await walkRealFolder(entry.uri, UriUtils.joinPath(real, name), context, state, direct);
        } else if (entry.isFile) {
            if (state.rules.readsFile(entry.uri, context)) addFile({ uri: entry.uri, real: UriUtils.joinPath(real, name), direct }, state);
        } else if (state.system.realPath) {
            // A symbolic link (or a pipe, socket or device, which `followLink` finds is neither file nor folder).
            state.links.push({ uri: entry.uri, name, context });
        }
    }
}

/** Reads what a link met in the walk leads to: an `.align` file or a folder not walked yet, inside the boundary. */
async function followLink<C>(link: Link<C>, state: WalkState<C>): Promise<void> {
    const { rules } = state;
    let target: { isFile: boolean; isDirectory: boolean };
    let real: URI;
    try {
        target = await state.system.fs.stat(link.uri);
        real = await state.system.realPath!(link.uri);
    } catch (error) {
        // A link listed by a name that is not UTF-8 is read as a file of that name is, for the reader to say why it cannot be opened.
        if (isUnopenableName(link.name, error)) {
            if (rules.readsFile(link.uri, link.context)) addFile({ uri: link.uri, real: link.uri, direct: false }, state);
            return;
        }
        // A dangling link, a loop of links, or one through a file: nothing there to read.
        if (isNothingThere(error)) return;
        rules.unreadable(link.uri, error, 'link');
        return;
    }
    const wanted = target.isDirectory ? !rules.skipsFolderNamed(link.name) : target.isFile && rules.readsFile(link.uri, link.context);
    if (!wanted) return;
    if (!UriUtils.contains(state.boundary, real)) {
        // Named only when it holds what the walk would read: a link to a folder of data files is no program left out.
        if (!target.isDirectory || await holdsFiles(real, link.context, state)) state.outside.push(link.uri);
        return;
    }
    if (target.isFile) addFile({ uri: link.uri, real, direct: false }, state);
    else if (rules.entersFolder(link.uri, link.context, real) && !state.folders.has(real.toString())) await walkRealFolder(link.uri, real, link.context, state, false);
}

/** True for the errors of a path that leads nowhere: missing, a loop of links, a file in the way. */
function isNothingThere(error: unknown): boolean {
    const code = (error as { code?: unknown } | undefined)?.code;
    return code === 'ENOENT' || code === 'ELOOP' || code === 'ENOTDIR' || code === 'FileNotFound';
}

/**
 * True when `name` was listed from bytes that are not UTF-8 (U+FFFD for
 * each bad byte, as Node decodes a folder's listing) and is missing by the
 * name decoded: no entry has it. The file of such a name is read and says
 * so (source-problems.ts, `notUtf8NameSource`); a link of such a name is
 * no dangling link, and its `.align` name is read as a file's.
 */
function isUnopenableName(name: string, error: unknown): boolean {
    return name.includes('\uFFFD') && (error as { code?: unknown } | undefined)?.code === 'ENOENT';
}

/**
 * Whether a folder outside the walk holds a file the walk would read, looked
 * for breadth first through its real folders (links not followed, skipped
 * folders left out) and over at most `budget` entries, so that a link to a
 * large folder costs little. A folder that cannot be read holds none.
 */
async function holdsFiles<C>(folder: URI, context: C, state: WalkState<C>, budget = 2000): Promise<boolean> {
    const queue = [folder];
    for (let i = 0; i < queue.length && budget > 0; i++) {
        let entries: FileSystemNode[];
        try {
            entries = await state.system.fs.readDirectory(queue[i]!);
        } catch (error) {
            if ((error as { code?: unknown } | undefined)?.code !== undefined) continue;
            throw error;
        }
        for (const entry of entries) {
            if (--budget < 0) return false;
            if (isHiddenName(UriUtils.basename(entry.uri))) continue;
            if (entry.isFile && state.rules.readsFile(entry.uri, context)) return true;
            if (entry.isDirectory && !state.rules.skipsFolderNamed(UriUtils.basename(entry.uri))) queue.push(entry.uri);
        }
    }
    return false;
}

/** Adds a file found; the same file (its real path) reached before keeps the better of the two URIs. */
function addFile<C>(file: FoundFile, state: WalkState<C>): void {
    const before = state.files.get(file.real.toString());
    if (before === undefined || namesBetter(file, before)) state.files.set(file.real.toString(), file);
}

/** True when `a` names a file better than `b`: through real folders only, else shorter (fewer folders, then fewer characters, then first by path). */
export function namesBetter(a: { uri: URI; direct: boolean }, b: { uri: URI; direct: boolean }): boolean {
    if (a.direct !== b.direct) return a.direct;
    const depth = (uri: URI) => uri.path.split('/').length;
    if (depth(a.uri) !== depth(b.uri)) return depth(a.uri) < depth(b.uri);
    if (a.uri.path.length !== b.uri.path.length) return a.uri.path.length < b.uri.path.length;
    return a.uri.path < b.uri.path;
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One file per real path among the files of several walks (several paths
 * given, several workspace folders), each under the URI {@link namesBetter}
 * picks; sorted by path.
 */
export function oncePerRealPath(files: Iterable<FoundFile>): FoundFile[] {
    const best = new Map<string, FoundFile>();
    for (const file of files) {
        const before = best.get(file.real.toString());
        if (before === undefined || namesBetter(file, before)) best.set(file.real.toString(), file);
    }
    return [...best.values()].sort((a, b) => compare(a.uri.path, b.uri.path));
}
