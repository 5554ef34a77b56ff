/**
 * xAPI timestamps that Date.parse does not read, through the built bundle:
 * a leap second (`2016-12-31T23:59:60Z`), which xAPI's ISO 8601 and RFC
 * 3339 allow at 23:59:60 UTC on the last day of a month, is counted in the
 * day it ends and ordered as its last moment (23:59:59.999), for `share
 * success`'s last statement of an actor; a zone of hours alone (`+01`) is
 * ordered by its time in UTC. Second 60 at another time is refused by name.
 */
import assert from 'node:assert/strict';
import { requireBundle } from '../run-cli.js';
import { startLrs, type LrsServer, type StoredStatement } from './lrs-server.js';
import { assertPullFailed, pulledKpi, runCliAsync, tempWorkspace, type TempWorkspace } from './pull-workspace.js';
import { ANN, BOB, CAT, SCORED, TICKETS } from './xapi-fixtures.js';

const KEY = 'lrs-key:lrs-s3cret';

/** A statement at `timestamp`, stored at `stored` (text Date.parse reads: the fixture LRS sorts by it). */
const statement = (n: number, actor: Record<string, unknown>, timestamp: string, success: boolean, stored: string): StoredStatement =>
    ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, actor, verb: { id: SCORED }, object: { objectType: 'Activity', id: TICKETS }, result: { success }, timestamp, stored });

const block = (metric: string, value: string) => `${pulledKpi(metric, 'daily', 'percent')}\nactuals ${metric} from "data/${metric}.csv" {\n  pull xapi env "LRS_URL" {\n    auth env "LRS_AUTH"\n    value ${value}\n  }\n}`;

describe('align pull: xAPI timestamps with a leap second or an hours-only zone (child process on the built bundle)', function () {
    this.timeout(120_000);
    let lrs: LrsServer | undefined;
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(async () => { await lrs?.close(); lrs = undefined; ws?.remove(); });
    const pull = () => runCliAsync(['pull'], { cwd: ws.root, env: { LRS_URL: lrs!.endpoint, LRS_AUTH: KEY, ALIGN_PULL_TIMEOUT: '10' } });

    it('a leap second counts in the day it ends, after the second before it; +01 is ordered in UTC', async () => {
        lrs = await startLrs([
            // Ann fails at 23:59:59.5, passes in the leap second: her last statement of 31 December passes.
            statement(1, ANN, '2016-12-31T23:59:60Z', true, '2017-01-02T00:00:00Z'),
            statement(2, ANN, '2016-12-31T23:59:59.500Z', false, '2017-01-02T00:00:01Z'),
            // The same leap second, in Tokyo: 31 December in UTC.
            statement(3, BOB, '2017-01-01T08:59:60+09:00', true, '2017-01-02T00:00:02Z'),
            // 11:00 at +01 is 10:00 UTC, after 09:30 UTC: Cat's pass is her last.
            statement(4, CAT, '2017-01-15T11:00:00+01', true, '2017-01-16T00:00:00Z'),
            statement(5, CAT, '2017-01-15T09:30:00Z', false, '2017-01-16T00:00:01Z')
        ], KEY);
        ws = tempWorkspace({ 'p.align': [block('Passing', 'share success'), block('Statements', 'count statements')].join('\n') });
        const result = await pull();
        assert.equal(result.status, 0, result.stderr);
        assert.equal(ws.read('data/Statements.csv'), 'period,value\n2016-12-31,3\n2017-01-15,2\n');
        assert.equal(ws.read('data/Passing.csv'), 'period,value\n2016-12-31,100\n2017-01-15,100\n');
    });

    it('second 60 anywhere but 23:59:60 UTC on the last day of a month is refused, naming the statement', async () => {
        for (const timestamp of ['2016-12-30T23:59:60Z', '2016-12-31T12:00:60Z', '2016-12-31T23:59:60+01:00']) {
            lrs = await startLrs([statement(1, ANN, timestamp, true, '2017-01-02T00:00:00Z')], KEY);
            ws = tempWorkspace({ 'p.align': block('Passing', 'share success') });
            assertPullFailed(await pull(), 'sent statement 1 (id 00000000-0000-4000-8000-000000000001)',
                `whose \`timestamp\` \`${timestamp}\` is no time that exists: second 60, a leap second, comes only at 23:59:60 UTC on the last day of a month`);
            await lrs.close();
            lrs = undefined;
            ws.remove();
        }
    });
});
