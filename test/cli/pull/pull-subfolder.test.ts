/**
 * `align pull programs/ --metric M` (data.md's example) in a workspace
 * without align.config.json: the lock that `align pull` made at the top is
 * the workspace's, so the pull records there and `align check programs/`
 * reads it; no second lock file appears in the subfolder.
 */
import assert from 'node:assert/strict';
import { requireBundle, runCli } from '../run-cli.js';
import { lockOf, pulledKpi, tempWorkspace, type TempWorkspace } from './pull-workspace.js';

const QUERY = (value: number) => `SELECT DATE '2026-01-15' AS period, ${value} AS value\n`;

describe('align pull: a subfolder of a workspace whose lock is at the top', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    it('records in the top lock, and align check of the subfolder reads it', () => {
        ws = tempWorkspace({
            'programs/a.sql': QUERY(3),
            'programs/a.align': `${pulledKpi('A', 'monthly')}\nactuals A from "a.csv" {\n  pull sql "a.sql"\n}\n`,
            'other/b.sql': QUERY(5),
            'other/b.align': `${pulledKpi('B', 'monthly')}\nactuals B from "b.csv" {\n  pull sql "b.sql"\n}\n`
        });
        assert.equal(runCli(['pull'], { cwd: ws.root }).status, 0);
        assert.deepEqual(Object.keys(lockOf(ws).snapshots).sort(), ['other/b.csv', 'programs/a.csv']);
        ws.write('programs/a.sql', QUERY(4));
        const sub = runCli(['pull', 'programs/', '--metric', 'A'], { cwd: ws.root });
        assert.equal(sub.status, 0, sub.stderr);
        assert.ok(!ws.exists('programs/align.lock.json'), 'no second lock file in the subfolder');
        assert.equal(ws.read('programs/a.csv'), 'period,value\n2026-01,4\n');
        const drift = (args: string[]) => (JSON.parse(runCli(['check', '--format', 'json', ...args], { cwd: ws.root }).stdout) as Array<{ rule: string }>).filter(f => f.rule === 'snapshot-drift');
        assert.deepEqual(drift(['.']), [], 'the top lock holds both records, the new one for A');
        assert.deepEqual(drift(['programs/']), [], 'align check of the subfolder reads the top lock');
    });
});
