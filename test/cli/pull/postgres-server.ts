import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from '../run-cli.js';

/**
 * The URL of a real PostgreSQL server for the tests: ALIGN_TEST_POSTGRES_URL
 * when set, else the one `scripts/postgres-test-server.sh` installs (Debian's
 * postgresql), starts and prepares, idempotently, with TLS on. A server that
 * cannot be had fails the tests with the script's own message: they never
 * skip.
 */
export function postgresUrl(): string {
    return process.env['ALIGN_TEST_POSTGRES_URL'] || serverUrl([], 'ALIGN_TEST_POSTGRES_URL');
}

/** The same for a server with TLS off: ALIGN_TEST_POSTGRES_PLAIN_URL, else the script's second cluster. */
export function postgresUrlWithoutTls(): string {
    return process.env['ALIGN_TEST_POSTGRES_PLAIN_URL'] || serverUrl(['--without-tls'], 'ALIGN_TEST_POSTGRES_PLAIN_URL');
}

function serverUrl(args: readonly string[], variable: string): string {
    const script = path.join(REPO_ROOT, 'scripts', 'postgres-test-server.sh');
    try {
        const out = execFileSync('bash', [script, ...args], { encoding: 'utf-8', timeout: 300_000, stdio: ['ignore', 'pipe', 'pipe'] });
        return out.trim().split('\n').at(-1)!;
    } catch (error) {
        const stderr = String((error as { stderr?: unknown }).stderr ?? '');
        throw new Error(`no PostgreSQL server for the pull tests (${script} ${args.join(' ')} failed: ${stderr.trim() || (error as Error).message}); set ${variable} to use another server`);
    }
}
