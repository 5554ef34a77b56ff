/**
 * `align pull` and an LRS that answers what xAPI does not allow, through
 * the built bundle: a `more` link to another origin is not followed (the
 * credentials would go with it); a statement that is `null`, or whose
 * `timestamp` is a number, is one line naming it, not an internal error.
 */
import assert from 'node:assert/strict';
import { requireBundle } from '../run-cli.js';
import { startLrs, type LrsServer } from './lrs-server.js';
import { assertPullFailed, pulledKpi, runCliAsync, tempWorkspace, type TempWorkspace } from './pull-workspace.js';
import { STATEMENTS } from './xapi-fixtures.js';

const KEY = 'lrs-key:lrs-s3cret';
const ALIGN = `${pulledKpi('M', 'monthly')}\nactuals M from "data/m.csv" {\n  pull xapi env "LRS_URL" {\n    auth env "LRS_AUTH"\n  }\n}\n`;

describe('align pull: an LRS answer outside xAPI (child process on the built bundle)', function () {
    this.timeout(120_000);
    let lrs: LrsServer;
    let other: LrsServer;
    let ws: TempWorkspace;
    before(requireBundle);
    beforeEach(async () => {
        [lrs, other] = [await startLrs(STATEMENTS, KEY), await startLrs(STATEMENTS, KEY)];
        ws = tempWorkspace({ 'm.align': ALIGN });
    });
    afterEach(async () => { await lrs.close(); await other.close(); ws?.remove(); });
    const pull = () => runCliAsync(['pull'], { cwd: ws.root, env: { LRS_URL: lrs.endpoint, LRS_AUTH: KEY, ALIGN_PULL_TIMEOUT: '10' } });

    it('a `more` link to another origin is not followed: one line naming that origin, no credentials sent there', async () => {
        const origin = new URL(other.endpoint).origin;
        lrs.answer = body => ({ ...body, more: body.more === '' ? '' : `${origin}${body.more}` });
        const line = assertPullFailed(await pull(), 'M, xapi env:LRS_URL:', 'the LRS in the environment variable LRS_URL', `pointed \`more\` at another origin (${origin})`);
        assert.ok(!line.includes('lrs-s3cret'));
        assert.equal(other.requests.length, 0, 'the other origin was not asked');
        assert.equal(lrs.requests.length, 1, 'the first page only');
        assert.ok(!ws.exists('data/m.csv'));
    });

    it('a relative `more` on the same origin is still followed', async () => {
        lrs.answer = body => ({ ...body, more: body.more.replace(/^\/xapi\//, `${lrs.endpoint}/`) });
        const result = await pull();
        assert.equal(result.status, 0, result.stderr);
        assert.ok(lrs.requests.some(r => r.url.includes('cursor=')));
        assert.equal(ws.read('data/m.csv'), 'period,value\n2026-01,4\n2026-02,2\n');
    });

    it('a statement that is null', async () => {
        lrs.answer = body => ({ ...body, statements: [...body.statements, null] });
        assertPullFailed(await pull(), 'M, xapi env:LRS_URL: the LRS in the environment variable LRS_URL sent statement 3 that is not an object (null)');
        assert.ok(!ws.exists('data/m.csv'));
    });

    it('a statement whose timestamp is a number', async () => {
        lrs.answer = body => ({ ...body, statements: body.statements.map((s, i) => i === 1 ? { ...(s as object), timestamp: 1767225600000 } : s) });
        const line = assertPullFailed(await pull(), 'sent statement 2 (id 00000000-0000-4000-8000-', 'whose `timestamp` is not text (number)');
        assert.match(line, /expected an ISO 8601 timestamp$/);
        assert.ok(!ws.exists('data/m.csv'));
    });

    it('timestamps with a lower-case t and z (RFC 3339) are counted as the upper-case ones', async () => {
        const plain = await pull();
        assert.equal(plain.status, 0, plain.stderr);
        const expected = ws.read('data/m.csv');
        ws.remove();
        ws = tempWorkspace({ 'm.align': ALIGN });
        lrs.answer = body => ({ ...body, statements: body.statements.map(s => ({ ...(s as { timestamp: string }), timestamp: (s as { timestamp: string }).timestamp.toLowerCase() })) });
        const lower = await pull();
        assert.equal(lower.status, 0, lower.stderr);
        assert.equal(ws.read('data/m.csv'), expected);
    });

    it('a statement whose timestamp is text but no time is named, not left out of every period', async () => {
        lrs.answer = body => ({ ...body, statements: body.statements.map((s, i) => i === 0 ? { ...(s as object), timestamp: 'yesterday' } : s) });
        assertPullFailed(await pull(), 'sent statement 1 (id 00000000-0000-4000-8000-', 'whose `timestamp` `yesterday` is not an ISO 8601 timestamp');
        assert.ok(!ws.exists('data/m.csv'));
    });

    it('mean score over statements without a score says so, not that the LRS returned no rows', async () => {
        ws.write('m.align', ALIGN.replace('    auth env "LRS_AUTH"\n', '    auth env "LRS_AUTH"\n    value mean score\n'));
        lrs.answer = body => ({ ...body, statements: body.statements.map(s => ({ ...(s as object), result: undefined })) });
        assertPullFailed(await pull(), 'the LRS returned', 'none with a score (`result.score.raw`): nothing to write, the snapshot is kept');
    });
});
