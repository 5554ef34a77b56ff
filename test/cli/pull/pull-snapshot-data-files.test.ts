/**
 * `align pull` never writes a snapshot over a data file that a DuckDB query
 * reads (docs/data.md: a snapshot is never written over a file the pulls
 * read), through the built bundle: a file or glob a string constant of the
 * query names (`FROM 'data/closed-won.csv'`, `read_csv('data/*.csv')`,
 * `file:///...`), resolved as DuckDB resolves it, from the `.align` file's folder. The
 * refusal names both files; the data file is left as it was.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, requireBundle, runCli } from '../run-cli.js';
import { assertPullFailed, pulledKpi, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

const DEALS = 'closed_on,amount\n2026-01-05,3\n2026-02-07,4\n';

describe('align pull refuses a snapshot that its DuckDB query reads (child process on the built bundle)', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    it('the examples with DealSize pulled into the CRM export its query reads: refused, the export kept', () => {
        ws = tempWorkspace();
        fs.cpSync(path.join(REPO_ROOT, 'examples'), ws.root, { recursive: true });
        const align = path.join(ws.root, 'sales-enablement.align');
        fs.writeFileSync(align, fs.readFileSync(align, 'utf-8').replace('actuals DealSize from "data/deal-size.csv"', 'actuals DealSize from "data/closed-won.csv"'));
        const before = ws.bytes('data/closed-won.csv');
        const result = runCli(['pull', '--metric', 'DealSize'], { cwd: ws.root });
        assertPullFailed(result, 'DealSize, sql "queries/deal-size.sql": the snapshot "data/closed-won.csv" is a file that the query "queries/deal-size.sql" of this pull reads (\'data/closed-won.csv\'): a pull only reads its sources');
        assert.ok(ws.bytes('data/closed-won.csv').equals(before), 'the CRM export is left as it was');
    });

    const cases: Array<[string, string, string, string]> = [
        ['a glob that matches the snapshot', "SELECT date_trunc('month', closed_on) AS period, sum(amount) AS value FROM 'data/*.csv' GROUP BY 1", 'data/monthly.csv', "('data/*.csv')"],
        ['read_csv of a list, with a path through ..', "SELECT date_trunc('month', closed_on) AS period, sum(amount) AS value FROM read_csv(['sub/../data/deals.csv']) GROUP BY 1", 'data/deals.csv', "('sub/../data/deals.csv')"],
        ['a ** glob', "SELECT date_trunc('month', closed_on) AS period, sum(amount) AS value FROM read_csv('**/d*.csv', union_by_name = true) GROUP BY 1", 'data/deals.csv', "('**/d*.csv')"]
    ];
    for (const [name, query, from, named] of cases) {
        it(name, () => {
            ws = tempWorkspace({ 'data/deals.csv': DEALS, 'q.sql': query, 'm.align': `${pulledKpi('M', 'monthly')}\nactuals M from "${from}" { pull sql "q.sql" }\n` });
            fs.mkdirSync(path.join(ws.root, 'sub'));
            const before = ws.exists(from) ? ws.bytes(from) : undefined;
            assertPullFailed(runCli(['pull'], { cwd: ws.root }), `the snapshot "${from}" is a file that the query "q.sql" of this pull reads ${named}`);
            assert.deepEqual(ws.exists(from) ? ws.bytes(from) : undefined, before, `${from} is left as it was`);
        });
    }

    it('a file: URL names the local file, as DuckDB reads it', () => {
        ws = tempWorkspace({ 'data/deals.csv': DEALS, 'm.align': `${pulledKpi('M', 'monthly')}\nactuals M from "data/deals.csv" { pull sql "q.sql" }\n` });
        const url = `file://${path.join(ws.root, 'data', 'deals.csv')}`;
        ws.write('q.sql', `SELECT date_trunc('month', closed_on) AS period, sum(amount) AS value FROM '${url}' GROUP BY 1`);
        assertPullFailed(runCli(['pull'], { cwd: ws.root }), `the snapshot "data/deals.csv" is a file that the query "q.sql" of this pull reads ('${url}')`);
        assert.equal(ws.read('data/deals.csv'), DEALS);
    });

    it('a file another pull\'s query reads is refused naming that pull; that pull still runs', () => {
        ws = tempWorkspace({
            'data/deals.csv': DEALS,
            'a.sql': "SELECT date_trunc('month', closed_on) AS period, sum(amount) AS value FROM 'data/deals.csv' GROUP BY 1 ORDER BY 1",
            'b.sql': "SELECT '2026-01' AS period, 1 AS value",
            'm.align': `${pulledKpi('A', 'monthly')}\n${pulledKpi('B', 'monthly')}\nactuals A from "a.csv" { pull sql "a.sql" }\nactuals B from "data/deals.csv" { pull sql "b.sql" }\n`
        });
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 1, result.stderr);
        assert.equal(unwrapped(result.stderr), 'align: pull failed: B, sql "b.sql": the snapshot "data/deals.csv" is a file that the query "a.sql" of the pull of A reads (\'data/deals.csv\'): a pull only reads its sources; give the snapshot a .csv file of its own\n');
        assert.equal(ws.read('data/deals.csv'), DEALS);
        assert.equal(ws.read('a.csv'), 'period,value\n2026-01,3\n2026-02,4\n');
    });

    it('constants that name no file the snapshot is, and a path in a comment, do not count; a subfolder resolves from its .align file', () => {
        ws = tempWorkspace({
            'sub/data/deals.csv': DEALS,
            'sub/q.sql': "-- once read from 'm.csv'\n/* and 'data/m.csv' */\nSELECT date_trunc('month', closed_on) AS period, sum(amount) AS value FROM 'data/deals.csv' WHERE 'data/m.csv' <> '' GROUP BY 1 ORDER BY 1",
            'sub/m.align': `${pulledKpi('M', 'monthly')}\nactuals M from "m.csv" { pull sql "q.sql" }\n`,
            'data/deals.csv': DEALS
        });
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('sub/m.csv'), 'period,value\n2026-01,3\n2026-02,4\n');
    });
});
