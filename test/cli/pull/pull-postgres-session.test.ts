/**
 * `align pull` on PostgreSQL reads every value as text and parses it
 * itself, so it pins the settings that shape that text, through the built
 * bundle and a real server: a URL (or a database, or a role) with another
 * `DateStyle` still gives ISO dates, and a negative `extra_float_digits`
 * does not round the floats. `sslmode` is read as psql reads it: `allow`
 * connects without TLS first (to a server with TLS or without), and a mode
 * libpq does not know is refused in psql's words. A URL without the
 * password the server asks for (scram-sha-256, the test server's pg_hba.conf
 * for 127.0.0.1) says so, not pg's SCRAM internals.
 */
import assert from 'node:assert/strict';
import { requireBundle } from '../run-cli.js';
import { postgresUrl, postgresUrlWithoutTls } from './postgres-server.js';
import { pulledKpi, runCliAsync, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

const PREFIX = 'align: pull failed: M, sql "q.sql" on env:WAREHOUSE_URL: ';
/** A query whose value is 1 when its own connection is encrypted. */
const ENCRYPTED = "SELECT '2026-01' AS period, (SELECT count(*) FROM pg_stat_ssl WHERE pid = pg_backend_pid() AND ssl) AS value";

/** `url` with `options=-c ...` for these settings. */
const withOptions = (url: string, settings: string) => `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(settings)}`;

describe('align pull: PostgreSQL session settings, sslmode and passwords as psql reads them (a real server)', function () {
    this.timeout(300_000);
    let url: string;
    let ws: TempWorkspace;
    before(() => {
        requireBundle();
        url = postgresUrl();
    });
    afterEach(() => ws?.remove());

    const pull = (query: string, warehouseUrl: string, env: NodeJS.ProcessEnv = {}) => {
        ws = tempWorkspace({ 'q.sql': query, 'm.align': `${pulledKpi('M', 'daily')}\nactuals M from "m.csv" { pull sql "q.sql" on env "WAREHOUSE_URL" }\n` });
        return runCliAsync(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: warehouseUrl, ...env } });
    };

    for (const style of ['German, DMY', 'SQL, MDY', 'Postgres, DMY']) {
        it(`DateStyle ${style} in the URL's options: DATE and TIMESTAMPTZ periods are still read`, async () => {
            const result = await pull("SELECT DATE '2026-01-05' AS period, 1 AS value UNION ALL SELECT DATE '2026-02-01', 2", withOptions(url, `-c DateStyle=${style.replace(', ', ',')}`));
            assert.equal(result.status, 0, result.stderr);
            assert.equal(ws.read('m.csv'), 'period,value\n2026-01-05,1\n2026-02-01,2\n');
            const stamped = await pull("SELECT TIMESTAMPTZ '2026-02-01 04:30:00+00' AS period, 1 AS value", withOptions(url, `-c DateStyle=${style.replace(', ', ',')}`));
            assert.equal(stamped.status, 0, stamped.stderr);
            assert.equal(ws.read('m.csv'), 'period,value\n2026-02-01,1\n');
        });
    }

    it('the query itself still sees the DateStyle the URL gives for what it parses (its input order)', async () => {
        // DMY: '05.01.2026' is 5 January; Align's ISO is for output only.
        const result = await pull("SELECT '05.01.2026'::date AS period, 1 AS value", withOptions(url, '-c DateStyle=German,DMY'));
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('m.csv'), 'period,value\n2026-01-05,1\n');
    });

    it('extra_float_digits=-10 in the URL does not round a double precision or a real', async () => {
        const result = await pull("SELECT DATE '2026-01-05' AS period, 1234.56789::float8 AS value", withOptions(url, '-c extra_float_digits=-10'));
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('m.csv'), 'period,value\n2026-01-05,1234.56789\n');
        const real = await pull("SELECT DATE '2026-01-05' AS period, 1234.567::real AS value", withOptions(url, '-c extra_float_digits=-10'));
        assert.equal(real.status, 0, real.stderr);
        assert.equal(ws.read('m.csv'), 'period,value\n2026-01-05,1234.567\n');
    });

    it('sslmode=allow connects without TLS first: to a server without TLS, and to one with it', async () => {
        const plain = await pull(ENCRYPTED, `${postgresUrlWithoutTls()}?sslmode=allow`);
        assert.equal(plain.status, 0, plain.stderr);
        assert.equal(ws.read('m.csv'), 'period,value\n2026-01,0\n');
        const tls = await pull(ENCRYPTED, `${url}?sslmode=allow`);
        assert.equal(tls.status, 0, tls.stderr);
        assert.equal(ws.read('m.csv'), 'period,value\n2026-01,0\n', 'libpq tries without TLS first');
    });

    // pg reads these as verify-full (no-verify as no check at all without libpq's reading); psql says `invalid sslmode value: "bogus"`.
    for (const mode of ['bogus', 'no-verify', 'Require', '']) {
        it(`sslmode=${mode} is refused as psql refuses it`, async () => {
            const result = await pull(ENCRYPTED, `${url}?sslmode=${mode}`);
            assert.equal(result.status, 1, result.stderr);
            assert.equal(unwrapped(result.stderr), `${PREFIX}invalid sslmode value: "${mode}" in WAREHOUSE_URL (disable, allow, prefer, require, verify-ca or verify-full)\n`);
        });
    }

    it('a URL without the password the server asks for says so; PGPASSWORD then gives it', async () => {
        const withoutPassword = new URL(url);
        withoutPassword.password = '';
        const password = decodeURIComponent(new URL(url).password);
        // No PGPASSWORD, and a home without ~/.pgpass.
        const env = { PGPASSWORD: undefined, PGPASSFILE: undefined, HOME: '/nonexistent' };
        const result = await pull(ENCRYPTED, withoutPassword.toString(), env);
        assert.equal(result.status, 1, result.stderr);
        assert.equal(unwrapped(result.stderr), `${PREFIX}the server asks for a password, and the URL in WAREHOUSE_URL gives none (nor PGPASSWORD or ~/.pgpass): add it to the URL (postgres://user:password@host/db)\n`);
        assert.doesNotMatch(result.stderr, /SASL|SCRAM/);
        const given = await pull(ENCRYPTED, withoutPassword.toString(), { ...env, PGPASSWORD: password });
        assert.equal(given.status, 0, given.stderr);
    });
});
