/**
 * Which files of a revision `align diff` copies: those a check can read,
 * not every file under the paths (a repository may hold gigabytes of
 * other data). A check reads
 * - the `.align` files (sources, catalogs, templates);
 * - the settings by their names: `align.config.json`, `align.lock.json`,
 *   and a catalog folder's `package.json` (its name and version);
 * - a file named exactly: a path given, what `align.config.json` names
 *   (`"extends": "./std/base.jsonc"`), where a link leads;
 * - the files its `.align` files name in strings, relative to them: the
 *   CSV of `actuals ... from "data/sales.csv"`, a pull's snapshot and
 *   query file. Any file whose name appears between quotes in an `.align`
 *   file is copied, whatever the keyword before it, so that a file an
 *   `.align` file can name is never missing from the copy.
 */
import * as path from 'node:path';
import { CONFIG_FILE } from '../../language/config/extends.js';
import { isAlignFileName } from '../../language/files/folder-walk.js';
import { LOCK_FILE } from '../../language/pull/lock-file.js';

const SETTINGS_NAMES = new Set([CONFIG_FILE, LOCK_FILE, 'package.json']);

/** True for a file copied whatever the `.align` files say: an `.align` file or a settings file. */
export function alwaysRead(name: string): boolean {
    return isAlignFileName(name) || SETTINGS_NAMES.has(name);
}

/**
 * The names of the files the `.align` files read name: the last part of
 * every text between two quotes on a line. Both pairings of the quotes
 * are taken (a quote in a comment shifts them), so that no string is
 * missed; a name too many only copies a file that is not read.
 */
export class NamedFiles {
    private readonly names = new Set<string>();

    /** Takes in the names an `.align` file's text holds. */
    addSource(text: string): void {
        for (const line of text.split('\n')) {
            const parts = line.split('"');
            for (let i = 1; i < parts.length - 1; i++) for (const name of lastParts(parts[i]!)) this.names.add(name);
        }
    }

    /** True when an `.align` file names a file called `name` (in any folder). */
    has(name: string): boolean {
        return this.names.has(name);
    }
}

/** The last part of a path as a string writes it: after its last `/`, and after its last `\` (`data\\sales.csv`). */
function lastParts(written: string): string[] {
    const name = path.posix.basename(written);
    return [name, name.slice(name.lastIndexOf('\\') + 1)];
}
