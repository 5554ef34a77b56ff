import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE } from '../../language/config/extends.js';
import { LOCK_FILE } from '../../language/pull/lock-file.js';
import type { PullTarget } from './targets.js';

/** The files a pull reads or that hold the workspace, by real path: what each is, as a message says it. */
export type SourceFiles = ReadonlyMap<string, { readonly what: string; readonly target?: PullTarget }>;

/**
 * The files no snapshot may overwrite (a pull only reads its sources): the
 * `.align` files, the settings file, the lock files, and the query and
 * database files of every SQL pull.
 */
export function sourceFiles(alignFiles: readonly string[], configFile: string | undefined, targets: readonly PullTarget[], root: string): SourceFiles {
    const files = new Map<string, { what: string; target?: PullTarget }>();
    const add = (file: string, what: string, target?: PullTarget) => {
        const real = realPath(file);
        if (!files.has(real)) files.set(real, { what, target });
    };
    for (const target of targets) for (const { file, what } of ownSources(target)) add(file, what, target);
    for (const file of alignFiles) add(file, 'an Align source file');
    if (configFile !== undefined) add(configFile, `the settings file ${path.basename(configFile)}`);
    for (const lock of new Set([...targets.map(t => t.lockFile), path.join(root, LOCK_FILE)])) add(lock, `the lock file ${LOCK_FILE}`);
    return files;
}

/** Why a target's snapshot must not be written where `from` says, or undefined: it is a file the workspace or a pull reads. */
export function snapshotOverwritesSource(target: PullTarget, sources: SourceFiles): string | undefined {
    const file = path.resolve(target.folder, target.file);
    const real = realPath(file);
    const source = sources.get(real);
    const name = path.basename(file);
    const own = ownSources(target).find(s => realPath(s.file) === real);
    const what = own !== undefined ? `the ${own.what} this pull reads`
        : source !== undefined ? source.target === undefined ? source.what : `the ${source.what} of the pull of ${source.target.metric}`
            : name === LOCK_FILE ? `a lock file ${LOCK_FILE}` : name === CONFIG_FILE ? `a settings file ${CONFIG_FILE}` : /\.align$/i.test(name) ? 'an Align source file' : undefined;
    if (what === undefined) return undefined;
    return `the snapshot "${target.file}" is ${what}: a pull only reads its sources; give the snapshot a .csv file of its own`;
}

/** The files a SQL pull reads: its query file and its database file. */
function ownSources(target: PullTarget): Array<{ file: string; what: string }> {
    if (target.spec?.kind !== 'sql') return [];
    const { query, on } = target.spec;
    return [{ file: path.resolve(target.folder, query), what: 'query file' },
        ...on !== undefined && !on.startsWith('env:') ? [{ file: path.resolve(target.folder, on), what: 'database file' }] : []];
}

/** A file's real path (symbolic links resolved); for one that does not exist yet, its nearest existing folder's. */
function realPath(file: string): string {
    let existing = file;
    while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
    try {
        return path.join(fs.realpathSync(existing), path.relative(existing, file));
    } catch (error) {
        // A link loop or a folder that cannot be searched: compared by the path as written (the write then fails with its own message).
        if (['ELOOP', 'EACCES', 'EPERM', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return file;
        throw error;
    }
}
