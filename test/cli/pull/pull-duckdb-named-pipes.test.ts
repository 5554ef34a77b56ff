/**
 * `align pull` and a DuckDB query that names a named pipe (FIFO): DuckDB
 * opens the files a query names itself, while it prepares the query, and
 * an open of a pipe blocks until a writer comes, beyond the time-out. Each
 * name the query gives a file (a string constant, a name written as a
 * table such as `FROM p.csv` or among a table function's arguments, a text
 * built of those such as `'p' || '.csv'`) that is a pipe, resolved from the
 * `.align` file's folder as DuckDB resolves it there, fails its pull with
 * one line before DuckDB runs; a pipe named like a column, an alias or a
 * function is no file of the query. Real pipes, real DuckDB, through the
 * built bundle: without the check the pull hangs and the child is killed.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { requireBundle, runCli, type CliResult } from '../run-cli.js';
import { duckdb, mkfifo, pulledKpi, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

const CSV = 'period,value\n2026-01,1\n';
const NOT_REGULAR = 'not a regular file but a named pipe, socket or device';

/** `align pull` in `cwd`, killed if it outlives its guard (a pull blocked in open() ends with the signal). */
function pull(cwd: string): CliResult {
    return runCli(['pull'], { cwd, timeout: 30_000, killSignal: 'SIGKILL' });
}

/** The `pull failed` lines of a run, in order. */
function failures(result: CliResult): string[] {
    assert.equal(result.signal, null, `align pull ends by itself:\n${result.stderr}`);
    return unwrapped(result.stderr).split('\n').filter(line => line.startsWith('align: pull failed'));
}

describe('align pull: a DuckDB query naming a named pipe (child process on the built bundle)', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    it('each way a query names a file fails its pull with one line, resolved from the .align file\'s folder, nothing written', () => {
        const queries: Record<string, string> = {
            A: "SELECT * FROM 'data/p.csv'",
            B: "SELECT * FROM read_csv('data/p.csv', header = true)",
            C: "SELECT * FROM read_parquet(['p.parquet'])",
            D: "SELECT * FROM read_json('it''s.json')",
            E: 'SELECT * FROM p.csv',
            F: 'SELECT * FROM "data/p.csv"',
            G: 'SELECT * FROM read_csv(p /* a comment between */ . csv)',
            H: 'SELECT * -- a comment that a lone CR ends\rFROM \'p.csv\'',
            I: "SELECT * FROM 'file://{folder}/p.csv'"
        };
        const metrics = Object.keys(queries);
        const files: Record<string, string> = {
            'reports/data/readme.txt': 'the pipes go here\n',
            'reports/p.align': metrics.map(m => `${pulledKpi(m, 'monthly')}\nactuals ${m} from "out/${m}.csv" { pull sql "q/${m}.sql" }\n`).join('')
        };
        ws = tempWorkspace(files);
        const folder = path.join(ws.root, 'reports');
        for (const [m, sql] of Object.entries(queries)) ws.write(`reports/q/${m}.sql`, sql.replace('{folder}', folder));
        for (const pipe of ['data/p.csv', 'p.parquet', "it's.json", 'p.csv']) mkfifo(path.join(folder, pipe));
        // From the workspace root, not the .align file's folder: the names are resolved from the latter.
        const result = pull(ws.root);
        assert.equal(result.status, 1, result.stderr);
        const named: Record<string, string> = {
            A: 'data/p.csv', B: 'data/p.csv', C: 'p.parquet', D: "it's.json", E: 'p.csv', F: 'data/p.csv', G: 'p.csv', H: 'p.csv', I: `file://${folder}/p.csv`
        };
        assert.deepEqual(failures(result), metrics.map(m => `align: pull failed: ${m}, sql "q/${m}.sql": the file "${named[m]}" that the query names is ${NOT_REGULAR}`));
        for (const m of metrics) assert.ok(!ws.exists(`reports/out/${m}.csv`), `no snapshot of ${m}`);
        assert.ok(!ws.exists('align.lock.json'));
    });

    it('a name the query builds of constants (||, a list, concat, constants on lines of their own) fails its pull too', () => {
        const queries: Record<string, string> = {
            A: "SELECT * FROM read_csv('p' || '.csv')",
            B: "SELECT * FROM read_csv(['data' || '/p.csv'])",
            C: "SELECT * FROM read_csv(concat(p, '.' || csv))",
            D: "SELECT * FROM read_csv('p'\n-- the rest of the name\n'.csv')"
        };
        const metrics = Object.keys(queries);
        ws = tempWorkspace({
            'data/readme.txt': 'the pipes go here\n',
            'p.align': metrics.map(m => `${pulledKpi(m, 'monthly')}\nactuals ${m} from "out/${m}.csv" { pull sql "q/${m}.sql" }\n`).join(''),
            ...Object.fromEntries(Object.entries(queries).map(([m, sql]) => [`q/${m}.sql`, sql]))
        });
        for (const pipe of ['p.csv', 'data/p.csv']) mkfifo(path.join(ws.root, pipe));
        const result = pull(ws.root);
        assert.equal(result.status, 1, result.stderr);
        const named: Record<string, string> = { A: 'p.csv', B: 'data/p.csv', C: 'p.csv', D: 'p.csv' };
        assert.deepEqual(failures(result), metrics.map(m => `align: pull failed: ${m}, sql "q/${m}.sql": the file "${named[m]}" that the query names is ${NOT_REGULAR}`));
        for (const m of metrics) assert.ok(!ws.exists(`out/${m}.csv`), `no snapshot of ${m}`);
    });

    it('a pipe named like a column, an alias or a function leaves the query alone: DuckDB reads no file by such a name', () => {
        ws = tempWorkspace({
            'deals.csv': 'period,amount\n2026-01,2\n2026-01,3\n',
            'q.sql': 'SELECT d.period, sum(d."amount") AS value FROM deals.csv AS d, read_csv(\'deals.csv\', header = true) AS e(period, amount) WHERE d.period = e.period GROUP BY d.period ORDER BY d.period',
            'p.align': `${pulledKpi('A', 'monthly')}\nactuals A from "a.csv" { pull sql "q.sql" }\n`
        });
        for (const pipe of ['period', 'amount', 'value', 'd', 'e', 'sum', 'd.period', 'header']) mkfifo(path.join(ws.root, pipe));
        const result = pull(ws.root);
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(failures(result), []);
        assert.equal(ws.read('a.csv'), 'period,value\n2026-01,10\n');
    });

    it('a query on a DuckDB file is checked too', async () => {
        ws = tempWorkspace({
            'q.sql': "SELECT t.period, t.value + n.value AS value FROM t, read_csv('extra.csv') AS n",
            'p.align': `${pulledKpi('A', 'monthly')}\nactuals A from "a.csv" { pull sql "q.sql" on "app.duckdb" }\n`
        });
        await duckdb(path.join(ws.root, 'app.duckdb'), ["CREATE TABLE t AS SELECT '2026-01' AS period, 1 AS value"]);
        mkfifo(path.join(ws.root, 'extra.csv'));
        const result = pull(ws.root);
        assert.equal(result.status, 1, result.stderr);
        assert.deepEqual(failures(result), [`align: pull failed: A, sql "q.sql" on "app.duckdb": the file "extra.csv" that the query names is ${NOT_REGULAR}`]);
        assert.ok(!ws.exists('a.csv'));
    });

    it('left alone: a glob (DuckDB\'s glob matches regular files only), a name in a comment, a URL, a text that names no file', () => {
        ws = tempWorkspace({
            'data/a.csv': CSV,
            'q.sql': "-- not 'data/p.csv' nor p.csv\nSELECT period, value FROM 'data/*.csv' /* \"data/p.csv\" */ WHERE period <> 'https://example.com/p.csv' AND period <> 'won'",
            'p.align': `${pulledKpi('A', 'monthly')}\nactuals A from "a.csv" { pull sql "q.sql" }\n`
        });
        mkfifo(path.join(ws.root, 'data/p.csv'));
        const result = pull(ws.root);
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(failures(result), []);
        assert.equal(ws.read('a.csv'), CSV);
    });
});
