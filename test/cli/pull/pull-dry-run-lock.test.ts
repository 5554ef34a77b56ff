/**
 * `align pull --dry-run` and the lock record, through the built bundle: a
 * snapshot whose data would not change may still get a new record (a
 * comment added to the query, another `on`, no record at all); the dry run
 * says so and why, as the pull's own line does, and the pull then writes
 * that record.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { requireBundle, runCli } from '../run-cli.js';
import { lockOf, pulledKpi, sqlite, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

const QUERY = "SELECT '2026-01' AS period, 3 AS value\n";
const ALIGN = (on = '') => `${pulledKpi('A', 'monthly')}\nactuals A from "data/ctl.csv" {\n  pull sql "a.sql"${on}\n}\n`;

describe('align pull --dry-run: a lock record that would change (child process on the built bundle)', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    /** Pulls once, changes the workspace, then pulls dry and for real: the lines of each, and whether the dry run left the lock alone. */
    function dryThenReal(change: (ws: TempWorkspace) => void): { dry: string; real: string } {
        assert.equal(runCli(['pull'], { cwd: ws.root }).status, 0);
        change(ws);
        const lock = ws.read('align.lock.json');
        const dry = runCli(['pull', '--dry-run'], { cwd: ws.root });
        assert.equal(dry.status, 0, dry.stderr);
        assert.match(unwrapped(dry.stdout), /Dry run: wrote nothing; 1 of 1 pull succeeded\./);
        assert.equal(ws.read('align.lock.json'), lock, 'the dry run wrote nothing');
        const real = runCli(['pull'], { cwd: ws.root });
        assert.equal(real.status, 0, real.stderr);
        assert.notEqual(ws.read('align.lock.json'), lock, 'the pull wrote the new record');
        return { dry: unwrapped(dry.stdout).split('\n')[0]!, real: unwrapped(real.stdout).split('\n')[0]! };
    }

    it('a comment added to the query: the record would be updated, and is', () => {
        ws = tempWorkspace({ 'a.sql': QUERY, 'm.align': ALIGN() });
        const { dry, real } = dryThenReal(w => w.write('a.sql', `-- control group\n${QUERY}`));
        assert.equal(dry, 'would keep data/ctl.csv (unchanged; its lock record would be updated: the query changed): A: 1 row, 2026-01 to 2026-01');
        assert.equal(real, 'pulled data/ctl.csv (unchanged; its lock record updated: the query changed): A: 1 row, 2026-01 to 2026-01');
        assert.equal(ws.read('data/ctl.csv'), 'period,value\n2026-01,3\n');
    });

    it('another `on` with the same data: the source changed', async () => {
        ws = tempWorkspace({ 'a.sql': QUERY, 'm.align': ALIGN() });
        await sqlite(path.join(ws.root, 'app.sqlite'), ['CREATE TABLE t(x)']);
        const { dry, real } = dryThenReal(w => w.write('m.align', ALIGN(' on "app.sqlite"')));
        assert.match(dry, /^would keep data\/ctl\.csv \(unchanged; its lock record would be updated: the source changed\): /);
        assert.match(real, /^pulled data\/ctl\.csv \(unchanged; its lock record updated: the source changed\): /);
        assert.equal(lockOf(ws).snapshots['data/ctl.csv']!['on'], 'app.sqlite');
    });

    it('a lock file without the record: it would be added', () => {
        ws = tempWorkspace({ 'a.sql': QUERY, 'm.align': ALIGN() });
        const { dry, real } = dryThenReal(w => w.write('align.lock.json', '{\n  "version": 1,\n  "snapshots": {}\n}\n'));
        assert.match(dry, /^would keep data\/ctl\.csv \(unchanged; its lock record would be added: there was none\): /);
        assert.match(real, /^pulled data\/ctl\.csv \(unchanged; its lock record added: there was none\): /);
    });

    it('nothing changed: `(unchanged)` alone, and no file is written', () => {
        ws = tempWorkspace({ 'a.sql': QUERY, 'm.align': ALIGN() });
        assert.equal(runCli(['pull'], { cwd: ws.root }).status, 0);
        const lock = ws.read('align.lock.json');
        const dry = runCli(['pull', '--dry-run'], { cwd: ws.root });
        assert.equal(unwrapped(dry.stdout).split('\n')[0], 'would keep data/ctl.csv (unchanged): A: 1 row, 2026-01 to 2026-01');
        const real = runCli(['pull'], { cwd: ws.root });
        assert.equal(unwrapped(real.stdout).split('\n')[0], 'pulled data/ctl.csv (unchanged): A: 1 row, 2026-01 to 2026-01');
        assert.equal(ws.read('align.lock.json'), lock);
    });

    it('align pull --help says that --dry-run tells of the lock record too', () => {
        const help = runCli(['pull', '--help']);
        assert.equal(help.status, 0, help.stderr);
        const option = help.stdout.slice(help.stdout.indexOf('--dry-run'), help.stdout.indexOf('\n  -c, --config')).replace(/\s+/g, ' ');
        assert.match(option, /would create, change or keep its snapshot, and add or update its lock record; write nothing/);
    });
});
