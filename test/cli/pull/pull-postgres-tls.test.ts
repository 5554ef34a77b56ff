/**
 * `align pull` on PostgreSQL over TLS, on the real server of the pull tests,
 * which scripts/postgres-test-server.sh starts with TLS on and the tests'
 * self-signed certificate for 127.0.0.1 (./tls). `sslmode` means what it
 * means to psql (libpq): `require` encrypts without checking the
 * certificate, `verify-full` checks it against `sslrootcert`; pg 8's own
 * reading (every mode as verify-full) and its warning of several lines do
 * not reach the user. A certificate that is not trusted says what to add.
 * `prefer` falls back to a connection without TLS on a server without it
 * (the script's second cluster, with TLS off).
 */
import assert from 'node:assert/strict';
import pg from 'pg';
import { requireBundle } from '../run-cli.js';
import { postgresUrl, postgresUrlWithoutTls } from './postgres-server.js';
import { certificateFile } from './test-certificates.js';
import { pulledKpi, runCliAsync, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

const PREFIX = 'align: pull failed: Tls, sql "q.sql" on env:WAREHOUSE_URL: ';
/** A query whose value is 1 when its own connection is encrypted. */
const ENCRYPTED = "SELECT '2026-01' AS period, (SELECT count(*) FROM pg_stat_ssl WHERE pid = pg_backend_pid() AND ssl) AS value";

describe('align pull: PostgreSQL over TLS (sslmode as libpq reads it)', function () {
    this.timeout(300_000);
    let url: string;
    let ws: TempWorkspace;

    before(async () => {
        requireBundle();
        url = postgresUrl();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        const ssl = (await client.query('SHOW ssl')).rows[0].ssl;
        await client.end();
        assert.equal(ssl, 'on', 'the server of the pull tests has TLS on (scripts/postgres-test-server.sh turns it on; a server given by ALIGN_TEST_POSTGRES_URL must have it)');
    });
    beforeEach(() => {
        ws = tempWorkspace({ 'q.sql': ENCRYPTED, 'p.align': `${pulledKpi('Tls', 'monthly')}\nactuals Tls from "data/Tls.csv" {\n  pull sql "q.sql" on env "WAREHOUSE_URL"\n}\n` });
    });
    afterEach(() => ws.remove());

    /** `align pull` with the test server's URL and `query` appended to it. */
    const pull = (query: string) => runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: `${url}?${query}` } });

    it('sslmode=require encrypts without checking the certificate, and prints no warning of the driver', async () => {
        const result = await pull('sslmode=require');
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('data/Tls.csv'), 'period,value\n2026-01,1\n', 'the connection is encrypted');
        assert.equal(result.stderr, '', 'nothing on stderr');
        assert.doesNotMatch(result.stdout, /WARNING/);
        // Without TLS the same query says 0: the figure above is the connection's own.
        const plain = await pull('sslmode=disable');
        assert.equal(plain.status, 0, plain.stderr);
        assert.equal(ws.read('data/Tls.csv'), 'period,value\n2026-01,0\n');
        // prefer: TLS, since the server offers it.
        const preferred = await pull('sslmode=prefer');
        assert.equal(preferred.status, 0, preferred.stderr);
        assert.equal(ws.read('data/Tls.csv'), 'period,value\n2026-01,1\n');
        assert.equal(preferred.stderr, '');
    });

    it('a server without TLS: sslmode=prefer connects without it, as psql does; require says the server offers none', async () => {
        const plainUrl = postgresUrlWithoutTls();
        const preferred = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: `${plainUrl}?sslmode=prefer` } });
        assert.equal(preferred.status, 0, preferred.stderr);
        assert.equal(ws.read('data/Tls.csv'), 'period,value\n2026-01,0\n');
        assert.equal(preferred.stderr, '');
        const required = await runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: `${plainUrl}?sslmode=require` } });
        assert.equal(required.status, 1);
        assert.equal(unwrapped(required.stderr), `${PREFIX}the server in WAREHOUSE_URL does not offer TLS, which sslmode=require asks for (sslmode=disable, or prefer, connects without it)\n`);
    });

    it('sslmode=verify-full with a self-signed certificate fails on one line that says to add sslrootcert; with it, it works', async () => {
        const refused = await pull('sslmode=verify-full');
        assert.equal(refused.status, 1, refused.stdout);
        assert.equal(unwrapped(refused.stderr), `${PREFIX}the server's certificate is not trusted (self-signed certificate): add sslrootcert=FILE, the file of its CA, to the URL in WAREHOUSE_URL\n`);
        const trusted = await pull(`sslmode=verify-full&sslrootcert=${encodeURIComponent(certificateFile('loopback'))}`);
        assert.equal(trusted.status, 0, trusted.stderr);
        assert.equal(ws.read('data/Tls.csv'), 'period,value\n2026-01,1\n');
    });

    it('a CA that did not sign the server\'s certificate, a missing sslrootcert file and verify-ca without one: one line each, no URL', async () => {
        const other = await pull(`sslmode=verify-full&sslrootcert=${encodeURIComponent(certificateFile('other-host'))}`);
        assert.equal(other.status, 1);
        // The CA given (another host's self-signed certificate) did not sign the server's: not trusted.
        assert.match(unwrapped(other.stderr), /^align: pull failed: Tls, sql "q\.sql" on env:WAREHOUSE_URL: the server's certificate is not trusted \([^)]+\): add sslrootcert=FILE/);
        const missing = await pull('sslmode=verify-full&sslrootcert=/nonexistent/ca.pem');
        assert.equal(missing.status, 1);
        assert.equal(unwrapped(missing.stderr), `${PREFIX}a file that the URL in WAREHOUSE_URL names (sslrootcert, sslcert or sslkey) cannot be read (ENOENT)\n`);
        const verifyCa = await pull('sslmode=verify-ca');
        assert.equal(verifyCa.status, 1);
        assert.equal(unwrapped(verifyCa.stderr), `${PREFIX}sslmode=verify-ca in WAREHOUSE_URL needs sslrootcert, the file of the CA to check the server's certificate against\n`);
        for (const result of [other, missing, verifyCa]) assert.ok(!result.stderr.includes(url) && !result.stderr.includes('align:align@'), result.stderr);
    });
});
