/**
 * `align --help`, `align check --help` and `align --version`, through the built bundle.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../language/rules.js';
import { FORMATS } from '../../cli/check-formats/types.js';
import { closest } from '../../language/text/suggest.js';
import { COMMANDS } from '../../cli/help.js';
import { assertOneLineFailure, REPO_ROOT, requireBundle, runCli } from './run-cli.js';

describe('align help and version', () => {
    before(requireBundle);

    const VERSION: string = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf-8')).version;

    describe('align --help', () => {
        for (const args of [['--help'], ['-h'], ['help']]) {
            it(`${args.join(' ')} prints the commands and exits 0`, () => {
                const result = runCli(args);
                assert.equal(result.status, 0);
                assert.equal(result.stderr, '');
                assert.match(result.stdout, /^Usage: align <command>/);
                assert.match(result.stdout, /^\s+check \[paths\.\.\.\]/m);
                assert.match(result.stdout, /--version/);
            });
        }
    });

    describe('align check --help', () => {
        // `-hf json`: -h in a group of short options (it was an unknown option '-h').
        for (const args of [['check', '--help'], ['check', '-h'], ['help', 'check'], ['check', '.', '--format', 'json', '--help'], ['check', '-hf', 'json'], ['check', '-hfjson']]) {
            it(`${args.join(' ')} lists every option, format and rule id, and exits 0`, () => {
                const result = runCli(args);
                assert.equal(result.status, 0);
                assert.equal(result.stderr, '');
                const help = result.stdout;
                assert.match(help, /^Usage: align check/);
                for (const rule of RULES) {
                    assert.match(help, new RegExp(`^\\s+${rule.id}\\s+${rule.defaultSeverity}\\s`, 'm'), `${rule.id} with its default severity`);
                }
                for (const format of FORMATS) assert.ok(help.includes(format), format);
                for (const option of ['--format', '--output', '--config', '--rule', '--max-warnings', '--max-severity', '--max-lagging-kpis', '--max-pilot-days', '--color', '--no-color']) {
                    assert.ok(help.includes(option), option);
                }
            });
        }

        it('does not run the check', () => {
            for (const args of [['check', 'no-such-folder', '--help'], ['check', 'no-such-folder', '-hf', 'json']]) {
                const result = runCli(args);
                assert.equal(result.status, 0, args.join(' '));
                assert.match(result.stdout, /^Usage: align check/, args.join(' '));
            }
        });

        it('-fh reads h as the format, as POSIX groups say: a usage error, not the help', () => {
            const result = runCli(['check', '-fh']);
            assert.equal(result.status, 2);
            assert.match(result.stderr, /unknown format 'h'/);
        });
    });

    describe('align help --help', () => {
        for (const args of [['help', '--help'], ['help', '-h'], ['help', 'help']]) {
            it(`${args.join(' ')} explains the help command and exits 0`, () => {
                const result = runCli(args);
                assert.equal(result.status, 0, result.stderr);
                assert.equal(result.stderr, '');
                assert.match(result.stdout, /^Usage: align help \[command\]/);
                assert.match(result.stdout, /^Commands: check, graph, report, init, fmt, pull, diff, help$/m);
            });
        }
    });

    describe('did you mean', () => {
        const cases: Array<[string[], string]> = [
            [['chek', '.'], "unknown command 'chek'; did you mean 'check'?"],
            [['Check'], "unknown command 'Check'; did you mean 'check'?"],
            [['grpah'], "unknown command 'grpah'; did you mean 'graph'?"],
            [['help', 'reprot'], "help: unknown command 'reprot'; did you mean 'report'?"],
            [['--verison'], "unknown option '--verison'; did you mean '--version'?"],
            [['check', '--formt', 'json'], "unknown option '--formt'; did you mean '--format'?"],
            [['check', '--max-warning', '3'], "unknown option '--max-warning'; did you mean '--max-warnings'?"],
            [['fmt', '--chek'], "unknown option '--chek'; did you mean '--check'?"],
            [['report', '--out', 'r.md'], "unknown option '--out'; did you mean '--output'?"],
            [['rep'], "unknown command 'rep'; did you mean 'report'?"],
            [['check', '--max-sev', 'error'], "unknown option '--max-sev'; did you mean '--max-severity'?"],
            [['check', '--format', 'jsno'], "unknown format 'jsno'; did you mean 'json'?"],
            [['graph', '--format', 'mermiad'], "unknown format 'mermiad'; did you mean 'mermaid'?"],
            [['check', '--rule', 'objective-without-kpis=off'], "unknown rule id 'objective-without-kpis'; did you mean 'objective-without-kpi'?"]
        ];
        for (const [args, message] of cases) {
            it(`align ${args.join(' ')}: ${message}`, () => {
                assertOneLineFailure(runCli(args, { cwd: REPO_ROOT }), message);
            });
        }

        it('an unknown option of any command ends with that command\'s help pointer, as an unknown command ends with align\'s', () => {
            for (const command of COMMANDS.filter(c => c !== 'help')) {
                const line = assertOneLineFailure(runCli([command, '--bogus'], { cwd: REPO_ROOT }), `align: unknown option '--bogus'`);
                assert.ok(line.endsWith(` (see align ${command} --help)`), line);
            }
            assert.equal(assertOneLineFailure(runCli(['check', '--formt', 'json'], { cwd: REPO_ROOT })), "align: unknown option '--formt'; did you mean '--format'? (see align check --help)");
            assert.ok(assertOneLineFailure(runCli(['--bogus'])).endsWith('(see align --help)'));
        });

        it('suggests nothing for a word that is not close to any', () => {
            const line = assertOneLineFailure(runCli(['deploy']), "unknown command 'deploy'");
            assert.doesNotMatch(line, /did you mean/);
            assert.equal(closest('xyz', ['check', 'graph']), undefined);
            assert.equal(closest('fm', ['check', 'fmt']), 'fmt');
            assert.equal(closest('ab', ['check', 'fmt']), undefined);
            assert.equal(closest('--max', ['--max-warnings', '--max-severity']), undefined, 'a beginning of two is not suggested');
            assert.equal(closest('--o', ['--output', '--other']), undefined, 'nor one of fewer than three letters');
            assert.equal(closest('Churn', ['ChurnPilot', 'ChurnPilot', 'SalesWinRate']), 'ChurnPilot', 'a name listed twice is one candidate');
            // Every letter is one edit from every other: a one-letter option gets a suggestion only for its case.
            for (const letter of ['-x', '-z', '-v', '-d']) {
                assert.doesNotMatch(assertOneLineFailure(runCli(['check', letter], { cwd: REPO_ROOT }), `unknown option '${letter}'`), /did you mean/);
            }
            assert.equal(closest('-F', ['-f', '-o', '--format']), '-f');
        });
    });

    describe('fits an 80-column terminal', () => {
        for (const args of [['--help'], ...COMMANDS.map(c => [c, '--help'])]) {
            it(`align ${args.join(' ')}: no line over 80 columns, nothing left unfilled`, () => {
                const result = runCli(args);
                assert.equal(result.status, 0, result.stderr);
                const long = result.stdout.split('\n').filter(line => line.length > 80);
                assert.deepEqual(long, []);
                assert.doesNotMatch(result.stdout, /\$\{[A-Z_]+\}/, "a constant left in the template");
            });
        }

        for (const command of ['check', 'graph', 'report', 'init', 'fmt', 'pull', 'diff']) {
            it(`align ${command} --help says its exit status`, () => {
                assert.match(runCli([command, '--help']).stdout, /\n\nExit status: 0 /);
            });
        }

        for (const command of ['graph', 'report', 'diff']) {
            it(`align ${command} --help lists the workspace options`, () => {
                const help = runCli([command, '--help']).stdout;
                for (const option of ['--config FILE', '--rule ID=SEVERITY', '--max-lagging-kpis N', '--max-pilot-days N']) assert.ok(help.includes(option), option);
            });
        }

        it('keeps each rule on a line that starts with its id and severity, its description wrapped beneath', () => {
            const lines = runCli(['check', '--help']).stdout.split('\n');
            const first = lines.findIndex(line => /^\s+isolation-invalid\s+error\s/.test(line));
            assert.ok(first >= 0);
            const column = lines[first]!.indexOf('An ');
            assert.match(lines[first + 1]!, new RegExp(`^ {${column}}\\S`), 'the continuation starts under the description');
        });
    });

    describe('align --version', () => {
        for (const flag of ['--version', '-v']) {
            it(`${flag} prints the version of package.json and exits 0`, () => {
                const result = runCli([flag]);
                assert.equal(result.status, 0);
                assert.equal(result.stdout, `${VERSION}\n`);
                assert.equal(result.stderr, '');
            });
        }

        it('is the tool version in SARIF', () => {
            const result = runCli(['check', 'test/fixtures/examples', '--format', 'sarif']);
            const driver = JSON.parse(result.stdout).runs[0].tool.driver;
            assert.equal(driver.version, VERSION);
        });
    });
});
