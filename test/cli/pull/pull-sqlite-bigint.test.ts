/**
 * `align pull` on a SQLite file whose integers are larger than a double
 * holds exactly (above 2^53), through the built bundle: the snapshot has
 * their exact digits, as for DuckDB's and PostgreSQL's BIGINT.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { requireBundle, runCli } from '../run-cli.js';
import { pulledKpi, sqlite, tempWorkspace, type TempWorkspace } from './pull-workspace.js';

describe('align pull: SQLite integers above 2^53 keep every digit (child process on the built bundle)', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    it('9007199254740993, the largest and smallest 64-bit integers, and a sum of them, as SQLite holds them', async () => {
        ws = tempWorkspace({
            'q.sql': 'SELECT period, sum(value) AS value FROM v GROUP BY period ORDER BY period',
            'm.align': `${pulledKpi('M', 'monthly')}\nactuals M from "m.csv" { pull sql "q.sql" on "app.sqlite" }\n`
        });
        await sqlite(path.join(ws.root, 'app.sqlite'), [
            'CREATE TABLE v(period TEXT, value INTEGER)',
            "INSERT INTO v VALUES ('2026-01', 9007199254740993), ('2026-02', 9223372036854775807), ('2026-03', -9223372036854775808)",
            "INSERT INTO v VALUES ('2026-04', 4611686018427387904), ('2026-04', 1), ('2026-05', 42), ('2026-06', 2.5)"
        ]);
        const result = runCli(['pull'], { cwd: ws.root });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('m.csv'), 'period,value\n2026-01,9007199254740993\n2026-02,9223372036854775807\n2026-03,-9223372036854775808\n'
            + '2026-04,4611686018427387905\n2026-05,42\n2026-06,2.5\n');
    });
});
