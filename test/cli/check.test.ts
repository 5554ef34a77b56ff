/**
 * `align check` on the bundled example workspace, through the built bundle:
 * the JSON contract of language.md ("Machine output") and every format.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../language/rules.js';
import {
    ANSI, BIN, EXAMPLES, REPO_ROOT, assertOneLineFailure, checkJson, cliEnv, expectedFindings, isSortedByFileLineColumn, keysOf,
    linesOf, parseFindings, removeTempDirs, requireBundle, runCli, tempDir, type Finding,
} from './run-cli.js';
import { multitoolProblems, MULTITOOL_TIMEOUT, requireMultitool } from './sarif-multitool.js';
import { elementsNamed, parseXml } from './xml.js';
import { withoutEscapes } from './in-terminal.js';

const EXAMPLES_REL = path.relative(REPO_ROOT, EXAMPLES).split(path.sep).join('/');
const SUMMARY = '13 problems (4 errors, 5 warnings, 4 infos) in 3 of 5 files';
const DEFAULT_SEVERITY = new Map<string, string>(ALL_RULES.map(r => [r.id, r.defaultSeverity]));

describe('align check on the examples', () => {
    before(requireBundle);
    after(removeTempDirs);

    /** The findings with the default settings, from the repository root; read once. */
    let fromRoot: Finding[];
    before(() => {
        fromRoot = checkJson([EXAMPLES_REL], { status: 1 });
    });

    describe('align check --format json on the examples', () => {
        it('equals exactly the findings the // expect: comments list (13, 4 errors)', () => {
            const expected = expectedFindings(EXAMPLES, REPO_ROOT);
            assert.equal(expected.length, 13, 'the fixtures list 13 findings');
            assert.deepEqual(keysOf(fromRoot), keysOf(expected));
            assert.equal(fromRoot.filter(f => f.severity === 'error').length, 4);
            assert.equal(fromRoot.filter(f => f.severity === 'warning').length, 5);
            assert.equal(fromRoot.filter(f => f.severity === 'info').length, 4);
        });

        it('gives each finding its rule\'s default severity and a message', () => {
            for (const f of fromRoot) {
                assert.equal(f.severity, DEFAULT_SEVERITY.get(f.rule), `${f.file}:${f.line} ${f.rule}`);
                assert.ok(f.message.length > 20, `a message that says what to do: ${f.message}`);
            }
        });

        it('is sorted by file, line, column', () => {
            assert.ok(isSortedByFileLineColumn(fromRoot), JSON.stringify(fromRoot.map(f => `${f.file}:${f.line}:${f.column}`)));
            assert.deepEqual([...new Set(fromRoot.map(f => f.file))], [
                `${EXAMPLES_REL}/onboarding.align`, `${EXAMPLES_REL}/safety.align`, `${EXAMPLES_REL}/sales-win-rate.align`,
            ]);
        });

        it('has 1-based columns that mark the right text', () => {
            const marked = (f: Finding): string => {
                assert.equal(f.endLine, f.line, `${f.rule} marks one line`);
                const text = fs.readFileSync(path.join(REPO_ROOT, f.file), 'utf-8').split(/\r?\n/)[f.line - 1]!;
                return text.slice(f.column - 1, f.endColumn - 1);
            };
            const byRule = (rule: string): Finding => {
                const found = fromRoot.find(f => f.rule === rule);
                assert.ok(found, rule);
                return found;
            };
            assert.equal(marked(byRule('objective-without-kpi')), 'KnowTheProduct');
            assert.equal(marked(byRule('activity-only-link')), 'CompleteModules');
            assert.equal(marked(byRule('unexplained-kpi-link')), 'WinRate');
            assert.equal(marked(byRule('pilot-too-long')), '120 days');
            assert.equal(marked(byRule('outcome-not-measurable')), 'FasterRampUp');
            assert.match(marked(byRule('target-against-direction')), /^target /);
            const knowTheProduct = byRule('objective-without-kpi');
            assert.deepEqual([knowTheProduct.line, knowTheProduct.column, knowTheProduct.endColumn], [68, 13, 27]);
            for (const f of fromRoot) {
                const text = marked(f);
                assert.ok(text.length > 0 && text.trim() === text, `${f.file}:${f.line}:${f.column} ${f.rule} marks '${text}'`);
            }
        });

        it('writes `file` relative to the current folder', () => {
            const inside = checkJson(['.'], { cwd: EXAMPLES, status: 1 });
            assert.deepEqual(keysOf(inside), keysOf(expectedFindings(EXAMPLES, EXAMPLES)));
            assert.ok(inside.every(f => !f.file.startsWith('.') && !path.isAbsolute(f.file)), 'plain relative paths');
            assert.deepEqual(
                inside.map(f => ({ ...f, file: `${EXAMPLES_REL}/${f.file}` })),
                fromRoot,
                'the same findings, only the paths differ');

            const fromTest = checkJson([EXAMPLES], { cwd: path.join(REPO_ROOT, 'test', 'unit'), status: 1 });
            assert.ok(fromTest.every(f => f.file.startsWith('../fixtures/examples/')), JSON.stringify(fromTest.map(f => f.file)));
            assert.equal(fromTest.length, 13);
        });

        it('does not depend on the order or repetition of the paths', () => {
            const files = ['sales-win-rate.align', 'catalog', 'onboarding.align', 'safety.align', 'churn-pilot.align', '.', 'catalog/metrics.align'];
            const shuffled = checkJson(files, { cwd: EXAMPLES, status: 1 });
            assert.deepEqual(shuffled, checkJson(['.'], { cwd: EXAMPLES, status: 1 }));
        });

        it('prints exactly `[]` when nothing is found', () => {
            const dir = tempDir();
            fs.cpSync(path.join(EXAMPLES, 'churn-pilot.align'), path.join(dir, 'churn-pilot.align'));
            fs.cpSync(path.join(EXAMPLES, 'catalog'), path.join(dir, 'catalog'), { recursive: true });
            const result = runCli(['check', '.', '--format', 'json', '--rule', 'metric-unused=off'], { cwd: dir });
            assert.equal(result.status, 0);
            assert.equal(result.stdout, '[]\n');
        });
    });

    describe('align check --format pretty', () => {
        it('prints a summary line, every finding, and no ANSI codes when not a terminal', () => {
            const result = runCli(['check', EXAMPLES_REL]);
            assert.equal(result.status, 1);
            assert.equal(result.stderr, '');
            assert.doesNotMatch(result.stdout, ANSI);
            const lines = linesOf(result.stdout);
            assert.match(lines.at(-1)!, new RegExp(`^\\S* ?${SUMMARY.replace(/[()]/g, '\\$&')}$`));
            // Rows: a first line with position and severity, continuation lines indented further, the rule id last.
            const rows = lines.reduce<string[][]>((all, l) => /^ {2}\d+:\d+ /.test(l) ? [...all, [l]] : /^ {3,}\S/.test(l) && all.length > 0 ? [...all.slice(0, -1), [...all.at(-1)!, l]] : all, []);
            for (const f of fromRoot) {
                assert.ok(rows.some(r => r[0]!.startsWith(`  ${f.line}:${f.column} `) && r[0]!.includes(f.severity) && r.at(-1)!.trimEnd().endsWith(f.rule)),
                    `a row for ${f.file}:${f.line}:${f.column} ${f.rule}`);
            }
            // Not a terminal: 80 columns, wider only for a word that cannot break (a URL).
            for (const line of lines) assert.ok(line.length <= 80 || !line.trim().includes(' '), `wider than 80 columns: ${line}`);
            for (const file of new Set(fromRoot.map(f => f.file))) assert.ok(lines.includes(file), `a heading for ${file}`);
        });

        it('is the default format', () => {
            assert.equal(runCli(['check', EXAMPLES_REL]).stdout, runCli(['check', EXAMPLES_REL, '--format', 'pretty']).stdout);
        });

        it('colours with --color; of --color and --no-color, the last one given wins', () => {
            const colored = runCli(['check', EXAMPLES_REL, '--color']);
            assert.equal(colored.status, 1);
            assert.match(colored.stdout, ANSI);
            // Colour and OSC 8 hyperlinks (rule ids link to their documentation pages) wrap the same text.
            assert.match(colored.stdout, /\x1b\]8;;https:\/\/[^\x1b]*docs\/rules\/objective-without-kpi\.md\x1b\\objective-without-kpi\x1b\]8;;\x1b\\/);
            // The rule docs: the ids after the address are links too.
            const docs = colored.stdout.slice(colored.stdout.indexOf('Rule docs:'));
            for (const id of ['activity-only-link', 'unexplained-kpi-link']) assert.ok(docs.includes(`\x1b]8;;https://github.com/align-lang/align/blob/main/docs/rules/${id}.md\x1b\\${id}\x1b]8;;\x1b\\`), `${id} links to its page`);
            const plain = withoutEscapes(colored.stdout);
            assert.equal(plain, runCli(['check', EXAMPLES_REL]).stdout, 'the same text under the colour');
            assert.doesNotMatch(runCli(['check', EXAMPLES_REL, '--color', '--no-color']).stdout, ANSI);
            assert.equal(runCli(['check', EXAMPLES_REL, '--no-color', '--color']).stdout, colored.stdout);
            assert.doesNotMatch(runCli(['check', EXAMPLES_REL, '-f', 'pretty'], { env: { NO_COLOR: '1' } }).stdout, ANSI);
        });

        it('honours FORCE_COLOR (1, 2, 3, true: on without a terminal; 0, false: off) after --color / --no-color, before NO_COLOR', () => {
            const pretty = (env: NodeJS.ProcessEnv, ...flags: string[]) => runCli(['check', EXAMPLES_REL, ...flags], { env }).stdout;
            for (const on of ['1', '2', '3', 'true']) assert.match(pretty({ FORCE_COLOR: on }), ANSI, `FORCE_COLOR=${on}`);
            assert.match(pretty({ FORCE_COLOR: '1', NO_COLOR: '1' }), ANSI, 'FORCE_COLOR beats NO_COLOR');
            assert.doesNotMatch(pretty({ FORCE_COLOR: '1' }, '--no-color'), ANSI, '--no-color beats FORCE_COLOR');
            for (const off of ['0', 'false']) {
                assert.doesNotMatch(pretty({ FORCE_COLOR: off }), ANSI, `FORCE_COLOR=${off}`);
                assert.match(pretty({ FORCE_COLOR: off }, '--color'), ANSI, `--color beats FORCE_COLOR=${off}`);
            }
            const report = path.join(tempDir(), 'report.txt');
            assert.equal(runCli(['check', EXAMPLES_REL, '-o', report], { env: { FORCE_COLOR: '1' } }).status, 1);
            assert.doesNotMatch(fs.readFileSync(report, 'utf-8'), ANSI, 'a report file stays plain');
        });

        it('colours by default on a terminal, unless NO_COLOR or --no-color', function () {
            if (spawnSync('script', ['--version'], { encoding: 'utf-8' }).status !== 0) this.skip();
            const onTerminal = (extra: string, env: NodeJS.ProcessEnv = {}) => {
                const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} check ${EXAMPLES_REL} ${extra}`;
                return spawnSync('script', ['-qec', command, '/dev/null'], { cwd: REPO_ROOT, encoding: 'utf-8', env: cliEnv(env), timeout: 50_000 });
            };
            const colored = onTerminal('');
            assert.equal(colored.status, 1, 'script passes the exit status on');
            assert.match(colored.stdout, ANSI);
            assert.match(colored.stdout, /13 problems/);
            assert.doesNotMatch(onTerminal('--no-color').stdout, ANSI);
            assert.doesNotMatch(onTerminal('', { NO_COLOR: '1' }).stdout, ANSI);
        });

        it('says when there is no problem', () => {
            const dir = tempDir();
            fs.writeFileSync(path.join(dir, 'empty.align'), '// nothing yet\n');
            const result = runCli(['check', '.'], { cwd: dir });
            assert.equal(result.status, 0);
            assert.match(result.stdout, /No problems in 1 file\n$/);
        });
    });

    describe('file names with spaces, commas, colons and #', () => {
        it('are written as they are in JSON, escaped in github, percent-encoded in SARIF', () => {
            const dir = tempDir();
            fs.mkdirSync(path.join(dir, 'my team'));
            fs.writeFileSync(path.join(dir, 'my team', 'q1, plan: #2.align'), 'objective Lost "Lost"\n');
            const json = checkJson(['.'], { cwd: dir, status: 1 });
            assert.deepEqual([...new Set(json.map(f => f.file))], ['my team/q1, plan: #2.align']);
            const github = linesOf(runCli(['check', '.', '-f', 'github'], { cwd: dir }).stdout);
            assert.equal(github.length, json.length);
            assert.ok(github.every(l => l.includes('file=my team/q1%2C plan%3A #2.align,line=1,')), github.join('\n'));
            const sarif = JSON.parse(runCli(['check', '.', '-f', 'sarif'], { cwd: dir }).stdout);
            const uris = sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
            assert.deepEqual([...new Set(uris)], ['my%20team/q1%2C%20plan%3A%20%232.align']);
            assert.equal(decodeURIComponent(uris[0]), json[0]!.file);
        });
    });

    describe('align check --format sarif', () => {
        let sarifFile: string;
        let log: any;
        before(() => {
            sarifFile = path.join(tempDir(), 'align.sarif');
            const result = runCli(['check', EXAMPLES_REL, '--format', 'sarif', '--output', sarifFile]);
            assert.equal(result.status, 1);
            assert.equal(result.stdout, '');
            log = JSON.parse(fs.readFileSync(sarifFile, 'utf-8'));
        });

        it('is a SARIF 2.1.0 log with one run and the 13 results', () => {
            assert.equal(log.version, '2.1.0');
            assert.equal(log.runs.length, 1);
            const run = log.runs[0];
            assert.equal(run.tool.driver.name, 'align');
            assert.equal(run.results.length, 13);
            const levels: Record<string, string> = { error: 'error', warning: 'warning', info: 'note' };
            run.results.forEach((r: any, i: number) => {
                const f = fromRoot[i]!;
                assert.equal(r.ruleId, f.rule);
                assert.equal(r.level, levels[f.severity]);
                assert.equal(r.message.text, f.message);
                assert.equal(run.tool.driver.rules[r.ruleIndex].id, f.rule, 'ruleIndex points at the rule');
                const location = r.locations[0].physicalLocation;
                assert.equal(location.artifactLocation.uri, f.file);
                assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
                assert.deepEqual(location.region, { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
            });
            for (const rule of ALL_RULES) assert.ok(run.tool.driver.rules.some((d: any) => d.id === rule.id), `metadata of ${rule.id}`);
        });

        it('prints the same log on stdout without --output', () => {
            const result = runCli(['check', EXAMPLES_REL, '--format', 'sarif']);
            assert.equal(result.status, 1);
            assert.deepEqual(JSON.parse(result.stdout), log);
        });

        it('passes the SARIF Multitool validator (rules Gh and Sarif) with no error or warning', function () {
            this.timeout(MULTITOOL_TIMEOUT + 10_000);
            requireMultitool(this);
            assert.deepEqual(multitoolProblems(sarifFile), []);
        });
    });

    describe('align check --format github', () => {
        it('prints one workflow command per finding, in order', () => {
            const result = runCli(['check', EXAMPLES_REL, '--format', 'github']);
            assert.equal(result.status, 1);
            assert.equal(result.stderr, '');
            const lines = linesOf(result.stdout);
            assert.equal(lines.length, 13);
            const commands: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice' };
            lines.forEach((line, i) => {
                const f = fromRoot[i]!;
                const m = /^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([a-z-]+)::(.+)$/.exec(line);
                assert.ok(m, `a workflow command: ${line}`);
                assert.deepEqual(m.slice(1, 8), [commands[f.severity], f.file, String(f.line), String(f.column), String(f.endLine), String(f.endColumn), f.rule]);
                assert.equal(m[8], f.message.replace(/%/g, '%25'));
            });
            assert.equal(lines.filter(l => l.startsWith('::error ')).length, 4);
            assert.equal(lines.filter(l => l.startsWith('::warning ')).length, 5);
            assert.equal(lines.filter(l => l.startsWith('::notice ')).length, 4);
        });

        it('prints nothing for a clean workspace', () => {
            const dir = tempDir();
            fs.writeFileSync(path.join(dir, 'empty.align'), '');
            const result = runCli(['check', '.', '--format', 'github'], { cwd: dir });
            assert.equal(result.status, 0);
            assert.equal(result.stdout, '');
        });
    });

    describe('align check --format junit', () => {
        it('is well-formed XML with the counts of the findings', () => {
            const result = runCli(['check', EXAMPLES_REL, '--format', 'junit']);
            assert.equal(result.status, 1);
            assert.ok(result.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>'));
            const root = parseXml(result.stdout);
            assert.equal(root.name, 'testsuites');
            const suites = elementsNamed(root, 'testsuite');
            assert.equal(suites.length, 1);
            const cases = elementsNamed(root, 'testcase');
            assert.equal(cases.length, 13);
            const failures = elementsNamed(root, 'failure');
            assert.equal(failures.length, 9, 'errors and warnings fail; infos pass');
            for (const element of [root, suites[0]!]) {
                assert.equal(element.attributes['tests'], '13');
                assert.equal(element.attributes['failures'], '9');
                assert.equal(element.attributes['errors'], '0');
            }
            cases.forEach((c, i) => {
                const f = fromRoot[i]!;
                assert.equal(c.attributes['classname'], f.file);
                assert.equal(c.attributes['file'], f.file);
                assert.ok(c.attributes['name']!.startsWith(`${f.rule}: `), c.attributes['name']);
                assert.doesNotMatch(c.attributes['name']!, /\bat \d+:\d+|\b${f.line}\b/, 'no line in the name');
                const failure = c.children.find(e => e.name === 'failure');
                if (f.severity === 'info') assert.equal(failure, undefined);
                else {
                    assert.equal(failure?.attributes['type'], f.severity);
                    assert.equal(failure?.attributes['message'], f.message, 'entities decode to the message');
                }
            });
        });
    });

    describe('align check --output FILE', () => {
        it('writes the report to the file and prints nothing', () => {
            const dir = tempDir();
            for (const format of ['json', 'pretty', 'github', 'junit'] as const) {
                const out = path.join(dir, `report.${format}`);
                const result = runCli(['check', EXAMPLES_REL, '--format', format, '--output', out]);
                assert.equal(result.status, 1, format);
                assert.equal(result.stdout, '', `${format}: nothing on stdout`);
                assert.equal(result.stderr, '', `${format}: nothing on stderr`);
                assert.equal(fs.readFileSync(out, 'utf-8'), runCli(['check', EXAMPLES_REL, '--format', format]).stdout, `${format}: the same text`);
            }
            assert.deepEqual(parseFindings(fs.readFileSync(path.join(dir, 'report.json'), 'utf-8')), fromRoot);
            assert.doesNotMatch(fs.readFileSync(path.join(dir, 'report.pretty'), 'utf-8'), ANSI, 'no colour in a file');
        });

        it('accepts -o and --output=FILE, and replaces an existing file', () => {
            const dir = tempDir();
            const out = path.join(dir, 'out.json');
            fs.writeFileSync(out, 'old content that is longer than nothing'.repeat(1000));
            assert.equal(runCli(['check', EXAMPLES_REL, '-f', 'json', '-o', out]).stdout, '');
            assert.deepEqual(parseFindings(fs.readFileSync(out, 'utf-8')), fromRoot);
            fs.rmSync(out);
            assert.equal(runCli(['check', EXAMPLES_REL, '--format=json', `--output=${out}`]).stdout, '');
            assert.deepEqual(parseFindings(fs.readFileSync(out, 'utf-8')), fromRoot);
        });

        it('makes the folder of the file when it is missing; fails with one line when a file is in its way, and writes nothing', () => {
            const dir = tempDir();
            const out = path.join(dir, 'missing', 'report.json');
            assert.equal(runCli(['check', EXAMPLES_REL, '--format', 'json', '--output', out]).stdout, '');
            assert.deepEqual(parseFindings(fs.readFileSync(out, 'utf-8')).length > 0, true);
            const blocked = path.join(out, 'again.json');
            assertOneLineFailure(runCli(['check', EXAMPLES_REL, '--format', 'json', '--output', blocked]), '--output', 'a file is in the way of its folder');
            assert.equal(fs.existsSync(blocked), false);
        });
    });
});
