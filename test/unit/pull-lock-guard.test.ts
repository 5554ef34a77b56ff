/**
 * The guard of align.lock.json (cli/pull/lock-guard.ts) when two pulls meet
 * at a guard left by a pull that was killed while it wrote: each judges it
 * left over, and only one may take it over. The other pull's steps are
 * played where the first one stops (between judging the file and removing
 * it), so that the order that lost a record happens every time.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { guardLockFile } from '../../cli/pull/lock-guard.js';
import { makeTempDir } from '../temp-dirs.js';

/** The id of a process that has ended. */
function gonePid(): number {
    const pid = spawnSync(process.execPath, ['-e', '0']).pid;
    assert.ok(pid !== undefined && pid > 0);
    return pid;
}

/** A process that runs while the tests do (it stands for another pull). */
const otherPull = process.ppid;

describe('align pull: the lock guard taken over by one of two pulls', () => {
    let folder: string;
    let lockFile: string;
    let guard: string;
    let breaking: string;

    beforeEach(() => {
        folder = makeTempDir('align-lock-guard-');
        lockFile = path.join(folder, 'align.lock.json');
        guard = path.join(folder, '.align.lock.json.writing');
        breaking = `${guard}.break`;
    });

    it('leaves to the other pull the guard it took once the left-over one was removed', async () => {
        fs.writeFileSync(guard, `${gonePid()}\n`);
        const waited: string[] = [];
        const release = await guardLockFile(lockFile, {
            judgedStale(file) {
                if (file !== guard || fs.readFileSync(guard, 'utf-8') === `${otherPull}\n`) return;
                // The other pull, which judged it left over too, removes it and takes the guard.
                fs.rmSync(guard);
                fs.writeFileSync(guard, `${otherPull}\n`);
            },
            waiting(holder) {
                waited.push(holder);
                assert.equal(fs.readFileSync(guard, 'utf-8'), `${otherPull}\n`, "the other pull's guard is kept while it writes");
                // The other pull has written its record.
                fs.rmSync(guard);
            }
        });
        assert.deepEqual(waited, [`process ${otherPull}`]);
        assert.equal(fs.readFileSync(guard, 'utf-8'), `${process.pid}\n`);
        release();
        assert.deepEqual(fs.readdirSync(folder), []);
    });

    it('leaves a guard left over by a process that is gone to the pull that is removing it', async () => {
        const gone = gonePid();
        fs.writeFileSync(guard, `${gone}\n`);
        fs.writeFileSync(breaking, `${otherPull}\n`);
        const waited: string[] = [];
        const release = await guardLockFile(lockFile, {
            waiting(holder) {
                waited.push(holder);
                assert.equal(fs.readFileSync(guard, 'utf-8'), `${gone}\n`);
                // The other pull has removed it (and has not yet taken its own).
                fs.rmSync(guard);
                fs.rmSync(breaking);
            }
        });
        assert.equal(waited.length, 1);
        assert.equal(fs.readFileSync(guard, 'utf-8'), `${process.pid}\n`);
        release();
        assert.deepEqual(fs.readdirSync(folder), []);
    });

    it('takes over a guard whose .break was left by a pull killed while it removed the guard', async () => {
        fs.writeFileSync(guard, `${gonePid()}\n`);
        fs.writeFileSync(breaking, `${gonePid()}\n`);
        const release = await guardLockFile(lockFile);
        assert.equal(fs.readFileSync(guard, 'utf-8'), `${process.pid}\n`);
        release();
        assert.deepEqual(fs.readdirSync(folder), []);
    });

    it('leaves to the other pull the .break it took once the left-over one was removed', async () => {
        const gone = gonePid();
        fs.writeFileSync(guard, `${gone}\n`);
        fs.writeFileSync(breaking, `${gonePid()}\n`);
        const waited: string[] = [];
        const release = await guardLockFile(lockFile, {
            judgedStale(file) {
                if (file !== breaking || fs.readFileSync(breaking, 'utf-8') === `${otherPull}\n`) return;
                // The other pull removes the left-over .break and takes one.
                fs.rmSync(breaking);
                fs.writeFileSync(breaking, `${otherPull}\n`);
            },
            waiting() {
                waited.push(fs.readFileSync(breaking, 'utf-8'));
                assert.equal(fs.readFileSync(guard, 'utf-8'), `${gone}\n`, 'the guard is left to the other pull');
                // The other pull has removed the guard and released its .break.
                fs.rmSync(guard);
                fs.rmSync(breaking);
            }
        });
        assert.deepEqual(waited, [`${otherPull}\n`]);
        assert.equal(fs.readFileSync(guard, 'utf-8'), `${process.pid}\n`);
        release();
        assert.deepEqual(fs.readdirSync(folder), []);
    });

    it('takes over a guard older than 60 s whose process still runs', async () => {
        fs.writeFileSync(guard, `${otherPull}\n`);
        const old = new Date(Date.now() - 120_000);
        fs.utimesSync(guard, old, old);
        const release = await guardLockFile(lockFile);
        assert.equal(fs.readFileSync(guard, 'utf-8'), `${process.pid}\n`);
        release();
        assert.deepEqual(fs.readdirSync(folder), []);
    });
});
