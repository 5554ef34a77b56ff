/**
 * `align pull` and a syntax error that the parser's recovery leaves past
 * the end of the block it kept: an unquoted `activity` IRI on one line (its
 * `//` starts a comment that takes the closing braces with it), or the last
 * block of a file that is not closed yet (`on env WAREHOUSE_URL`, `on
 * https://x`). The error counts up to the next declaration or the end of
 * the file: the pull is refused, never run unfiltered or on DuckDB in memory.
 */
import assert from 'node:assert/strict';
import { requireBundle, runCli } from '../run-cli.js';
import { startLrs, type LrsServer } from './lrs-server.js';
import { assertPullFailed, pulledKpi, runCliAsync, tempWorkspace, type TempWorkspace } from './pull-workspace.js';
import { STATEMENTS } from './xapi-fixtures.js';

const KEY = 'lrs-key:lrs-s3cret';

describe('align pull refuses a block whose syntax error lies past what the parser kept of it (child process on the built bundle)', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    it('an unquoted `activity` IRI on the block\'s one line: refused, the LRS never asked for every statement', async () => {
        const lrs: LrsServer = await startLrs(STATEMENTS, KEY);
        try {
            ws = tempWorkspace({
                'm.align': `${pulledKpi('M', 'monthly')}\nactuals M from "data/m.csv" { pull xapi env "LRS_URL" { auth env "LRS_AUTH" activity http://lms.example.com/sandbox/tickets } }\n`
            });
            const result = await runCliAsync(['pull'], { cwd: ws.root, env: { LRS_URL: lrs.endpoint, LRS_AUTH: KEY } });
            assertPullFailed(result, 'M, xapi env "LRS_URL"', 'm.align:2:86:', 'syntax error', 'but found `http`', 'nothing was run');
            assert.deepEqual(lrs.requests, [], 'the LRS was not asked');
            assert.ok(!ws.exists('data/m.csv'));
        } finally {
            await lrs.close();
        }
    });

    const unclosed: Array<[string, string, string]> = [
        ['`on env WAREHOUSE_URL` in the last block, not closed yet', 'actuals M from "data/m.csv" {\n  pull sql "q/a.sql" on env WAREHOUSE_URL\n', 'm.align:3:29:'],
        ['`on https://x }` on one line at the end of the file', 'actuals M from "data/m.csv" { pull sql "q/a.sql" on https://x }\n', 'm.align:2:53:'],
        ['`on https://x }` on one line, a declaration after it', `actuals M from "data/m.csv" { pull sql "q/a.sql" on https://x }\n${pulledKpi('Other', 'monthly')}\n`, 'm.align:2:53:']
    ];
    for (const [name, block, where] of unclosed) {
        it(`${name}: refused, not run on DuckDB in memory`, () => {
            ws = tempWorkspace({ 'q/a.sql': "SELECT DATE '2026-01-05' AS period, 1 AS value", 'm.align': `${pulledKpi('M', 'monthly')}\n${block}` });
            const result = runCli(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: 'postgres://nobody@127.0.0.1:1/none' } });
            assertPullFailed(result, 'M, sql "q/a.sql" on', where, 'syntax error', 'Expected a "quoted string"', 'nothing was run');
            assert.ok(!ws.exists('data/m.csv'), 'no snapshot written');
            assert.ok(!ws.exists('align.lock.json'), 'no lock entry written');
        });
    }
});
