/**
 * An xAPI endpoint with a query string, as an LRS that serves several
 * tenants has (`https://lrs.example.com/xapi?tenant=4`): the statements
 * resource is appended to the endpoint's path, and the endpoint's query is
 * kept and merged with the pull's own parameters, on the first page and
 * those `more` leads to (added to a `more` link that leaves it out). Through the built bundle, against the loopback LRS
 * of the specification (lrs-server.ts), which answers 404 without the
 * tenant.
 */
import assert from 'node:assert/strict';
import { requireBundle } from '../run-cli.js';
import { startLrs, type LrsServer } from './lrs-server.js';
import { assertPullFailed, pulledKpi, runCliAsync, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';
import { SCORED, STATEMENTS, TICKETS } from './xapi-fixtures.js';

const KEY = 'lrs-key:lrs-s3cret';
const block = (filters: string) => `${pulledKpi('Scored', 'monthly')}\nactuals Scored from "data/scored.csv" {\n  pull xapi env "LRS_URL" {\n    auth env "LRS_AUTH"\n${filters}\n  }\n}\n`;

describe('align pull: an xAPI endpoint with a query string (child process on the built bundle)', function () {
    this.timeout(120_000);
    let lrs: LrsServer;
    let ws: TempWorkspace;
    before(requireBundle);
    beforeEach(async () => { lrs = await startLrs(STATEMENTS, KEY, undefined, { tenant: 'acme 4' }); });
    afterEach(async () => { await lrs.close(); ws?.remove(); });
    const pull = (endpoint = lrs.endpoint) => runCliAsync(['pull'], { cwd: ws.root, env: { LRS_URL: endpoint, LRS_AUTH: KEY, ALIGN_PULL_TIMEOUT: '10' } });

    it('statements is appended to the path; the query is kept, as written, before the filters, on every page', async () => {
        ws = tempWorkspace({ 'p.align': block(`    verb "${SCORED}"\n    activity "${TICKETS}"\n    since 2026-01-01`) });
        assert.match(lrs.endpoint, /\/xapi\?tenant=acme%204$/);
        for (const endpoint of [lrs.endpoint, lrs.endpoint.replace('/xapi?', '/xapi/?'), `${lrs.endpoint}#section`]) {
            const result = await pull(endpoint);
            assert.equal(result.status, 0, `${endpoint}: ${result.stderr}`);
            // Ann's two and Bob's one on the tickets in January, Ann's on 1 February (UTC).
            assert.equal(ws.read('data/scored.csv'), 'period,value\n2026-01,3\n2026-02,1\n');
        }
        assert.ok(lrs.requests.length >= 6 && lrs.requests.every(r => r.status === 200), lrs.requests.map(r => `${r.status} ${r.url}`).join('\n'));
        const first = lrs.requests.filter(r => !r.url.includes('cursor='));
        assert.equal(first.length, 3);
        for (const r of first) {
            assert.equal(r.url, `/xapi/statements?tenant=acme%204&verb=${encodeURIComponent(SCORED)}&activity=${encodeURIComponent(TICKETS)}&since=2026-01-01T00%3A00%3A00Z`);
        }
        const pages = lrs.requests.filter(r => r.url.includes('cursor='));
        assert.ok(pages.length > 0, 'followed `more`');
        // `more` sets the tenant itself here: kept as it is, not given twice.
        for (const r of pages) assert.match(r.url, /^\/xapi\/statements\?tenant=acme%204&cursor=c\d+$/);
    });

    it('a `more` link that leaves the tenant out gets the endpoint\'s own query added: every page is answered for the tenant', async () => {
        await lrs.close();
        lrs = await startLrs(STATEMENTS, KEY, undefined, { tenant: 'acme 4', moreWithoutTenant: true });
        ws = tempWorkspace({ 'p.align': block(`    verb "${SCORED}"\n    activity "${TICKETS}"\n    since 2026-01-01`) });
        const result = await pull();
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('data/scored.csv'), 'period,value\n2026-01,3\n2026-02,1\n');
        assert.ok(lrs.requests.every(r => r.status === 200), lrs.requests.map(r => `${r.status} ${r.url}`).join('\n'));
        const pages = lrs.requests.filter(r => r.url.includes('cursor='));
        assert.ok(pages.length > 0, 'followed `more`');
        // The pull's own filters are not added: the LRS keeps them behind its cursor, and `more` is not to be interpreted.
        for (const r of pages) assert.match(r.url, /^\/xapi\/statements\?cursor=c\d+&tenant=acme%204$/);
    });

    it('a parameter that the URL and the pull block both give is refused by name, before the LRS is asked', async () => {
        ws = tempWorkspace({ 'p.align': block(`    verb "${SCORED}"`) });
        const line = assertPullFailed(await pull(`${lrs.endpoint}&verb=${encodeURIComponent(SCORED)}`),
            'Scored, xapi env:LRS_URL: the URL in LRS_URL has a query parameter `verb`, which the pull block sets too: leave it out of the URL');
        assert.ok(!line.includes('acme'), 'the URL is not shown');
        assert.equal(lrs.requests.length, 0);
        // Without the tenant the LRS has no statements resource: the 404 says where to look.
        const untenanted = await pull(lrs.endpoint.replace(/\?.*$/, ''));
        assert.equal(unwrapped(untenanted.stderr), 'align: pull failed: Scored, xapi env:LRS_URL: HTTP 404 (no statements resource under the endpoint in LRS_URL)\n');
    });
});
