/**
 * What a revision's copy needs beyond its paths, so that `align diff` reads
 * it as `align check` reads the working tree. The copy mirrors the
 * repository's absolute place inside its temporary folder (`<tmp>/work/repo`
 * for `/work/repo`), so that every path `align.config.json` names resolves
 * in the copy as it does on disk:
 * - packages (`extends`, `catalogs`, `templates` naming a package): the
 *   `node_modules` folders on the way from the file system's root down to
 *   each path are linked into the copy at the same place (installed
 *   packages are not in git; both sides read the installed version);
 * - files and folders named by relative path (`"catalogs": ["../kpis"]`,
 *   `"extends": "./standards/base.json"`) inside the repository but outside
 *   the paths compared: copied from the same revision, and what their own
 *   configs name in turn;
 * - the same outside the repository: linked to where they are on disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE } from '../../language/config/extends.js';
import { isPathSpec } from '../../language/config/locate.js';
import { parseAlignConfig } from '../../language/config/parse-config.js';
import { isFileError } from '../../language/config/templates-folder.js';
import type { RevisionCopy } from './copy-revision.js';

/** Where `real` (an absolute path on disk) is in a copy made under `base`. */
export function mirrored(base: string, real: string): string {
    return path.join(base, path.resolve(real).replace(/^[A-Za-z]:/, ''));
}

/** Links every `node_modules` folder from the file system's root down to each of `folders` into the copy under `base`. */
export function linkInstalledPackages(base: string, folders: readonly string[]): void {
    const seen = new Set<string>();
    for (const folder of folders) {
        for (let current = path.resolve(folder); !seen.has(current); current = path.dirname(current)) {
            seen.add(current);
            linkIfPresent(base, path.join(current, 'node_modules'));
            if (path.dirname(current) === current) break;
        }
    }
}

/**
 * Copies from the revision what the configs in the copy name by relative
 * path and the copy lacks; links what lies outside the repository.
 */
export function completeNamedSources(copy: RevisionCopy, base: string): void {
    const { top, dest: root } = copy;
    const pending = configFilesUnder(root);
    const done = new Set<string>();
    while (pending.length > 0) {
        const config = pending.pop()!;
        if (done.has(config)) continue;
        done.add(config);
        const text = readText(config);
        if (text === undefined) continue;
        const { references } = parseAlignConfig(text);
        // The file `extends` names is a config file whatever its name; a catalog or templates path brings its folder's.
        const named = [{ spec: references.extends, extended: true }, ...[...references.catalogs ?? [], references.templates].map(spec => ({ spec, extended: false }))];
        for (const { spec, extended } of named) {
            if (spec === undefined || !isPathSpec(spec)) continue;
            const inCopy = path.resolve(path.dirname(config), spec);
            const real = path.join('/', path.relative(base, inCopy));
            if (path.relative(base, inCopy).startsWith('..')) continue;
            const relative = path.relative(top, real);
            if (relative.startsWith('..') || path.isAbsolute(relative)) linkIfPresent(base, real);
            else if (!fs.existsSync(inCopy)) copy.add([relative.split(path.sep).join('/')]);
            pending.push(...configsOf(inCopy, extended));
        }
    }
}

/**
 * The config files a named source brings: the file `extends` names, whatever
 * its name (`./std/base.jsonc`, `./std/config`), or a folder's
 * `align.config.json`; a catalog file brings none.
 */
function configsOf(named: string, extended: boolean): string[] {
    const stat = statIfThere(named);
    if (!stat) return [];
    if (stat.isFile()) return extended ? [named] : [];
    const config = path.join(named, CONFIG_FILE);
    return fs.existsSync(config) ? [config] : [];
}

/** The `align.config.json` files copied from the revision (the copy holds no links yet, nor skipped folders). */
function configFilesUnder(folder: string): string[] {
    const found: string[] = [];
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory() && !entry.isSymbolicLink()) found.push(...configFilesUnder(full));
        else if (entry.isFile() && entry.name === CONFIG_FILE) found.push(full);
    }
    return found;
}

function linkIfPresent(base: string, real: string): void {
    const at = mirrored(base, real);
    if (!fs.existsSync(real) || fs.existsSync(at)) return;
    fs.mkdirSync(path.dirname(at), { recursive: true });
    fs.symlinkSync(real, at);
}

/**
 * A config file's text; undefined when it cannot be read (EACCES, gone): the
 * side's check reports it as `config-invalid`, as `align check` does, and
 * nothing more is copied for it.
 */
function readText(file: string): string | undefined {
    if (!statIfThere(file)?.isFile()) return undefined;
    try {
        return fs.readFileSync(file, 'utf-8');
    } catch (error) {
        if (isFileError(error)) return undefined;
        throw error;
    }
}

/**
 * What is at `file`; undefined when there is nothing to look at: missing,
 * a path through a file (`"catalogs": ["./a.align/x"]`: ENOTDIR, which Node
 * 20 throws even with `throwIfNoEntry: false`) or one that may not be
 * looked at (EACCES). `align check` reports such a path as `config-invalid`;
 * the side's check does.
 */
function statIfThere(file: string): fs.Stats | undefined {
    try {
        return fs.statSync(file);
    } catch (error) {
        if (isFileError(error)) return undefined;
        throw error;
    }
}
