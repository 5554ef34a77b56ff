import * as fs from 'node:fs';
import * as path from 'node:path';
import { PullError } from './pull-error.js';

/**
 * A path written in a `.align` file, resolved against its folder and
 * confined to the workspace folder, symbolic links resolved (the file, or
 * for a file still to be written, its nearest existing folder).
 */
export function confinedPath(root: string, folder: string, written: string, what: string): string {
    if (written.trim() === '') throw new PullError(`${what} is an empty path`);
    const absolute = path.resolve(folder, written);
    const realRoot = fs.realpathSync(root);
    let existing = absolute;
    while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
    const real = path.join(fs.realpathSync(existing), path.relative(existing, absolute));
    const relative = path.relative(realRoot, real);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
        throw new PullError(`${what} "${written}" is outside the workspace folder${real !== absolute ? ' (through a symbolic link)' : ''}`);
    }
    return absolute;
}
