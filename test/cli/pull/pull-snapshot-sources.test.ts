/**
 * `align pull` never writes a snapshot over a file it reads or that holds
 * the workspace (docs/data.md: a pull only reads its sources): the database
 * file, the query file, a `.align` file, align.config.json, align.lock.json,
 * also through a symbolic link. Each is one line; the file is left as it was.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requireBundle, runCli } from '../run-cli.js';
import { assertPullFailed, pulledKpi, sqlite, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

const KPI = pulledKpi('M', 'monthly');
const block = (from: string, on = ' on "data/lite.db"') => `actuals M from "${from}" {\n  pull sql "queries/q.sql"${on}\n}\n`;

describe('align pull refuses a snapshot that is one of its sources (child process on the built bundle)', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    const workspace = async (from: string, on?: string) => {
        ws = tempWorkspace({
            'queries/q.sql': 'SELECT period, value FROM t',
            'align.config.json': '{}\n',
            'm.align': `${KPI}\n${block(from, on)}`
        });
        fs.mkdirSync(path.join(ws.root, 'data'));
        await sqlite(path.join(ws.root, 'data', 'lite.db'), ["CREATE TABLE t (period TEXT, value INTEGER)", "INSERT INTO t VALUES ('2026-01', 5)"]);
    };

    const cases: Array<[string, string, string]> = [
        ['the database file it reads', 'data/lite.db', 'is the database file this pull reads'],
        ['the query file it reads', 'queries/q.sql', 'is the query file this pull reads'],
        ['its own .align file', 'm.align', 'is an Align source file'],
        ['align.config.json', 'align.config.json', 'is the settings file align.config.json'],
        ['align.lock.json', 'align.lock.json', 'is the lock file align.lock.json']
    ];
    for (const [name, from, says] of cases) {
        it(name, async () => {
            await workspace(from);
            // The lock file exists once a first pull has run.
            if (from === 'align.lock.json') ws.write('align.lock.json', '{\n  "version": 1,\n  "snapshots": {}\n}\n');
            const before = ws.bytes(from);
            const db = ws.bytes('data/lite.db');
            assertPullFailed(runCli(['pull'], { cwd: ws.root }), `M, sql "queries/q.sql" on "data/lite.db": the snapshot "${from}" ${says}`, 'a pull only reads its sources');
            assert.ok(ws.bytes(from).equals(before), `${from} is left as it was`);
            assert.ok(ws.bytes('data/lite.db').equals(db), 'the database is left as it was');
        });
    }

    it('the database file through a symbolic link, and another pull\'s query file, are refused too', async () => {
        await workspace('data/link.db');
        fs.symlinkSync('lite.db', path.join(ws.root, 'data', 'link.db'));
        const db = ws.bytes('data/lite.db');
        assertPullFailed(runCli(['pull'], { cwd: ws.root }), 'the snapshot "data/link.db" is the database file this pull reads');
        assert.ok(ws.bytes('data/lite.db').equals(db));
        ws.write('n.align', `${pulledKpi('N', 'monthly')}\nactuals N from "data/n.csv" {\n  pull sql "queries/n.sql"\n}\n`);
        ws.write('queries/n.sql', "SELECT '2026-01' AS period, 1 AS value");
        ws.write('m.align', `${KPI}\n${block('queries/n.sql')}`);
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 1, result.stderr);
        assert.match(unwrapped(result.stderr), /the snapshot "queries\/n\.sql" is the query file of the pull of N/);
        assert.equal(ws.read('queries/n.sql'), "SELECT '2026-01' AS period, 1 AS value");
        assert.equal(ws.read('data/n.csv'), 'period,value\n2026-01,1\n', 'the other pull still runs');
    });

    it('a .align file that is not yet there is refused by its name', async () => {
        await workspace('data/new.align', '');
        assertPullFailed(runCli(['pull'], { cwd: ws.root }), 'the snapshot "data/new.align" is an Align source file');
        assert.ok(!ws.exists('data/new.align'));
    });
});
