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

/**
 * The folder of program templates that the `align.config.json` in `folder`
 * names (`"templates": "./templates"`): its files have `${name}`
 * placeholders, so they are not programs to check.
 */
function templateFolder(folder: string): string | undefined {
    const config = path.join(folder, 'align.config.json');
    if (!fs.existsSync(config)) return undefined;
    try {
        const templates = (JSON.parse(fs.readFileSync(config, 'utf-8')) as { templates?: unknown }).templates;
        return typeof templates === 'string' && templates.startsWith('.') ? path.resolve(folder, templates) : undefined;
    } catch (error) {
        if (error instanceof SyntaxError) return undefined; // reported as config-invalid when it is the workspace's
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
