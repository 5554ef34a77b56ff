/**
 * The forms of NO_PROXY that curl and Node document, through the built
 * bundle and a real proxy (tinyproxy): an LRS whose address falls in a
 * CIDR range (`127.0.0.0/8`, `::1/128`) or that an entry with its port
 * names is reached directly; one outside, or on another port, goes
 * through the proxy. Each pull says which by the proxy's log.
 */
import assert from 'node:assert/strict';
import { requireBundle } from '../run-cli.js';
import { startLrs, type LrsServer } from './lrs-server.js';
import { pulledKpi, runCliAsync, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';
import { startTinyproxy, type Tinyproxy } from './tinyproxy.js';
import { STATEMENTS } from './xapi-fixtures.js';

const KEY = 'lrs-key:lrs-s3cret';
const EXPECTED = 'period,value\n2026-01,4\n2026-02,2\n';

describe('align pull: NO_PROXY with CIDR ranges, ports, IPv6 and * (child process on the built bundle, tinyproxy)', function () {
    this.timeout(180_000);
    let lrs: LrsServer | undefined;
    let proxy: Tinyproxy;
    let ws: TempWorkspace;
    before(async () => {
        requireBundle();
        proxy = await startTinyproxy();
    });
    after(async () => { await proxy?.close(); });
    beforeEach(() => {
        ws = tempWorkspace({ 'p.align': `${pulledKpi('Statements', 'monthly')}\nactuals Statements from "data/Statements.csv" {\n  pull xapi env "LRS_URL" {\n    auth env "LRS_AUTH"\n  }\n}\n` });
    });
    afterEach(async () => {
        await lrs?.close();
        lrs = undefined;
        ws.remove();
    });

    /** Pulls with HTTP_PROXY set to tinyproxy and `env`; whether the proxy carried the requests, after checking that the pull worked. */
    const proxied = async (env: Record<string, string>): Promise<boolean> => {
        const before = proxy.requests().length;
        const result = await runCliAsync(['pull'], { cwd: ws.root, env: { LRS_URL: lrs!.endpoint, LRS_AUTH: KEY, ALIGN_PULL_TIMEOUT: '10', HTTP_PROXY: proxy.url, ...env } });
        assert.equal(result.status, 0, `${JSON.stringify(env)}: ${unwrapped(result.stderr)}`);
        assert.equal(ws.read('data/Statements.csv'), EXPECTED);
        return proxy.requests().length > before;
    };

    it('an LRS at an IPv4 address inside a CIDR range, or a from-to range, is reached directly; outside one, through the proxy', async () => {
        lrs = await startLrs(STATEMENTS, KEY);
        for (const listed of ['127.0.0.0/8', '10.0.0.0/8,127.0.0.0/8', '127.0.0.1/32', ' 192.168.0.0/16 127.0.0.0/24 ', '127.0.0.0-127.0.0.9']) {
            assert.equal(await proxied({ NO_PROXY: listed }), false, `NO_PROXY=${listed}: reached directly`);
        }
        // Outside the range; a prefix longer than 32 bits, which lists nothing (as for curl); an address is no domain name.
        for (const other of ['10.0.0.0/8', '127.0.0.0/33', '.0.0.1', '0.0.1', '128.0.0.0/1']) {
            assert.equal(await proxied({ NO_PROXY: other }), true, `NO_PROXY=${other}: through the proxy`);
        }
    });

    it('an entry with the LRS\'s port (an address, a CIDR range) lists it; with another port it does not', async () => {
        lrs = await startLrs(STATEMENTS, KEY);
        const port = Number(new URL(lrs.endpoint).port);
        for (const listed of [`127.0.0.1:${port}`, `127.0.0.0/8:${port}`]) assert.equal(await proxied({ NO_PROXY: listed }), false, `NO_PROXY=${listed}`);
        for (const other of [`127.0.0.1:${port + 1}`, `127.0.0.0/8:${port + 1}`]) assert.equal(await proxied({ NO_PROXY: other }), true, `NO_PROXY=${other}`);
    });

    it('an LRS at ::1 is listed by ::1/128, [::1], [::1]:port and ::/0, compared by value; not by another range', async () => {
        lrs = await startLrs(STATEMENTS, KEY, undefined, { host: '::1' });
        const port = Number(new URL(lrs.endpoint).port);
        for (const listed of ['::1/128', '::1', '[::1]', `[::1]:${port}`, '0:0:0:0:0:0:0:1', '::/0', '[::]/64']) {
            assert.equal(await proxied({ NO_PROXY: listed }), false, `NO_PROXY=${listed}: reached directly`);
        }
        for (const other of ['::2/127', 'fd00::/8', `[::1]:${port + 1}`, '127.0.0.0/8']) {
            assert.equal(await proxied({ NO_PROXY: other }), true, `NO_PROXY=${other}: through the proxy`);
        }
    });

    it('* alone or in a list lists every host; an empty no_proxy leaves NO_PROXY in force', async () => {
        lrs = await startLrs(STATEMENTS, KEY);
        for (const all of ['*', 'lrs.example.com,*']) assert.equal(await proxied({ NO_PROXY: all }), false, `NO_PROXY=${all}`);
        assert.equal(await proxied({ no_proxy: '', NO_PROXY: '127.0.0.0/8' }), false, 'no_proxy empty, NO_PROXY lists the range');
        assert.equal(await proxied({ no_proxy: 'lrs.example.com', NO_PROXY: '127.0.0.0/8' }), true, 'no_proxy, set, is read first');
    });
});
