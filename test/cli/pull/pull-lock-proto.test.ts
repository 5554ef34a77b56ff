/**
 * Snapshot paths that are names of a JavaScript object's own machinery
 * (`__proto__`, `constructor`), through the built bundle: `align pull`
 * records them in align.lock.json like any other path, and `align check`
 * finds their records (no snapshot-drift), nor takes a missing record for
 * the object's prototype.
 */
import assert from 'node:assert/strict';
import { requireBundle, runCli } from '../run-cli.js';
import { lockOf, pulledKpi, tempWorkspace, unwrapped, type TempWorkspace } from './pull-workspace.js';

const ALIGN = `${pulledKpi('M', 'monthly')}\n${pulledKpi('N', 'monthly')}\n`
    + 'actuals M from "__proto__" { pull sql "q.sql" }\nactuals N from "constructor" { pull sql "q.sql" }\n';

/** The snapshot-drift findings of `align check`. */
function drift(ws: TempWorkspace): string[] {
    const findings = JSON.parse(runCli(['check', '--format', 'json'], { cwd: ws.root }).stdout) as Array<{ rule: string; message: string }>;
    return findings.filter(f => f.rule === 'snapshot-drift').map(f => f.message);
}

describe('align pull: a snapshot named __proto__ or constructor (child process on the built bundle)', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    it('is recorded in align.lock.json, found by align check, and pulled again unchanged', () => {
        ws = tempWorkspace({ 'q.sql': "SELECT '2026-01' AS period, 1 AS value", 'p.align': ALIGN, 'align.lock.json': '{ "version": 1, "snapshots": {} }\n' });
        const before = drift(ws);
        assert.deepEqual(before.map(m => /has no record of "(.*)"/.exec(m)?.[1]).sort(), ['__proto__', 'constructor'], before.join('\n'));
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('__proto__'), 'period,value\n2026-01,1\n');
        const lock = lockOf(ws);
        assert.deepEqual(Object.keys(lock.snapshots).sort(), ['__proto__', 'constructor']);
        assert.ok(Object.hasOwn(lock.snapshots, '__proto__'));
        assert.equal(lock.snapshots['constructor']!['metric'], 'N');
        assert.deepEqual(drift(ws), []);
        const text = ws.read('align.lock.json');
        const again = runCli(['pull'], { cwd: ws.root });
        assert.equal(again.status, 0, again.stderr);
        assert.match(unwrapped(again.stdout), /^pulled __proto__ \(unchanged\): M: 1 row/m);
        assert.equal(ws.read('align.lock.json'), text);
    });
});
