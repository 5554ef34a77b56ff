/**
 * `align pull` from an LRS and a proxy variable that does not apply to it:
 * NO_PROXY lists the LRS's host, or the variable is HTTPS_PROXY and the LRS
 * is http://. Only the variable that applies to the LRS is read, so a SOCKS
 * proxy or a value that is not a URL there does not fail the pull; where it
 * does apply it is still refused by name (pull-xapi-proxy.test.ts).
 */
import assert from 'node:assert/strict';
import { requireBundle } from '../run-cli.js';
import { startLrs, type LrsServer } from './lrs-server.js';
import { certificateFile, serverCertificate } from './test-certificates.js';
import { pulledKpi, runCliAsync, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';
import { STATEMENTS } from './xapi-fixtures.js';

const KEY = 'lrs-key:lrs-s3cret';
const EXPECTED = 'period,value\n2026-01,4\n2026-02,2\n';
const SOCKS = 'socks5://127.0.0.1:39999';

describe('align pull: a proxy variable that does not apply to the LRS is not read (child process on the built bundle)', function () {
    this.timeout(120_000);
    let lrs: LrsServer | undefined;
    let ws: TempWorkspace;
    before(requireBundle);
    beforeEach(() => {
        ws = tempWorkspace({ 'p.align': `${pulledKpi('Statements', 'monthly')}\nactuals Statements from "data/Statements.csv" {\n  pull xapi env "LRS_URL" {\n    auth env "LRS_AUTH"\n    value count statements\n  }\n}\n` });
    });
    afterEach(async () => {
        await lrs?.close();
        lrs = undefined;
        ws.remove();
    });

    const pull = (env: Record<string, string>) => runCliAsync(['pull'], { cwd: ws.root, env: { LRS_URL: lrs!.endpoint, LRS_AUTH: KEY, ALIGN_PULL_TIMEOUT: '10', ...env } });
    const assertPulled = async (env: Record<string, string>) => {
        const result = await pull(env);
        assert.equal(result.status, 0, `${JSON.stringify(env)}: ${unwrapped(result.stderr)}`);
        assert.equal(ws.read('data/Statements.csv'), EXPECTED);
        assert.ok(lrs!.requests.length > 0 && lrs!.requests.every(r => r.headers.via === undefined), 'the LRS was asked directly');
    };

    it('an http:// LRS whose host NO_PROXY lists: a SOCKS or invalid HTTP_PROXY is not read', async () => {
        lrs = await startLrs(STATEMENTS, KEY);
        await assertPulled({ HTTP_PROXY: SOCKS, NO_PROXY: '127.0.0.1' });
        await assertPulled({ http_proxy: 'not a url', no_proxy: 'localhost,127.0.0.1' });
        await assertPulled({ HTTP_PROXY: SOCKS, NO_PROXY: '*' });
    });

    it('an http:// LRS: HTTPS_PROXY is for https:// URLs, a SOCKS or invalid one is not read', async () => {
        lrs = await startLrs(STATEMENTS, KEY);
        await assertPulled({ HTTPS_PROXY: SOCKS });
        await assertPulled({ https_proxy: 'ftp://127.0.0.1:21' });
    });

    it('an https:// LRS whose host NO_PROXY lists: a SOCKS HTTPS_PROXY or HTTP_PROXY is not read', async () => {
        lrs = await startLrs(STATEMENTS, KEY, serverCertificate('loopback'));
        await assertPulled({ HTTPS_PROXY: SOCKS, HTTP_PROXY: SOCKS, NO_PROXY: '127.0.0.1', NODE_EXTRA_CA_CERTS: certificateFile('loopback') });
    });

    it('NO_PROXY that lists another host, or another port: the proxy applies and a SOCKS one is still refused by name', async () => {
        lrs = await startLrs(STATEMENTS, KEY);
        for (const noProxy of ['lrs.example.com', `127.0.0.1:${Number(new URL(lrs.endpoint).port) + 1}`]) {
            const result = await pull({ HTTP_PROXY: SOCKS, NO_PROXY: noProxy });
            assert.equal(result.status, 1, result.stdout);
            assert.match(unwrapped(result.stderr), /the environment variable HTTP_PROXY names a SOCKS proxy \(socks5:\/\/\)/);
        }
        assert.equal(lrs.requests.length, 0);
    });
});
