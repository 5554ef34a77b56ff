import * as os from 'node:os';
import * as path from 'node:path';
import { NOT_REGULAR_WORDS } from '../../language/files/regular-files.js';
import { isSpecialFileSync } from '../workspace/read-regular-file.js';
import { PullError } from './pull-error.js';
import { duckDbQueryNames } from './duckdb-query-names.js';

/**
 * The local file a name in a DuckDB query stands for, resolved against
 * `folder` (the working directory DuckDB runs in for a pull) as DuckDB
 * resolves it: `file:///x`, `file://localhost/x` and `file:/x` are the
 * local `/x`, a leading `~` is the home folder; undefined for what names
 * no local file: blank, a NUL, a URL (`https://`, `s3://`: a pull reads no
 * remote file).
 */
export function duckDbLocalPath(name: string, folder: string): string | undefined {
    if (name.trim() === '' || name.includes('\0')) return undefined;
    // DuckDB's own prefixes, in lower case only (`FILE:///x` is a relative name), with no %-escapes decoded.
    const local = /^file:\/\/localhost\//.test(name) ? name.slice('file://localhost'.length)
        : /^file:\/\/\//.test(name) ? name.slice('file://'.length)
            : /^file:\/(?!\/)/.test(name) ? name.slice('file:'.length) : name;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(local)) return undefined;
    const home = /^~(?=$|[\\/])/.test(local) ? os.homedir() + local.slice(1) : local;
    return path.resolve(folder, home);
}

/**
 * A PullError when a name in a DuckDB query is a named pipe, socket or
 * device: DuckDB opens the files a query names itself (`FROM 'x.csv'`,
 * `read_csv('x.csv')`, `read_parquet`, `read_json`, also `FROM x.csv`,
 * `FROM "x.csv"` and `read_csv('x' || '.csv')`), while the query is
 * prepared, and opening a pipe blocks until a writer comes, beyond reach
 * of the time-out or Ctrl-C. The names are those of `duckDbQueryNames`
 * (resolved by `duckDbLocalPath`); a glob (`data/*.csv`) is left alone, as
 * DuckDB's glob matches regular files only.
 */
export function refuseSpecialNamedFiles(sql: string, folder: string): void {
    for (const name of duckDbQueryNames(sql)) {
        const file = /[*?[]/.test(name) ? undefined : duckDbLocalPath(name, folder);
        if (file !== undefined && isSpecial(file)) throw new PullError(`the file "${name}" that the query names is ${NOT_REGULAR_WORDS}`);
    }
}

/** Whether `file` is a named pipe, socket or device; false when it cannot be looked at (too long a name, a file as a folder): then DuckDB cannot open it either. */
function isSpecial(file: string): boolean {
    try {
        return isSpecialFileSync(file);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== undefined) return false;
        throw error;
    }
}
