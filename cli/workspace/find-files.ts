import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_EXTENDS_DEPTH } from '../../language/config/extends.js';
import { isPathSpec } from '../../language/config/locate.js';
import { isFileError, templatesKeysIn } from '../../language/config/templates-folder.js';
import { describeCode, InputError } from './input-error.js';

const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'dist']);

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
}

/**
 * Every `.align` file under the paths, sorted. A file given by name must be
 * an `.align` file too (a usage error otherwise): the extension, in lower
 * case as in a folder's walk, is what makes a file Align source. A folder
 * without one is a usage error unless `options.allowEmpty`.
 */
export function findAlignFiles(paths: readonly string[], options: FindOptions = {}): string[] {
    const found = findAlignFilesPerPath(paths);
    if (!options.allowEmpty) requireFilesIn(found);
    return [...new Set(found.flatMap(p => p.files))].sort();
}

/** The `.align` files of each path given, in the order given. */
export function findAlignFilesPerPath(paths: readonly string[]): FoundPath[] {
    return paths.map(given => {
        const absolute = path.resolve(given);
        const stat = statOrFail(absolute, given);
        if (!stat.isDirectory()) return { given, absolute, isFolder: false, files: [requireAlignFile(given, absolute)], skippedTemplates: [] };
        const files = new Set<string>();
        const skippedTemplates: string[] = [];
        walk(absolute, files, skippedTemplates);
        return { given, absolute, isFolder: true, files: [...files].sort(), skippedTemplates };
    });
}

/**
 * Throws the usage error for the first folder given whose `.align` files,
 * after `excluded` (the library's catalog files), are none.
 */
export function requireFilesIn(found: readonly FoundPath[], excluded: (file: string) => boolean = () => false): void {
    for (const entry of found) {
        if (!entry.isFolder || entry.files.some(file => !excluded(file))) continue;
        throw new InputError(noFilesMessage(entry));
    }
}

/**
 * `no .align files in DIR/`, and why when the folder holds some that are
 * not its source: all are catalog files (excluded), or program templates.
 */
function noFilesMessage(entry: FoundPath): string {
    const folder = shownFolder(entry.given);
    if (entry.files.length > 0) return `no .align files in ${folder} other than catalog files (the catalogs of align.config.json are a library, not checked)`;
    if (entry.skippedTemplates.includes(entry.absolute)) return `no .align files in ${folder}: it is the templates folder of align.config.json (program templates are skipped)`;
    const templates = entry.skippedTemplates.filter(holdsAlignFile).map(shownRelative);
    if (templates.length > 0) return `no .align files in ${folder} outside its templates folder ${templates.join(', ')} (program templates are skipped)`;
    return `no .align files in ${folder}`;
}

/** A folder as given, ending with a slash: `examples/`, `./`. */
function shownFolder(given: string): string {
    return /[\\/]$/.test(given) ? given : `${given}/`;
}

function shownRelative(folder: string): string {
    return `${path.relative(process.cwd(), folder) || '.'}/`;
}

/** True when `folder` holds an `.align` file at any depth (the walk's skipped folders aside). */
function holdsAlignFile(folder: string): boolean {
    const files = new Set<string>();
    try {
        walk(folder, files, []);
    } catch (error) {
        // A templates folder it cannot read: the message names no templates; anything else is a fault.
        if (error instanceof InputError) return false;
        throw error;
    }
    return files.size > 0;
}

/** True for a file name that ends with `.align` (lower case). */
export function isAlignFile(name: string): boolean {
    return name.endsWith('.align');
}

/** `absolute`, the file given as `given`, when it is an `.align` file; else a usage error that names it. */
export function requireAlignFile(given: string, absolute = path.resolve(given)): string {
    if (isAlignFile(absolute)) return absolute;
    const hint = given.toLowerCase().endsWith('.align') ? ' (the extension is .align, in lower case)' : '';
    throw new InputError(`${given}: not an .align file${hint}`);
}

/**
 * Walks `folder`, skipping the templates folders that its `align.config.json`
 * or that of a folder above in the walk names (`templates`, [...`inherited`]).
 */
function walk(folder: string, found: Set<string>, skippedTemplates: string[], inherited: ReadonlySet<string> = new Set()): void {
    const own = templateFolder(folder);
    const templates = own === undefined || inherited.has(own) ? inherited : new Set([...inherited, own]);
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
        throw new InputError(`${path.relative(process.cwd(), folder) || '.'}: cannot read folder (${describeCode((error as NodeJS.ErrnoException).code, error)})`);
    }
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            if (templates.has(full)) skippedTemplates.push(full);
            else if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) walk(full, found, skippedTemplates, templates);
        } else if (entry.isFile() && isAlignFile(entry.name)) {
            found.add(full);
        }
    }
}

/**
 * The templates folder of `folder`'s `align.config.json`, with its `extends`
 * chain followed as language/config/extends.ts resolves it: the file's own
 * `templates` (a path relative to it), else the one of the file it extends
 * (relative to that file). The language server's workspace manager skips
 * the same folders (language/catalogs/catalog-workspace-manager.ts).
 */
function templateFolder(folder: string): string | undefined {
    return configTemplates(path.join(folder, 'align.config.json'), []);
}

/** The templates folder of the config file `file` and its `extends` chain; `chain` are the files that led to it (a cycle or a chain too deep stops, as reported by `resolveConfig`). */
function configTemplates(file: string, chain: readonly string[]): string | undefined {
    if (chain.includes(file) || chain.length > MAX_EXTENDS_DEPTH) return undefined;
    const text = readConfig(file);
    const keys = text === undefined ? undefined : templatesKeysIn(text);
    if (!keys) return undefined;
    const folder = path.dirname(file);
    // A `templates` of the file wins over the extended one's, even a package's (in node_modules, which the walk skips) or a missing path.
    if (typeof keys.templates === 'string') return isPathSpec(keys.templates) ? path.resolve(folder, keys.templates) : undefined;
    if (typeof keys.extends !== 'string') return undefined;
    const target = extendedConfig(keys.extends, folder);
    return target === undefined ? undefined : configTemplates(target, [...chain, file]);
}

/** The config file that `extends: spec` in a file of `folder` names (language/config/locate.ts), if it exists. */
function extendedConfig(spec: string, folder: string): string | undefined {
    let found: string | undefined;
    if (isPathSpec(spec)) {
        found = path.resolve(folder, spec);
    } else {
        for (let current = folder; ; current = path.dirname(current)) {
            const candidate = path.join(current, 'node_modules', ...spec.split('/'));
            if (isDirectory(candidate)) { found = candidate; break; }
            if (path.dirname(current) === current) return undefined;
        }
    }
    return isDirectory(found) ? path.join(found, 'align.config.json') : found;
}

function isDirectory(file: string): boolean {
    try {
        return fs.statSync(file).isDirectory();
    } catch (error) {
        if (isFileError(error)) return false;
        throw error;
    }
}

/** The text of a config file; undefined when it is missing or no readable file (it names no templates; the workspace's own is reported as config-invalid). */
function readConfig(file: string): string | undefined {
    try {
        if (!fs.statSync(file).isFile()) return undefined;
        return fs.readFileSync(file, 'utf-8');
    } catch (error) {
        if (isFileError(error)) return undefined;
        throw error;
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
