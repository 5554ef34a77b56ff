/**
 * `align pull` and a pull block with a syntax error, through the built
 * bundle: the parser leaves out what it cannot read (`on env PGURL`
 * without quotes, an unquoted `activity`, a `since` that is not a date),
 * and what is left would run elsewhere or unfiltered. Such a block is
 * refused, one line naming the file, line and error; nothing is run.
 */
import assert from 'node:assert/strict';
import { requireBundle, runCli } from '../run-cli.js';
import { startLrs, type LrsServer } from './lrs-server.js';
import { assertPullFailed, pulledKpi, runCliAsync, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';
import { STATEMENTS } from './xapi-fixtures.js';

const KEY = 'lrs-key:lrs-s3cret';

describe('align pull refuses a pull block with a syntax error (child process on the built bundle)', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    const sqlWorkspace = (pull: string) => tempWorkspace({
        'queries/q.sql': "SELECT '2026-01' AS period, 1 AS value",
        'm.align': `${pulledKpi('M', 'monthly')}\nactuals M from "data/m.csv" {\n  ${pull}\n}\n`
    });

    it('`on env PGURL` without quotes is refused, not run on DuckDB in memory', () => {
        ws = sqlWorkspace('pull sql "queries/q.sql" on env PGURL');
        const result = runCli(['pull'], { cwd: ws.root, env: { PGURL: 'postgres://nobody@127.0.0.1:1/none' } });
        const line = assertPullFailed(result, 'M, sql "queries/q.sql" on env PGURL:', 'm.align:3:35:', 'syntax error', 'Expected a "quoted string", but found `PGURL`', 'align check', 'nothing was run');
        assert.doesNotMatch(line, /connection refused/);
        assert.ok(!ws.exists('data/m.csv'), 'no snapshot written');
        assert.ok(!ws.exists('align.lock.json'), 'no lock entry written');
    });

    it('a `pull sql` without its query file, or a block without its closing brace at the end of the file, is refused too', () => {
        ws = sqlWorkspace('pull sql');
        assertPullFailed(runCli(['pull'], { cwd: ws.root }), 'M, sql:', 'm.align:4:1:', 'syntax error');
        ws.write('m.align', `${pulledKpi('M', 'monthly')}\nactuals M from "data/m.csv" {\n  pull sql "queries/q.sql"\n`);
        assertPullFailed(runCli(['pull'], { cwd: ws.root }), 'M, sql "queries/q.sql":', 'm.align:3:', 'syntax error', 'Expected `}`');
        assert.ok(!ws.exists('data/m.csv'));
    });

    it('a syntax error elsewhere in the file leaves the pull block alone: it runs', () => {
        ws = sqlWorkspace('pull sql "queries/q.sql"');
        ws.write('m.align', `${ws.read('m.align')}metric Broken "B" { kind lagging unit count direction up baseline }\n`);
        assert.match(runCli(['check', '.'], { cwd: ws.root }).stdout, /5:\d+ +error .* syntax/s, 'the file has a syntax error');
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('data/m.csv'), 'period,value\n2026-01,1\n');
    });

    describe('xAPI: a filter the parser dropped does not widen the pull to every statement', () => {
        let lrs: LrsServer;
        beforeEach(async () => { lrs = await startLrs(STATEMENTS, KEY); });
        afterEach(async () => { await lrs.close(); });

        const cases: Array<[string, string, string[]]> = [
            ['an `activity` IRI without quotes', 'activity https://lms.example.com/sandbox/tickets', ['m.align:5:14:', 'but found `https`']],
            ['a `since` that is not a date', 'since 2026-01', ['m.align:5:11:', 'Expected a date such as 2026-06-30']]
        ];
        it('a `since` day that does not exist (2026-02-30)', async () => {
            ws = tempWorkspace({
                'm.align': `${pulledKpi('M', 'monthly')}\nactuals M from "data/m.csv" {\n  pull xapi env "LRS_URL" {\n    auth env "LRS_AUTH"\n    since 2026-02-30\n  }\n}\n`
            });
            const result = await runCliAsync(['pull'], { cwd: ws.root, env: { LRS_URL: lrs.endpoint, LRS_AUTH: KEY } });
            assertPullFailed(result, 'M, xapi env:LRS_URL: since 2026-02-30 is not a real date: give an existing day, YYYY-MM-DD');
            assert.deepEqual(lrs.requests, [], 'the LRS was not asked');
            assert.ok(!ws.exists('data/m.csv'));
        });

        for (const [name, option, mentions] of cases) {
            it(name, async () => {
                ws = tempWorkspace({
                    'm.align': `${pulledKpi('M', 'monthly')}\nactuals M from "data/m.csv" {\n  pull xapi env "LRS_URL" {\n    auth env "LRS_AUTH"\n    ${option}\n  }\n}\n`
                });
                const result = await runCliAsync(['pull'], { cwd: ws.root, env: { LRS_URL: lrs.endpoint, LRS_AUTH: KEY } });
                assertPullFailed(result, 'M, xapi env "LRS_URL":', 'syntax error', ...mentions);
                assert.deepEqual(lrs.requests, [], 'the LRS was not asked');
                assert.ok(!ws.exists('data/m.csv'));
                assert.doesNotMatch(unwrapped(result.stdout), /pulled/);
            });
        }
    });
});
