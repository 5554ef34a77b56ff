/**
 * `align pull` from an LRS behind a proxy, as on a corporate network: the
 * proxy variables are honoured as curl honours them (Node's own fetch
 * ignores them). The proxy is a real one, Debian's tinyproxy (tinyproxy.ts):
 * an http:// LRS is reached by requests in absolute form, an https:// one
 * through a CONNECT tunnel; NO_PROXY skips it; a proxy that wants
 * credentials, or cannot be reached, says so on one line naming its
 * variable, never its URL or password.
 */
import assert from 'node:assert/strict';
import { freePort } from '../../free-port.js';
import { requireBundle } from '../run-cli.js';
import { startLrs, type LrsServer } from './lrs-server.js';
import { certificateFile, serverCertificate } from './test-certificates.js';
import { pulledKpi, runCliAsync, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';
import { startTinyproxy, type Tinyproxy } from './tinyproxy.js';
import { STATEMENTS } from './xapi-fixtures.js';

const KEY = 'lrs-key:lrs-s3cret';
const PREFIX = 'align: pull failed: Statements, xapi env:LRS_URL: ';
const EXPECTED = 'period,value\n2026-01,4\n2026-02,2\n';

describe('align pull: xAPI through a proxy (HTTP_PROXY, HTTPS_PROXY, NO_PROXY)', function () {
    this.timeout(120_000);
    let lrs: LrsServer | undefined;
    let proxy: Tinyproxy | undefined;
    let ws: TempWorkspace;
    before(requireBundle);
    beforeEach(() => {
        ws = tempWorkspace({ 'p.align': `${pulledKpi('Statements', 'monthly')}\nactuals Statements from "data/Statements.csv" {\n  pull xapi env "LRS_URL" {\n    auth env "LRS_AUTH"\n    value count statements\n  }\n}\n` });
    });
    afterEach(async () => {
        await lrs?.close();
        await proxy?.close();
        lrs = proxy = undefined;
        ws.remove();
    });

    const pull = (env: Record<string, string>) => runCliAsync(['pull'], { cwd: ws.root, env: { LRS_URL: lrs!.endpoint, LRS_AUTH: KEY, ALIGN_PULL_TIMEOUT: '10', ...env } });

    it('an http:// LRS through HTTP_PROXY: the requests go to the proxy in absolute form', async () => {
        lrs = await startLrs(STATEMENTS, KEY);
        proxy = await startTinyproxy();
        const result = await pull({ HTTP_PROXY: proxy.url });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('data/Statements.csv'), EXPECTED);
        const requests = proxy.requests();
        assert.ok(requests.length > 0 && requests.every(line => line === `GET ${lrs!.endpoint}/statements` || line.startsWith(`GET ${lrs!.endpoint}/statements?`)), requests.join('\n'));
        assert.equal(requests.length, lrs.requests.length, 'every request went through the proxy');
        assert.ok(lrs.requests.every(r => String(r.headers.via).includes('tinyproxy')), 'the LRS was asked by the proxy');
        // Written without a scheme, as curl allows: an http:// proxy.
        const bare = await pull({ http_proxy: proxy.url.replace('http://', '') });
        assert.equal(bare.status, 0, bare.stderr);
        assert.ok(proxy.requests().length > requests.length, 'the proxy without a scheme was used');
    });

    it('an https:// LRS through HTTPS_PROXY: one CONNECT tunnel, the certificate checked end to end', async () => {
        lrs = await startLrs(STATEMENTS, KEY, serverCertificate('loopback'));
        proxy = await startTinyproxy();
        const result = await pull({ HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: certificateFile('loopback') });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('data/Statements.csv'), EXPECTED);
        const host = new URL(lrs.endpoint).host;
        assert.ok(proxy.requests().length >= 1 && proxy.requests().every(line => line === `CONNECT ${host}`), proxy.requests().join('\n'));
    });

    it('NO_PROXY lists the LRS\'s host: the proxy is not used', async () => {
        lrs = await startLrs(STATEMENTS, KEY);
        proxy = await startTinyproxy();
        const result = await pull({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('data/Statements.csv'), EXPECTED);
        assert.deepEqual(proxy.requests(), []);
        assert.ok(lrs.requests.length > 0 && lrs.requests.every(r => r.headers.via === undefined));
    });

    it('a proxy that wants credentials: one line naming its variable, for a request and for a tunnel; with them in its URL, the pull works', async () => {
        lrs = await startLrs(STATEMENTS, KEY);
        proxy = await startTinyproxy('proxy-user:proxy-pa55');
        const plain = await pull({ HTTP_PROXY: proxy.url });
        assert.equal(plain.status, 1);
        assert.equal(unwrapped(plain.stderr), `${PREFIX}the proxy answered HTTP 407: it wants credentials, as http://user:password@host:port in HTTP_PROXY (the proxy in HTTP_PROXY, for the LRS in the environment variable LRS_URL)\n`);
        const tunnel = await pull({ HTTPS_PROXY: proxy.url, LRS_URL: lrs.endpoint.replace(/^http:/, 'https:') });
        assert.equal(tunnel.status, 1);
        assert.equal(unwrapped(tunnel.stderr), `${PREFIX}the proxy answered HTTP 407: it wants credentials, as http://user:password@host:port in HTTPS_PROXY (the proxy in HTTPS_PROXY, for the LRS in the environment variable LRS_URL)\n`);
        assert.equal(proxy.requests().length, 2, `not retried: ${proxy.requests().join('\n')}`);
        const withCredentials = await pull({ HTTP_PROXY: proxy.url.replace('http://', 'http://proxy-user:proxy-pa55@') });
        assert.equal(withCredentials.status, 0, withCredentials.stderr);
        assert.equal(ws.read('data/Statements.csv'), EXPECTED);
        for (const result of [plain, tunnel, withCredentials]) assert.ok(!`${result.stdout}${result.stderr}`.includes('proxy-pa55'), 'no proxy password printed');
    });

    it('a proxy that cannot be reached, cannot reach the LRS, or is not a URL: one line naming its variable', async () => {
        lrs = await startLrs(STATEMENTS, KEY);
        const closed = `http://127.0.0.1:${await freePort()}`;
        const refused = await pull({ HTTP_PROXY: closed });
        assert.equal(refused.status, 1);
        assert.equal(unwrapped(refused.stderr), `${PREFIX}connection refused, 4 attempts (the proxy in HTTP_PROXY, for the LRS in the environment variable LRS_URL)\n`);
        assert.equal(lrs.requests.length, 0);
        // The proxy is there, the LRS is not: tinyproxy answers the tunnel with 500, tried again like any 5xx.
        proxy = await startTinyproxy();
        const gone = await pull({ HTTPS_PROXY: proxy.url, LRS_URL: closed.replace('http:', 'https:') + '/xapi' });
        assert.equal(gone.status, 1);
        assert.equal(unwrapped(gone.stderr), `${PREFIX}the proxy answered HTTP 500 to the tunnel to the LRS, 4 attempts (the proxy in HTTPS_PROXY, for the LRS in the environment variable LRS_URL)\n`);
        assert.equal(proxy.requests().filter(line => line.startsWith('CONNECT ')).length, 4);
        const invalid = await pull({ HTTP_PROXY: 'not a url' });
        assert.equal(invalid.status, 1);
        assert.equal(unwrapped(invalid.stderr), `${PREFIX}the environment variable HTTP_PROXY does not hold a valid proxy URL (http://host:port)\n`);
        // HTTPS_PROXY applies to an https:// LRS (for an http:// one it is not read: pull-xapi-proxy-unused.test.ts).
        const https = lrs.endpoint.replace(/^http:/, 'https:');
        const ftp = await pull({ HTTPS_PROXY: 'ftp://127.0.0.1:21', LRS_URL: https });
        assert.equal(ftp.status, 1);
        assert.equal(unwrapped(ftp.stderr), `${PREFIX}the environment variable HTTPS_PROXY does not hold a valid proxy URL (http://host:port)\n`);
        const socks = await pull({ https_proxy: 'socks5h://127.0.0.1:1080', LRS_URL: https });
        assert.equal(socks.status, 1);
        assert.equal(unwrapped(socks.stderr), `${PREFIX}the environment variable https_proxy names a SOCKS proxy (socks5h://), which align pull does not support: give an HTTP proxy (http://host:port)\n`);
    });
});
