/**
 * scripts/postgres-test-server.sh, which gives the pull tests their real
 * PostgreSQL server, is called by test files running in parallel workers.
 * Two calls at once on a stopped cluster must both get the server: without
 * the script's lock, both start it and the second start fails ("lock file
 * postmaster.pid already exists"), failing a test file at random. Run on a
 * cluster of its own, made and dropped here, so that stopping it does not
 * disturb the other workers' server.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../run-cli.js';

const run = promisify(execFile);
const SCRIPT = path.join(REPO_ROOT, 'scripts', 'postgres-test-server.sh');
const CLUSTER = `align-race-${process.pid}`;
const ENV = { ...process.env, ALIGN_TEST_POSTGRES_PLAIN_CLUSTER: CLUSTER };

const version = () => execFileSync('bash', ['-c', 'ls /usr/lib/postgresql | sort -n | tail -1'], { encoding: 'utf-8' }).trim();
const start = () => run('bash', [SCRIPT, '--without-tls'], { env: ENV, timeout: 300_000 });

describe('scripts/postgres-test-server.sh (the pull tests\' real server)', function () {
    this.timeout(300_000);
    after(() => {
        execFileSync('pg_dropcluster', ['--stop', version(), CLUSTER], { stdio: 'ignore' });
    });

    it('gives the server to two calls at once on a stopped cluster (they take turns), both with the same URL', async () => {
        const first = (await start()).stdout.trim();
        assert.match(first, /^postgres:\/\/align:align@127\.0\.0\.1:\d+\/align$/);
        for (let round = 0; round < 3; round++) {
            execFileSync('pg_ctlcluster', [version(), CLUSTER, 'stop'], { stdio: 'ignore' });
            const results = await Promise.allSettled([start(), start()]);
            for (const result of results) {
                assert.equal(result.status, 'fulfilled', `round ${round + 1}: ${result.status === 'rejected' ? String((result.reason as { stderr?: string }).stderr ?? result.reason) : ''}`);
                assert.equal(result.value.stdout.trim(), first);
            }
        }
    });
});
