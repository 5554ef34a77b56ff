import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE } from '../../language/config/extends.js';
import { isSkippedFolder } from '../../language/files/skipped-folders.js';
import { describeCode, InputError } from './input-error.js';
import { templatesResolver, type TemplatesOf } from './templates-of.js';
import { shownPath } from '../shown-path.js';
import { printMessage } from '../message.js';


/** What one path given holds. */
export interface FoundPath {
    /** As given on the command line. */
    readonly given: string;
    readonly absolute: string;
    readonly isFolder: boolean;
    /** Its `.align` files (the file itself when a file is given), sorted. */
    readonly files: string[];
    /** The templates folders (align.config.json `templates`) that the walk skipped. */
    readonly skippedTemplates: string[];
}

/** Options of {@link findAlignFiles}. */
export interface FindOptions {
    /**
     * A folder given that holds no `.align` file is a usage error (exit 2,
     * "no .align files in DIR/"), as ESLint's "No files matching the
     * pattern": in CI it is a wrong path. True for `align diff`, whose sides
     * may be empty (a revision before the first `.align` file).
     */
    readonly allowEmpty?: boolean;
    /** Files left out (catalog files): a folder that holds only those is a usage error too, which says so. */
    readonly excluded?: (file: string) => boolean;
}

/**
 * Every `.align` file under the paths, sorted. A file given by name must be
 * an `.align` file too (a usage error otherwise): the extension, in lower
 * case as in a folder's walk, is what makes a file Align source. A folder
 * without one is a usage error unless `options.allowEmpty`. The templates
 * folders that the config files met name are read through the Node file system.
 */
export async function findAlignFiles(paths: readonly string[], options: FindOptions = {}): Promise<string[]> {
    const templatesOf = templatesResolver();
    const found = await findAlignFilesPerPath(paths, templatesOf);
    const excluded = options.excluded ?? (() => false);
    if (!options.allowEmpty) await requireFilesIn(found, templatesOf, excluded);
    return [...new Set(found.flatMap(p => p.files))].filter(file => !excluded(file)).sort();
}

/** The `.align` files of each path given, in the order given. */
export async function findAlignFilesPerPath(paths: readonly string[], templatesOf: TemplatesOf): Promise<FoundPath[]> {
    const found: FoundPath[] = [];
    for (const given of paths) {
        // `align check "$FILES"` with the variable empty: path.resolve('') is the current folder, checked in its place.
        if (given.trim() === '') throw new InputError(`an empty path was given (${JSON.stringify(given)}): give a file or folder, or none for the current folder`);
        // `-` is standard input to many tools; here it would be a file called `-`, which is seldom what was meant.
        if (given === '-') throw new InputError('-: reading standard input is not supported: save the text to an .align file and give its path (./- names a file or folder called -)');
        const absolute = path.resolve(given);
        const stat = statOrFail(absolute, given);
        if (!stat.isDirectory()) {
            // A named pipe or a device would be read until it ends, which may be never (a folder's walk skips them too).
            if (!stat.isFile()) throw new InputError(`${given}: is not a regular file (a named pipe, socket or device); give an .align file`);
            found.push({ given, absolute, isFolder: false, files: [requireAlignFile(given, absolute)], skippedTemplates: [] });
            continue;
        }
        const files = new Set<string>();
        const skippedTemplates: string[] = [];
        noticeOutsideLinks(given, await walk(absolute, files, skippedTemplates, templatesOf));
        found.push({ given, absolute, isFolder: true, files: [...files].sort(), skippedTemplates });
    }
    return found;
}

/** The links named on standard error so far: a folder walked again (the unread-files hint walks the root) names each once. */
const noticedLinks = new Set<string>();

/**
 * One line on standard error for the symbolic links under the folder given
 * (`.align` files and folders) that lead outside it and were not read
 * (`walk`); a path given on the command line is read wherever it leads.
 */
function noticeOutsideLinks(given: string, links: readonly string[]): void {
    const fresh = links.filter(link => !noticedLinks.has(link));
    if (fresh.length === 0) return;
    for (const link of fresh) noticedLinks.add(link);
    const SHOWN = 3;
    const names = fresh.slice(0, SHOWN).map(link => shownPath(link)).join(', ') + (fresh.length > SHOWN ? `, and ${fresh.length - SHOWN} more` : '');
    const count = fresh.length === 1 ? 'a symbolic link that leads' : `${fresh.length} symbolic links that lead`;
    printMessage(`align: not read: ${count} outside ${shownFolder(given)} (${names}); give ${fresh.length === 1 ? 'its path' : 'their paths'} on the command line to read ${fresh.length === 1 ? 'it' : 'them'}`);
}

/**
 * Throws the usage error for the first folder given whose `.align` files,
 * after `excluded` (the library's catalog files), are none; `templatesOf`
 * as for the walk that found them.
 */
export async function requireFilesIn(found: readonly FoundPath[], templatesOf: TemplatesOf, excluded: (file: string) => boolean = () => false): Promise<void> {
    for (const entry of found) {
        if (!entry.isFolder || entry.files.some(file => !excluded(file))) continue;
        throw new InputError(await noFilesMessage(entry, templatesOf));
    }
}

/**
 * `no .align files in DIR/`, and why when the folder holds some that are
 * not its source: all are catalog files (excluded), or program templates.
 */
async function noFilesMessage(entry: FoundPath, templatesOf: TemplatesOf): Promise<string> {
    const folder = shownFolder(entry.given);
    if (entry.files.length > 0) return `no .align files in ${folder} other than catalog files (the catalogs of align.config.json are a library, not checked; to check a catalog itself, name its folder)`;
    if (entry.skippedTemplates.includes(entry.absolute)) return `no .align files in ${folder}: it is the templates folder of align.config.json (program templates are skipped)`;
    const templates: string[] = [];
    for (const skipped of entry.skippedTemplates) if (await holdsAlignFile(skipped, templatesOf)) templates.push(shownRelative(skipped));
    if (templates.length > 0) return `no .align files in ${folder} outside its templates folder ${templates.join(', ')} (program templates are skipped)`;
    return `no .align files in ${folder}`;
}

/** A folder as given, ending with a slash: `examples/`, `./`. */
function shownFolder(given: string): string {
    return /[\\/]$/.test(given) ? given : `${given}/`;
}

function shownRelative(folder: string): string {
    return `${shownPath(folder, '.')}/`;
}

/** True when `folder` holds an `.align` file at any depth (the walk's skipped folders aside). */
async function holdsAlignFile(folder: string, templatesOf: TemplatesOf): Promise<boolean> {
    const files = new Set<string>();
    try {
        await walk(folder, files, [], templatesOf);
    } catch (error) {
        // A templates folder it cannot read: the message names no templates; anything else is a fault.
        if (error instanceof InputError) return false;
        throw error;
    }
    return files.size > 0;
}

/** True for a file name (or path) that ends with `.align` (lower case) after a name: a file named just `.align` has no extension, as for the editor. */
export function isAlignFile(name: string): boolean {
    const base = path.basename(name);
    return base.endsWith('.align') && base !== '.align';
}

/** `absolute`, the file given as `given`, when it is an `.align` file; else a usage error that names it. */
export function requireAlignFile(given: string, absolute = path.resolve(given)): string {
    if (isAlignFile(absolute)) return absolute;
    const hint = path.basename(absolute) === '.align' ? ' (a file named just .align has no extension: give it a name, such as program.align)'
        : given.toLowerCase().endsWith('.align') ? ' (the extension is .align, in lower case)' : '';
    throw new InputError(`${given}: not an .align file${hint}`);
}

/**
 * The `.align` files under `root` (added to `found`), symbolic links followed
 * while they stay inside `root` (real paths compared): a linked `.align` file
 * or folder is read as if it were there, once. Every real folder is walked
 * first, then the links in the order met (each folder's entries by name); a
 * folder already walked (a link to a folder above, a second link to it) is
 * not walked again. A file reached several ways is read once, under its path
 * through real folders if it has one, else the shortest. A link to nothing
 * (dangling, or a loop of links) is skipped. A link that leads outside
 * `root` is not followed, as a CSV path through a link is not read outside
 * the workspace (docs/reliability.md): an `.align` file planted as a link to
 * a secret would show its text in the findings. It is returned, to be named.
 */
async function walk(root: string, found: Set<string>, skippedTemplates: string[], templatesOf: TemplatesOf): Promise<string[]> {
    const state: WalkState = { skippedTemplates, templatesOf, boundary: realFolder(root), folders: new Set(), files: new Map(), links: [], outside: [] };
    await walkFolder(root, state, new Set(), true);
    // Links met while walking linked folders join the queue.
    for (let i = 0; i < state.links.length; i++) await followLink(state.links[i]!, state);
    for (const { file } of state.files.values()) found.add(file);
    return state.outside;
}

interface WalkState {
    readonly skippedTemplates: string[];
    readonly templatesOf: TemplatesOf;
    /** The real path of the folder walked: links are followed inside it only. */
    readonly boundary: string;
    /** The real paths of the folders walked. */
    readonly folders: Set<string>;
    /** The `.align` files found: each real path, the path it is read under, and whether that path goes through real folders only. */
    readonly files: Map<string, { file: string; direct: boolean }>;
    /** Symbolic links met, to follow once the real folders are walked. */
    readonly links: Array<{ full: string; name: string; templates: ReadonlySet<string> }>;
    /** The links not followed: they lead outside `boundary`. */
    readonly outside: string[];
}

function realFolder(folder: string): string {
    try {
        return fs.realpathSync(folder);
    } catch (error) {
        throw new InputError(`${shownPath(folder, '.')}: cannot read folder (${describeCode((error as NodeJS.ErrnoException).code, error)})`);
    }
}

/** True when the real path `real` is `folder` or lies inside it. */
function isWithin(real: string, folder: string): boolean {
    const relative = path.relative(folder, real);
    return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/**
 * Walks `folder`, skipping the templates folders that its `align.config.json`
 * or that of a folder above in the walk names (`templatesOf` the folder,
 * `extends` followed, [...`inherited`]). The language server's workspace
 * manager skips the templates folders too (language/catalogs/catalog-workspace-manager.ts).
 */
async function walkFolder(folder: string, state: WalkState, inherited: ReadonlySet<string>, direct: boolean): Promise<void> {
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
        throw new InputError(`${shownPath(folder, '.')}: cannot read folder (${describeCode((error as NodeJS.ErrnoException).code, error)})`);
    }
    state.folders.add(realFolder(folder));
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const own = entries.some(entry => entry.name === CONFIG_FILE) ? await state.templatesOf(folder) : undefined;
    const templates = own === undefined || inherited.has(own) ? inherited : new Set([...inherited, own]);
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            if (templates.has(full)) state.skippedTemplates.push(full);
            else if (!isSkippedFolder(entry.name)) await walkFolder(full, state, templates, direct);
        } else if (entry.isFile() && isAlignFile(entry.name)) {
            addFile(full, state, direct);
        } else if (entry.isSymbolicLink()) {
            state.links.push({ full, name: entry.name, templates });
        }
    }
}

/** Reads what a symbolic link met in the walk leads to: an `.align` file or a folder not read yet, inside the folder walked. */
async function followLink(link: WalkState['links'][number], state: WalkState): Promise<void> {
    let stat: fs.Stats;
    let real: string;
    try {
        stat = fs.statSync(link.full);
        real = fs.realpathSync(link.full);
    } catch (error) {
        // A dangling link, a loop of links, or one through a file: nothing there to read.
        if (['ENOENT', 'ELOOP', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return;
        throw new InputError(`${shownPath(link.full, '.')}: cannot follow the link (${describeCode((error as NodeJS.ErrnoException).code, error)})`);
    }
    const wanted = stat.isDirectory() ? !isSkippedFolder(link.name) : stat.isFile() && isAlignFile(link.name);
    if (wanted && !isWithin(real, state.boundary)) {
        // Named only when it holds what the walk would read: a link to a folder of data files is no program left out.
        if (!stat.isDirectory() || holdsAlignFiles(real)) state.outside.push(link.full);
        return;
    }
    if (stat.isDirectory()) {
        if (link.templates.has(link.full) || link.templates.has(real)) state.skippedTemplates.push(link.full);
        else if (!isSkippedFolder(link.name) && !state.folders.has(real)) await walkFolder(link.full, state, link.templates, false);
    } else if (stat.isFile() && isAlignFile(link.name)) {
        addFile(link.full, state, false);
    }
}

/**
 * Whether a folder outside the walk holds an `.align` file, looked for
 * breadth first through its real folders (links not followed, skipped
 * folders left out) and over at most `budget` entries, so that a link to a
 * large folder costs little. A folder that cannot be read holds none.
 */
function holdsAlignFiles(folder: string, budget = 2000): boolean {
    const queue = [folder];
    for (let i = 0; i < queue.length && budget > 0; i++) {
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(queue[i]!, { withFileTypes: true });
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== undefined) continue;
            throw error;
        }
        for (const entry of entries) {
            if (--budget < 0) return false;
            if (entry.isFile() && isAlignFile(entry.name)) return true;
            if (entry.isDirectory() && !isSkippedFolder(entry.name)) queue.push(path.join(queue[i]!, entry.name));
        }
    }
    return false;
}

/** Adds an `.align` file (`direct`: reached through real folders only); the same file (its real path) reached before keeps the better of the two paths. */
function addFile(file: string, state: WalkState, direct: boolean): void {
    let real: string;
    try {
        real = fs.realpathSync(file);
    } catch (error) {
        // Gone or unreadable since the walk listed it: read under its own path, where reading it says why.
        if ((error as NodeJS.ErrnoException).code === undefined) throw error;
        real = file;
    }
    const before = state.files.get(real);
    if (before === undefined || better({ file, direct }, before)) state.files.set(real, { file, direct });
}

/** True when `a` names a file better than `b`: through real folders only, else shorter (fewer folders, then fewer characters, then first by name). */
function better(a: { file: string; direct: boolean }, b: { file: string; direct: boolean }): boolean {
    if (a.direct !== b.direct) return a.direct;
    const depth = (file: string) => file.split(path.sep).length;
    if (depth(a.file) !== depth(b.file)) return depth(a.file) < depth(b.file);
    if (a.file.length !== b.file.length) return a.file.length < b.file.length;
    return a.file < b.file;
}

function statOrFail(absolute: string, given: string): fs.Stats {
    try {
        return fs.statSync(absolute);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new InputError(code === 'ENOENT' ? `${given}: no such file or folder` : `${given}: cannot be read (${describeCode(code, error)})`);
    }
}
