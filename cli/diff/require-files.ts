/**
 * A folder after `align diff REVISION -- ` under which neither side has an
 * `.align` file is a usage error (exit 2), as a folder without one is for
 * `align diff OLD/ NEW/` and `align check`: a mistyped or wrong path would
 * say "No change". One side without any is an empty workspace (added or
 * removed since), compared as such.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { shownFolder } from '../workspace/find-files.js';
import { InputError } from '../workspace/input-error.js';

/** A side as this check reads it: how the output names it, whether it is a revision, and the names of its `.align` files relative to the repository's top. */
interface ReadSide {
    label: string;
    commit?: string;
    files: readonly string[];
}

/**
 * Throws for the first folder of `paths` (as given; `scope` holds each
 * relative to the repository's top, `''` for all of it) that holds no
 * `.align` file in either side. A file given is left to sides.ts, which
 * names one in no side.
 */
export function requireFilesUnder(paths: readonly string[], scope: readonly string[], base: ReadSide, head: ReadSide): void {
    for (const [i, given] of paths.entries()) {
        const prefix = scope[i]!;
        if (isFileGiven(given)) continue;
        const under = (file: string) => prefix === '' || file.startsWith(`${prefix}/`);
        if (base.files.some(under) || head.files.some(under)) continue;
        throw new InputError(`no .align files in ${shownFolder(given)}, ${inSides(base, head)}`);
    }
}

/** `neither in main nor in the working tree`, `in HEAD` (the same revision twice). */
function inSides(base: ReadSide, head: ReadSide): string {
    const headLabel = head.commit === undefined ? 'the working tree' : head.label;
    return base.label === headLabel ? `in ${headLabel}` : `neither in ${base.label} nor in ${headLabel}`;
}

/** As sides.ts reads a path: a file when it is one on disk, or when it is missing and named `.align`. */
function isFileGiven(given: string): boolean {
    const absolute = path.resolve(given);
    return fs.existsSync(absolute) ? !fs.statSync(absolute).isDirectory() : /\.align$/i.test(absolute);
}
