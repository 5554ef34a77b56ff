import * as fs from 'node:fs';
import * as path from 'node:path';
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
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
        throw new InputError(`${path.relative(process.cwd(), folder) || '.'}: cannot read folder (${describeCode((error as NodeJS.ErrnoException).code, error)})`);
    }
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) walk(full, found);
        } else if (entry.isFile() && entry.name.endsWith('.align')) {
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
