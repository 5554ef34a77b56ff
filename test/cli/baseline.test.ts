/**
 * `align check --write-baseline` and `--baseline` through the built CLI on
 * copies of the examples: moving blocks reports nothing new; fixing one
 * finding and adding another of the same rule in the same file reports
 * exactly the new one; a renamed element's findings are new (its model path
 * changed: documented in docs/ci.md); a check of some of the paths does not
 * call the findings of the other files gone. Bad baseline files are one-line errors.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { assertFits80, assertOneLineFailure, BIN, cliEnv, copyExamples, EXAMPLES, linesOf, parseFindings, removeTempDirs, requireBundle, runCli, tempDir, unwrapped, writeFile } from './run-cli.js';

/** A copy of the examples with a baseline of its findings in `baseline.json`. */
function baselined(): string {
    const dir = tempDir();
    copyExamples(dir, '.');
    const written = runCli(['check', '--write-baseline', 'baseline.json'], { cwd: dir });
    assert.equal(written.status, 0, written.stderr);
    assert.equal(written.stderr, 'align: wrote 13 findings to the baseline baseline.json\n');
    assert.equal(written.stdout, '✔ No new problems in 5 files (13 in the baseline)\n', 'not "No problems": 13 were recorded');
    return dir;
}

/** `align check --baseline baseline.json --format json` in `dir`: status, findings, the baseline line on stderr. */
function checkAgainst(dir: string) {
    const result = runCli(['check', '--baseline', 'baseline.json', '--format', 'json'], { cwd: dir });
    return { status: result.status, findings: parseFindings(result.stdout), note: result.stderr };
}

function edit(dir: string, file: string, change: (text: string) => string): void {
    fs.writeFileSync(path.join(dir, file), change(fs.readFileSync(path.join(dir, file), 'utf-8')));
}

describe('align check --baseline', function () {
    this.timeout(60_000);
    before(requireBundle);
    after(removeTempDirs);

    it('writes a sorted baseline with one entry per identity and no line numbers', () => {
        const dir = baselined();
        const baseline = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf-8'));
        assert.deepEqual([baseline.baseline, baseline.version, baseline.findings.length], ['align', 1, 13]);
        assert.deepEqual(Object.keys(baseline.findings[0]), ['rule', 'element', 'key', 'count', 'file', 'message']);
        assert.ok(!fs.readFileSync(path.join(dir, 'baseline.json'), 'utf-8').includes('"line"'));
        const objective = baseline.findings.find((f: { rule: string }) => f.rule === 'objective-without-kpi');
        assert.deepEqual([objective.element, objective.key, objective.count], ['DiscoveryBootcamp.KnowTheProduct', '', 1]);
    });

    it('blocks moved within and between files: nothing new, exit 0', () => {
        const dir = baselined();
        const safety = fs.readFileSync(path.join(dir, 'safety.align'), 'utf-8');
        const program = safety.slice(safety.indexOf('program LockoutTagout'));
        fs.writeFileSync(path.join(dir, 'safety.align'), safety.replace(program, ''));
        writeFile(dir, 'programs/lockout.align', `// moved here\n\n${program}`);
        edit(dir, 'sales-win-rate.align', t => '// a longer header\n// over several lines\n\n' + t);
        const { status, findings, note } = checkAgainst(dir);
        assert.deepEqual(findings, []);
        assert.equal(status, 0);
        assert.equal(note, 'align: baseline baseline.json: 13 matched, 0 new\n');
        assert.equal(runCli(['check', '--baseline', 'baseline.json'], { cwd: dir }).stdout, '✔ No new problems in 6 files (13 in the baseline)\n');
    });

    it('fixing one finding and adding another of the same rule in the same file: exactly one new', () => {
        const dir = baselined();
        edit(dir, 'sales-win-rate.align', t => t
            .replace('  objective KnowTheProduct "List the product\'s features" {\n', '  objective KnowTheProduct "List the product\'s features" {\n    builds QualifyingQuestions\n')
            .replace('  actuals PipelineHygiene {', '  objective Negotiate "Negotiate renewals" {\n    practice case "c"\n  }\n\n  actuals PipelineHygiene {'));
        const { status, findings, note } = checkAgainst(dir);
        assert.deepEqual(findings.map(f => `${f.file}:${f.line} ${f.rule}`), ['sales-win-rate.align:79 objective-without-kpi']);
        assert.match(findings[0]!.message, /^Objective 'Negotiate' reaches no metric/);
        assert.equal(status, 1, 'the new finding is an error');
        assert.equal(note, [
            'align: baseline baseline.json: 12 matched, 1 new; 1 baseline finding no longer',
            '  occurs (fixed, or the element was renamed); to drop it, run:',
            '    align check --write-baseline baseline.json', ''].join('\n'));
        assertFits80(note);
    });

    it('a renamed element\'s findings are new (its model path changed)', () => {
        const dir = baselined();
        edit(dir, 'sales-win-rate.align', t => t.replace('objective KnowTheProduct', 'objective ProductTour'));
        const { findings, note } = checkAgainst(dir);
        assert.deepEqual(findings.map(f => f.rule), ['objective-without-kpi']);
        assert.match(findings[0]!.message, /ProductTour/);
        assert.match(unwrapped(note), /12 matched, 1 new; 1 baseline finding no longer occurs/);
    });

    it('applies to every format: in SARIF only the new result is unsuppressed, the baselined ones are suppressed (external)', () => {
        const dir = baselined();
        edit(dir, 'onboarding.align', t => t + '\nskill Spare "Spare"\n');
        const result = runCli(['check', '--baseline', 'baseline.json', '--format', 'sarif'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        const results: { ruleId: string; suppressions?: { kind: string }[] }[] = JSON.parse(result.stdout).runs[0].results;
        assert.deepEqual(results.filter(r => !r.suppressions).map(r => r.ruleId), ['skill-enables-nothing']);
        const matched = Number(/baseline baseline\.json: (\d+) matched, 1 new/.exec(result.stderr)?.[1]);
        assert.ok(matched > 0, result.stderr);
        assert.equal(results.filter(r => r.suppressions?.[0]?.kind === 'external').length, matched, 'each matched finding');
    });

    it('the command it suggests, pasted into a shell, rewrites the same baseline (paths and awkward names quoted)', () => {
        const dir = tempDir();
        fs.cpSync(EXAMPLES, path.join(dir, 'programs sold'), { recursive: true });
        const base = ['check', '--rule', 'program-without-sponsor=off', '--max-pilot-days', '30', '--format', 'json'];
        assert.equal(runCli([...base, '--write-baseline', "it's.json", 'programs sold'], { cwd: dir }).status, 0);
        edit(dir, 'programs sold/sales-win-rate.align', t => t.replace('objective KnowTheProduct', 'objective ProductTour'));
        const before = runCli([...base, '--baseline', "it's.json", 'programs sold'], { cwd: dir });
        const lines = linesOf(before.stderr);
        const command = lines.slice(lines.findIndex(l => l.endsWith('run:')) + 1);
        assert.deepEqual(command.map(l => l.trimStart().split(' ')[0]).slice(0, 1), ['align'], before.stderr);
        assert.ok(command.every(l => l.length <= 80 && l.startsWith('    ')), before.stderr);
        // Pasted as printed, with `align` the built CLI.
        const shell = spawnSync('/bin/sh', ['-c', `align() { "${process.execPath}" "${BIN}" "$@"; }\n${command.join('\n')}`], { cwd: dir, encoding: 'utf-8', env: cliEnv() });
        assert.equal(shell.status, 0, shell.stderr);
        assert.match(shell.stderr, /wrote \d+ findings to the baseline it's\.json/);
        const after = runCli([...base, '--baseline', "it's.json", 'programs sold'], { cwd: dir });
        assert.match(after.stderr, /: \d+ matched, 0 new\n$/, 'the rewritten baseline holds this check\'s findings: the same rule severities and limits');
    });

    it('a check of some of the paths: the baseline findings of the files it did not read are not gone, and no rewrite is offered', () => {
        const dir = baselined();
        const some = (...paths: string[]) => runCli(['check', '--baseline', 'baseline.json', '--format', 'json', ...paths], { cwd: dir });
        const safety = some('safety.align');
        assert.equal(safety.status, 0, safety.stderr);
        assert.equal(safety.stderr, [
            'align: baseline baseline.json: 3 matched, 0 new; 10 baseline findings are in',
            '  files this run did not check', ''].join('\n'), 'not "no longer occur", and no command that would drop them');
        // One finding of the file read fixed: it alone is gone; the command would drop the 10 as well, so it is not offered.
        edit(dir, 'safety.align', t => t.replace('owner "Plant EHS leads"', 'owner "Plant EHS leads"\n    source "EHS system: near-miss log"'));
        const fixed = some('safety.align');
        assert.equal(unwrapped(fixed.stderr), 'align: baseline baseline.json: 2 matched, 0 new; 1 baseline finding no longer occurs '
            + '(fixed, or the element was renamed), and 10 are in files this run did not check; to drop the one gone, '
            + 'write the baseline again with a check of every file it covers\n');
        assertFits80(fixed.stderr);
        // The whole workspace: the one gone, and the command that drops it.
        assert.match(unwrapped(some().stderr), /: 12 matched, 0 new; 1 baseline finding no longer occurs \(fixed, or the element was renamed\); to drop it, run: +align check --write-baseline baseline\.json\n$/);
    });

    it('bad baselines and flags are one-line errors, exit 2', () => {
        const dir = tempDir();
        copyExamples(dir, 'safety.align');
        assertOneLineFailure(runCli(['check', '--baseline', 'none.json'], { cwd: dir }), '--baseline none.json: no such file');
        writeFile(dir, 'bad.json', '{ not json');
        assertOneLineFailure(runCli(['check', '--baseline', 'bad.json'], { cwd: dir }), '--baseline bad.json: not valid JSON');
        writeFile(dir, 'other.json', '[]');
        assertOneLineFailure(runCli(['check', '--baseline', 'other.json'], { cwd: dir }), 'not an align baseline');
        writeFile(dir, 'broken.json', JSON.stringify({ baseline: 'align', version: 1, findings: [{ rule: 'x', count: 0, file: 'a', message: 'm' }] }));
        assertOneLineFailure(runCli(['check', '--baseline', 'broken.json'], { cwd: dir }), 'finding 1 is malformed');
        writeFile(dir, 'paths.json', JSON.stringify({ baseline: 'align', version: 1, paths: 'cwd', findings: [] }));
        assertOneLineFailure(runCli(['check', '--baseline', 'paths.json'], { cwd: dir }), '--baseline paths.json: "paths" must be "workspace-root" (files relative to the workspace root), "baseline-folder" (relative to the baseline\'s folder)');
        assertOneLineFailure(runCli(['check', '--baseline', 'a.json', '--write-baseline', 'b.json'], { cwd: dir }), '--baseline and --write-baseline');
        // A missing folder is made (as for --output); a file in the way of the folder is a usage error.
        assert.equal(runCli(['check', '--write-baseline', path.join(dir, 'new', 'dir', 'b.json')], { cwd: dir }).status, 0);
        assert.match(fs.readFileSync(path.join(dir, 'new', 'dir', 'b.json'), 'utf-8'), /"baseline": "align"/);
        assertOneLineFailure(runCli(['check', '--write-baseline', path.join(dir, 'bad.json', 'b.json')], { cwd: dir }), '--write-baseline', 'cannot be written (a file is in the way of its folder');
    });
});
