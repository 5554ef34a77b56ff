import * as fs from 'node:fs';
import type { SqlPullSpec } from '../../language/pull/pull-spec.js';
import { confinedPath } from './confine.js';
import type { RawRow } from './periods.js';
import { PullError } from './pull-error.js';
import { NOT_REGULAR_CODE, NOT_REGULAR_WORDS } from '../../language/files/regular-files.js';
import { checkRegularFileSync, isSpecialFileSync } from '../workspace/read-regular-file.js';
import { refuseSpecialNamedFiles } from './duckdb-named-files.js';
import { queryDuckDb } from './sql-duckdb.js';
import { queryPostgres } from './sql-postgres.js';
import { querySqlite } from './sql-sqlite.js';
import { countStatements } from './sql-statements.js';

/** What a SQL pull read: the rows, and the query's text (hashed into the lock). */
export interface SqlPulled {
    readonly rows: RawRow[];
    readonly query: Uint8Array;
}

/**
 * Runs a `pull sql` block: DuckDB in memory (no `on`), a DuckDB or SQLite
 * file (`on "file"`, told apart by its header), or PostgreSQL (`on env "VAR"`).
 */
export async function runSqlPull(spec: SqlPullSpec, root: string, folder: string): Promise<SqlPulled> {
    const queryFile = confinedPath(root, folder, spec.query, 'the query file');
    const query = readOrFail(queryFile, `the query file "${spec.query}"`);
    const sql = queryText(query, spec.query).trim();
    if (sql === '') throw new PullError(`the query file "${spec.query}" is empty`);
    const statements = countStatements(sql);
    if (statements !== 1) {
        throw new PullError(`the query file "${spec.query}" holds ${statements === 0 ? 'no statement, only comments' : `${statements} statements`}; it must hold one`);
    }
    if (spec.on === undefined) {
        refuseSpecialNamedFiles(sql, folder);
        return { rows: await queryDuckDb(sql, root, folder), query };
    }
    if (spec.on.startsWith('env:')) return { rows: await queryPostgres(sql, postgresUrl(spec.on.slice(4)), spec.on.slice(4)), query };
    const database = confinedPath(root, folder, spec.on, 'the database file');
    const header = readOrFail(database, `the database file "${spec.on}"`).subarray(0, 16);
    if (new TextDecoder().decode(header) === 'SQLite format 3\0') {
        refuseSpecialWal(`${database}-wal`, `${spec.on}-wal`);
        return { rows: await querySqlite(sql, database), query };
    }
    if (new TextDecoder().decode(header.subarray(8, 12)) === 'DUCK') {
        refuseSpecialWal(`${database}.wal`, `${spec.on}.wal`);
        refuseSpecialNamedFiles(sql, folder);
        return { rows: await queryDuckDb(sql, root, folder, database), query };
    }
    throw new PullError(`the database file "${spec.on}" is neither a DuckDB nor a SQLite file`);
}

/** The PostgreSQL URL in an environment variable; its value never reaches a message. */
function postgresUrl(variable: string): string {
    const url = process.env[variable];
    if (url === undefined || url.trim() === '') throw new PullError(`the environment variable ${variable} is not set (expected a postgres:// URL)`);
    if (!/^postgres(ql)?:\/\//i.test(url.trim())) throw new PullError(`the environment variable ${variable} does not hold a postgres:// or postgresql:// URL`);
    return url.trim();
}

/** A query file's text; a binary file (a NUL byte) or one that is not UTF-8 is refused, not sent to the database cut or garbled. */
function queryText(bytes: Uint8Array, file: string): string {
    if (bytes.includes(0)) throw new PullError(`the query file "${file}" is binary (a NUL byte), not SQL text`);
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        throw new PullError(`the query file "${file}" is not UTF-8 text; save it as UTF-8`);
    }
}

/**
 * A PullError when the write-ahead log next to a database file (SQLite's
 * `-wal`, DuckDB's `.wal`), which the pull reads with it, is a named pipe,
 * socket or device: opening a pipe blocks until a writer comes, and the
 * query's time-out cannot stop a thread blocked in open(). A missing log
 * (the usual case) is fine.
 */
function refuseSpecialWal(file: string, shown: string): void {
    if (isSpecialFileSync(file)) throw new PullError(`the write-ahead log "${shown}" of the database file is ${NOT_REGULAR_WORDS}`);
}

function readOrFail(file: string, what: string): Uint8Array {
    try {
        checkRegularFileSync(file);
        return fs.readFileSync(file);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new PullError(`${what} ${code === 'ENOENT' ? 'is missing' : code === 'EISDIR' ? 'is a folder' : code === NOT_REGULAR_CODE ? `is ${NOT_REGULAR_WORDS}` : `cannot be read (${code ?? String(error)})`}`);
    }
}
