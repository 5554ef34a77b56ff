import * as fs from 'node:fs';
import * as path from 'node:path';
import { isFileError, templatesPathIn } from '../../language/config/templates-folder.js';
import { describeCode, InputError } from './input-error.js';

const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'dist']);

/** Every `.align` file under the paths (files given directly are taken whatever their extension), sorted. */
export function findAlignFiles(paths: readonly string[]): string[] {
    const found = new Set<string>();
    for (const given of paths) {
        const absolute = path.resolve(given);
        const stat = statOrFail(absolute, given);
        if (stat.isDirectory()) walk(absolute, found);
        else found.add(absolute);
    }
    return [...found].sort();
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
        } else if (entry.isFile() && entry.name.endsWith('.align')) {
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
