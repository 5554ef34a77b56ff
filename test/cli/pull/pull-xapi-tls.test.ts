/**
 * `align pull` from an LRS over HTTPS: the fixture LRS (lrs-server.ts)
 * serves TLS on 127.0.0.1 with a self-signed certificate (./tls). A
 * certificate the pull does not trust, one for another host name, and a
 * server without TLS each fail with one line that says what to do, after
 * one connection: they fail the same way each time, so they are not retried
 * (network failures are, with back-off; pull-xapi.test.ts). Trusting the
 * certificate with NODE_EXTRA_CA_CERTS, as the message says, makes the pull
 * work.
 */
import assert from 'node:assert/strict';
import { requireBundle } from '../run-cli.js';
import { startLrs, type LrsServer } from './lrs-server.js';
import { certificateFile, serverCertificate } from './test-certificates.js';
import { pulledKpi, runCliAsync, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';
import { STATEMENTS } from './xapi-fixtures.js';

const KEY = 'lrs-key:lrs-s3cret';
const PREFIX = 'align: pull failed: Statements, xapi env:LRS_URL: ';

describe('align pull: xAPI over HTTPS (certificates, no TLS)', function () {
    this.timeout(120_000);
    let lrs: LrsServer | undefined;
    let ws: TempWorkspace;
    before(requireBundle);
    beforeEach(() => {
        ws = tempWorkspace({ 'p.align': `${pulledKpi('Statements', 'monthly')}\nactuals Statements from "data/Statements.csv" {\n  pull xapi env "LRS_URL" {\n    auth env "LRS_AUTH"\n    value count statements\n  }\n}\n` });
    });
    afterEach(async () => { await lrs?.close(); lrs = undefined; ws.remove(); });

    /** `align pull` against `endpoint`, with `extra` in the environment. */
    const pull = (endpoint: string, extra: Record<string, string> = {}) =>
        runCliAsync(['pull'], { cwd: ws.root, env: { LRS_URL: endpoint, LRS_AUTH: KEY, ALIGN_PULL_TIMEOUT: '10', NODE_EXTRA_CA_CERTS: '', ...extra } });

    it('a self-signed certificate: not trusted, say NODE_EXTRA_CA_CERTS, one connection; with it, the pull works', async () => {
        lrs = await startLrs(STATEMENTS, KEY, serverCertificate('loopback'));
        const refused = await pull(lrs.endpoint);
        assert.equal(refused.status, 1, refused.stderr);
        assert.equal(unwrapped(refused.stderr), `${PREFIX}the LRS's certificate is not trusted (self-signed certificate): if your organisation signs it, give its CA certificate's file in NODE_EXTRA_CA_CERTS (the LRS in the environment variable LRS_URL)\n`);
        assert.equal(lrs.connections, 1, 'not retried');
        assert.equal(lrs.requests.length, 0, 'no request was sent');
        assert.ok(!ws.exists('data/Statements.csv'));

        const trusted = await pull(lrs.endpoint, { NODE_EXTRA_CA_CERTS: certificateFile('loopback') });
        assert.equal(trusted.status, 0, trusted.stderr);
        assert.equal(ws.read('data/Statements.csv'), 'period,value\n2026-01,4\n2026-02,2\n');
        assert.ok(lrs.requests.length > 0 && lrs.requests.every(r => r.status === 200));
    });

    it('a trusted certificate for another host name: says so without the URL, one connection', async () => {
        lrs = await startLrs(STATEMENTS, KEY, serverCertificate('other-host'));
        const result = await pull(lrs.endpoint, { NODE_EXTRA_CA_CERTS: certificateFile('other-host') });
        assert.equal(result.status, 1, result.stderr);
        assert.equal(unwrapped(result.stderr), `${PREFIX}the LRS's certificate is for another host name than the one in LRS_URL (the LRS in the environment variable LRS_URL)\n`);
        assert.ok(!result.stderr.includes('127.0.0.1'), result.stderr);
        assert.equal(lrs.connections, 1, 'not retried');
    });

    it('an https:// URL of a server without TLS: says so, one connection', async () => {
        lrs = await startLrs(STATEMENTS, KEY);
        const result = await pull(lrs.endpoint.replace(/^http:/, 'https:'));
        assert.equal(result.status, 1, result.stderr);
        assert.equal(unwrapped(result.stderr), `${PREFIX}the server at that port does not speak TLS (is the URL http:// rather than https://?) (the LRS in the environment variable LRS_URL)\n`);
        assert.equal(lrs.connections, 1, 'not retried');
    });
});
