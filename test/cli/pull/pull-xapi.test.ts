import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { freePort } from '../../free-port.js';
import { requireBundle } from '../run-cli.js';
import { startLrs, type LrsServer } from './lrs-server.js';
import { lockOf, pulledKpi, runCliAsync, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';
import { CALLS, SCORED, STATEMENTS, TICKETS } from './xapi-fixtures.js';

const KEY = 'lrs-key:lrs-s3cret';

/** A pull block over the fixture LRS; `value` and the filters vary. */
const block = (metric: string, value: string, filters = `    verb "${SCORED}"\n    activity "${TICKETS}"\n    activity "${CALLS}"`) =>
    `actuals ${metric} from "data/${metric}.csv" {\n  pull xapi env "LRS_URL" {\n    auth env "LRS_AUTH"\n${filters}\n    value ${value}\n  }\n}`;

describe('align pull: xAPI statements from a loopback LRS (xAPI 1.0.3 statements resource)', function () {
    this.timeout(120_000);
    let lrs: LrsServer;
    let ws: TempWorkspace;
    before(requireBundle);
    beforeEach(async () => { lrs = await startLrs(STATEMENTS, KEY); });
    afterEach(async () => { await lrs.close(); ws?.remove(); });
    const env = () => ({ LRS_URL: lrs.endpoint, LRS_AUTH: KEY, ALIGN_PULL_TIMEOUT: '10' });

    it('pages with `more`, merges two activities, leaves voided statements out, computes the four measures by actor identity', async () => {
        ws = tempWorkspace({
            'p.align': [pulledKpi('Score', 'monthly', 'percent'), pulledKpi('RawScore', 'monthly', 'score'), pulledKpi('Statements', 'monthly'),
                pulledKpi('Actors', 'monthly'), pulledKpi('Passing', 'monthly', 'percent'),
                block('Score', 'mean score'), block('RawScore', 'mean score'), block('Statements', 'count statements', ''),
                block('Actors', 'count actors', `    since 2026-01-01`), block('Passing', 'share success')].join('\n')
        });
        const result = await runCliAsync(['pull'], { cwd: ws.root, env: env() });
        assert.equal(result.status, 0, result.stderr);
        // January: Ann 0.8, 0.9, Bob 0.6, Cat 0.7 (Dan's 0.1 voided); February: Ann 1.0 (23:30 at UTC-2 is 1 February UTC).
        assert.equal(ws.read('data/Score.csv'), `period,value\n2026-01,${(80 + 90 + 60 + 70) / 4}\n2026-02,100\n`);
        assert.equal(ws.read('data/RawScore.csv'), `period,value\n2026-01,${(8 + 9 + 6 + 7) / 4}\n2026-02,10\n`);
        // Every statement but the voided one and the voiding one.
        assert.equal(ws.read('data/Statements.csv'), 'period,value\n2026-01,4\n2026-02,2\n');
        // Ann (mbox), Bob (mbox_sha1sum), Cat (openid) in January; Dan (account) only in the voided one.
        assert.equal(ws.read('data/Actors.csv'), 'period,value\n2026-01,3\n2026-02,2\n');
        // January: Ann's last passes, Bob fails, Cat passes -> 2 of 3.
        assert.equal(ws.read('data/Passing.csv'), `period,value\n2026-01,${Number((2 / 3 * 100).toFixed(12))}\n2026-02,100\n`);
        const statementsQueries = lrs.requests.filter(r => r.url.startsWith('/xapi/statements?') && !r.url.includes('cursor'));
        assert.ok(lrs.requests.some(r => r.url.includes('cursor=')), 'followed `more`');
        assert.ok(statementsQueries.some(r => r.url.includes(`activity=${encodeURIComponent(TICKETS)}`) && r.url.includes(`verb=${encodeURIComponent(SCORED)}`)));
        assert.ok(statementsQueries.some(r => r.url.includes('since=2026-01-01T00%3A00%3A00Z')));
        for (const r of lrs.requests) assert.equal(r.headers['x-experience-api-version'], '1.0.3');
        const entry = lockOf(ws).snapshots['data/Score.csv']!;
        assert.equal(entry['kind'], 'xapi');
        assert.equal(entry['on'], 'env:LRS_URL');
        const normalised = JSON.stringify({ kind: 'xapi', endpoint: 'env:LRS_URL', auth: 'env:LRS_AUTH', verb: SCORED, activities: [CALLS, TICKETS].sort(), since: null, value: 'mean score' });
        assert.equal(entry['pullSha256'], createHash('sha256').update(normalised).digest('hex'));
        for (const text of [ws.read('align.lock.json'), result.stdout, result.stderr]) assert.ok(!text.includes('lrs-s3cret') && !text.includes(lrs.endpoint));
    });

    it('a statement repeated across pages is counted once (by id)', async () => {
        lrs.repeatAtPageBoundary = true;
        ws = tempWorkspace({ 'p.align': `${pulledKpi('Statements', 'monthly')}\n${block('Statements', 'count statements', '')}` });
        const result = await runCliAsync(['pull'], { cwd: ws.root, env: env() });
        assert.equal(result.status, 0, result.stderr);
        assert.ok(lrs.requests.filter(r => r.url.includes('cursor=')).length >= 2);
        assert.equal(ws.read('data/Statements.csv'), 'period,value\n2026-01,4\n2026-02,2\n');
    });

    it('a 500 then success is retried; 401, invalid JSON and 404 are one line each and leave the old snapshot', async () => {
        ws = tempWorkspace({ 'p.align': `${pulledKpi('Statements', 'monthly')}\n${block('Statements', 'count statements', '')}` });
        lrs.faults = [500];
        const retried = await runCliAsync(['pull'], { cwd: ws.root, env: env() });
        assert.equal(retried.status, 0, retried.stderr);
        assert.deepEqual(lrs.requests.slice(0, 2).map(r => r.status), [500, 200]);
        const snapshot = ws.bytes('data/Statements.csv');
        const lock = ws.bytes('align.lock.json');
        const unauthorised = await runCliAsync(['pull'], { cwd: ws.root, env: { ...env(), LRS_AUTH: 'lrs-key:wrong-s3cret' } });
        assert.equal(unauthorised.status, 1);
        assert.equal(unwrapped(unauthorised.stderr), 'align: pull failed: Statements, xapi env:LRS_URL: HTTP 401 (check the credentials in LRS_AUTH)\n');
        lrs.faults = ['invalid-json'];
        const invalid = await runCliAsync(['pull'], { cwd: ws.root, env: env() });
        assert.equal(unwrapped(invalid.stderr), 'align: pull failed: Statements, xapi env:LRS_URL: the LRS in the environment variable LRS_URL answered with invalid JSON\n');
        const missing = await runCliAsync(['pull'], { cwd: ws.root, env: { ...env(), LRS_URL: `${lrs.endpoint}/nowhere` } });
        assert.equal(unwrapped(missing.stderr), 'align: pull failed: Statements, xapi env:LRS_URL: HTTP 404 (no statements resource under the endpoint in LRS_URL)\n');
        assert.ok(ws.bytes('data/Statements.csv').equals(snapshot));
        assert.ok(ws.bytes('align.lock.json').equals(lock));
        for (const r of [unauthorised, invalid, missing]) assert.ok(!r.stderr.includes('s3cret') && !r.stderr.includes('127.0.0.1'));
    });

    it('a server that keeps failing: retried with back-off, then one line', async () => {
        ws = tempWorkspace({ 'p.align': `${pulledKpi('Statements', 'monthly')}\n${block('Statements', 'count statements', '')}` });
        lrs.faults = [503, 429, 500, 503];
        const result = await runCliAsync(['pull'], { cwd: ws.root, env: env() });
        assert.equal(result.status, 1);
        assert.equal(unwrapped(result.stderr), 'align: pull failed: Statements, xapi env:LRS_URL: HTTP 503 from the LRS in the environment variable LRS_URL, after 4 attempts\n');
        assert.equal(lrs.requests.length, 4);
        assert.ok(!ws.exists('data/Statements.csv'));
    });

    it('an LRS that cannot be reached or a bad URL: the cause on one line, never the URL or a secret', async () => {
        ws = tempWorkspace({ 'p.align': `${pulledKpi('Statements', 'monthly')}\n${block('Statements', 'count statements', '')}` });
        const closed = await freePort();
        const failure = async (url: string) => {
            const result = await runCliAsync(['pull'], { cwd: ws.root, env: { ...env(), LRS_URL: url } });
            assert.equal(result.status, 1, result.stderr);
            assert.ok(!result.stderr.includes(url) && !result.stderr.includes('s3cret'), result.stderr);
            return unwrapped(result.stderr);
        };
        const prefix = 'align: pull failed: Statements, xapi env:LRS_URL: ';
        assert.equal(await failure(`http://127.0.0.1:${closed}/xapi`), `${prefix}connection refused, 4 attempts (the LRS in the environment variable LRS_URL)\n`);
        // Port 1 is closed too, but fetch refuses it before connecting: its error says only "fetch failed".
        assert.equal(await failure('http://127.0.0.1:1/xapi'), `${prefix}fetch refuses to connect to port 1, a "bad port" (the LRS in the environment variable LRS_URL)\n`);
        assert.equal(await failure('http://127.0.0.1:99999/xapi'), `${prefix}the environment variable LRS_URL does not hold a valid URL\n`);
        assert.equal(await failure(`http://key:s3cret@127.0.0.1:${closed}/xapi`),
            `${prefix}the URL in LRS_URL holds credentials: give them as key:secret in the variable that \`auth env "VAR"\` names\n`);
        assert.ok(!ws.exists('data/Statements.csv'));
    });

    it('an endpoint in a variable named LRS: the cause names it as the environment variable it is, not `the LRS in LRS`', async () => {
        ws = tempWorkspace({ 'p.align': `${pulledKpi('Statements', 'monthly')}\n${block('Statements', 'count statements', '').replace('env "LRS_URL"', 'env "LRS"')}` });
        const closed = await freePort();
        const result = await runCliAsync(['pull'], { cwd: ws.root, env: { ...env(), LRS: `http://127.0.0.1:${closed}/xapi` } });
        assert.equal(result.status, 1, result.stderr);
        assert.equal(unwrapped(result.stderr), 'align: pull failed: Statements, xapi env:LRS: connection refused, 4 attempts (the LRS in the environment variable LRS)\n');
    });

    it('a server that never answers: each request times out (ALIGN_PULL_TIMEOUT), is retried, then one line', async () => {
        ws = tempWorkspace({ 'p.align': `${pulledKpi('Statements', 'monthly')}\n${block('Statements', 'count statements', '')}` });
        lrs.faults = ['hang', 'hang', 'hang', 'hang'];
        const started = Date.now();
        const result = await runCliAsync(['pull'], { cwd: ws.root, env: { ...env(), ALIGN_PULL_TIMEOUT: '0.25' } });
        assert.equal(result.status, 1);
        // Four attempts of 0.25 s each, with 0.5, 1 and 2 s of back-off between them: the message says both.
        assert.equal(unwrapped(result.stderr), 'align: pull failed: Statements, xapi env:LRS_URL: timed out after 0.25 s, 4 attempts (the LRS in the environment variable LRS_URL)\n');
        assert.equal(lrs.requests.length, 4);
        assert.ok(Date.now() - started >= 4500, 'each attempt waited');
    });

    it('an LRS that returns no statements fails and keeps the old snapshot', async () => {
        ws = tempWorkspace({ 'p.align': `${pulledKpi('Statements', 'monthly')}\n${block('Statements', 'count statements', '')}` });
        assert.equal((await runCliAsync(['pull'], { cwd: ws.root, env: env() })).status, 0);
        const snapshot = ws.bytes('data/Statements.csv');
        ws.write('p.align', `${pulledKpi('Statements', 'monthly')}\n${block('Statements', 'count statements', '    verb "http://example.com/verbs/never-used"')}`);
        const result = await runCliAsync(['pull'], { cwd: ws.root, env: env() });
        assert.equal(result.status, 1);
        assert.equal(unwrapped(result.stderr), 'align: pull failed: Statements, xapi env:LRS_URL: the LRS returned no rows: nothing to write, the snapshot is kept\n');
        assert.ok(ws.bytes('data/Statements.csv').equals(snapshot));
    });
});
