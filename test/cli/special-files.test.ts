/**
 * Files Align reads by name that are named pipes (FIFOs): an actuals CSV,
 * `align.config.json` (for `align check` and for `align init`'s templates),
 * `align.lock.json`, a `--baseline` file. Opening a pipe blocks until a
 * writer comes, so these once hung `align check` for ever; now each is a
 * finding (or a usage error) at once. Each run has a time limit, so that a
 * regression fails instead of hanging.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertOneLineFailure, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const METRIC = 'metric M { kind lagging unit count direction up owner "o" cadence monthly source "s" }\n';
/** A regression blocks in open(): the run is killed (SIGKILL: a blocked read runs no signal handler) and the test fails. */
const LIMIT = { timeout: 20_000, killSignal: 'SIGKILL' } as const;

/** The output in one line, wrapping undone. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

function mkfifo(file: string): void {
    const made = spawnSync('mkfifo', [file]);
    assert.equal(made.status, 0, `mkfifo: ${String(made.stderr)}`);
}

describe('align with named pipes where files are read by name', function () {
    this.timeout(60_000);
    before(requireBundle);
    afterEach(removeTempDirs);

    it('an actuals CSV that is a named pipe: actuals-invalid at once (check and report)', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', `${METRIC}actuals M from "data/x.csv"\n`);
        fs.mkdirSync(path.join(dir, 'data'));
        mkfifo(path.join(dir, 'data', 'x.csv'));
        const check = runCli(['check', '.'], { cwd: dir, ...LIMIT });
        assert.equal(check.status, 1, `check ended: ${String(check.status)} ${check.stderr}`);
        assert.match(flat(check.stdout), /file "data\/x\.csv" is not a regular file but a named pipe, socket or device and is not read\..*actuals-invalid/);
        const report = runCli(['report', '.', '-o', path.join(dir, 'out.html')], { cwd: dir, ...LIMIT });
        assert.ok(report.status === 0 || report.status === 1, `report ended: ${String(report.status)} ${report.stderr}`);
    });

    it('an align.config.json that is a named pipe: config-invalid at once, the defaults apply', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', METRIC);
        mkfifo(path.join(dir, 'align.config.json'));
        const check = runCli(['check', '.'], { cwd: dir, ...LIMIT });
        assert.equal(check.status, 1, `check ended: ${String(check.status)} ${check.stderr}`);
        assert.match(flat(check.stdout), /align\.config\.json cannot be read \(not a regular file but a named pipe, socket or device\); the defaults apply config-invalid/);
    });

    it('an extended config file that is a named pipe: config-invalid at the extends key', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', METRIC);
        writeFile(dir, 'align.config.json', '{ "extends": "./base.json" }\n');
        mkfifo(path.join(dir, 'base.json'));
        const check = runCli(['check', '.'], { cwd: dir, ...LIMIT });
        assert.equal(check.status, 1, `check ended: ${String(check.status)} ${check.stderr}`);
        assert.match(flat(check.stdout), /extends: \.\/base\.json cannot be read \(not a regular file but a named pipe, socket or device\)/);
    });

    it('an align.config.json, or a file of its extends chain, that is a named pipe when align init lists its templates: one line naming it, exit 2, at once', () => {
        const dir = tempDir();
        mkfifo(path.join(dir, 'align.config.json'));
        for (const args of [['init', 'X', '--list-templates'], ['init', 'X', '--template', 'mine']]) {
            assertOneLineFailure(runCli(args, { cwd: dir, ...LIMIT }),
                'align.config.json: cannot be read (not a regular file but a named pipe, socket or device); its templates cannot be listed');
        }
        // A file of its `extends` chain, read as align check reads it.
        fs.rmSync(path.join(dir, 'align.config.json'));
        writeFile(dir, 'align.config.json', '{ "extends": "./base.json" }\n');
        mkfifo(path.join(dir, 'base.json'));
        assertOneLineFailure(runCli(['init', 'X', '--list-templates'], { cwd: dir, ...LIMIT }),
            'align.config.json:1: extends: ./base.json cannot be read (not a regular file but a named pipe, socket or device)');
    });

    it('a --baseline file that is a named pipe: one line naming it, exit 2, at once', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', METRIC);
        mkfifo(path.join(dir, 'base.json'));
        assertOneLineFailure(runCli(['check', '.', '--baseline', 'base.json'], { cwd: dir, ...LIMIT }),
            '--baseline base.json: cannot be read (not a regular file but a named pipe, socket or device)');
    });
});
