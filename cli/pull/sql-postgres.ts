import type { RawRow } from './periods.js';
import { tlsProblem } from './certificate.js';
import { cancelledBySignals } from './interrupt.js';
import { firstLine, PullError } from './pull-error.js';
import { MAX_ROWS, periodValueColumns, tooManyRows } from './sql-columns.js';
import { cellReaders } from './sql-postgres-types.js';
import { queryTimedOut, queryTimeoutMs, timeoutMs } from './timeout.js';

type ClientConfig = import('pg').ClientConfig;

/**
 * Runs a query on a PostgreSQL server through `pg`, in UTC, every value read
 * as text and converted here (no driver-side dates in local time), in a
 * read-only transaction that is rolled back. The URL
 * (with its password) never reaches a message.
 */
export async function queryPostgres(sql: string, url: string, variable: string): Promise<RawRow[]> {
    const { default: pg } = await import('pg');
    const parsed = await connectionOf(url, variable);
    // libpq's `allow`: a connection without TLS first.
    let connection = sslMode(parsed) === 'allow' ? { ...parsed, ssl: false } : parsed;
    let client = newClient(pg, connection);
    let began = false;
    try {
        try {
            await client.connect();
        } catch (error) {
            await client.end().catch(() => undefined);
            if (sslMode(parsed) === 'prefer' && NO_TLS.test(firstLine(error))) {
                // libpq's `prefer`: TLS when the server offers it, else a connection without.
                connection = { ...parsed, ssl: false };
            } else if (sslMode(parsed) === 'allow' && error instanceof pg.DatabaseError) {
                // libpq's `allow`: the server refused a connection without TLS (pg_hba.conf's hostssl); then with TLS, its certificate not checked.
                connection = { ...parsed, ssl: { ...typeof parsed.ssl === 'object' ? parsed.ssl : {}, rejectUnauthorized: false } };
            } else {
                throw error;
            }
            client = newClient(pg, connection);
            try {
                await client.connect();
            } catch (retried) {
                // A server that offers no TLS either: its refusal of the connection without is the cause.
                throw sslMode(parsed) === 'allow' && NO_TLS.test(firstLine(retried)) ? error : retried;
            }
        }
        // A read-only transaction, rolled back: a query that writes fails with the server's own message, and nothing is committed.
        await client.query('BEGIN TRANSACTION READ ONLY');
        began = true;
        // Again within the transaction: the URL may set these too (`statement_timeout=0`, which the server applies after `options`).
        await client.query(`SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO'; SET LOCAL extra_float_digits = 3; SET LOCAL statement_timeout = ${Math.ceil(queryTimeoutMs())}`);
        // The extended protocol (a prepared statement) refuses a text of several commands.
        const query: import('pg').QueryConfig & { queryMode: 'extended' } = { text: sql, queryMode: 'extended', types: { getTypeParser: () => (text: string) => text } };
        const pid = Number((await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
        const result = await cancelledBySignals('the PostgreSQL query', () => cancelQuery(pg, connection, pid), client.query(query));
        const columns = periodValueColumns(result.fields.map(f => f.name));
        // Counted once read (pg reads a result whole): the same limit and message as DuckDB and SQLite, which stop reading there.
        if (result.rows.length > MAX_ROWS) throw tooManyRows();
        // By the columns' types: numeric and the integers as the exact text the server sends, money refused, citext read as text.
        const read = await cellReaders(client, result.fields[columns.period]!, result.fields[columns.value]!);
        return result.rows.map(row => {
            const values = Object.values(row as Record<string, unknown>);
            return { period: read.period(values[columns.period]), value: read.value(values[columns.value]) };
        });
    } catch (error) {
        if (error instanceof PullError) throw error;
        throw new PullError(describe(error, variable, connection));
    } finally {
        if (began) await client.query('ROLLBACK').catch(() => undefined);
        await client.end().catch(() => undefined);
    }
}

/** The sslmode values libpq knows. */
const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

/** pg's message when the server answers a request for TLS with no. */
const NO_TLS = /^The server does not support SSL connections$/;

/** A client of `connection`, in UTC, read-only, with the time-outs of ALIGN_PULL_TIMEOUT. */
function newClient(pg: typeof import('pg').default, connection: ClientConfig): InstanceType<typeof import('pg').default.Client> {
    // The server stops a query after the time-out (statement_timeout); the client waits a little longer for its answer.
    const client = new pg.Client({
        connectionTimeoutMillis: timeoutMs(), query_timeout: Math.ceil(queryTimeoutMs()) + 5000,
        // What the URL says comes last, as when pg parses a connectionString itself...
        ...connection,
        // ...but for the session settings: Align's follow the URL's `options` (the last `-c` of a setting wins), so UTC, read-only and the time-out always hold,
        // and the text Align reads is the one it parses: ISO dates (not `05.01.2026`), floats with every digit (extra_float_digits 1 or more: the shortest exact text).
        options: [connection.options?.trim(), `-c TimeZone=UTC -c DateStyle=ISO -c extra_float_digits=3 -c default_transaction_read_only=on -c statement_timeout=${Math.ceil(queryTimeoutMs())}`].filter(Boolean).join(' ')
    });
    client.on('error', () => { /* a dropped connection also rejects the pending query, which reports it */ });
    return client;
}

/** The URL's sslmode, when it gives one. */
function sslMode(connection: ClientConfig): string | undefined {
    const mode = (connection as { sslmode?: unknown }).sslmode;
    return typeof mode === 'string' ? mode : undefined;
}

/** Asks the server to cancel the query of backend `pid`, from a connection of its own (as psql does on Ctrl-C). */
async function cancelQuery(pg: typeof import('pg').default, connection: ClientConfig, pid: number): Promise<void> {
    const canceller = new pg.Client({ connectionTimeoutMillis: 2_000, ...connection });
    try {
        await canceller.connect();
        await canceller.query('SELECT pg_cancel_backend($1)', [pid]);
    } finally {
        await canceller.end();
    }
}

/**
 * The connection the URL describes, with `sslmode` as libpq reads it (as
 * psql, and every tool built on libpq): `require` encrypts without checking
 * the certificate, `verify-ca` checks it against `sslrootcert`, `verify-full`
 * checks the host name too. pg 8 reads `prefer`, `require` and `verify-ca`
 * as `verify-full` and prints a warning of several lines; a URL that sets
 * `uselibpqcompat` itself gets what it asks for.
 */
async function connectionOf(url: string, variable: string): Promise<ClientConfig> {
    const { parse } = await import('pg-connection-string');
    try {
        const libpq = !/[?&]uselibpqcompat=/i.test(url);
        const connection = parse(url, libpq ? { useLibpqCompat: true } : {}) as ClientConfig;
        const mode = sslMode(connection);
        // pg reads a mode it does not know as verify-full; psql refuses it.
        if (libpq && mode !== undefined && !SSL_MODES.includes(mode)) {
            throw new PullError(`invalid sslmode value: "${mode.length > 40 ? `${mode.slice(0, 37)}...` : mode}" in ${variable} (${SSL_MODES.slice(0, -1).join(', ')} or ${SSL_MODES.at(-1)})`);
        }
        return connection;
    } catch (error) {
        if (error instanceof PullError) throw error;
        // The driver's message is not shown: it may quote the URL with its password.
        const code = (error as { code?: string }).code;
        if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
            throw new PullError(`a file that the URL in ${variable} names (sslrootcert, sslcert or sslkey) cannot be read (${code})`);
        }
        if (/SECURITY WARNING: Using sslmode=verify-ca requires/.test(firstLine(error))) {
            throw new PullError(`sslmode=verify-ca in ${variable} needs sslrootcert, the file of the CA to check the server's certificate against`);
        }
        throw new PullError(`the environment variable ${variable} does not hold a valid postgres:// URL${code && code !== 'ERR_INVALID_URL' ? ` (${code})` : ''}`);
    }
}

function describe(error: unknown, variable: string, connection: ClientConfig): string {
    const code = (error as { code?: string }).code;
    switch (tlsProblem(code)) {
        case 'untrusted': return `the server's certificate is not trusted (${firstLine(error)}): add sslrootcert=FILE, the file of its CA, to the URL in ${variable}`;
        case 'other-host': return `the server's certificate is for another host name than the one in ${variable}`;
        case 'other': return `the TLS connection failed: ${firstLine(error)}, ${code} (the server in ${variable})`;
        default: break;
    }
    // pg's SCRAM client without a password (none in the URL, PGPASSWORD or ~/.pgpass).
    if (/^SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a (non-empty )?string$/.test(firstLine(error))) {
        return `the server asks for a password, and the URL in ${variable} gives none (nor PGPASSWORD or ~/.pgpass): add it to the URL (postgres://user:password@host/db)`;
    }
    if (NO_TLS.test(firstLine(error))) return `the server in ${variable} does not offer TLS, which sslmode=${sslMode(connection) ?? 'require'} asks for (sslmode=disable, or prefer, connects without it)`;
    // 57014 query_canceled: the server's statement_timeout; `Query read timeout`: the client's query_timeout.
    if ((code === '57014' && /statement timeout/.test(firstLine(error))) || /^Query read timeout$/.test(firstLine(error))) return queryTimedOut();
    if (code === 'ECONNREFUSED') return `connection refused (the server in ${variable} does not answer)`;
    if (code === 'ENOTFOUND') return `host not found (the server in ${variable})`;
    if (/timeout/i.test(firstLine(error))) return `connection timed out (the server in ${variable})`;
    return firstLine(error);
}
