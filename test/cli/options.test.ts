/**
 * Exit status, severity options, `align.config.json` and suppression
 * comments of `align check`, through the built bundle (language.md,
 * "Diagnostics", "Configuration", "Machine output").
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    EXAMPLES, assertFits80, assertOneLineFailure, checkJson, columnOf, copyExamples, expectedFindings, keysOf, lineOf, removeTempDirs,
    requireBundle, runCli, tempDir, unwrapped, writeFile, type Finding,
} from './run-cli.js';

describe('align check options', () => {
    before(requireBundle);
    afterEach(removeTempDirs);

    /** A temp folder with only churn-pilot.align and catalog/: no error, no warning, one info. */
    function cleanWorkspace(): string {
        const dir = tempDir();
        copyExamples(dir, 'churn-pilot.align', 'catalog');
        return dir;
    }

    /** The clean workspace plus a skill that enables nothing: one warning, one info. */
    function warningsOnlyWorkspace(): string {
        const dir = cleanWorkspace();
        writeFile(dir, 'lonely.align', 'skill Lonely "A skill no behavior needs"\n');
        return dir;
    }

    /** A temp copy of the whole example workspace. */
    function examplesCopy(): string {
        const dir = tempDir();
        fs.cpSync(EXAMPLES, dir, { recursive: true });
        return dir;
    }

    const only = (findings: readonly Finding[], rule: string) => findings.filter(f => f.rule === rule);
    const summary = (findings: readonly Finding[]) => findings.map(f => `${f.file}:${f.line} ${f.severity} ${f.rule}`).sort();

    describe('exit status', () => {
        it('is 0 for a clean workspace, whose only finding is an info', () => {
            const dir = cleanWorkspace();
            const findings = checkJson(['.'], { cwd: dir, status: 0 });
            assert.deepEqual(summary(findings), ['catalog/metrics.align:39 info metric-unused']);
            assert.match(findings[0]!.message, /CompletionRate/);
            const pretty = runCli(['check'], { cwd: dir });
            assert.equal(pretty.status, 0, 'the current folder is the default path');
            assert.match(pretty.stdout, /1 problem \(0 errors, 0 warnings, 1 info\) in 1 of 2 files\n$/);
        });

        it('is 1 when errors are found', () => {
            assert.equal(runCli(['check', EXAMPLES]).status, 1);
            assert.equal(runCli(['check', path.join(EXAMPLES, 'safety.align'), path.join(EXAMPLES, 'catalog')]).status, 1);
        });

        it('is 0 with warnings only, unless --max-warnings is exceeded', () => {
            const dir = warningsOnlyWorkspace();
            const findings = checkJson(['.'], { cwd: dir, status: 0 });
            assert.deepEqual(summary(findings), ['catalog/metrics.align:39 info metric-unused', 'lonely.align:1 warning skill-enables-nothing']);
            assert.equal(runCli(['check', '--max-warnings', '0'], { cwd: dir }).status, 1);
            assert.equal(runCli(['check', '--max-warnings=0', '-f', 'json'], { cwd: dir }).status, 1);
            assert.equal(runCli(['check', '--max-warnings', '1'], { cwd: dir }).status, 0, 'one warning is not more than 1');
            assert.equal(runCli(['check', '--max-warnings', '10'], { cwd: dir }).status, 0);
            assert.equal(runCli(['check', '--max-warnings', '0'], { cwd: cleanWorkspace() }).status, 0, 'infos are not warnings');
        });

        it('fails on warnings with --max-severity info, and not on infos', () => {
            assert.equal(runCli(['check', '--max-severity', 'info'], { cwd: warningsOnlyWorkspace() }).status, 1);
            assert.equal(runCli(['check', '--max-severity', 'warning'], { cwd: warningsOnlyWorkspace() }).status, 0);
            assert.equal(runCli(['check', '--max-severity', 'info'], { cwd: cleanWorkspace() }).status, 0, 'an info is not above info');
        });

        it('does not fail on errors with --max-severity error, as the help says', () => {
            assert.equal(runCli(['check', EXAMPLES, '--max-severity', 'error']).status, 0);
            assert.equal(runCli(['check', EXAMPLES, '--max-severity', 'error', '--max-warnings', '4']).status, 1, '5 warnings are more than 4');
        });
    });

    describe('a line on stderr says which option failed the run', () => {
        it('when warnings exceed --max-warnings or --max-severity, in every format', () => {
            const dir = warningsOnlyWorkspace();
            for (const format of ['pretty', 'json', 'sarif', 'github', 'junit', 'gitlab']) {
                const warnings = runCli(['check', '--max-severity', 'error', '--max-warnings', '0', '-f', format], { cwd: dir });
                assert.equal(warnings.status, 1, format);
                assert.equal(warnings.stderr, 'align: 1 warning, more than --max-warnings 0\n', format);
                const severity = runCli(['check', '--max-severity', 'info', '-f', format], { cwd: dir });
                assert.equal(severity.status, 1, format);
                assert.equal(severity.stderr, 'align: 1 warning above --max-severity info\n', format);
            }
            const both = runCli(['check', '--max-severity', 'info', '--max-warnings', '0', '-f', 'json'], { cwd: dir });
            assert.equal(unwrapped(both.stderr), 'align: 1 warning above --max-severity info; 1 warning, more than --max-warnings 0\n');
            assertFits80(both.stderr);
        });

        it('not when errors fail the run (they say why), nor when it passes', () => {
            assert.equal(runCli(['check', EXAMPLES, '-f', 'json', '--max-warnings', '0']).stderr, '');
            assert.equal(runCli(['check', '--max-warnings', '1'], { cwd: warningsOnlyWorkspace() }).stderr, '');
        });
    });

    describe('--output', () => {
        it('- writes to standard output', () => {
            const dir = warningsOnlyWorkspace();
            const result = runCli(['check', '-f', 'json', '-o', '-'], { cwd: dir });
            assert.equal(result.status, 0, result.stderr);
            assert.deepEqual(result.stdout, runCli(['check', '-f', 'json'], { cwd: dir }).stdout);
            assert.ok(!fs.existsSync(path.join(dir, '-')), 'no file named -');
        });

        it('refuses a file the check reads (an .align file, the settings, the baseline), writing nothing', () => {
            const dir = warningsOnlyWorkspace();
            writeFile(dir, 'align.config.json', '{}\n');
            assert.equal(runCli(['check', '--write-baseline', 'base.json'], { cwd: dir }).status, 0);
            const lonely = fs.readFileSync(path.join(dir, 'lonely.align'), 'utf-8');
            assert.match(assertOneLineFailure(runCli(['check', '-o', 'lonely.align'], { cwd: dir }), '--output lonely.align'), /is a checked \.align file, which it would overwrite; write the output to another file/);
            assert.equal(fs.readFileSync(path.join(dir, 'lonely.align'), 'utf-8'), lonely);
            assertOneLineFailure(runCli(['check', '-f', 'sarif', '-o', './align.config.json'], { cwd: dir }), '--output ./align.config.json: is the settings file');
            assert.equal(fs.readFileSync(path.join(dir, 'align.config.json'), 'utf-8'), '{}\n');
            const base = fs.readFileSync(path.join(dir, 'base.json'), 'utf-8');
            assertOneLineFailure(runCli(['check', '--baseline', 'base.json', '-o', 'base.json'], { cwd: dir }), '--output base.json: is the baseline');
            assert.equal(fs.readFileSync(path.join(dir, 'base.json'), 'utf-8'), base);
        });
    });

    describe('--rule, --max-lagging-kpis, --max-pilot-days', () => {
        let defaults: Finding[];
        before(() => { defaults = checkJson([EXAMPLES], { status: 1 }); });

        it('--rule turns findings off and changes their severity', () => {
            const changed = checkJson([EXAMPLES, '--rule', 'objective-without-kpi=off', '--rule', 'activity-only-link=warning', '--rule', 'pilot-too-long=error'], { status: 1 });
            assert.equal(changed.length, 12);
            assert.deepEqual(only(changed, 'objective-without-kpi'), []);
            assert.deepEqual(only(changed, 'activity-only-link').map(f => f.severity), ['warning']);
            assert.deepEqual(only(changed, 'pilot-too-long').map(f => f.severity), ['error']);
            const untouched = (fs: Finding[]) => fs.filter(f => !['objective-without-kpi', 'activity-only-link', 'pilot-too-long'].includes(f.rule));
            assert.deepEqual(untouched(changed), untouched(defaults));
            const activity = only(changed, 'activity-only-link')[0]!;
            assert.deepEqual({ ...activity, severity: 'error' }, only(defaults, 'activity-only-link')[0], 'only the severity changes');
        });

        it('exits 0 when every error is turned off or down, and the last --rule for an id wins', () => {
            const args = [EXAMPLES, '--rule', 'objective-without-kpi=error', '--rule', 'objective-without-kpi=off', '--rule', 'activity-only-link=info',
                '--rule', 'outcome-not-measurable=warning', '--rule=target-against-direction=off'];
            const findings = checkJson(args, { status: 0 });
            assert.equal(findings.filter(f => f.severity === 'error').length, 0);
            assert.equal(findings.length, 11);
        });

        it('--max-lagging-kpis 1 reports programs with two lagging KPIs', () => {
            const findings = checkJson([EXAMPLES, '--max-lagging-kpis', '1'], { status: 1 });
            const added = keysOf(findings).filter(k => !keysOf(defaults).includes(k));
            assert.deepEqual(added, [
                'test/fixtures/examples/churn-pilot.align:8 too-many-kpis',
                'test/fixtures/examples/onboarding.align:30 too-many-kpis',
            ]);
            assert.equal(findings.length, defaults.length + 2);
            assert.match(only(findings, 'too-many-kpis')[0]!.message, /ChurnPilot.*more than 1/);
            assert.deepEqual(checkJson([EXAMPLES, '--max-lagging-kpis', '2'], { status: 1 }), defaults);
        });

        it('--max-pilot-days changes which pilots are too long', () => {
            const long = checkJson([EXAMPLES, '--max-pilot-days', '200'], { status: 1 });
            assert.deepEqual(only(long, 'pilot-too-long'), []);
            assert.equal(long.length, 12);
            const short = checkJson([EXAMPLES, '--max-pilot-days', '60'], { status: 1 });
            assert.deepEqual(only(short, 'pilot-too-long').map(f => `${f.file}:${f.line}`), [
                'test/fixtures/examples/churn-pilot.align:13', 'test/fixtures/examples/onboarding.align:34',
            ], 'the 60-day pilot of safety.align is not longer than 60');
            assert.match(only(short, 'pilot-too-long')[0]!.message, /90 days, longer than 60/);
        });
    });

    describe('align.config.json', () => {
        it('at the folder root changes severities, and --rule beats it', () => {
            const dir = examplesCopy();
            writeFile(dir, 'align.config.json', JSON.stringify({
                rules: { 'objective-without-practice': 'off', 'pilot-too-long': 'error', 'skill-enables-nothing': 'info' },
            }, null, 2));
            const findings = checkJson(['.'], { cwd: dir, status: 1 });
            assert.deepEqual(only(findings, 'objective-without-practice'), []);
            assert.deepEqual(only(findings, 'pilot-too-long').map(f => f.severity), ['error']);
            assert.deepEqual(only(findings, 'skill-enables-nothing').map(f => f.severity), ['info']);
            assert.equal(findings.length, 12);
            assert.deepEqual(only(findings, 'config-invalid'), []);

            const flagged = checkJson(['.', '--rule', 'pilot-too-long=warning', '--rule', 'objective-without-practice=info'], { cwd: dir, status: 1 });
            assert.deepEqual(only(flagged, 'pilot-too-long').map(f => f.severity), ['warning'], '--rule beats the file');
            assert.deepEqual(only(flagged, 'objective-without-practice').map(f => f.severity), ['info'], '--rule turns back on what the file turned off');
            assert.deepEqual(only(flagged, 'skill-enables-nothing').map(f => f.severity), ['info'], 'the file still applies to the rest');
        });

        it('sets maxPilotDays and maxLaggingKpis, and the flags beat it', () => {
            const dir = examplesCopy();
            writeFile(dir, 'align.config.json', '{ "maxPilotDays": 200, "maxLaggingKpis": 1 }\n');
            const findings = checkJson(['.'], { cwd: dir, status: 1 });
            assert.deepEqual(only(findings, 'pilot-too-long'), []);
            assert.deepEqual(only(findings, 'too-many-kpis').map(f => f.file).sort(), ['churn-pilot.align', 'onboarding.align']);
            const flagged = checkJson(['.', '--max-pilot-days', '100', '--max-lagging-kpis', '3'], { cwd: dir, status: 1 });
            assert.deepEqual(only(flagged, 'pilot-too-long').map(f => f.file), ['onboarding.align']);
            assert.deepEqual(only(flagged, 'too-many-kpis'), []);
        });

        it('is found in the nearest ancestor of the folder given, not in a subfolder', () => {
            const dir = tempDir();
            fs.cpSync(EXAMPLES, path.join(dir, 'ws'), { recursive: true });
            writeFile(dir, 'align.config.json', '{ "rules": { "pilot-too-long": "off" } }');
            writeFile(dir, 'ws/catalog/align.config.json', '{ "rules": { "objective-without-kpi": "off" } }');
            const ws = path.join(dir, 'ws');
            for (const [cwd, args] of [[dir, ['ws']], [ws, ['.']], [ws, ['sales-win-rate.align', 'catalog']], [path.join(ws, 'catalog'), ['..']]] as const) {
                const arg = args.join(' ');
                const findings = checkJson(args, { cwd });
                assert.deepEqual(only(findings, 'pilot-too-long'), [], `${arg}: the ancestor's file applies`);
                assert.equal(only(findings, 'objective-without-kpi').length, 1, `${arg}: a subfolder's file does not`);
            }
        });

        it('--config FILE is used instead of the one at the root', () => {
            const dir = examplesCopy();
            writeFile(dir, 'align.config.json', '{ "rules": { "pilot-too-long": "error" } }');
            writeFile(dir, 'ci/strict.json', '{ "rules": { "skill-enables-nothing": "error" } }');
            const findings = checkJson(['.', '--config', 'ci/strict.json'], { cwd: dir, status: 1 });
            assert.deepEqual(only(findings, 'skill-enables-nothing').map(f => f.severity), ['error']);
            assert.deepEqual(only(findings, 'pilot-too-long').map(f => f.severity), ['info'], 'the root file is not read');
            assert.deepEqual(checkJson(['.', '-c', path.join(dir, 'ci/strict.json')], { cwd: dir }), findings);
        });

        it('--config with a missing file is a usage error (exit 2)', () => {
            const dir = cleanWorkspace();
            assertOneLineFailure(runCli(['check', '.', '--config', 'nope/align.config.json'], { cwd: dir }), 'nope/align.config.json');
        });

        describe('an invalid file gives config-invalid, and the defaults apply', () => {
            const expected13 = keysOf(expectedFindings(EXAMPLES, EXAMPLES));

            function checkWithConfig(config: string): { config: Finding[]; others: Finding[]; dir: string } {
                const dir = examplesCopy();
                writeFile(dir, 'align.config.json', config);
                const findings = checkJson(['.'], { cwd: dir, status: 1 });
                return { config: only(findings, 'config-invalid'), others: findings.filter(f => f.rule !== 'config-invalid'), dir };
            }

            it('for text that is not JSON', () => {
                const { config, others } = checkWithConfig('{\n  "rules": {\n    "pilot-too-long": "off",\n  }\n}\n');
                assert.equal(config.length, 1);
                const [f] = config;
                assert.equal(f!.file, 'align.config.json');
                assert.equal(f!.severity, 'error');
                assert.match(f!.message, /not valid JSON/);
                assert.deepEqual([f!.line, f!.column], [4, 3], 'at the `}` after the trailing comma');
                assert.deepEqual(keysOf(others), expected13, 'pilot-too-long is not turned off: the defaults apply');
            });

            it('for an unknown rule id', () => {
                const { config, others } = checkWithConfig('{\n  "rules": {\n    "no-such-rule": "off"\n  }\n}\n');
                assert.equal(config.length, 1);
                assert.match(config[0]!.message, /no-such-rule/);
                assert.deepEqual([config[0]!.line, config[0]!.column], [3, 5]);
                assert.deepEqual(keysOf(others), expected13);
            });

            it('for an unknown severity', () => {
                const { config, others } = checkWithConfig('{ "rules": { "objective-without-kpi": "loud", "syntax": "off" } }');
                assert.equal(config.length, 2, 'the severity, and `syntax`, which cannot be configured');
                assert.ok(config.some(f => /loud/.test(f.message)), JSON.stringify(config));
                assert.ok(config.some(f => /syntax/.test(f.message)), JSON.stringify(config));
                assert.deepEqual(keysOf(others), expected13);
                assert.deepEqual(only(others, 'objective-without-kpi').map(f => f.severity), ['error'], 'the default severity');
            });

            it('for JSON that is not an object, and exits 1 even on a clean workspace', () => {
                const dir = cleanWorkspace();
                writeFile(dir, 'align.config.json', '["objective-without-kpi"]');
                const findings = checkJson(['.'], { cwd: dir, status: 1 });
                assert.deepEqual(summary(findings), ['align.config.json:1 error config-invalid', 'catalog/metrics.align:39 info metric-unused']);
            });

            it('for a file given with --config, named by its path', () => {
                const dir = cleanWorkspace();
                writeFile(dir, 'settings/ci.json', '{ "maxPilotDays": "ninety" }');
                const findings = checkJson(['.', '--config', 'settings/ci.json'], { cwd: dir, status: 1 });
                assert.deepEqual(summary(findings), ['catalog/metrics.align:39 info metric-unused', 'settings/ci.json:1 error config-invalid']);
                assert.match(only(findings, 'config-invalid')[0]!.message, /maxPilotDays/);
            });
        });
    });

    describe('suppression comments', () => {
        it('`// align-disable-next-line objective-without-kpi` above an objective drops that finding only', () => {
            const dir = examplesCopy();
            const file = path.join(dir, 'sales-win-rate.align');
            const lines = fs.readFileSync(file, 'utf-8').split('\n');
            const objective = lineOf(file, 'objective KnowTheProduct');
            assert.equal(objective, 68);
            lines.splice(objective - 1, 0, '  // align-disable-next-line objective-without-kpi');
            fs.writeFileSync(file, lines.join('\n'));

            const findings = checkJson(['.'], { cwd: dir, status: 1 });
            const expected = expectedFindings(EXAMPLES, EXAMPLES)
                .filter(f => f.rule !== 'objective-without-kpi')
                .map(f => (f.file === 'sales-win-rate.align' && f.line > objective - 1 ? { ...f, line: f.line + 1 } : f));
            assert.deepEqual(keysOf(findings), keysOf(expected));
            assert.equal(findings.length, 12);
        });

        it('drops only the listed rules, only on the next line', () => {
            const dir = cleanWorkspace();
            const file = writeFile(dir, 'more.align', [
                '// align-disable-next-line objective-without-kpi, objective-without-practice',
                'objective Quiet "Suppressed twice"',
                '// align-disable-next-line objective-without-practice',
                'objective HalfQuiet "Only its practice finding is suppressed"',
                'objective Loud "Nothing suppressed"',
                '// align-disable-next-line metric-unused',
                '',
                'objective AlsoLoud "The comment is two lines above"',
                '',
            ].join('\n'));
            const findings = checkJson(['.'], { cwd: dir, status: 1 }).filter(f => f.file === 'more.align');
            assert.deepEqual(findings.map(f => `${f.line} ${f.rule}`), [
                '4 objective-without-kpi',
                '5 objective-without-kpi', '5 objective-without-practice',
                '8 objective-without-kpi', '8 objective-without-practice',
            ]);
            assert.equal(findings[0]!.column, columnOf(file, 4, 'HalfQuiet'));
        });

        it('are applied after --rule', () => {
            const dir = cleanWorkspace();
            writeFile(dir, 'more.align', '// align-disable-next-line skill-enables-nothing\nskill Lonely "Nobody needs it"\n');
            const findings = checkJson(['.', '--rule', 'skill-enables-nothing=error'], { cwd: dir, status: 0 });
            assert.deepEqual(summary(findings), ['catalog/metrics.align:39 info metric-unused']);
        });
    });
});
