/**
 * A rule that throws inside `align check`, `align graph` and `align diff`:
 * the finding `internal-error` is reported as any other, and what Langium
 * logged (the stack) becomes one message on standard error, wrapped to 80
 * columns, the whole stack only with ALIGN_DEBUG=1. The fault is injected by
 * preloading test/cli/fault/compare-faulty.cjs into the built CLI. And a
 * fault in the impact graph's build (test/cli/fault/graph-build.cjs): `check`
 * still reports every file's other findings, `graph` stops with one message.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { gitRepo, HAS_GIT } from './git-repo.js';
import { BIN, cliEnv, linesOf, removeTempDirs, REPO_ROOT, requireBundle, runCli, tempDir, unwrapped, writeFile } from './run-cli.js';

/** The environment that preloads test/cli/fault/`file` into the CLI. */
const preload = (file: string) => ({ NODE_OPTIONS: `--require ${JSON.stringify(path.join(REPO_ROOT, 'test', 'cli', 'fault', file))}` });
const FAULT = preload('compare-faulty.cjs');

/** Four lagging KPIs (more than the three allowed), one of them named Faulty: `too-many-kpis` lists them, and throws. */
const PROGRAM = ['Faulty', 'B', 'C', 'D'].map(k => `metric ${k} "${k}" { kind lagging unit count direction up baseline 1 target 2 by 2026-06-30 source "s" owner "o" cadence monthly }\n`).join('')
    + 'outcome O "o" { owner "x" measured by Faulty, B, C, D }\nbehavior Bh "b" { moves Faulty, B, C, D }\nprogram P "p" { serves O }\n';

const MESSAGE = 'align: internal error while checking, some findings may be missing: Align: the check of program-without-leading, too-many-kpis failed on Program: RangeError: fault injected in a comparison of Faulty; set ALIGN_DEBUG=1 for details';

describe('align: a rule that throws', function () {
    this.timeout(60_000);
    before(requireBundle);
    after(removeTempDirs);

    it('check: an internal-error finding, and the log as one wrapped message on stderr', () => {
        const dir = tempDir();
        writeFile(dir, 'p.align', PROGRAM);
        const result = runCli(['check', '.', '--format', 'json'], { cwd: dir, env: FAULT });
        assert.equal(result.status, 1, result.stderr);
        const internal = (JSON.parse(result.stdout) as { rule: string; message: string }[]).filter(f => f.rule === 'internal-error');
        assert.equal(internal.length, 1, result.stdout);
        assert.match(internal[0]!.message, /^Rules program-without-leading, too-many-kpis failed on program 'P': RangeError: fault injected/);
        assert.equal(unwrapped(result.stderr).trimEnd(), MESSAGE);
        for (const line of linesOf(result.stderr)) assert.ok(line.length <= 80, `fits 80 columns: ${line}`);
        assert.ok(!result.stderr.includes('    at '), 'no stack');
    });

    it('check with ALIGN_DEBUG=1: the whole log, stack included', () => {
        const dir = tempDir();
        writeFile(dir, 'p.align', PROGRAM);
        // cliEnv drops ALIGN_DEBUG whatever the test asks: set it after.
        const result = spawnSync(process.execPath, [BIN, 'check', '.', '--format', 'json'], { cwd: dir, env: { ...cliEnv(FAULT), ALIGN_DEBUG: '1' }, encoding: 'utf-8' });
        assert.equal(result.status, 1, result.stderr);
        assert.match(result.stderr, /^Align: the check of program-without-leading, too-many-kpis failed on Program: RangeError: fault injected in a comparison of Faulty\n    at /);
        assert.ok(!result.stderr.includes('set ALIGN_DEBUG=1'), 'the one-line summary gives way to the log');
    });

    it('graph: the same one message; the graph is still written', () => {
        const dir = tempDir();
        writeFile(dir, 'p.align', PROGRAM);
        const result = runCli(['graph', '.', '--format', 'json'], { cwd: dir, env: FAULT });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(unwrapped(result.stderr).trimEnd(), MESSAGE);
        assert.ok((JSON.parse(result.stdout) as { nodes: { name: string }[] }).nodes.some(n => n.name === 'Faulty'), 'the graph names the KPI');
    });

    (HAS_GIT ? it : it.skip)('diff: one message for each side that was checked', () => {
        const repo = gitRepo();
        writeFile(repo.dir, 'p.align', PROGRAM);
        repo.commit('base');
        repo.edit('p.align', text => text.replace('program P "p"', 'program P "renamed"'));
        const result = runCli(['diff', 'HEAD'], { cwd: repo.dir, env: FAULT });
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(unwrapped(result.stderr).trimEnd().split('\n'), [MESSAGE, MESSAGE]);
    });

    describe('a fault outside the rules: the impact graph cannot be built', () => {
        /** A workspace of two files and the environment that makes its graph's build throw (test/cli/fault/graph-build.cjs). */
        const faulted = () => {
            const dir = tempDir();
            writeFile(dir, 'p.align', PROGRAM);
            writeFile(dir, 'q.align', 'skill T "t" { }\n');
            writeFile(dir, 'fault-on', '');
            return { dir, env: { ...preload('graph-build.cjs'), ALIGN_TEST_GRAPH_FAULT: path.join(dir, 'fault-on') } };
        };
        const GRAPH_FAULT = /^The impact graph could not be built: TypeError: fault injected in the impact graph's build\. This is a bug in Align, not in the file: please report it\. The rules that read the graph did not run; the other rules ran\.$/;

        it('check: every file gets one internal-error at its start and its other findings; one message on stderr', () => {
            const { dir, env } = faulted();
            const result = runCli(['check', '.', '--format', 'json'], { cwd: dir, env });
            assert.equal(result.status, 1, result.stderr);
            const findings = JSON.parse(result.stdout) as { file: string; line: number; column: number; rule: string; message: string }[];
            assert.deepEqual(findings.map(f => `${f.file}:${f.line}:${f.column} ${f.rule}`), [
                'p.align:1:1 internal-error', 'p.align:7:9 program-without-review', 'p.align:7:9 program-without-sponsor', 'q.align:1:1 internal-error'
            ]);
            for (const f of findings.filter(f => f.rule === 'internal-error')) assert.match(f.message, GRAPH_FAULT);
            assert.equal(unwrapped(result.stderr).trimEnd(), 'align: internal error while checking, some findings may be missing: Align: the impact graph could not be built, so the rules that read it did not run: TypeError: fault injected in the impact graph\'s build; set ALIGN_DEBUG=1 for details');
        });

        it('graph: exit 2 with one message that says how to see the stack; ALIGN_DEBUG=1 prints it', () => {
            const { dir, env } = faulted();
            const result = runCli(['graph', '.'], { cwd: dir, env });
            assert.equal(result.status, 2, result.stderr);
            assert.equal(result.stdout, '');
            assert.equal(unwrapped(result.stderr).trimEnd(), 'align: internal error: fault injected in the impact graph\'s build; set ALIGN_DEBUG=1 for details');
            const debug = spawnSync(process.execPath, [BIN, 'graph', '.'], { cwd: dir, env: { ...cliEnv(env), ALIGN_DEBUG: '1' }, encoding: 'utf-8' });
            assert.equal(debug.status, 2);
            assert.match(debug.stderr, /^align: internal error: fault injected in the impact graph's build\nTypeError: fault injected in the impact graph's build\n    at /);
        });
    });
});
