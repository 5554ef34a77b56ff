/**
 * What `align check` does with bad input, through the built bundle: usage
 * errors and missing paths exit 2 with one message on stderr (wrapped to
 * 80 columns) and no stack trace; broken Align source, a file that is not
 * Align source (binary, not UTF-8, unreadable) and broken actuals are
 * findings (exit 1).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gitRepo, HAS_GIT } from './git-repo.js';
import {
    BIN, EXAMPLES, REPO_ROOT, assertOneLineFailure, cliEnv, checkJson, columnOf, copyExamples, keysOf, lineOf, linesOf, parseFindings, removeTempDirs,
    requireBundle, runCli, tempDir, unwrapped, writeFile, type CliResult, type Finding,
} from './run-cli.js';
import { copyForNobody, isRoot, runAsNobody } from '../as-nobody.js';

describe('align check with bad input', () => {
    before(requireBundle);
    afterEach(removeTempDirs);

    /**
     * Runs as a user that `chmod 000` applies to: `nobody` when the tests
     * run as root, from a copy of the bundle it can read (the checkout and
     * Node may sit where it cannot); the copy goes with the test's folders.
     */
    function runAsUnprivileged(args: string[], cwd: string): CliResult {
        if (!isRoot) return runCli(args, { cwd });
        const copy = copyForNobody('align-check-cli-', REPO_ROOT, ['bin/align.cjs', 'out/cli.cjs', 'package.json']);
        if (typeof copy === 'string') assert.fail(`cannot run as nobody: ${copy}`);
        return runAsNobody(copy, 'bin/align.cjs', args, cwd, cliEnv());
    }

    it('a named pipe given by name is refused at once (exit 2, one line); in a folder it is skipped', () => {
        const dir = tempDir();
        writeFile(dir, 'real.align', 'outcome Out "Out" {\n  owner "COO"\n}\n');
        const made = spawnSync('mkfifo', [path.join(dir, 'pipe.align')]);
        assert.equal(made.status, 0, `mkfifo: ${String(made.stderr)}`);
        for (const command of ['check', 'graph', 'fmt']) {
            assertOneLineFailure(runCli([command, 'pipe.align'], { cwd: dir, timeout: 20_000 }), 'pipe.align: is not a regular file');
        }
        const folder = runCli(['check', '.'], { cwd: dir, timeout: 20_000 });
        assert.ok(folder.status === 0 || folder.status === 1, folder.stderr);
        assert.match(folder.stdout, / in 1 file\n$/);
    });

    /** A temp folder that `nobody` may enter (mkdtemp makes it 0700). */
    function sharedTempDir(): string {
        const dir = tempDir();
        fs.chmodSync(dir, 0o755);
        return dir;
    }

    describe('usage errors: exit 2, one line on stderr', () => {
        const cases: [string, string[], string[]][] = [
            ['an unknown option', ['check', '--frobnicate'], ['--frobnicate']],
            ['an unknown short option', ['check', '-z'], ['-z']],
            ['an unknown option before the command', ['--frobnicate'], ['--frobnicate']],
            ['an unknown command', ['chekc', '.'], ['chekc']],
            ['an unknown format', ['check', '--format', 'xml'], ['--format', 'xml']],
            ['a format without its value', ['check', '--format'], ['--format']],
            ['an unknown rule id', ['check', '--rule', 'nonsense=error'], ['--rule', 'nonsense']],
            ['a rule that cannot be configured', ['check', '--rule', 'syntax=off'], ['--rule', 'syntax']],
            ['an unknown severity', ['check', '--rule', 'metric-unused=loud'], ['--rule', 'metric-unused=loud']],
            ['a severity with more after it', ['check', '--rule', 'metric-unused=error=x'], ['--rule', 'metric-unused=error=x']],
            ['a rule without a severity', ['check', '--rule', 'metric-unused'], ['--rule', 'metric-unused']],
            ['--rule without its value', ['check', '--rule'], ['--rule']],
            ['--max-warnings abc', ['check', '--max-warnings', 'abc'], ['--max-warnings', 'abc']],
            ['--max-warnings 1.5', ['check', '--max-warnings', '1.5'], ['--max-warnings', '1.5']],
            ['--max-warnings -1 (a value that looks like an option)', ['check', '--max-warnings', '-1'], ['--max-warnings']],
            ['--max-warnings=-1', ['check', '--max-warnings=-1'], ['--max-warnings', '-1']],
            ['--max-pilot-days ninety', ['check', '--max-pilot-days', 'ninety'], ['--max-pilot-days', 'ninety']],
            ['--max-lagging-kpis ""', ['check', '--max-lagging-kpis', ''], ['--max-lagging-kpis']],
            ['--max-severity loud', ['check', '--max-severity', 'loud'], ['--max-severity', 'loud']],
            ['--color with a value', ['check', '--color=yes'], ['--color']],
        ];
        for (const [name, args, mentions] of cases) {
            it(name, () => {
                assertOneLineFailure(runCli(args, { cwd: EXAMPLES }), ...mentions);
            });
        }

        it('--rule with a built-in or unknown id: the reason align.config.json gives for the same id', () => {
            const ids = ['syntax', 'unresolved-reference', 'metric-unsued', 'nonsense'];
            const dir = tempDir();
            writeFile(dir, 'align.config.json', `{ "rules": { ${ids.map(id => `"${id}": "off"`).join(', ')} } }\n`);
            writeFile(dir, 'a.align', 'skill S "s"\n');
            const fromConfig = checkJson(['.'], { cwd: dir, status: 1 }).filter(f => f.rule === 'config-invalid').map(f => f.message);
            for (const id of ids) {
                const line = assertOneLineFailure(runCli(['check', '--rule', `${id}=off`], { cwd: EXAMPLES }));
                assert.ok(line.includes(`'${id}'`), `the CLI quotes as it does elsewhere: ${line}`);
                // The same words; the CLI quotes ids with ', JSON's "".
                const reason = line.replace(`align: --rule ${id}=off: `, '').replaceAll("'", '"');
                assert.ok(fromConfig.some(m => m.includes(reason)), `'${reason}' is what align.config.json says: ${fromConfig.join(' | ')}`);
            }
            assert.match(fromConfig.join('\n'), /rule "syntax" is built in and cannot be configured; remove it/);
        });

        it('an option without its value, or with one it does not take: named in the CLI\'s words', () => {
            const cases: [string[], string][] = [
                [['check', '--format'], "option '--format' needs a value"],
                [['check', '.', '-f'], "option '--format' needs a value"],
                [['graph', '--focus'], "option '--focus' needs a value"],
                [['init', '--title'], "option '--title' needs a value"],
                [['check', '--color=yes'], "option '--color' takes no value"],
            ];
            for (const [args, message] of cases) {
                assert.equal(runCli(args, { cwd: EXAMPLES }).stderr, `align: ${message}\n`, args.join(' '));
            }
        });

        it('no command: the usage on stderr, nothing on stdout', () => {
            const result = runCli([]);
            assert.equal(result.status, 2);
            assert.equal(result.stdout, '');
            assert.match(result.stderr, /^Usage: align <command>/);
        });

        it('a usage error is reported before any file is read', () => {
            const dir = tempDir();
            writeFile(dir, 'binary.align', Buffer.from([0x00, 0x01, 0x02]));
            assertOneLineFailure(runCli(['check', '.', '--format', 'xml'], { cwd: dir }), '--format');
        });
    });

    describe('paths that cannot be walked, and bad --output or --config: exit 2, one line naming them', () => {
        it('a missing path', () => {
            assertOneLineFailure(runCli(['check', 'no-such-folder/nope.align'], { cwd: EXAMPLES }), 'no-such-folder/nope.align');
            assertOneLineFailure(runCli(['check', '.', 'missing.align'], { cwd: EXAMPLES }), 'missing.align');
        });

        it('an unreadable folder (chmod 000, checked as an unprivileged user)', function () {
            const dir = sharedTempDir();
            writeFile(dir, 'ok.align', 'skill S "s"\n');
            const locked = path.join(dir, 'locked');
            writeFile(dir, 'locked/inside.align', 'skill T "t"\n');
            fs.chmodSync(locked, 0o000);
            if (!isRoot && canRead(locked)) this.skip();
            const line = assertOneLineFailure(runAsUnprivileged(['check', '.'], dir), 'locked');
            assert.match(line, /permission denied/);
        });

        it('a symbolic link that points to itself', () => {
            const dir = tempDir();
            fs.symlinkSync('loop.align', path.join(dir, 'loop.align'));
            assertOneLineFailure(runCli(['check', 'loop.align'], { cwd: dir }), 'loop.align');
        });

        it('--output under a file, or onto a folder (a missing folder is made)', () => {
            const dir = tempDir();
            fs.writeFileSync(path.join(dir, 'out'), 'a file, not a folder');
            assertOneLineFailure(runCli(['check', EXAMPLES, '--output', 'out/report.json'], { cwd: dir }), '--output', 'out/report.json');
            fs.mkdirSync(path.join(dir, 'taken'));
            assertOneLineFailure(runCli(['check', EXAMPLES, '--output', 'taken'], { cwd: dir }), '--output', 'taken');
        });

        it('a file given by name that is not an .align file: every command that takes paths says so, and writes nothing', () => {
            const dir = tempDir();
            copyExamples(dir, 'churn-pilot.align');
            writeFile(dir, 'README.md', '# Notes\n');
            writeFile(dir, 'messy.align', 'skill   X\n');
            writeFile(dir, 'U.ALIGN', 'skill   Y\n');
            for (const command of ['check', 'graph', 'report', 'fmt', 'pull']) {
                assertOneLineFailure(runCli([command, 'churn-pilot.align', 'README.md'], { cwd: dir }), 'README.md: not an .align file');
                const upper = assertOneLineFailure(runCli([command, 'U.ALIGN'], { cwd: dir }), 'U.ALIGN: not an .align file');
                assert.match(upper, /lower case/);
            }
            assertOneLineFailure(runCli(['fmt', 'messy.align', 'README.md'], { cwd: dir }), 'README.md');
            assert.equal(fs.readFileSync(path.join(dir, 'messy.align'), 'utf-8'), 'skill   X\n', 'fmt wrote nothing');
            const folder = runCli(['check', '.'], { cwd: dir });
            assert.equal(folder.stderr, '');
            assert.match(folder.stdout, / 2 files\n$/, 'a folder\'s walk takes churn-pilot.align and messy.align only');
        });

        it('a file given by name that is not an .align file, after align diff REVISION --', function () {
            if (!HAS_GIT) this.skip();
            const repo = gitRepo(EXAMPLES);
            repo.commit('base');
            assertOneLineFailure(runCli(['diff', 'main', '--', 'README.md'], { cwd: repo.dir }), 'README.md: not an .align file');
        });

        it('--config FILE that is missing', () => {
            assertOneLineFailure(runCli(['check', '.', '--config', 'missing.json'], { cwd: EXAMPLES }), '--config', 'missing.json');
        });
    });

    describe('odd but valid input', () => {
        it('a folder named x.align given as a path is a folder: its files are checked', () => {
            const dir = tempDir();
            copyExamples(dir, 'catalog');
            fs.renameSync(path.join(dir, 'catalog'), path.join(dir, 'catalog.align'));
            const findings = checkJson(['catalog.align'], { cwd: dir, status: 0 });
            assert.deepEqual(findings.map(f => `${f.file}:${f.line} ${f.severity} ${f.rule}`), [
                'catalog.align/metrics.align:15 info metric-unused',
                'catalog.align/metrics.align:27 info metric-unused',
                'catalog.align/metrics.align:39 info metric-unused',
            ], 'without the programs that use them, the catalog\'s metrics are unused');
        });

        it('a byte order mark at the start of a file', () => {
            const dir = tempDir();
            copyExamples(dir, 'catalog');
            const text = fs.readFileSync(path.join(EXAMPLES, 'churn-pilot.align'));
            writeFile(dir, 'churn-pilot.align', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]));
            const findings = checkJson(['.'], { cwd: dir, status: 0 });
            assert.deepEqual(findings.map(f => f.rule), ['metric-unused']);
        });

        it('a byte order mark at the start of align.config.json: its settings and its templates folder apply', () => {
            const dir = tempDir();
            copyExamples(dir, 'churn-pilot.align', 'catalog');
            const config = '{\n  "rules": { "metric-unused": "off" },\n  "templates": "./templates"\n}\n';
            writeFile(dir, 'align.config.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(config)]));
            writeFile(dir, 'templates/starter.align', 'program ${name} "${title}" {\n}\n');
            assert.deepEqual(checkJson(['.'], { cwd: dir, status: 0 }), [], 'no config-invalid, metric-unused is off, the template is not checked');
        });

        it('an empty folder is a usage error, exit 2, nothing on stdout (no-files.test.ts)', () => {
            const dir = tempDir();
            assertOneLineFailure(runCli(['check', '.', '--format', 'json'], { cwd: dir }), 'no .align files in ./');
        });

        it('a reader that stops early (`align check | head`) gets no stack trace', async () => {
            const dir = tempDir();
            writeFile(dir, 'many.align', Array.from({ length: 3000 }, (_, i) => `objective O${i} "Objective ${i}"\n`).join(''));
            const child = spawn(process.execPath, [BIN, 'check', '.', '--format', 'json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
            let stderr = '';
            child.stderr.setEncoding('utf-8').on('data', (chunk: string) => { stderr += chunk; });
            child.stdout.once('data', () => child.stdout.destroy());
            const status = await new Promise<number | null>(resolve => child.on('close', code => resolve(code)));
            assert.equal(stderr, '', 'nothing on stderr');
            assert.equal(status, 1, 'the status of the check (errors were found)');
        });
    });

    describe('standard output that cannot be written (a full disk: /dev/full)', () => {
        for (const args of [['init', 'X', '-o', '-'], ['check', EXAMPLES], ['--help']]) {
            it(`align ${args[0]}: one line naming the cause, exit 2, never 0 with nothing written`, function () {
                if (!fs.existsSync('/dev/full')) this.skip();
                const full = fs.openSync('/dev/full', 'w');
                try {
                    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: tempDir(), env: cliEnv(), stdio: ['ignore', full, 'pipe'], encoding: 'utf-8' });
                    assert.equal(result.status, 2, result.stderr);
                    assert.match(result.stderr, /^align: standard output cannot be written \((?:[^()]*, )?ENOSPC\)\n$/);
                } finally {
                    fs.closeSync(full);
                }
            });
        }
    });

    describe('a file that is not Align source (binary, not UTF-8, unreadable) is a `syntax` finding; the others are checked', () => {
        /** The workspace examples, checked alone, as `file:line rule` keys. */
        function examplesAlone(): string[] {
            const dir = tempDir();
            copyExamples(dir, '.');
            return keysOf(checkJson(['.'], { cwd: dir, status: 1 }));
        }

        /** One `syntax` error at 1:1 of `file` with a message matching `message`, and the other findings. */
        function splitOff(findings: Finding[], file: string, message: RegExp): Finding[] {
            const own = findings.filter(f => f.file === file);
            assert.deepEqual(own.map(f => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.rule}`), ['1:1-1:1 error syntax'], JSON.stringify(own));
            assert.match(own[0]!.message, message);
            return findings.filter(f => f.file !== file);
        }

        const BINARY = /^This file is binary \(a NUL byte on line 3\), not Align source: remove it or rename it\.$/;
        /** A PNG file's signature (its line feeds put the first NUL on line 3) and the length of its first chunk. */
        const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from([0x00, 0x00, 0x00, 0x0d])]);

        it('a binary file next to the examples: its finding and every finding of the examples, exit 1 (json)', () => {
            const dir = tempDir();
            copyExamples(dir, '.');
            writeFile(dir, 'zz.align', PNG);
            const result = runCli(['check', '.', '--format', 'json'], { cwd: dir });
            assert.equal(result.status, 1);
            assert.equal(result.stderr, '');
            const others = splitOff(parseFindings(result.stdout), 'zz.align', BINARY);
            assert.deepEqual(keysOf(others), examplesAlone());
        });

        it('the same in the pretty format: the file under its name at 1:1, and the files counted', () => {
            const dir = tempDir();
            copyExamples(dir, '.');
            writeFile(dir, 'zz.align', PNG);
            const result = runCli(['check', '.'], { cwd: dir });
            assert.equal(result.status, 1);
            assert.equal(result.stderr, '');
            assert.match(result.stdout, /^zz\.align\n {2}1:1 {2}error {2}This file is binary \(a NUL byte on line 3\), not Align source:\n\s+remove it or rename it\. {2}syntax$/m);
            assert.match(result.stdout, /^sales-win-rate\.align\n/m, 'the other files are checked');
            assert.match(result.stdout, / in \d+ of 6 files\n$/);
        });

        it('every format carries it like any finding', () => {
            const dir = tempDir();
            writeFile(dir, 'ok.align', 'skill S "s"\n');
            writeFile(dir, 'blob.align', Buffer.from('x\n\0'));
            for (const format of ['pretty', 'json', 'sarif', 'github', 'gitlab', 'junit']) {
                const result = runCli(['check', '.', '--format', format], { cwd: dir });
                assert.equal(result.status, 1, format);
                assert.equal(result.stderr, '', format);
                assert.match(result.stdout, /blob\.align/, format);
                assert.match(result.stdout.replace(/\s+/g, ' '), /This file is binary \(a NUL byte on line 2\), not Align source: remove it or rename it/, format);
                assert.match(result.stdout, /skill-enables-nothing/, `${format}: ok.align is checked too`);
            }
        });

        it('a binary file given by name: the same finding', () => {
            const dir = tempDir();
            writeFile(dir, 'logo.align', PNG);
            splitOff(checkJson(['logo.align'], { cwd: dir, status: 1 }), 'logo.align', BINARY);
        });

        it('a file that is not UTF-8: its first bad byte and line', () => {
            const dir = tempDir();
            copyExamples(dir, 'churn-pilot.align', 'catalog');
            writeFile(dir, 'latin.align', Buffer.concat([Buffer.from('// caf\n\nskill Caf'), Buffer.from([0xe9]), Buffer.from(' "Coffee"\n')]));
            const others = splitOff(checkJson(['.'], { cwd: dir, status: 1 }), 'latin.align', /^This file is not UTF-8 text \(byte 0xe9 on line 3\): save it as UTF-8\.$/);
            assert.ok(others.some(f => f.file === 'catalog/metrics.align'), 'the other files are checked');
        });

        it('a file saved as UTF-16 (a Windows "Unicode" save, either byte order): says so, not that it is binary', () => {
            const dir = tempDir();
            writeFile(dir, 'ok.align', 'skill S "s"\n');
            const text = Buffer.from('skill T "t"\n', 'utf16le');
            writeFile(dir, 'le.align', Buffer.concat([Buffer.from([0xff, 0xfe]), text]));
            writeFile(dir, 'be.align', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text).swap16()]));
            const UTF16 = /^This file is saved as UTF-16, not UTF-8: save it as UTF-8\.$/;
            const others = splitOff(splitOff(checkJson(['.'], { cwd: dir, status: 1 }), 'le.align', UTF16), 'be.align', UTF16);
            assert.deepEqual(keysOf(others), ['ok.align:1 skill-enables-nothing']);
        });

        it('a file saved as UTF-16 without a byte order mark (either byte order): says so; NUL bytes in every other byte of numbers are still binary', () => {
            const dir = tempDir();
            writeFile(dir, 'ok.align', 'skill S "s"\n');
            const text = Buffer.from('// caf\u00e9\r\nskill T "t"\r\n', 'utf16le');
            writeFile(dir, 'le.align', text);
            writeFile(dir, 'be.align', Buffer.from(text).swap16());
            writeFile(dir, 'numbers.align', Buffer.from(new Uint16Array([1, 2, 3, 4, 10, 5, 6, 7]).buffer));
            writeFile(dir, 'utf32.align', Buffer.from('skill U "u"\n'.split('').flatMap(c => [c.charCodeAt(0), 0, 0, 0])));
            const UTF16 = /^This file is saved as UTF-16, not UTF-8: save it as UTF-8\.$/;
            const findings = checkJson(['.'], { cwd: dir, status: 1 });
            const binary = (line: number) => new RegExp(`^This file is binary \\(a NUL byte on line ${line}\\), not Align source: remove it or rename it\\.$`);
            const others = splitOff(splitOff(splitOff(splitOff(findings, 'le.align', UTF16), 'be.align', UTF16), 'numbers.align', binary(1)), 'utf32.align', binary(1));
            assert.deepEqual(keysOf(others), ['ok.align:1 skill-enables-nothing']);
        });

        it('a file whose name is not UTF-8: says so (it cannot be opened by the name listed), not that it is missing', () => {
            const dir = tempDir();
            writeFile(dir, 'ok.align', 'skill S "s"\n');
            fs.writeFileSync(Buffer.concat([Buffer.from(path.join(dir, 'bad')), Buffer.from([0xff]), Buffer.from('.align')]), 'skill T "t"\n');
            const findings = checkJson(['.'], { cwd: dir, status: 1 });
            splitOff(findings, 'bad\uFFFD.align', /^This file has a name that is not UTF-8 \(shown with \uFFFD\), so it cannot be opened by name: rename it\.$/);
        });

        it('a file that cannot be read (chmod 000, checked as an unprivileged user); align fmt says the same and lists the other file', function () {
            const dir = sharedTempDir();
            writeFile(dir, 'ok.align', 'skill   S "s"\n');
            const file = writeFile(dir, 'secret.align', 'skill T "t"\n');
            fs.chmodSync(file, 0o000);
            if (!isRoot && canRead(file)) this.skip();
            const result = runAsUnprivileged(['check', '.', '--format', 'json'], dir);
            assert.equal(result.status, 1);
            const others = splitOff(parseFindings(result.stdout), 'secret.align', /^This file cannot be read \(permission denied, EACCES\): make it readable or remove it\.$/);
            assert.deepEqual(keysOf(others), ['ok.align:1 skill-enables-nothing']);
            const fmt = runAsUnprivileged(['fmt', '--check', '.'], dir);
            assert.equal(fmt.status, 1, fmt.stderr);
            assert.equal(fmt.stdout, 'ok.align: not formatted\n');
            assert.equal(linesOf(unwrapped(fmt.stderr))[0], 'align: secret.align:1:1 syntax error: This file cannot be read (permission denied, EACCES): make it readable or remove it (not formatted)');
        });

        it('a folder named x.align in a folder is walked, not read as a file', () => {
            const dir = tempDir();
            writeFile(dir, 'ok.align', 'skill S "s"\n');
            writeFile(dir, 'x.align/inner.align', 'skill T "t"\n');
            assert.deepEqual(keysOf(checkJson(['.'], { cwd: dir })), ['ok.align:1 skill-enables-nothing', 'x.align/inner.align:1 skill-enables-nothing']);
        });

        it('align graph and align report: a notice and the finding, exit 0 as for any syntax error', () => {
            const dir = tempDir();
            copyExamples(dir, '.');
            writeFile(dir, 'zz.align', PNG);
            const graph = runCli(['graph', '.'], { cwd: dir });
            assert.equal(graph.status, 0);
            assert.match(graph.stdout, /^flowchart /m);
            assert.match(graph.stderr, /^zz\.align:1:1: This file is binary .* \(1 syntax error\)$/m);
            const report = runCli(['report', '.', '--format', 'md'], { cwd: dir });
            assert.equal(report.status, 0, report.stderr);
            assert.match(report.stdout, /This file is binary \(a NUL byte on line 3\), not Align source: remove it or rename it/);
        });

        it('a binary catalog file (align.config.json `catalogs`) still stops the run: exit 2, one line naming it', () => {
            const dir = tempDir();
            writeFile(dir, 'kpis/blob.align', PNG);
            writeFile(dir, 'workspace/align.config.json', '{ "catalogs": ["../kpis"] }\n');
            writeFile(dir, 'workspace/program.align', 'skill S "s"\n');
            const line = assertOneLineFailure(runCli(['check', '.'], { cwd: path.join(dir, 'workspace') }), 'blob.align');
            assert.match(line, /binary/);
        });
    });

    describe('broken source is a finding, not a usage error', () => {
        it('syntax errors give `syntax` findings and exit 1; the other files are still checked', () => {
            const dir = tempDir();
            copyExamples(dir, 'churn-pilot.align', 'catalog');
            const file = writeFile(dir, 'broken.align', 'skill Fine "Fine"\n\nmetric Half "Half" {\n  kind lagging\n  unit\n}\n');
            const result = runCli(['check', '.', '--format', 'json'], { cwd: dir });
            assert.equal(result.status, 1);
            assert.equal(result.stderr, '');
            const findings: Finding[] = JSON.parse(result.stdout);
            const syntax = findings.filter(f => f.rule === 'syntax');
            assert.ok(syntax.length >= 1, JSON.stringify(findings));
            assert.ok(syntax.every(f => f.file === 'broken.align' && f.severity === 'error'));
            assert.equal(syntax[0]!.line, lineOf(file, '}'), 'at the `}` where a unit was expected');
            assert.ok(findings.some(f => f.file === 'catalog/metrics.align' && f.rule === 'metric-unused'), 'the other files are checked');
        });

        it('a file with more than 20 syntax errors (the README renamed .align) shows its first 20 and one line for the rest; the summary and json count all', () => {
            const dir = tempDir();
            copyExamples(dir, 'safety.align');
            fs.copyFileSync(path.join(REPO_ROOT, 'README.md'), path.join(dir, 'readme.align'));
            const all = checkJson(['.'], { cwd: dir, status: 1 });
            const inReadme = all.filter(f => f.file === 'readme.align');
            const syntax = inReadme.filter(f => f.rule === 'syntax');
            assert.ok(syntax.length > 100 && inReadme.length > syntax.length, `${syntax.length} syntax errors, ${inReadme.length} findings`);

            const result = runCli(['check', '.'], { cwd: dir });
            assert.equal(result.status, 1);
            const out = result.stdout;
            const readme = out.slice(out.indexOf('readme.align\n'), out.indexOf('\n\n', out.indexOf('readme.align\n')));
            const rows = linesOf(readme).filter(l => /^ {2}\d+:\d+ /.test(l));
            assert.equal(rows.length, 20, readme);
            assert.ok(rows.every(r => /\berror\b/.test(r)), 'only syntax errors are shown');
            const more = readme.replace(/\s+/g, ' ');
            assert.ok(more.includes(`… ${(syntax.length - 20).toLocaleString('en-US')} more syntax errors and ${(inReadme.length - syntax.length).toLocaleString('en-US')} other findings in this file, not shown`), readme);
            assert.ok(more.includes('`--format json` lists every finding.'), readme);
            assert.ok(linesOf(out).every(l => [...l].length <= 80), 'within 80 columns');
            assert.ok(out.includes('safety.align\n'), 'the other file is shown whole');
            assert.match(out, new RegExp(`✖ ${all.length.toLocaleString('en-US')} problems`), 'the summary counts every finding');
            const documented = out.slice(out.indexOf('<id>.md') + 7, out.indexOf('✖')).split(/[\s,]+/).filter(Boolean);
            const shown = new Set(['syntax', ...all.filter(f => f.file === 'safety.align').map(f => f.rule)]);
            assert.deepEqual(documented, [...shown].sort(), 'the rule docs name the rules shown, not those of the findings left out');
        });

        it('an attribute given twice is a `syntax` finding on the second one', () => {
            const dir = tempDir();
            writeFile(dir, 'twice.align', 'skill Twice "Twice" {\n  assessed by "a"\n  assessed by "b"\n}\n');
            const findings = checkJson(['.'], { cwd: dir, status: 1 }).filter(f => f.rule === 'syntax');
            assert.deepEqual(findings.map(f => `${f.line}:${f.column}`), ['3:3']);
            assert.match(findings[0]!.message, /assessed/);
        });

        it('an unterminated string and a bad escape are syntax errors', () => {
            const dir = tempDir();
            writeFile(dir, 'strings.align', 'skill A "no end\nskill B "bad \\q escape"\n');
            const findings = checkJson(['.'], { cwd: dir, status: 1 });
            assert.ok(findings.some(f => f.rule === 'syntax' && f.line === 1), JSON.stringify(findings));
            assert.ok(findings.some(f => f.rule === 'syntax' && f.line === 2), JSON.stringify(findings));
        });

        it('actuals without a metric name: a syntax finding, no stack trace', () => {
            // This once made a validation set-up throw (language/graph/build-graph.ts), which Langium logs with its stack.
            const dir = tempDir();
            writeFile(dir, 'actuals.align', 'actuals {\n  2026-01: 5\n}\n');
            const result = runCli(['check', '.', '--format', 'json'], { cwd: dir });
            assert.equal(result.status, 1);
            assert.ok(!/^\s+at /m.test(result.stderr), `no stack trace: ${result.stderr}`);
            assert.ok(linesOf(result.stderr).length <= 1, `at most one line on stderr: ${result.stderr}`);
            const findings: Finding[] = JSON.parse(result.stdout);
            assert.ok(findings.some(f => f.rule === 'syntax' && f.line === 1 && f.column === 9), JSON.stringify(findings));
        });

        it('an unresolved reference gives `unresolved-reference` on the name', () => {
            const dir = tempDir();
            copyExamples(dir, 'churn-pilot.align', 'catalog');
            const file = writeFile(dir, 'typo.align', [
                'behavior Typing "Types the reference wrong" {',
                '  moves RepeatContactRat',
                '  observed by manager weekly',
                '}',
                '',
            ].join('\n'));
            const findings = checkJson(['.'], { cwd: dir, status: 1 }).filter(f => f.file === 'typo.align');
            const unresolved = findings.filter(f => f.rule === 'unresolved-reference');
            assert.equal(unresolved.length, 1);
            assert.equal(unresolved[0]!.severity, 'error');
            assert.deepEqual([unresolved[0]!.line, unresolved[0]!.column, unresolved[0]!.endColumn], [2, columnOf(file, 2, 'RepeatContactRat'), columnOf(file, 2, 'RepeatContactRat') + 16]);
            assert.match(unresolved[0]!.message, /RepeatContactRat/);
            assert.deepEqual(findings.map(f => f.rule).sort(), ['behavior-moves-nothing', 'unresolved-reference'],
                'rules see resolved references only (language.md)');
        });
    });

    describe('broken actuals give `actuals-invalid`', () => {
        /** A workspace with one metric `Calls` (baseline, target) and `actuals Calls from "<csv>"`. */
        function csvWorkspace(csvRef: string, csv?: { name: string; text: string }): { dir: string; ws: string; file: string } {
            const dir = tempDir();
            const ws = path.join(dir, 'ws');
            const file = writeFile(ws, 'calls.align', [
                'metric Calls "Qualified calls per week" {',
                '  kind leading',
                '  unit count',
                '  direction up',
                '  baseline 10',
                '  target 20 by 2026-12-31',
                '  source "CRM"',
                '  owner "Sales Ops"',
                '  cadence weekly',
                '}',
                '',
                `actuals Calls from "${csvRef}"`,
                '',
            ].join('\n'));
            if (csv) writeFile(dir, csv.name, csv.text);
            return { dir, ws, file };
        }

        const invalid = (findings: Finding[]) => findings.filter(f => f.rule === 'actuals-invalid');

        it('a missing CSV file, marked on the file string', () => {
            const { ws, file } = csvWorkspace('nope.csv');
            const [f, ...rest] = invalid(checkJson(['.'], { cwd: ws, status: 1 }));
            assert.deepEqual(rest, []);
            assert.equal(f!.file, 'calls.align');
            assert.equal(f!.severity, 'error');
            assert.equal(f!.line, 12);
            assert.equal(f!.column, columnOf(file, 12, '"nope.csv"'));
            assert.equal(f!.endColumn, f!.column + '"nope.csv"'.length);
            assert.match(f!.message, /nope\.csv.*missing/);
        });

        it('a CSV file outside the workspace root', () => {
            const { dir, ws } = csvWorkspace('../outside.csv', { name: 'outside.csv', text: 'period,value\n2026-01,11\n' });
            const [f, ...rest] = invalid(checkJson(['.'], { cwd: ws, status: 1 }));
            assert.deepEqual(rest, []);
            assert.match(f!.message, /outside\.csv.*outside/);
            assert.deepEqual(invalid(checkJson(['.'], { cwd: dir })), [], 'the same file is read when the root holds it');
        });

        it('the root holds every path given, whatever their order', () => {
            const { dir } = csvWorkspace('../data/calls.csv', { name: 'data/calls.csv', text: 'period,value\n2026-01,11\n' });
            writeFile(dir, 'data/more.align', 'skill Extra "Another folder"\n');
            const forward = checkJson(['ws', 'data'], { cwd: dir });
            const backward = checkJson(['data', 'ws'], { cwd: dir });
            assert.deepEqual(invalid(forward), []);
            assert.deepEqual(backward, forward);
        });

        it('a malformed value cell, a malformed period, and periods that do not increase, each naming its line', () => {
            const { ws } = csvWorkspace('calls.csv');
            writeFile(ws, 'calls.csv', 'period,value\n2026-01,12\n2026-02,abc\n2026-13,13\n2026-03,14\n2026-02,15\n');
            const messages = invalid(checkJson(['.'], { cwd: ws, status: 1 })).map(f => f.message);
            assert.equal(messages.length, 3, JSON.stringify(messages));
            assert.ok(messages.some(m => /line 3\b.*abc/.test(m)), JSON.stringify(messages));
            assert.ok(messages.some(m => /line 4\b.*2026-13/.test(m)), JSON.stringify(messages));
            assert.ok(messages.some(m => /line 6\b.*increase/.test(m)), JSON.stringify(messages));
        });

        it('a CSV file without the `period,value` header', () => {
            const { ws } = csvWorkspace('calls.csv');
            writeFile(ws, 'calls.csv', '2026-01,12\n2026-02,13\n');
            const [f, ...rest] = invalid(checkJson(['.'], { cwd: ws, status: 1 }));
            assert.deepEqual(rest, []);
            assert.match(f!.message, /period/);

            writeFile(ws, 'calls.csv', 'month,amount\n2026-01,12\n');
            assert.equal(invalid(checkJson(['.'], { cwd: ws, status: 1 })).length, 1);
        });

        it('a well-formed CSV file gives no finding', () => {
            const { ws } = csvWorkspace('calls.csv');
            writeFile(ws, 'calls.csv', 'period,value\n2026-01,11\n2026-02,12\n');
            assert.deepEqual(invalid(checkJson(['.'], { cwd: ws })), []);
        });

        it('a CSV file that starts with a UTF-8 byte order mark is read as one without (its header found, its lines counted)', () => {
            const { ws } = csvWorkspace('calls.csv');
            const bom = Buffer.from([0xef, 0xbb, 0xbf]);
            writeFile(ws, 'calls.csv', Buffer.concat([bom, Buffer.from('period,value\n2026-01,11\n2026-02,12\n')]));
            assert.deepEqual(invalid(checkJson(['.'], { cwd: ws })), []);
            writeFile(ws, 'calls.csv', Buffer.concat([bom, Buffer.from('period,value\n2026-01,11\n2026-02,abc\n')]));
            const messages = invalid(checkJson(['.'], { cwd: ws, status: 1 })).map(f => f.message);
            assert.equal(messages.length, 1, JSON.stringify(messages));
            assert.match(messages[0]!, /calls\.csv" line 3: value `abc` is not a number/);
        });

        it('a binary CSV file', () => {
            const { ws } = csvWorkspace('calls.csv');
            writeFile(ws, 'calls.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
            assert.equal(invalid(checkJson(['.'], { cwd: ws, status: 1 })).length, 1);
        });
    });

    /** Whether this (unprivileged) user can still read `file`: a capability may let it read past the permission bits. */
    function canRead(file: string): boolean {
        try {
            fs.accessSync(file, fs.constants.R_OK);
            return true;
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'EACCES') return false;
            throw error;
        }
    }

});
