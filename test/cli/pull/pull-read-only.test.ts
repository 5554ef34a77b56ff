/**
 * `align pull` changes no database and writes no file but its snapshot and
 * lock: DuckDB touches only files inside the workspace folder and runs only a
 * SELECT, a DuckDB or SQLite file is not modified, and a query file holds one
 * statement. (PostgreSQL's read-only transaction: pull-postgres.test.ts.)
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir } from '../../temp-dirs.js';
import { requireBundle, runCli } from '../run-cli.js';
import { pulledKpi, sqlite, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

/** A workspace with one pulled metric `A` whose query is `sql`, on `on` when given. */
function oneQuery(sql: string, on?: string): TempWorkspace {
    return tempWorkspace({
        'data/deals.csv': 'closed_on,amount\n2026-01-05,3\n2026-02-07,4\n',
        'a.sql': sql,
        'p.align': `${pulledKpi('A', 'monthly')}\nactuals A from "a.csv" { pull sql "a.sql"${on ? ` on "${on}"` : ''} }\n`
    });
}

/** Runs `align pull` and returns its one failure line's cause (after `sql "a.sql"...: `). */
function failure(ws: TempWorkspace): string {
    const result = runCli(['pull'], { cwd: ws.root });
    assert.equal(result.status, 1, result.stdout);
    const lines = unwrapped(result.stderr).split('\n').filter(Boolean);
    assert.equal(lines.length, 1, result.stderr);
    return lines[0]!.replace(/^align: pull failed: A, sql "a\.sql"( on "[^"]+")?: /, '');
}

describe('align pull: reads only (DuckDB confined to the workspace, database files unchanged, one statement)', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    let outside: string;
    before(requireBundle);
    beforeEach(() => {
        outside = makeTempDir('align-outside-');
        fs.writeFileSync(path.join(outside, 'secret.csv'), 'period,value\n2026-01,42\n');
    });
    afterEach(() => {
        ws?.remove();
        fs.rmSync(outside, { recursive: true, force: true });
    });

    it('DuckDB reads the workspace\'s CSV files, by a relative or an absolute path', () => {
        ws = oneQuery("SELECT date_trunc('month', closed_on) AS period, sum(amount) AS value FROM 'data/deals.csv' GROUP BY 1");
        assert.equal(runCli(['pull'], { cwd: ws.root }).status, 0);
        assert.equal(ws.read('a.csv'), 'period,value\n2026-01,3\n2026-02,4\n');
        ws.write('a.sql', `SELECT date_trunc('month', closed_on) AS period, count(*) AS value FROM read_csv('${ws.root}/data/*.csv') GROUP BY 1`);
        const absolute = runCli(['pull'], { cwd: ws.root });
        assert.equal(absolute.status, 0, absolute.stderr);
        assert.equal(ws.read('a.csv'), 'period,value\n2026-01,1\n2026-02,1\n');
        // Run from a folder outside the workspace: relative paths are still the .align file's folder's.
        ws.write('a.sql', "SELECT date_trunc('month', closed_on) AS period, max(amount) AS value FROM 'data/deals.csv' GROUP BY 1");
        const elsewhere = runCli(['pull', ws.root], { cwd: outside });
        assert.equal(elsewhere.status, 0, elsewhere.stderr);
        assert.equal(ws.read('a.csv'), 'period,value\n2026-01,3\n2026-02,4\n');
    });

    it('DuckDB cannot read a file outside the workspace: absolute, relative (..) or /etc/passwd', () => {
        for (const from of [`'${outside}/secret.csv'`, `'../${path.basename(outside)}/secret.csv'`, `read_text('/etc/passwd')`]) {
            ws = oneQuery(`SELECT '2026-01' AS period, count(*) AS value FROM ${from}`);
            assert.match(failure(ws), /^Permission Error: Cannot access file ".*" - file system operations are disabled by configuration \(a pull reads files of the workspace folder only\)$/, from);
            assert.ok(!ws.exists('a.csv'));
            assert.equal(path.dirname(ws.root), path.dirname(outside), 'the relative path leads to the file');
            ws.remove();
        }
    });

    it('DuckDB follows no symbolic link out of the workspace (a file, a folder, a glob over both); a link that stays inside is read', () => {
        ws = oneQuery("SELECT '2026-01' AS period, 1 AS value");
        fs.symlinkSync(path.join(outside, 'secret.csv'), path.join(ws.root, 'data', 'secret.csv'));
        fs.symlinkSync(outside, path.join(ws.root, 'linked'));
        fs.symlinkSync('deals.csv', path.join(ws.root, 'data', 'inside.csv'));
        for (const from of ["'data/secret.csv'", "'linked/secret.csv'", "read_text('linked/secret.csv')", "read_csv('linked/*.csv')", "read_csv('data/*.csv')", "glob('linked/*')"]) {
            ws.write('a.sql', `SELECT '2026-01' AS period, count(*) AS value FROM ${from}`);
            const cause = failure(ws);
            assert.match(cause, /^Permission Error: Cannot access file "([^"]*\/)?(data|linked)\/[^"]*" - file system operations are disabled by configuration \(a pull reads files of the workspace folder only\)$/, `${from}: ${cause}`);
            assert.ok(!ws.exists('a.csv'), from);
        }
        ws.write('a.sql', "SELECT date_trunc('month', closed_on) AS period, sum(amount) AS value FROM 'data/inside.csv' GROUP BY 1");
        const inside = runCli(['pull'], { cwd: ws.root });
        assert.equal(inside.status, 0, inside.stderr);
        assert.equal(ws.read('a.csv'), 'period,value\n2026-01,3\n2026-02,4\n');
    });

    it('DuckDB writes no file: COPY outside the workspace fails and writes nothing; COPY or ATTACH inside is not a SELECT', () => {
        ws = oneQuery(`COPY (SELECT '2026-01' AS period, 1 AS value) TO '${outside}/copied.csv'`);
        assert.match(failure(ws), /^Permission Error: Cannot access file ".*copied\.csv" - file system operations are disabled by configuration/);
        assert.ok(!fs.existsSync(path.join(outside, 'copied.csv')));
        ws.write('a.sql', "COPY (SELECT '2026-01' AS period, 1 AS value) TO 'copied.csv'");
        assert.equal(failure(ws), 'the query is a COPY statement: a pull runs only a SELECT, which changes nothing');
        ws.write('a.sql', "ATTACH 'new.duckdb'");
        assert.equal(failure(ws), 'the query is an ATTACH statement: a pull runs only a SELECT, which changes nothing');
        assert.ok(!ws.exists('copied.csv') && !ws.exists('new.duckdb'));
    });

    it('a DuckDB file and a SQLite file opened `on "file"` are not modified by a query that writes', async () => {
        ws = oneQuery("INSERT INTO counts VALUES ('2026-03', 9) RETURNING month AS period, n AS value", 'db.duckdb');
        const { DuckDBInstance } = await import('@duckdb/node-api');
        const instance = await DuckDBInstance.create(path.join(ws.root, 'db.duckdb'));
        const connection = await instance.connect();
        await connection.run("CREATE TABLE counts(month VARCHAR, n INTEGER); INSERT INTO counts VALUES ('2026-01', 3)");
        connection.closeSync();
        instance.closeSync();
        const duckBytes = ws.bytes('db.duckdb');
        assert.equal(failure(ws), 'the query is an INSERT statement: a pull runs only a SELECT, which changes nothing');
        assert.ok(ws.bytes('db.duckdb').equals(duckBytes));

        ws.write('p.align', `${pulledKpi('A', 'monthly')}\nactuals A from "a.csv" { pull sql "a.sql" on "lms.sqlite" }\n`);
        await sqlite(path.join(ws.root, 'lms.sqlite'), ['CREATE TABLE counts(month TEXT, n INTEGER)', "INSERT INTO counts VALUES ('2026-01', 3)"]);
        const sqliteBytes = ws.bytes('lms.sqlite');
        ws.write('a.sql', 'DELETE FROM counts RETURNING month AS period, n AS value');
        assert.equal(failure(ws), 'attempt to write a readonly database');
        assert.ok(ws.bytes('lms.sqlite').equals(sqliteBytes));
        assert.ok(!ws.exists('a.csv'));
    });

    it('a query file of several statements is refused for DuckDB and SQLite; a trailing semicolon and comments are fine', async () => {
        const marker = path.join(outside, 'x.csv');
        ws = oneQuery(`COPY (SELECT 1) TO '${marker}'; SELECT '2026-01' AS period, 1 AS value`);
        assert.equal(failure(ws), 'the query file "a.sql" holds 2 statements; it must hold one');
        assert.ok(!fs.existsSync(marker));
        ws.write('a.sql', "-- one month\nSELECT '2026-01;' AS period, 1 AS value; /* done; */\n");
        assert.equal(failure(ws), 'row 1: period `2026-01;` is not a date, month, quarter or half (e.g. 2026-03)');
        ws.write('a.sql', "-- one month\nSELECT '2026-01' AS period, 1 AS value; /* done; */\n");
        const one = runCli(['pull'], { cwd: ws.root });
        assert.equal(one.status, 0, one.stderr);
        assert.equal(ws.read('a.csv'), 'period,value\n2026-01,1\n');

        ws.write('p.align', `${pulledKpi('A', 'monthly')}\nactuals A from "a.csv" { pull sql "a.sql" on "lms.sqlite" }\n`);
        await sqlite(path.join(ws.root, 'lms.sqlite'), ['CREATE TABLE counts(month TEXT, n INTEGER)', "INSERT INTO counts VALUES ('2026-02', 3)"]);
        ws.write('a.sql', 'SELECT month AS period, n AS value FROM counts; SELECT month AS period, n * 2 AS value FROM counts;');
        assert.equal(failure(ws), 'the query file "a.sql" holds 2 statements; it must hold one');
        assert.equal(ws.read('a.csv'), 'period,value\n2026-01,1\n');
        ws.write('a.sql', '-- only a comment;\n');
        assert.equal(failure(ws), 'the query file "a.sql" holds no statement, only comments; it must hold one');
    });

    it('a query file that is binary or not UTF-8 is refused by name, before any database sees it', () => {
        ws = oneQuery('');
        ws.write('a.sql', Buffer.from([0xff, 0xfe, 0x53, 0x00, 0x45, 0x00]));
        assert.equal(failure(ws), 'the query file "a.sql" is binary (a NUL byte), not SQL text');
        // A NUL byte was cut there: the query ran as its first half.
        ws.write('a.sql', Buffer.concat([Buffer.from("SELECT '2026-01' AS period, 1 AS value"), Buffer.from([0]), Buffer.from(' junk')]));
        assert.equal(failure(ws), 'the query file "a.sql" is binary (a NUL byte), not SQL text');
        ws.write('a.sql', Buffer.concat([Buffer.from("SELECT 'caf"), Buffer.from([0xe9]), Buffer.from("' AS period, 1 AS value")]));
        assert.equal(failure(ws), 'the query file "a.sql" is not UTF-8 text; save it as UTF-8');
        assert.ok(!ws.exists('a.csv'));
    });
});
