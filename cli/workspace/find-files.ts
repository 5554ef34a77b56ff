import * as fs from 'node:fs';
import * as path from 'node:path';
import { isFileError, templatesPathIn } from '../../language/config/templates-folder.js';
import { describeCode, InputError } from './input-error.js';

const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'dist']);

/**
 * Every `.align` file under the paths, sorted. A file given by name must be
 * an `.align` file too (a usage error otherwise): the extension, in lower
 * case as in a folder's walk, is what makes a file Align source.
 */
export function findAlignFiles(paths: readonly string[]): string[] {
    const found = new Set<string>();
    for (const given of paths) {
        const absolute = path.resolve(given);
        const stat = statOrFail(absolute, given);
        if (stat.isDirectory()) walk(absolute, found);
        else found.add(requireAlignFile(given, absolute));
    }
    return [...found].sort();
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

function walk(folder: string, found: Set<string>): void {
    const templates = templateFolder(folder);
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
        throw new InputError(`${path.relative(process.cwd(), folder) || '.'}: cannot read folder (${describeCode((error as NodeJS.ErrnoException).code, error)})`);
    }
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name) && full !== templates) walk(full, found);
        } else if (entry.isFile() && isAlignFile(entry.name)) {
            found.add(full);
        }
    }
}

/** The templates folder that `folder`'s `align.config.json` names (language/config/templates-folder.ts). */
function templateFolder(folder: string): string | undefined {
    const config = path.join(folder, 'align.config.json');
    let text: string;
    try {
        if (!fs.statSync(config).isFile()) return undefined;
        text = fs.readFileSync(config, 'utf-8');
    } catch (error) {
        // Missing, or no readable file: it names no templates (the workspace's own is reported as config-invalid).
        if (isFileError(error)) return undefined;
        throw error;
    }
    const templates = templatesPathIn(text);
    return templates === undefined ? undefined : path.resolve(folder, templates);
}

function statOrFail(absolute: string, given: string): fs.Stats {
    try {
        return fs.statSync(absolute);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new InputError(code === 'ENOENT' ? `${given}: no such file or folder` : `${given}: cannot be read (${describeCode(code, error)})`);
    }
}
