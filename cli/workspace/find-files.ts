import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE } from '../../language/config/extends.js';
import { isSkippedFolder } from '../../language/files/skipped-folders.js';
import { describeCode, InputError } from './input-error.js';
import { templatesResolver, type TemplatesOf } from './templates-of.js';
import { shownPath } from '../shown-path.js';


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
        await walk(absolute, files, skippedTemplates, templatesOf);
        found.push({ given, absolute, isFolder: true, files: [...files].sort(), skippedTemplates });
    }
    return found;
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
 * Walks `folder`, skipping the templates folders that its `align.config.json`
 * or that of a folder above in the walk names (`templatesOf` the folder,
 * `extends` followed, [...`inherited`]). The language server's workspace
 * manager skips the templates folders too (language/catalogs/catalog-workspace-manager.ts).
 */
async function walk(folder: string, found: Set<string>, skippedTemplates: string[], templatesOf: TemplatesOf, inherited: ReadonlySet<string> = new Set()): Promise<void> {
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
        throw new InputError(`${shownPath(folder, '.')}: cannot read folder (${describeCode((error as NodeJS.ErrnoException).code, error)})`);
    }
    const own = entries.some(entry => entry.name === CONFIG_FILE) ? await templatesOf(folder) : undefined;
    const templates = own === undefined || inherited.has(own) ? inherited : new Set([...inherited, own]);
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            if (templates.has(full)) skippedTemplates.push(full);
            else if (!isSkippedFolder(entry.name)) await walk(full, found, skippedTemplates, templatesOf, templates);
        } else if (entry.isFile() && isAlignFile(entry.name)) {
            found.add(full);
        }
    }
}

function statOrFail(absolute: string, given: string): fs.Stats {
    try {
        return fs.statSync(absolute);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new InputError(code === 'ENOENT' ? `${given}: no such file or folder` : `${given}: cannot be read (${describeCode(code, error)})`);
    }
}
