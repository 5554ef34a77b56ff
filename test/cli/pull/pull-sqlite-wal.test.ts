/**
 * `align pull` on a SQLite file in WAL mode, through the built bundle,
 * while the application that writes it keeps it open (as a live app does,
 * so nothing is checkpointed): the transactions committed in `<file>-wal`
 * are read, as SQLite reads them; a transaction not yet committed (its
 * pages spilled into the WAL) and the stale frames of an earlier WAL
 * generation are not. The writer is Node's own SQLite (`node:sqlite`).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requireBundle, runCli } from '../run-cli.js';
import { pulledKpi, tempWorkspace, type TempWorkspace } from './pull-workspace.js';

/** What the tests use of node:sqlite's DatabaseSync (Node 22.13 and later; @types/node 20 does not know it). */
interface Connection {
    exec(sql: string): void;
    close(): void;
}

/** A connection to `file` with Node's built-in SQLite, in WAL mode, never checkpointed on its own. */
export function walWriter(file: string): Connection {
    const { DatabaseSync } = require('node:sqlite') as { DatabaseSync: new (file: string) => Connection };
    const connection = new DatabaseSync(file);
    connection.exec('PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0');
    return connection;
}

describe('align pull on a SQLite file in WAL mode, its writer still open (child process on the built bundle)', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    let writer: Connection | undefined;
    before(requireBundle);
    afterEach(() => {
        writer?.close();
        writer = undefined;
        ws?.remove();
    });

    function workspace(): string {
        ws = tempWorkspace({
            'q.sql': "SELECT substr(day, 1, 7) AS period, sum(v) AS value FROM s GROUP BY 1 ORDER BY 1",
            'm.align': `${pulledKpi('M', 'monthly')}\nactuals M from "m.csv" { pull sql "q.sql" on "app.db" }\n`
        });
        return path.join(ws.root, 'app.db');
    }

    it('rows committed in the -wal file, not yet checkpointed into app.db, are read', () => {
        const db = workspace();
        writer = walWriter(db);
        writer.exec("CREATE TABLE s(day TEXT, v REAL); INSERT INTO s VALUES ('2026-01-05', 1)");
        writer.exec('PRAGMA wal_checkpoint(TRUNCATE)');
        writer.exec("INSERT INTO s VALUES ('2026-02-05', 2); INSERT INTO s VALUES ('2026-03-05', 3)");
        assert.ok(fs.statSync(`${db}-wal`).size > 0, 'the two rows are in the WAL');
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('m.csv'), 'period,value\n2026-01,1\n2026-02,2\n2026-03,3\n');
        assert.ok(fs.statSync(`${db}-wal`).size > 0, 'the pull wrote nothing back');
    });

    it('a transaction not yet committed, whose pages spilled into the WAL, is not read', () => {
        const db = workspace();
        writer = walWriter(db);
        writer.exec("CREATE TABLE s(day TEXT, v REAL, pad TEXT); INSERT INTO s VALUES ('2026-01-05', 1, '')");
        const before = fs.statSync(`${db}-wal`).size;
        // A tiny page cache: the open transaction's pages are written into the WAL, without a commit frame.
        writer.exec(`PRAGMA cache_size = 2; BEGIN; ${Array.from({ length: 200 }, () => `INSERT INTO s VALUES ('2026-02-05', 2, '${'x'.repeat(500)}');`).join(' ')}`);
        assert.ok(fs.statSync(`${db}-wal`).size > before + 50_000, 'the uncommitted pages are in the WAL');
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('m.csv'), 'period,value\n2026-01,1\n');
        writer.exec('COMMIT');
        const again = runCli(['pull'], { cwd: ws.root });
        assert.equal(again.status, 0, again.stderr);
        assert.equal(ws.read('m.csv'), 'period,value\n2026-01,1\n2026-02,400\n');
    });

    it('after a checkpoint the WAL starts over: the older frames still in the file after the new ones are not applied', () => {
        const db = workspace();
        writer = walWriter(db);
        writer.exec('CREATE TABLE s(day TEXT, v REAL)');
        for (const month of ['01', '02', '03', '04']) writer.exec(`INSERT INTO s VALUES ('2026-${month}-05', 1)`);
        const long = fs.statSync(`${db}-wal`).size;
        writer.exec('PRAGMA wal_checkpoint(PASSIVE)');
        // The next commit writes from the WAL's start with new salts; the four older frames stay after it.
        writer.exec("INSERT INTO s VALUES ('2026-05-05', 1)");
        assert.equal(fs.statSync(`${db}-wal`).size, long, 'the WAL was reused, not grown');
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('m.csv'), 'period,value\n2026-01,1\n2026-02,1\n2026-03,1\n2026-04,1\n2026-05,1\n');
    });
});
