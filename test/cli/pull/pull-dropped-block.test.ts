/**
 * `align pull` and a pull block the parser drops whole (`pull postgres`,
 * `pull sqll`, an unquoted `from`, a missing `{`, a misspelt `actuals`):
 * it is a failed pull naming the file, line and column, exit 1, never
 * skipped in silence ("1 of 1 pull succeeded", "Nothing to pull"). The
 * other pulls still run, as for a syntax error inside a pull block; a
 * syntax error where no pull can be (a `metric`) leaves the pulls alone.
 */
import assert from 'node:assert/strict';
import { linesOf, requireBundle, runCli } from '../run-cli.js';
import { assertPullFailed, pulledKpi, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

const QUERY = "SELECT DATE '2026-01-05' AS period, 1 AS value";
const SNAPSHOT = 'period,value\n2026-01,1\n';

describe('align pull fails on a pull block the parser dropped (child process on the built bundle)', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    const workspace = (blocks: string) => tempWorkspace({
        'q.sql': QUERY,
        'm.align': `${pulledKpi('A', 'monthly')}\n${pulledKpi('B', 'monthly')}\n${blocks}`
    });

    it('`pull postgres` beside a valid pull: the valid one is written, the dropped one fails naming where, exit 1', () => {
        ws = workspace('actuals A from "a.csv" { pull sql "q.sql" }\nactuals B from "b.csv" { pull postgres "q.sql" on env "WAREHOUSE_URL" }\n');
        const result = runCli(['pull'], { cwd: ws.root, env: { WAREHOUSE_URL: 'postgres://nobody@127.0.0.1:1/none' } });
        assert.equal(result.status, 1, result.stdout + result.stderr);
        assert.equal(ws.read('a.csv'), SNAPSHOT);
        assert.ok(!ws.exists('b.csv'));
        const errors = linesOf(unwrapped(result.stderr));
        assert.equal(errors.length, 1, result.stderr);
        assert.equal(errors[0], 'align: pull failed: B, postgres "q.sql" on env "WAREHOUSE_URL": m.align:4:26: the pull block has a syntax error (Expected `sql` or `xapi` after `pull`, but found `postgres`): fix it first (`align check` shows it); nothing was run');
        assert.match(unwrapped(result.stdout), /pulled a\.csv: A: 1 row.*\n1 of 2 pulls succeeded, 1 failed/);
        // --metric names it: it fails the same way (not "no pulled actuals of that metric").
        assertPullFailed(runCli(['pull', '--metric', 'B'], { cwd: ws.root }), 'B, postgres', 'm.align:4:26:', 'syntax error');
    });

    const alone: Array<[string, string, string[]]> = [
        ['`pull sqll`', 'actuals B from "b.csv" { pull sqll "q.sql" }\n', ['B, sqll "q.sql":', 'm.align:3:26:', 'Expected `sql` or `xapi` after `pull`, but found `sqll`']],
        ['an unquoted `from`', 'actuals B from b.csv { pull sql "q.sql" }\n', ['B, sql "q.sql":', 'm.align:3:16:', 'Expected a "quoted string", but found `b`']],
        ['a missing `{`', 'actuals B from "b.csv" pull sql "q.sql" }\n', ['B, sql "q.sql":', 'm.align:3:24:', 'Unexpected `pull` outside a declaration']],
        ['a misspelt `actuals`', 'actual B from "b.csv" { pull sql "q.sql" }\n', ['?, sql "q.sql":', 'm.align:3:1:', 'Unexpected `actual` outside a declaration']],
        ['a misspelt `pull`', 'actuals B from "b.csv" { pul sql "q.sql" }\n', ['B, pull:', 'm.align:3:26:', 'Expected `}`, but found `pul`']],
        ['`pull postgres` in a program', 'program P "P" {\n  actuals B from "b.csv" { pull postgres "q.sql" }\n}\n', ['B, postgres "q.sql":', 'm.align:4:28:', 'after `pull`']]
    ];
    for (const [name, block, mentions] of alone) {
        it(`${name}, the workspace's only pull: a failed pull, not "Nothing to pull"`, () => {
            ws = workspace(block);
            const result = runCli(['pull'], { cwd: ws.root });
            assertPullFailed(result, ...mentions, 'syntax error', 'nothing was run');
            assert.doesNotMatch(result.stdout, /Nothing to pull/);
            assert.ok(!ws.exists('b.csv'));
            assert.ok(!ws.exists('align.lock.json'));
        });
    }

    it('a dropped block in one file: the pulls of that file and of the others still run', () => {
        ws = workspace('actuals A from "a.csv" { pull sql "q.sql" }\nactuals B from "b.csv" { pull sqll "q.sql" }\n');
        ws.write('c.align', `${pulledKpi('C', 'monthly')}\nactuals C from "c.csv" { pull sql "q.sql" }\n`);
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 1);
        assert.equal(ws.read('a.csv'), SNAPSHOT);
        assert.equal(ws.read('c.csv'), SNAPSHOT);
        assert.match(unwrapped(result.stderr), /^align: pull failed: B, sqll "q\.sql": m\.align:4:26: the pull block has a syntax error/);
        assert.match(unwrapped(result.stdout), /2 of 3 pulls succeeded, 1 failed/);
    });

    it('a syntax error where no pull can be (a `metric` without the word pull, a CSV `actuals` row) leaves the pulls alone', () => {
        ws = workspace(`actuals A from "a.csv" { pull sql "q.sql" }\n${pulledKpi('C', 'monthly').replace('baseline 1', 'baseline')}\nactuals B { 2026-01: x }\n`);
        const check = runCli(['check', '.'], { cwd: ws.root }).stdout;
        assert.match(check, /^ *4:\d+ +error +Expected a number/m, 'the metric has a syntax error');
        assert.match(check, /^ *5:\d+ +error +Expected a number/m, 'the actuals row has a syntax error');
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('a.csv'), SNAPSHOT);
        assert.match(unwrapped(result.stdout), /1 of 1 pull succeeded\./);
    });
});
