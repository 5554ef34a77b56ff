/**
 * `snapshot-drift` when `align.lock.json` itself cannot be used: the finding
 * says what `align pull` says about that lock file (fix or delete it, or
 * update align), never `align pull --metric` (which would refuse the same
 * lock); a malformed record names its fields; a byte order mark is allowed;
 * every message is one line.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { lockProblemMessage, lockReadProblem, parseLock } from '../../language/pull/lock-file.js';
import { checkWorkspace } from './helpers/check-workspace.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const SNAPSHOT = 'period,value\n2026-01,101\n2026-02,103\n';
const QUERY = 'SELECT month AS period, revenue AS value FROM sales';
const PROGRAM = 'metric S "S" { kind lagging unit count direction up baseline 1 target 2 by 2026-12-31 }\nactuals S from "data/s.csv" { pull sql "q/s.sql" }\n';
const RECORD = { metric: 'S', kind: 'sql', query: 'q/s.sql', querySha256: sha(QUERY), rows: 2, firstPeriod: '2026-01', lastPeriod: '2026-02', snapshotSha256: sha(SNAPSHOT), pulledAt: '2026-03-01T00:00:00.000Z' };
const VALID = JSON.stringify({ version: 1, snapshots: { 'data/s.csv': RECORD } }, undefined, 2);

async function driftMessages(lock: string): Promise<string[]> {
    const { findings } = await checkWorkspace({ 's.align': PROGRAM, 'data/s.csv': SNAPSHOT, 'q/s.sql': QUERY, 'align.lock.json': lock });
    return findings.filter(f => f.rule === 'snapshot-drift').map(f => f.message);
}

/** The one line `align pull` says about a lock file with this text (its usage error, without `align: `). */
function pullSays(lock: string): string {
    const parsed = parseLock(lock);
    assert.ok(!('lock' in parsed), 'the lock is unusable');
    return lockProblemMessage('align.lock.json', parsed);
}

describe('snapshot-drift on a lock file that cannot be used', () => {
    it('the valid lock is clean (the close case)', async () => {
        assert.deepEqual(await driftMessages(VALID), []);
    });

    const broken: Array<[string, string, string[]]> = [
        ['not valid JSON', '{"version": 1,\n  "snapshots": oops\n}', ['is not valid JSON', 'fix it, or delete it']],
        ['a newer version', '{"version": 2, "snapshots": {}}', ['version 2', 'newer align', 'update align']],
        ['a record that is a string', JSON.stringify({ version: 1, snapshots: { 'data/s.csv': 'x' } }), ['record of "data/s.csv" that is not an object', 'fix it, or delete it']]
    ];
    for (const [name, lock, mentions] of broken) {
        it(`${name}: the advice of align pull, not \`align pull --metric\``, async () => {
            const messages = await driftMessages(lock);
            assert.equal(messages.length, 1);
            const [message] = messages as [string];
            for (const mention of mentions) assert.ok(message.includes(mention), `${JSON.stringify(message)} mentions ${mention}`);
            assert.ok(message.includes(pullSays(lock)), `${JSON.stringify(message)} says what pull says: ${pullSays(lock)}`);
            assert.doesNotMatch(message, /align pull --metric|Run `/);
            assert.doesNotMatch(message, /[\r\n]/, 'one line');
        });
    }

    it('a lock file in a subfolder without the record is named by its path (the nearest lock file is read)', async () => {
        const { findings } = await checkWorkspace({
            'align.lock.json': VALID.replace('"data/s.csv"', '"sub/data/s.csv"'),
            'sub/s.align': PROGRAM, 'sub/data/s.csv': SNAPSHOT, 'sub/q/s.sql': QUERY, 'sub/align.lock.json': '{ "version": 1, "snapshots": {} }'
        });
        const messages = findings.filter(f => f.rule === 'snapshot-drift').map(f => f.message);
        assert.equal(messages.length, 1, messages.join('\n'));
        assert.match(messages[0]!, /: sub\/align\.lock\.json has no record of "data\/s\.csv"\./);
    });

    it('a malformed record is told as malformed, field by field, never `undefined`', async () => {
        const lock = JSON.stringify({ version: 1, snapshots: { 'data/s.csv': { metric: 'S', rows: 'many', snapshotSha256: 5 } } });
        const messages = await driftMessages(lock);
        assert.equal(messages.length, 1);
        assert.doesNotMatch(messages[0]!, /undefined/);
        assert.match(messages[0]!, /align\.lock\.json has a malformed record of "data\/s\.csv": no `kind`, `snapshotSha256` is 5, not text, `rows` is "many", not a count: fix it, or delete it/);
        assert.doesNotMatch(messages[0]!, /align pull --metric/);
    });

    it('a record with a kind other than sql or xapi, or without its query, is malformed', () => {
        const other = parseLock(JSON.stringify({ version: 1, snapshots: { 'a.csv': { ...RECORD, kind: 'csv' } } }));
        assert.ok('problem' in other && other.problem.includes('`kind` is "csv", not "sql" or "xapi"'), JSON.stringify(other));
        const { query: _query, ...noQuery } = RECORD;
        const missing = parseLock(JSON.stringify({ version: 1, snapshots: { 'a.csv': noQuery } }));
        assert.ok('problem' in missing && missing.problem.includes('no `query`'), JSON.stringify(missing));
    });

    it('a lock file starting with a byte order mark is read like one without', async () => {
        assert.deepEqual(await driftMessages(`\uFEFF${VALID}`), []);
        assert.ok('lock' in parseLock(`\uFEFF${VALID}`));
    });

    it('a problem is one line with no byte order mark in it, whatever the parser quotes', () => {
        for (const text of ['\uFEFF\uFEFF{\n"version": 1\n', '{\r\n  "version": 1,\u2028 x\n}']) {
            const parsed = parseLock(text);
            assert.ok(!('lock' in parsed));
            const message = lockProblemMessage('align.lock.json', parsed);
            assert.doesNotMatch(message, /[\r\n\u2028\u2029\uFEFF]/, JSON.stringify(message));
        }
    });

    it('an empty lock file (or one of white space, or a byte order mark alone) is said to be empty', () => {
        for (const text of ['', ' \n', '\uFEFF']) {
            const parsed = parseLock(text);
            assert.ok(!('lock' in parsed));
            assert.equal(lockProblemMessage('align.lock.json', parsed), 'align.lock.json is empty: restore it from version control, or delete it to pull every snapshot anew');
        }
    });

    it('a lock file that is a folder is said as align pull says it', () => {
        const error = Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' });
        const message = lockProblemMessage('align.lock.json', lockReadProblem(error));
        assert.equal(message, 'align.lock.json cannot be read (is a folder, EISDIR): fix it, or delete it to pull every snapshot anew');
    });
});
