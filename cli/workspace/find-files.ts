import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, UriUtils } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { CONFIG_FILE } from '../../language/config/extends.js';
import { isAlignFileName, isHiddenName, oncePerRealPath, walkFolder, type FoundFile, type WalkFileSystem } from '../../language/files/folder-walk.js';
import { NOT_REGULAR_WORDS } from '../../language/files/regular-files.js';
import { isSkippedFolder } from '../../language/files/skipped-folders.js';
import { nodeHost } from '../../language/host.js';
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
    /** Where each of `files` really is, and whether its path goes through real folders only. */
    readonly realPaths: ReadonlyMap<string, { readonly real: string; readonly direct: boolean }>;
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
    return onceEach(found).filter(file => !excluded(file));
}

/**
 * The files of every path given, each once: a file that several paths reach
 * (`align check lib shared/lib`, with `lib` a link to `shared/lib`) is read
 * under the path the walk prefers (language/files/folder-walk.ts), so that
 * its names are not declared twice. Sorted.
 */
export function onceEach(found: readonly FoundPath[]): string[] {
    const files = new Map<string, string>();
    const candidates: FoundFile[] = [];
    for (const entry of found) {
        for (const file of entry.files) {
            const uri = URI.file(file);
            files.set(uri.toString(), file);
            const origin = entry.realPaths.get(file);
            candidates.push({ uri, real: URI.file(origin?.real ?? file), direct: origin?.direct ?? true });
        }
    }
    return oncePerRealPath(candidates).map(file => files.get(file.uri.toString())!).sort();
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
            if (!stat.isFile()) throw new InputError(`${given}: is ${NOT_REGULAR_WORDS}; give an .align file`);
            const file = requireAlignFile(given, absolute);
            found.push({ given, absolute, isFolder: false, files: [file], realPaths: new Map([[file, givenFileOrigin(file)]]), skippedTemplates: [] });
            continue;
        }
        const skippedTemplates: string[] = [];
        const walked = await walk(absolute, skippedTemplates, templatesOf);
        noticeOutsideLinks(given, walked.outside);
        found.push({ given, absolute, isFolder: true, files: walked.files.map(file => file.path), realPaths: new Map(walked.files.map(file => [file.path, file])), skippedTemplates });
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
    const hidden = hiddenAlignFiles(entry.absolute);
    if (hidden.length > 0) {
        return `no .align files in ${folder} but hidden ones (${hidden.slice(0, 3).join(', ')}${hidden.length > 3 ? ', ...' : ''}): `
            + 'a name that starts with . is skipped in a folder; give the file\'s path to check it';
    }
    return `no .align files in ${folder}`;
}

/** The hidden `.align` files (`.draft.align`) directly in `folder`, which the walk skips; sorted. */
function hiddenAlignFiles(folder: string): string[] {
    return fs.readdirSync(folder, { withFileTypes: true })
        .filter(entry => !entry.isDirectory() && isHiddenName(entry.name) && isAlignFileName(entry.name)).map(entry => entry.name).sort();
}

/** A folder as given, ending with a slash: `examples/`, `./`. */
export function shownFolder(given: string): string {
    return /[\\/]$/.test(given) ? given : `${given}/`;
}

function shownRelative(folder: string): string {
    return `${shownPath(folder, '.')}/`;
}

/** True when `folder` holds an `.align` file at any depth (the walk's skipped folders aside). */
async function holdsAlignFile(folder: string, templatesOf: TemplatesOf): Promise<boolean> {
    try {
        return (await walk(folder, [], templatesOf)).files.length > 0;
    } catch (error) {
        // A templates folder it cannot read: the message names no templates; anything else is a fault.
        if (error instanceof InputError) return false;
        throw error;
    }
}

/** True for a file name (or path) that ends with `.align` (lower case) after a name: a file named just `.align` has no extension, as for the editor. */
export function isAlignFile(name: string): boolean {
    return isAlignFileName(path.basename(name));
}

/** `absolute`, the file given as `given`, when it is an `.align` file; else a usage error that names it. */
export function requireAlignFile(given: string, absolute = path.resolve(given)): string {
    if (isAlignFile(absolute)) return absolute;
    const hint = path.basename(absolute) === '.align' ? ' (a file named just .align has no extension: give it a name, such as program.align)'
        : given.toLowerCase().endsWith('.align') ? ' (the extension is .align, in lower case)' : '';
    throw new InputError(`${given}: not an .align file${hint}`);
}

/** Why a name listed or given with U+FFFD cannot be opened (language/files/source-problems.ts says it of a file). */
const NOT_UTF8_NAME = 'its name is not UTF-8 (shown with \uFFFD), so it cannot be opened by that name; rename it';

/** The file system of the walk: the disk, symbolic links resolved. */
const DISK: WalkFileSystem = { fs: NodeFileSystem.fileSystemProvider(), realPath: nodeHost(fs.promises.realpath).realPath };

/**
 * The `.align` files under `root` (language/files/folder-walk.ts: symbolic
 * links followed while they stay inside `root`), and the links that lead
 * outside it, as paths spelled from `root`. Skips the templates folders that
 * a walked folder's `align.config.json` or that of a folder above in the
 * walk names (`templatesOf` the folder, `extends` followed), added to
 * `skippedTemplates`. The language server's workspace manager walks with
 * the same rules (language/catalogs/catalog-workspace-manager.ts).
 */
async function walk(root: string, skippedTemplates: string[], templatesOf: TemplatesOf): Promise<{ files: Array<{ path: string; real: string; direct: boolean }>; outside: string[] }> {
    const rootUri = URI.file(root);
    const pathOf = (uri: URI) => path.join(root, ...UriUtils.relative(rootUri, uri).split('/'));
    const result = await walkFolder<ReadonlySet<string>>(rootUri, new Set(), DISK, {
        skipsFolderNamed: isSkippedFolder,
        entersFolder(folder, templates, real) {
            const full = pathOf(folder);
            if (!templates.has(full) && !(real && templates.has(real.fsPath))) return true;
            skippedTemplates.push(full);
            return false;
        },
        readsFile: file => isAlignFileName(UriUtils.basename(file)),
        async contextOf(folder, entries, inherited) {
            const own = entries.some(entry => UriUtils.basename(entry.uri) === CONFIG_FILE) ? await templatesOf(pathOf(folder)) : undefined;
            return own === undefined || inherited.has(own) ? inherited : new Set([...inherited, own]);
        },
        unreadable(uri, error, what) {
            const code = (error as NodeJS.ErrnoException).code;
            const failure = `${shownPath(pathOf(uri), '.')}: ${what === 'folder' ? 'cannot read folder' : 'cannot follow the link'}`;
            // Listed from its folder but missing by that name: the listing decoded a name that is not UTF-8 (as a file's, read-source.ts).
            if (code === 'ENOENT' && UriUtils.basename(uri).includes('\uFFFD')) throw new InputError(`${failure}: ${NOT_UTF8_NAME}`);
            throw new InputError(`${failure} (${describeCode(code, error)})`);
        }
    });
    return {
        files: result.files.map(file => ({ path: pathOf(file.uri), real: file.real.fsPath, direct: file.direct })),
        outside: result.outside.map(pathOf)
    };
}

/** Where a file given by name really is; through real folders unless it is a symbolic link itself. */
function givenFileOrigin(file: string): { real: string; direct: boolean } {
    try {
        return { real: fs.realpathSync(file), direct: !fs.lstatSync(file).isSymbolicLink() };
    } catch (error) {
        // Gone since it was found: read under its own path, where reading it says why.
        if ((error as NodeJS.ErrnoException).code === undefined) throw error;
        return { real: file, direct: true };
    }
}

function statOrFail(absolute: string, given: string): fs.Stats {
    try {
        return fs.statSync(absolute);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // The shell passed bytes that are not UTF-8, which Node reads as U+FFFD: no file has the name it reads.
        if (code === 'ENOENT' && given.includes('\uFFFD')) throw new InputError(`${given}: no such file or folder, as read: ${NOT_UTF8_NAME}`);
        throw new InputError(code === 'ENOENT' ? `${given}: no such file or folder` : `${given}: cannot be read (${describeCode(code, error)})`);
    }
}
