/**
 * `align pull` and an LRS that refuses a request with a status other than
 * 401, 403 or 404, through the built bundle: the line says what the LRS
 * says about it (the `message` or `error` of a JSON body, or a text body),
 * its first line cut to 200 characters, never the credentials or the
 * endpoint it may quote back.
 */
import assert from 'node:assert/strict';
import { requireBundle } from '../run-cli.js';
import { startLrs, type LrsServer } from './lrs-server.js';
import { assertPullFailed, pulledKpi, runCliAsync, tempWorkspace, type TempWorkspace } from './pull-workspace.js';
import { STATEMENTS } from './xapi-fixtures.js';

const KEY = 'lrs-key:lrs-s3cret';
const ALIGN = `${pulledKpi('M', 'monthly')}\nactuals M from "data/m.csv" {\n  pull xapi env "LRS_URL" {\n    auth env "LRS_AUTH"\n    since 2026-01-01\n  }\n}\n`;
const JSON_TYPE = 'application/json';

describe('align pull: the reason an LRS gives for an error answer (child process on the built bundle)', function () {
    this.timeout(120_000);
    let lrs: LrsServer;
    let ws: TempWorkspace;
    before(requireBundle);
    beforeEach(async () => {
        lrs = await startLrs(STATEMENTS, KEY);
        ws = tempWorkspace({ 'm.align': ALIGN });
    });
    afterEach(async () => { await lrs.close(); ws?.remove(); });
    const pull = () => runCliAsync(['pull'], { cwd: ws.root, env: { LRS_URL: lrs.endpoint, LRS_AUTH: KEY, ALIGN_PULL_TIMEOUT: '10' } });

    const answers: Array<[string, number, string, string, string]> = [
        ['a JSON `message`', 400, JSON_TYPE, JSON.stringify({ errorId: 'e1', message: 'Invalid since parameter\nat line 3' }), 'HTTP 400 (the LRS says "Invalid since parameter")'],
        ['a JSON `error`', 422, JSON_TYPE, JSON.stringify({ error: 'verb is not an IRI' }), 'HTTP 422 (the LRS says "verb is not an IRI")'],
        ['a JSON `error` object with a `message`', 400, JSON_TYPE, JSON.stringify({ error: { code: 7, message: 'limit too large' } }), 'HTTP 400 (the LRS says "limit too large")'],
        ['a text body', 400, 'text/plain', '\n  Bad Request: unknown parameter `foo`  \nmore detail', 'HTTP 400 (the LRS says "Bad Request: unknown parameter `foo`")'],
        ['a text body with lone \\r line ends', 400, 'text/plain', '\r  Bad Request: unknown parameter `foo`  \rmore detail', 'HTTP 400 (the LRS says "Bad Request: unknown parameter `foo`")'],
        ['a JSON `message` with \\r\\n line ends', 400, JSON_TYPE, JSON.stringify({ message: 'Invalid since parameter\r\nat line 3' }), 'HTTP 400 (the LRS says "Invalid since parameter")']
    ];
    for (const [what, status, type, body, expected] of answers) {
        it(`${what}: the first line of what it says`, async () => {
            lrs.faults = [{ status, body, contentType: type }];
            const line = assertPullFailed(await pull(), `M, xapi env:LRS_URL: ${expected}`);
            assert.ok(line.endsWith(expected), line);
            assert.equal(lrs.requests.length, 1, 'not tried again');
        });
    }

    it('a long reason is cut at 200 characters', async () => {
        lrs.faults = [{ status: 400, body: JSON.stringify({ message: `x${'y'.repeat(500)}` }), contentType: JSON_TYPE }];
        const line = assertPullFailed(await pull(), 'HTTP 400 (the LRS says "xyyy');
        const said = /the LRS says "([^"]*)"\)$/.exec(line)![1]!;
        assert.equal(said.length, 200);
        assert.ok(said.endsWith('yyy...'), said);
    });

    it('credentials and the endpoint the LRS quotes back are named by their variables, never shown', async () => {
        const basic = Buffer.from(KEY).toString('base64');
        lrs.faults = [{ status: 400, body: JSON.stringify({ message: `bad request ${lrs.endpoint}/statements?since=x from ${KEY} (Basic ${basic}), secret lrs-s3cret` }), contentType: JSON_TYPE }];
        const result = await pull();
        const line = assertPullFailed(result, 'HTTP 400 (the LRS says "bad request (the value of LRS_URL)/statements?since=x from (the value of LRS_AUTH) (Basic (the value of LRS_AUTH)), secret (the value of LRS_AUTH)")');
        for (const secret of ['lrs-s3cret', 'lrs-key', basic, '127.0.0.1']) assert.ok(!`${result.stdout}${result.stderr}`.includes(secret), `${secret} not shown: ${line}`);
    });

    it('an HTML page or an empty body adds nothing; 401 keeps its own hint', async () => {
        lrs.faults = [{ status: 400, body: '<html><body><h1>400 Bad Request</h1></body></html>', contentType: 'text/html' }];
        assert.match(assertPullFailed(await pull()), /env:LRS_URL: HTTP 400$/);
        lrs.faults = [{ status: 409, body: '', contentType: JSON_TYPE }];
        assert.match(assertPullFailed(await pull()), /env:LRS_URL: HTTP 409$/);
        lrs.faults = [{ status: 401, body: JSON.stringify({ message: 'who are you' }), contentType: JSON_TYPE }];
        assert.match(assertPullFailed(await pull()), /env:LRS_URL: HTTP 401 \(check the credentials in LRS_AUTH\)$/);
    });
});
