/**
 * The folder that the paths of the CI formats (sarif, github, gitlab,
 * junit) are relative to: GitHub annotations, code scanning and GitLab's
 * Code Quality widget name files from the repository root, whatever folder
 * the check ran in. Pretty and JSON output stay relative to the current
 * folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FormatName } from '../check-formats/index.js';
import { InputError } from '../workspace/input-error.js';

/** The formats whose paths are relative to the report root. */
export const ROOT_RELATIVE_FORMATS: readonly FormatName[] = ['sarif', 'github', 'gitlab', 'junit'];

/**
 * `--root DIR` (checked: an existing folder), else the nearest ancestor of
 * `cwd` (itself included) with a `.git` entry, folder or file (a worktree,
 * a submodule), else `cwd`. An absolute path.
 */
export function reportRoot(rootOption: string | undefined, cwd = process.cwd()): string {
    if (rootOption !== undefined) {
        const root = path.resolve(cwd, rootOption);
        let isDir = false;
        try {
            isDir = fs.statSync(root).isDirectory();
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
        if (!isDir) throw new InputError(`--root ${rootOption}: no such folder; give the repository's root folder`);
        return root;
    }
    return repositoryRoot(cwd) ?? path.resolve(cwd);
}

/** The nearest ancestor of `folder` (itself included) with a `.git` entry, folder or file; undefined without one. */
export function repositoryRoot(folder: string): string | undefined {
    for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, '.git'))) return dir;
        if (path.dirname(dir) === dir) return undefined;
    }
}

/**
 * A path relative to the current folder (as findings carry them) made
 * relative to `root`, with `/` separators; a file outside `root` gets its
 * absolute path: never `../`.
 */
export function fromRoot(file: string, root: string, cwd = process.cwd()): string {
    const absolute = path.resolve(cwd, file);
    const relative = path.relative(root, absolute);
    if (relative === '' || relative === '..' || relative.startsWith('..' + path.sep) || path.isAbsolute(relative)) return absolute;
    return relative.split(path.sep).join('/');
}
