/**
 * An LRS that answers a redirect (an endpoint moved, `http://` sent on to
 * `https://`): one within its origin is followed, credentials and all; one
 * to another origin is not, and the pull says so. fetch would follow it
 * without the `Authorization` header, so the LRS there answered 401 and the
 * pull blamed the credentials, or a server that is not the LRS filled the
 * snapshot. Through the built bundle, against the loopback LRS of the
 * specification (lrs-server.ts) behind a server that redirects.
 */
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { requireBundle } from '../run-cli.js';
import { startLrs, type LrsServer } from './lrs-server.js';
import { assertPullFailed, pulledKpi, runCliAsync, tempWorkspace, type TempWorkspace } from './pull-workspace.js';
import { STATEMENTS } from './xapi-fixtures.js';

const KEY = 'lrs-key:lrs-s3cret';
const WORKSPACE = { 'p.align': `${pulledKpi('Done', 'monthly')}\nactuals Done from "done.csv" {\n  pull xapi env "LRS_URL" {\n    auth env "LRS_AUTH"\n  }\n}\n` };

/** A server that redirects `/old/...` to `/xapi/...` of `target` (its own origin when undefined, where it then proxies to the LRS), with `status`. */
async function redirector(lrs: LrsServer, status: number, target?: (self: URL) => string): Promise<{ endpoint: string; close(): Promise<void> }> {
    const server = http.createServer((req, res) => {
        const self = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
        const url = req.url ?? '/';
        if (url.startsWith('/old/')) {
            res.writeHead(status, { Location: `${target ? target(self) : ''}${url.replace('/old/', '/xapi/')}` }).end();
            return;
        }
        // The redirect's target on this origin: passed on to the LRS, headers and all.
        const upstream = http.get(new URL(url, lrs.endpoint), { headers: req.headers }, answer => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
        });
        upstream.on('error', () => res.writeHead(502).end());
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    return {
        endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/old`,
        close: () => new Promise<void>(resolve => { server.closeAllConnections(); server.close(() => resolve()); })
    };
}

describe('align pull: an LRS that redirects (child process on the built bundle)', function () {
    this.timeout(120_000);
    let lrs: LrsServer;
    let front: { endpoint: string; close(): Promise<void> } | undefined;
    let ws: TempWorkspace;
    before(requireBundle);
    beforeEach(async () => { lrs = await startLrs(STATEMENTS, KEY); });
    afterEach(async () => { await front?.close(); await lrs.close(); ws?.remove(); });
    const pull = (endpoint: string) => runCliAsync(['pull'], { cwd: ws.root, env: { LRS_URL: endpoint, LRS_AUTH: KEY, ALIGN_PULL_TIMEOUT: '10' } });

    it('a redirect within the origin is followed, with the credentials', async () => {
        ws = tempWorkspace(WORKSPACE);
        front = await redirector(lrs, 308);
        const result = await pull(front.endpoint);
        assert.equal(result.status, 0, result.stderr);
        // Every statement but the voided and the voiding one: 5 in January, 2 in February (UTC).
        assert.equal(ws.read('done.csv'), 'period,value\n2026-01,4\n2026-02,2\n');
        assert.ok(lrs.requests.length > 0 && lrs.requests.every(r => r.status === 200), lrs.requests.map(r => `${r.status} ${r.url}`).join('\n'));
    });

    it('a redirect to another port, or to https://, is not followed: the pull says so, never blaming the credentials', async () => {
        ws = tempWorkspace(WORKSPACE);
        front = await redirector(lrs, 302, () => new URL(lrs.endpoint).origin);
        const line = assertPullFailed(await pull(front.endpoint), 'Done, xapi env:LRS_URL: the LRS in the environment variable LRS_URL redirected the request to another port of the same host: not followed, so that its credentials are not sent elsewhere; put the endpoint it moved to in LRS_URL');
        assert.ok(!line.includes('127.0.0.1'), 'the host is not shown');
        assert.equal(lrs.requests.length, 0, 'the LRS it redirects to is not asked');
        await front.close();
        front = await redirector(lrs, 301, self => `https://${self.host}`);
        assertPullFailed(await pull(front.endpoint), 'redirected the request to https:// on the same host: not followed');
        assert.ok(!ws.exists('done.csv'));
    });
});
