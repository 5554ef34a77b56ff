import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE } from '../../language/config/extends.js';
import { LOCK_FILE } from '../../language/pull/lock-file.js';
import { duckDbLocalPath } from './duckdb-named-files.js';
import { stringLiterals } from './sql-statements.js';
import { isSpecialFileSync, readRegularFileSync } from '../workspace/read-regular-file.js';
import type { PullTarget } from './targets.js';

/** A file a pull reads, as a message says it: `query file`, or for a file the query names, the query and the constant that names it. */
interface Source {
    readonly what: string;
    readonly target?: PullTarget;
    /** A file a DuckDB query reads: the constant that names it, as written (`data/*.csv`). */
    readonly named?: string;
    /** For a glob: the real paths it matches. */
    readonly matches?: RegExp;
}

/** The files the pulls read or that hold the workspace, by real path, and the globs DuckDB queries read. */
export interface SourceFiles {
    readonly files: ReadonlyMap<string, Source>;
    readonly globs: readonly Source[];
}

/**
 * The files no snapshot may overwrite (a pull only reads its sources): the
 * `.align` files, the settings file, the lock files, the query and
 * database files of every SQL pull, and the files its DuckDB query reads.
 */
export function sourceFiles(alignFiles: readonly string[], configFile: string | undefined, targets: readonly PullTarget[], root: string): SourceFiles {
    const files = new Map<string, Source>();
    const globs: Source[] = [];
    const add = (file: string, source: Source) => {
        const real = realPath(file);
        if (!files.has(real)) files.set(real, source);
    };
    for (const target of targets) {
        for (const { file, ...source } of ownSources(target)) {
            if (source.matches !== undefined) globs.push({ ...source, target });
            else add(file, { ...source, target });
        }
    }
    for (const file of alignFiles) add(file, { what: 'an Align source file' });
    if (configFile !== undefined) add(configFile, { what: `the settings file ${path.basename(configFile)}` });
    for (const lock of new Set([...targets.map(t => t.lockFile), path.join(root, LOCK_FILE)])) add(lock, { what: `the lock file ${LOCK_FILE}` });
    return { files, globs };
}

/** Why a target's snapshot must not be written where `from` says, or undefined: it is a file the workspace or a pull reads. */
export function snapshotOverwritesSource(target: PullTarget, sources: SourceFiles): string | undefined {
    const file = path.resolve(target.folder, target.file);
    const real = realPath(file);
    const reads = (s: Source & { file?: string }) => s.matches !== undefined ? s.matches.test(real) : realPath(s.file!) === real;
    const own = ownSources(target).find(reads);
    const source = sources.files.get(real) ?? sources.globs.find(reads);
    const name = path.basename(file);
    const what = own !== undefined ? read(own, 'this pull')
        : source?.target !== undefined ? read(source, `the pull of ${source.target.metric}`)
            : source !== undefined ? source.what
                : name === LOCK_FILE ? `a lock file ${LOCK_FILE}` : name === CONFIG_FILE ? `a settings file ${CONFIG_FILE}` : /\.align$/i.test(name) ? 'an Align source file' : undefined;
    if (what === undefined) return undefined;
    return `the snapshot "${target.file}" is ${what}: a pull only reads its sources; give the snapshot a .csv file of its own`;
}

/** A file a pull reads, as the message says it: `the query file this pull reads`, `a file the query "q.sql" of the pull of N reads ('data/*.csv')`. */
function read(source: Source, pull: string): string {
    if (source.named === undefined) return pull === 'this pull' ? `the ${source.what} this pull reads` : `the ${source.what} of ${pull}`;
    return `a file that the query ${source.what} of ${pull} reads ('${source.named}')`;
}

/**
 * The files a SQL pull reads: its query file, its database file, and for
 * DuckDB (in memory or on a DuckDB file) every file, or glob of files, that
 * a string constant of the query names (`FROM 'data/deals.csv'`), resolved
 * against the `.align` file's folder as DuckDB resolves it there.
 */
function ownSources(target: PullTarget): Array<Source & { file: string }> {
    if (target.spec?.kind !== 'sql') return [];
    const { query, on } = target.spec;
    const queryFile = path.resolve(target.folder, query);
    const database = on !== undefined && !on.startsWith('env:') ? path.resolve(target.folder, on) : undefined;
    const sources: Array<Source & { file: string }> = [{ file: queryFile, what: 'query file' },
        ...database !== undefined ? [{ file: database, what: 'database file' }] : []];
    // PostgreSQL reads the files of its server, and a SQLite query reads none.
    if (on?.startsWith('env:') || (database !== undefined && isSqlite(database))) return sources;
    for (const literal of queryLiterals(queryFile)) {
        const file = duckDbLocalPath(literal, target.folder);
        if (file === undefined) continue;
        const wildcard = /[*?[]/.exec(file);
        sources.push({ file, what: `"${query}"`, named: literal, matches: wildcard === null ? undefined : globPattern(file, wildcard.index) });
    }
    return sources;
}

/** The string constants of a query file; none when it cannot be read (its pull then fails with its own message). */
function queryLiterals(file: string): string[] {
    let text: string;
    try {
        text = readRegularFileSync(file);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== undefined) return [];
        throw error;
    }
    return stringLiterals(text);
}

/** Whether a file starts with SQLite's header. */
function isSqlite(file: string): boolean {
    try {
        if (isSpecialFileSync(file)) return false; // a named pipe would block the open
        const header = Buffer.alloc(16);
        const fd = fs.openSync(file, 'r');
        try {
            fs.readSync(fd, header, 0, 16, 0);
        } finally {
            fs.closeSync(fd);
        }
        return header.toString('latin1') === 'SQLite format 3\0';
    } catch {
        return false;
    }
}

/**
 * The real paths a glob matches, as DuckDB reads one: `*` and `?` within a
 * folder name, `**` across folders, `[...]` one character of a set. The
 * folder before the first wildcard is taken by its real path.
 */
function globPattern(glob: string, wildcard: number): RegExp {
    const folder = glob.slice(0, glob.lastIndexOf(path.sep, wildcard) + 1);
    const rest = glob.slice(folder.length);
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    const notSep = `[^${escape(path.sep)}]`;
    let pattern = '';
    for (let i = 0; i < rest.length; i++) {
        const c = rest[i]!;
        const close = c === '[' ? rest.indexOf(']', i + 2) : -1;
        if (c === '*' && rest[i + 1] === '*' && rest[i + 2] === path.sep) {
            // `**/`: any number of folders, none included.
            pattern += `(?:${notSep}*${escape(path.sep)})*`;
            i += 2;
        } else if (c === '*' && rest[i + 1] === '*') {
            pattern += '.*';
            i++;
        } else if (c === '*') {
            pattern += `${notSep}*`;
        } else if (c === '?') {
            pattern += notSep;
        } else if (close > 0) {
            const set = rest.slice(i + 1, close);
            const negated = set.startsWith('!') || set.startsWith('^');
            // Ranges (`a-z`) are kept; any other character stands for itself.
            pattern += `[${negated ? '^' : ''}${(negated ? set.slice(1) : set).replace(/[\\\]^]/g, '\\$&')}]`;
            i = close;
        } else {
            pattern += escape(c);
        }
    }
    return new RegExp(`^${escape(path.join(realPath(folder), path.sep))}${pattern}$`);
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
