import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from '../run-cli.js';

/**
 * The URL of a real PostgreSQL server for the tests: ALIGN_TEST_POSTGRES_URL
 * when set, else the one `scripts/postgres-test-server.sh` installs (Debian's
 * postgresql), starts and prepares, idempotently. A server that cannot be
 * had fails the tests with the script's own message: they never skip.
 */
export function postgresUrl(): string {
    const given = process.env['ALIGN_TEST_POSTGRES_URL'];
    if (given) return given;
    const script = path.join(REPO_ROOT, 'scripts', 'postgres-test-server.sh');
    try {
        const out = execFileSync('bash', [script], { encoding: 'utf-8', timeout: 300_000, stdio: ['ignore', 'pipe', 'pipe'] });
        return out.trim().split('\n').at(-1)!;
    } catch (error) {
        const stderr = String((error as { stderr?: unknown }).stderr ?? '');
        throw new Error(`no PostgreSQL server for the pull tests (${script} failed: ${stderr.trim() || (error as Error).message}); set ALIGN_TEST_POSTGRES_URL to use another server`);
    }
}
