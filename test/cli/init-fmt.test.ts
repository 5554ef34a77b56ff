/**
 * `align init` and `align fmt` through the built bundle, and the CI recipes
 * of docs/ci.md (docs/examples/): the YAML parses, and the workflow steps,
 * the PR-comment script, the GitLab job and the pre-commit hook run.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { createRequire } from 'node:module';
import yaml from 'js-yaml';
import { gitRepo, HAS_GIT, reviewChange } from './git-repo.js';
import { assertGolden } from './golden/golden.js';
import { alignFilesUnder, assertFits80, assertOneLineFailure, BIN, copyExamples, EXAMPLES, cliEnv, linesOf, parseFindings, REPO_ROOT, removeTempDirs, requireBundle, runCli, tempDir, unwrapped, writeFile } from './run-cli.js';

/** `align check DIR --format json`: the findings, asserting the exit status. */
function findingsOf(dir: string, status = 0) {
    const result = runCli(['check', '.', '--format', 'json'], { cwd: dir });
    assert.equal(result.status, status, result.stderr + result.stdout.slice(0, 2000));
    return parseFindings(result.stdout);
}

/** Every file under a folder with its content, for "nothing changed" assertions. */
function snapshot(dir: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) files[path.relative(dir, path.join(entry.parentPath, entry.name))] = fs.readFileSync(path.join(entry.parentPath, entry.name), 'latin1');
    }
    return files;
}

describe('align init', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('writes my-program.align with program MyProgram, which align check passes with zero findings', () => {
        const dir = tempDir();
        const result = runCli(['init'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stderr, '');
        assert.equal(result.stdout, 'Created my-program.align with program MyProgram.\nNext: edit it, then run align check my-program.align\n');
        for (const line of linesOf(result.stdout)) assert.ok(line.length <= 80, `fits 80 columns: ${line}`);
        const text = fs.readFileSync(path.join(dir, 'my-program.align'), 'utf-8');
        assert.match(text, /^program MyProgram "My program" \{$/m);
        assert.deepEqual(findingsOf(dir, 0), []);
        const strict = runCli(['check', '.', '--max-severity', 'info'], { cwd: dir });
        assert.equal(strict.status, 0, 'not even an info');
        // The suggested command is quoted for the shell when the path needs it, and runs as printed.
        fs.mkdirSync(path.join(dir, "Q1 it's"));
        const spaced = runCli(['init', 'Spaced', '--output', "Q1 it's/spaced.align"], { cwd: dir });
        assert.equal(spaced.stdout, "Created Q1 it's/spaced.align with program Spaced.\nNext: edit it, then run align check 'Q1 it'\\''s/spaced.align'\n");
        const next = spawnSync('/bin/sh', ['-c', `align() { "${process.execPath}" "${BIN}" "$@"; }\n${linesOf(spaced.stdout)[1]!.replace('Next: edit it, then run ', '')}`], { cwd: dir, encoding: 'utf-8', env: cliEnv() });
        assert.equal(next.status, 0, next.stderr);
        assert.equal(next.stdout, '✔ No problems in 1 file\n', 'the one file it names is checked (the folder holds two)');
    });

    it('writes into the file that standard output is redirected to: align init ChurnPilot > churn-pilot.align', () => {
        const dir = tempDir();
        const shell = (command: string) => spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${command}`], { cwd: dir, encoding: 'utf-8' });
        for (const file of ['churn-pilot.align', 'other-name.align']) {
            const result = shell(`init ChurnPilot --date 2026-05-04 > ${file}`);
            assert.equal(result.status, 0, result.stderr);
            assert.equal(result.stderr, '');
            assert.equal(fs.readFileSync(path.join(dir, file), 'utf-8'), runCli(['init', 'ChurnPilot', '--output', '-', '--date', '2026-05-04']).stdout, file);
            fs.rmSync(path.join(dir, file));
        }
        assert.deepEqual(fs.readdirSync(dir), [], 'no other file');
        const piped = shell('init Piped | cat');
        assert.equal(piped.stdout, 'Created piped.align with program Piped.\nNext: edit it, then run align check piped.align\n', 'a pipe is not a file');
        assert.deepEqual(findingsOf(dir, 0), []);
    });

    it('has every step of the chain, commented', () => {
        const text = runCli(['init', '--output', '-', '--date', '2026-05-04']).stdout;
        for (const needle of [
            'outcome BusinessResult', 'measured by LaggingKpi', 'kind lagging', 'baseline 12%', 'target 10% by 2026-08-02', 'source "', 'owner "', 'cadence monthly',
            'kind leading', 'drives LaggingKpi', 'skill CoreSkill', 'behavior OnTheJob', 'enabled by CoreSkill', 'moves LeadingKpi', 'observed by manager weekly',
            'toolkit ManagerKit', 'for OnTheJob', 'objective PractiseSkill', 'builds CoreSkill', 'practice roleplay', 'sponsor "', 'serves BusinessResult',
            'pilot 90 days from 2026-05-04', 'review monthly', '// cost 45000 USD', '// value 18000 USD per point'
        ]) assert.ok(text.includes(needle), needle);
        assert.ok(text.split('\n').filter(l => l.trim().startsWith('//')).length >= 15, 'commented');
    });

    it('prints the golden template with --output - and --date', () => {
        const result = runCli(['init', 'ChurnPilot', '--output', '-', '--date', '2026-05-04']);
        assert.equal(result.status, 0, result.stderr);
        assertGolden('init-churn-pilot.align', result.stdout);
    });

    it('writes every line of the template within 80 columns (the user\'s first file)', () => {
        for (const args of [['init', '--output', '-'], ['init', 'ChurnPilot', '--output', '-', '--date', '2026-05-04']]) {
            const result = runCli(args);
            assert.equal(result.status, 0, result.stderr);
            const long = linesOf(result.stdout).filter(line => [...line].length > 80);
            assert.deepEqual(long, [], args.join(' '));
        }
    });

    it('is in the canonical layout of align fmt', () => {
        const dir = tempDir();
        assert.equal(runCli(['init'], { cwd: dir }).status, 0);
        const check = runCli(['fmt', '--check'], { cwd: dir });
        assert.equal(check.status, 0, check.stdout + check.stderr);
        assert.equal(check.stdout, '');
    });

    it('starts the pilot today by default', () => {
        const now = new Date();
        const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
        assert.ok(runCli(['init', '--output', '-']).stdout.includes(`pilot 90 days from ${today}`));
    });

    it('names the file after the program in kebab case; two templates in one folder do not clash', () => {
        const dir = tempDir();
        for (const [name, file] of [['ChurnPilot', 'churn-pilot.align'], ['HRBasics', 'hr-basics.align'], ['sales_bootcamp', 'sales-bootcamp.align'], ['_Draft', '_draft.align']] as const) {
            const result = runCli(['init', name], { cwd: dir });
            assert.equal(result.status, 0, result.stderr);
            assert.ok(fs.readFileSync(path.join(dir, file), 'utf-8').includes(`program ${name} "`), file);
        }
        assert.deepEqual(findingsOf(dir, 0), []);
    });

    it('a file that cannot be written leaves no folder made for it behind (init and graph --output)', () => {
        const dir = tempDir();
        const long = `${'x'.repeat(300)}`;
        assertOneLineFailure(runCli(['init', 'P', '-o', `a/b/${long}.align`], { cwd: dir }), 'cannot be written');
        copyExamples(dir, 'safety.align');
        assertOneLineFailure(runCli(['graph', 'safety.align', '--format', 'svg', '--output', `c/d/${long}.svg`], { cwd: dir }), 'cannot be written');
        assert.deepEqual(fs.readdirSync(dir).sort(), ['safety.align']);
    });

    it('refuses to overwrite a file (exit 2, one line, file untouched) unless --force', () => {
        const dir = tempDir();
        const file = writeFile(dir, 'my-program.align', '// mine\n');
        assertOneLineFailure(runCli(['init'], { cwd: dir }), 'my-program.align', 'already exists', '--force');
        assert.equal(fs.readFileSync(file, 'utf-8'), '// mine\n');
        const other = writeFile(dir, 'other.align', '// other\n');
        assertOneLineFailure(runCli(['init', 'Other', '--output', 'other.align'], { cwd: dir }), 'other.align', 'already exists');
        assert.equal(fs.readFileSync(other, 'utf-8'), '// other\n');
        const forced = runCli(['init', '--force'], { cwd: dir });
        assert.equal(forced.status, 0, forced.stderr);
        assert.equal(forced.stdout, 'Overwrote my-program.align with program MyProgram.\nNext: edit it, then run align check my-program.align\n');
        assert.match(fs.readFileSync(file, 'utf-8'), /^program MyProgram /m);
        const fresh = runCli(['init', 'Fresh', '--force'], { cwd: dir });
        assert.equal(fresh.stdout, 'Created fresh.align with program Fresh.\nNext: edit it, then run align check fresh.align\n', '--force with no file in the way creates it');
    });

    it('refuses a name that is not an Align name, or a keyword, an output that is not an .align file, a blank title (exit 2, no file)', () => {
        const dir = tempDir();
        for (const name of ['9lives', 'my-program', 'My Program', 'café']) {
            assertOneLineFailure(runCli(['init', name], { cwd: dir }), `'${name}' is not a valid program name`, 'not starting with a digit');
        }
        assert.match(runCli(['init', '--help']).stdout, /^NAME must be an Align name: letters, digits and _, not starting with a digit,$/m, 'help and error say the same');
        assertOneLineFailure(runCli(['init', 'program'], { cwd: dir }), "'program' cannot be a program name", 'keyword');
        assertOneLineFailure(runCli(['init', 'A', 'B'], { cwd: dir }), 'one name');
        assertOneLineFailure(runCli(['init', '--date', '2026-13-01'], { cwd: dir }), "--date: '2026-13-01' is not a real date; give a day that exists, YYYY-MM-DD");
        assertOneLineFailure(runCli(['init', '--date', '2026-02-30'], { cwd: dir }), "--date: '2026-02-30' is not a real date; give a day that exists, YYYY-MM-DD");
        assertOneLineFailure(runCli(['init', '--date', '2026-2-3'], { cwd: dir }), "--date: expected a date YYYY-MM-DD, not '2026-2-3'");
        // The template's pilot of 90 days must end by 9999-12-31: no `by +010000-01` that check would refuse.
        assertOneLineFailure(runCli(['init', '--date', '9999-10-03'], { cwd: dir }), '--date: a pilot of 90 days from 9999-10-03 would end after 9999-12-31; give an earlier day');
        const elsewhere = tempDir();
        assert.equal(runCli(['init', '--output', path.join(elsewhere, 'new', 'folder', 'x.align')], { cwd: dir }).status, 0, 'a missing folder is made');
        assertOneLineFailure(runCli(['init', '--output', path.join(elsewhere, 'new', 'folder', 'x.align', 'y.align')], { cwd: dir }), 'cannot be written (a file is in the way of its folder');
        // A file align check would not read, and a blank title.
        assertOneLineFailure(runCli(['init', 'Foo', '--output', 'foo.txt'], { cwd: dir }), '--output foo.txt: not an .align file', '--output foo.align');
        assertOneLineFailure(runCli(['init', 'Foo', '--output', '.align'], { cwd: dir }), '--output .align: not an .align file');
        for (const title of ['', '   ']) assertOneLineFailure(runCli(['init', 'Foo', '--title', title], { cwd: dir }), '--title: is empty');
        assert.deepEqual(fs.readdirSync(dir), []);
    });

    it('--date in the first century writes that century\'s days, and the program passes check', () => {
        const dir = tempDir();
        assert.equal(runCli(['init', '--date', '0050-01-01'], { cwd: dir }).status, 0);
        const text = fs.readFileSync(path.join(dir, 'my-program.align'), 'utf-8');
        assert.match(text, /pilot 90 days from 0050-01-01 \/\/ or: window 0050-01-01 to 0050-04-01/);
        assert.doesNotMatch(text, /19\d\d-/, 'no day of the 20th century');
        const check = runCli(['check'], { cwd: dir });
        assert.equal(check.status, 0, check.stdout);
    });

    it('--output of a folder says it is a folder (not "already exists ... --force"), with or without --force', () => {
        const dir = tempDir();
        fs.mkdirSync(path.join(dir, 'programs'));
        for (const args of [['init', 'X', '--output', 'programs'], ['init', 'X', '--output', 'programs', '--force']]) {
            const line = assertOneLineFailure(runCli(args, { cwd: dir }), 'programs: is a folder', '--output programs/x.align');
            assert.ok(!line.includes('already exists'), line);
        }
        assert.deepEqual(fs.readdirSync(path.join(dir, 'programs')), []);
    });

    it('--template and --list-templates say what is wrong with align.config.json instead of offering only builtin', () => {
        const dir = tempDir();
        const cases: Array<[string, string[]]> = [
            ['{ "templates": "./tpl", }', ['align.config.json:1', 'is not valid JSON']],
            ['["./tpl"]', ['align.config.json:1', 'must hold a JSON object']],
            ['{\n  "templates": ["./tpl"]\n}', ['align.config.json:2', '"templates" must be a package name or a relative path']],
            ['{ "extends": "./base" }', ['align.config.json:1', 'extends: no file or folder ./base']]
        ];
        for (const [config, mentions] of cases) {
            writeFile(dir, 'align.config.json', config);
            for (const args of [['init', 'X', '--template', 'onboarding'], ['init', '--list-templates']]) {
                const line = assertOneLineFailure(runCli(args, { cwd: dir }), ...mentions);
                assert.ok(!line.includes('the defaults apply'), line);
            }
        }
        // Without --template, the built-in template does not need the config.
        assert.equal(runCli(['init', 'X'], { cwd: dir }).status, 0);
        assert.deepEqual(fs.readdirSync(dir).sort(), ['align.config.json', 'x.align']);
    });
});

describe('align fmt', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('--check names safety.align (one-line objectives) in the examples as not formatted, says what to run, exits 1 and writes nothing', () => {
        const before = snapshot(EXAMPLES);
        const result = runCli(['fmt', '--check'], { cwd: EXAMPLES });
        assert.equal(result.status, 1);
        assert.equal(result.stdout, 'safety.align: not formatted\n');
        assert.equal(result.stderr, 'align: run align fmt to format 1 file\n');
        assert.deepEqual(snapshot(EXAMPLES), before, 'nothing written');
    });

    it('--check passes on the shipped examples/: they are in the canonical layout', () => {
        const result = runCli(['fmt', '--check', 'examples'], { cwd: REPO_ROOT });
        assert.equal(result.status, 0, result.stdout + result.stderr);
        assert.equal(result.stdout, '');
        assert.equal(result.stderr, '');
    });

    it('formats every example in place, and is idempotent: fmt --check then exits 0, a second fmt changes nothing', () => {
        const dir = tempDir();
        copyExamples(dir, '.');
        const findingsBefore = findingsOf(dir, 1).map(f => `${f.file} ${f.rule} ${f.message}`).sort();
        const first = runCli(['fmt'], { cwd: dir });
        assert.equal(first.status, 0, first.stderr);
        assert.equal(first.stdout, 'safety.align\n', 'lists the files it changed');
        const safety = fs.readFileSync(path.join(dir, 'safety.align'), 'utf-8');
        assert.ok(safety.includes('  objective SpotHazards "Identify hazards on a live line walk" {\n    builds HazardSpotting\n    practice simulation "VR line walk"\n  }\n'));
        const check = runCli(['fmt', '--check'], { cwd: dir });
        assert.equal(check.status, 0, check.stdout);
        assert.equal(check.stdout, '');
        const formatted = snapshot(dir);
        const second = runCli(['fmt', '.'], { cwd: dir });
        assert.equal(second.status, 0);
        assert.equal(second.stdout, '');
        assert.deepEqual(snapshot(dir), formatted, 'a second fmt changes nothing');
        const findingsAfter = findingsOf(dir, 1).map(f => `${f.file} ${f.rule} ${f.message}`).sort();
        assert.deepEqual(findingsAfter, findingsBefore, 'formatting changes no finding');
        for (const file of alignFilesUnder(EXAMPLES)) {
            const relative = path.relative(EXAMPLES, file);
            if (relative !== 'safety.align') assert.equal(formatted[relative], fs.readFileSync(file, 'latin1'), `${relative} was already canonical`);
        }
    });

    it('takes files and folders, and only .align files of folders; a file given by name that is not one is a usage error', () => {
        const dir = tempDir();
        copyExamples(dir, '.');
        writeFile(dir, 'catalog/notes.txt', 'skill   X\n');
        const result = runCli(['fmt', '--check', 'safety.align', 'catalog'], { cwd: dir });
        assert.equal(result.status, 1);
        assert.deepEqual(linesOf(result.stdout), ['safety.align: not formatted']);
        assert.equal(result.stderr, 'align: run align fmt safety.align catalog to format 1 file\n', 'the hint names the paths given');
        writeFile(dir, 'notes.txt', 'skill   X\n');
        assertOneLineFailure(runCli(['fmt', 'safety.align', 'notes.txt'], { cwd: dir }), 'notes.txt: not an .align file');
        assert.equal(fs.readFileSync(path.join(dir, 'safety.align'), 'utf-8'), fs.readFileSync(path.join(EXAMPLES, 'safety.align'), 'utf-8'), 'nothing written');
    });

    it('quotes the paths of the --check hint for the shell, so that the hint formats what it names when pasted', () => {
        const dir = tempDir();
        writeFile(dir, '~drafts/a.align', 'skill   A    "A"\n');
        writeFile(dir, "Q1 it's/b.align", 'skill   B    "B"\n');
        const result = runCli(['fmt', '--check', '~drafts', "Q1 it's"], { cwd: dir });
        assert.equal(result.status, 1);
        assert.equal(result.stderr, "align: run align fmt '~drafts' 'Q1 it'\\''s' to format 2 files\n", 'a leading ~ is quoted as well as spaces and quotes');
        const hint = result.stderr.replace(/^align: run /, '').replace(/ to format .*\n$/, '');
        // HOME points at the test folder so that an unquoted ~drafts would name something else.
        const pasted = spawnSync('/bin/sh', ['-c', `align() { "${process.execPath}" "${BIN}" "$@"; }\n${hint}`], { cwd: dir, encoding: 'utf-8', env: { ...cliEnv(), HOME: path.join(dir, 'elsewhere') } });
        assert.equal(pasted.status, 0, pasted.stderr);
        assert.equal(fs.readFileSync(path.join(dir, '~drafts/a.align'), 'utf-8'), 'skill A "A"\n');
        assert.equal(fs.readFileSync(path.join(dir, "Q1 it's/b.align"), 'utf-8'), 'skill B "B"\n');
    });

    it('reports a file with a syntax error as align: file:line:column message, wrapped at 80, leaves it as it is, formats the others, exits 1', () => {
        const dir = tempDir();
        const broken = 'program X {\n  sponsor "a"\n  serves\n}\n';
        writeFile(dir, 'broken.align', broken);
        writeFile(dir, 'ok.align', 'skill   A    "A"\n');
        const result = runCli(['fmt'], { cwd: dir });
        assert.equal(result.status, 1);
        assert.equal(result.stdout, 'ok.align\n');
        assertFits80(result.stderr);
        const lines = linesOf(unwrapped(result.stderr));
        assert.equal(lines.length, 1, result.stderr);
        assert.match(lines[0]!, /^align: broken\.align:4:1 syntax error: .+ \(not formatted\)$/);
        assert.equal(fs.readFileSync(path.join(dir, 'broken.align'), 'utf-8'), broken);
        assert.equal(fs.readFileSync(path.join(dir, 'ok.align'), 'utf-8'), 'skill A "A"\n');
        writeFile(dir, 'broken.align', 'program X {\n  sponsor "a"\n');
        const atEnd = runCli(['fmt', '--check', 'broken.align'], { cwd: dir });
        assert.equal(atEnd.status, 1);
        assert.match(unwrapped(atEnd.stderr), /^align: broken\.align:3:1 syntax error: .+ \(not formatted\)\n$/);
        // A long message, as the reporter's: 152 columns on one line before.
        writeFile(dir, 'broken.align', 'hello\n');
        const long = runCli(['fmt', 'broken.align'], { cwd: dir });
        assert.equal(long.stderr, 'align: broken.align:1:1 syntax error: Unexpected `hello` outside a declaration:\n'
            + '  start a declaration (`outcome`, `metric`, `skill`, …) or remove it (not\n  formatted)\n');
    });

    it('reports a binary, non-UTF-8, UTF-16 (with or without a byte order mark) or unreadable file as a syntax error at 1:1, formats or lists every other file, exits 1', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', 'skill   A\n');
        writeFile(dir, 'b.align', Buffer.from([0x73, 0, 0x6b]));
        writeFile(dir, 'c.align', Buffer.from('program P "\xe9t\xe9" {}\n', 'latin1'));
        writeFile(dir, 'd.align', Buffer.from([0xff, 0xfe, 0x71, 0x00]));
        writeFile(dir, 'e.align', 'skill   E\n');
        writeFile(dir, 'f.align', Buffer.from('skill   F\n', 'utf16le'));
        const bad = {
            'b.align': 'This file is binary (a NUL byte on line 1), not Align source: remove it or rename it',
            'c.align': 'This file is not UTF-8 text (byte 0xe9 on line 1): save it as UTF-8',
            'd.align': 'This file is saved as UTF-16, not UTF-8: save it as UTF-8',
            'f.align': 'This file is saved as UTF-16, not UTF-8: save it as UTF-8'
        };
        const expected = Object.entries(bad).map(([file, message]) => `align: ${file}:1:1 syntax error: ${message} (not formatted)`);
        const check = runCli(['fmt', '--check'], { cwd: dir });
        assert.equal(check.status, 1, check.stderr);
        assert.equal(check.stdout, 'a.align: not formatted\ne.align: not formatted\n', 'the other files are listed');
        assertFits80(check.stderr);
        assert.deepEqual(linesOf(unwrapped(check.stderr)), [...expected, 'align: run align fmt to format 2 files'], 'each bad file named');
        const snapshotBefore = snapshot(dir);
        const result = runCli(['fmt'], { cwd: dir });
        assert.equal(result.status, 1, result.stderr);
        assert.equal(result.stdout, 'a.align\ne.align\n');
        assert.deepEqual(linesOf(unwrapped(result.stderr)), expected);
        assert.equal(fs.readFileSync(path.join(dir, 'a.align'), 'utf-8'), 'skill A\n', 'formatted');
        assert.equal(fs.readFileSync(path.join(dir, 'e.align'), 'utf-8'), 'skill E\n', 'formatted');
        for (const file of Object.keys(bad)) assert.equal(snapshot(dir)[file], snapshotBefore[file], `${file} left as it was`);
        // The same words as align check's `syntax` finding.
        const findings = findingsOf(dir, 1).filter(f => f.rule === 'syntax').map(f => `${f.file}:${f.line}:${f.column} ${f.message}`);
        assert.deepEqual(findings, Object.entries(bad).map(([file, message]) => `${file}:1:1 ${message}.`));
        // Given by name, alone: the same line, exit 1 (not a usage error).
        const alone = runCli(['fmt', 'c.align'], { cwd: dir });
        assert.deepEqual([alone.status, alone.stdout, unwrapped(alone.stderr)], [1, '', `${expected[1]}\n`]);
    });

    it('exits 2 on a missing path or an unknown option, writing no file', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', 'skill   A\n');
        assertOneLineFailure(runCli(['fmt', 'a.align', 'no-such.align'], { cwd: dir }), 'no-such.align', 'no such file');
        assertOneLineFailure(runCli(['fmt', '--write'], { cwd: dir }), "unknown option '--write'");
        assert.equal(fs.readFileSync(path.join(dir, 'a.align'), 'utf-8'), 'skill   A\n', 'nothing formatted');
    });

    it('keeps CRLF line ends and comments', () => {
        const dir = tempDir();
        writeFile(dir, 'c.align', '// top\r\nskill A "A" // why\r\nskill   B\r\n');
        assert.equal(runCli(['fmt'], { cwd: dir }).status, 0);
        assert.equal(fs.readFileSync(path.join(dir, 'c.align'), 'utf-8'), '// top\r\nskill A "A" // why\r\nskill B\r\n');
    });

    it('keeps lone-CR (old Mac) line ends, and places a syntax error at the end of such a file on its last line', () => {
        const dir = tempDir();
        writeFile(dir, 'm.align', '// top\rskill A "A" // why\rskill   B\r');
        assert.equal(runCli(['fmt'], { cwd: dir }).status, 0);
        assert.equal(fs.readFileSync(path.join(dir, 'm.align'), 'utf-8'), '// top\rskill A "A" // why\rskill B\r');
        writeFile(dir, 'm.align', 'program X {\r  sponsor "a"\r');
        assert.match(unwrapped(runCli(['fmt', '--check', 'm.align'], { cwd: dir }).stderr), /^align: m\.align:3:1 syntax error: .+ \(not formatted\)\n$/);
    });

    it('keeps a UTF-8 byte order mark (with CRLF) in a file it rewrites, and adds none', () => {
        const dir = tempDir();
        const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
        writeFile(dir, 'bom.align', Buffer.concat([BOM, Buffer.from('skill   A "A"\r\nskill B\r\n')]));
        writeFile(dir, 'plain.align', 'skill   C\n');
        const check = runCli(['fmt', '--check'], { cwd: dir });
        assert.deepEqual([check.status, linesOf(check.stdout)], [1, ['bom.align: not formatted', 'plain.align: not formatted']]);
        assert.equal(check.stderr, 'align: run align fmt to format 2 files\n');
        const result = runCli(['fmt'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(linesOf(result.stdout), ['bom.align', 'plain.align']);
        assert.deepEqual(fs.readFileSync(path.join(dir, 'bom.align')), Buffer.concat([BOM, Buffer.from('skill A "A"\r\nskill B\r\n')]));
        assert.equal(fs.readFileSync(path.join(dir, 'plain.align'), 'utf-8'), 'skill C\n');
        assert.equal(runCli(['fmt', '--check'], { cwd: dir }).status, 0, 'the byte order mark is not a change');
    });
});

describe('docs/ci.md recipes', () => {
    before(requireBundle);
    after(removeTempDirs);

    const DOC = path.join(REPO_ROOT, 'docs', 'ci.md');
    const EXAMPLE_DIR = path.join(REPO_ROOT, 'docs', 'examples');
    const GITHUB = path.join(EXAMPLE_DIR, 'github-align.yml');
    const GITLAB = path.join(EXAMPLE_DIR, 'gitlab-ci.yml');
    const HOOK = path.join(EXAMPLE_DIR, 'pre-commit');
    const ACTION_WORKFLOW = path.join(EXAMPLE_DIR, 'github-action.yml');
    const ALIGN = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)}`;

    interface Step { name?: string; id?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; 'continue-on-error'?: boolean }
    interface Workflow { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }> }

    const workflow = () => yaml.load(fs.readFileSync(GITHUB, 'utf-8')) as Workflow;

    /** Runs a shell script as GitHub's `bash -e -o pipefail` would, with `npx align` being the built CLI. */
    function runShell(script: string, cwd: string, env: NodeJS.ProcessEnv = {}) {
        const text = script.replace(/npx (--no-install )?align /g, `${ALIGN} `);
        return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', text], { cwd, encoding: 'utf-8', env: { ...process.env, ...env }, timeout: 60_000 });
    }

    it('docs/ci.md shows each example file verbatim', () => {
        const doc = fs.readFileSync(DOC, 'utf-8');
        for (const file of [GITHUB, GITLAB, HOOK, ACTION_WORKFLOW]) {
            const text = fs.readFileSync(file, 'utf-8');
            assert.ok(doc.includes('\n' + text + '```\n'), `${path.basename(file)} is in docs/ci.md`);
        }
        assert.ok(doc.includes('.github/workflows/align.yml'));
        assert.ok(doc.includes('<!-- align-impact-chain -->'));
        assert.ok(doc.includes('<!-- align-diff -->'));
    });

    it('the GitHub workflow parses and has the steps: check, SARIF upload, one PR comment, failure on errors', () => {
        const wf = workflow();
        assert.ok('pull_request' in wf.on);
        const job = wf.jobs['align']!;
        assert.equal(job.permissions['security-events'], 'write');
        assert.equal(job.permissions['pull-requests'], 'write');
        const steps = job.steps;
        const runs = steps.map(s => s.run ?? '').join('\n');
        assert.match(runs, /npx align check --format github/);
        assert.match(runs, /npx align check --format sarif --output align\.sarif/);
        assert.match(runs, /npx align graph --format mermaid --output impact\.mmd/);
        assert.match(runs, /npx align check --format pretty --no-color > findings\.txt/);
        const upload = steps.find(s => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
        assert.equal(upload?.with?.['sarif_file'], 'align.sarif');
        const comment = steps.find(s => s.uses?.startsWith('actions/github-script@'));
        assert.ok(String(comment?.with?.['script']).includes('<!-- align-impact-chain -->'));
        const check = steps.find(s => s.id === 'check');
        assert.equal(check?.['continue-on-error'], true);
        assert.equal(steps.at(-1)?.if, "steps.check.outcome == 'failure'");
    });

    it('the workflow\'s run steps work on the examples: exit statuses, the SARIF file, the chart and the findings', () => {
        const dir = tempDir();
        copyExamples(dir, '.');
        const steps = workflow().jobs['align']!.steps.filter(s => s.run && s.run !== 'npm ci');
        const byName = (name: string) => steps.find(s => s.name === name)!;
        const check = runShell(byName('Check (annotations)').run!, dir);
        assert.equal(check.status, 1, 'errors found: the step fails (continue-on-error keeps the job going)');
        assert.match(check.stdout, /^::error file=sales-win-rate\.align,line=68,/m);
        assert.equal(runShell(byName('Check (SARIF)').run!, dir).status, 0, 'exit 1 of check is accepted');
        assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'align.sarif'), 'utf-8')).version, '2.1.0');
        const summary = runShell(byName('Impact chain and findings summary').run!, dir);
        assert.equal(summary.status, 0, summary.stderr);
        assert.ok(fs.readFileSync(path.join(dir, 'impact.mmd'), 'utf-8').startsWith('flowchart LR\n'));
        assert.match(fs.readFileSync(path.join(dir, 'findings.txt'), 'utf-8'), /✖ 13 problems \(4 errors, 5 warnings, 4 infos\) in 3 of 5 files\n$/);
        assert.notEqual(runShell(byName('Fail on errors').run!, dir).status, 0);
        fs.rmSync(path.join(dir, 'align.sarif'));
        fs.mkdirSync(path.join(dir, 'align.sarif'));
        assert.notEqual(runShell(byName('Check (SARIF)').run!, dir).status, 0, 'exit 2 (the SARIF file cannot be written) fails the step');
    });

    it('the PR-comment script creates ONE comment, then updates it (found by its marker)', async () => {
        const dir = tempDir();
        copyExamples(dir, '.');
        const steps = workflow().jobs['align']!.steps;
        assert.equal(runShell(steps.find(s => s.name === 'Impact chain and findings summary')!.run!, dir).status, 0);
        const script = String(steps.find(s => s.uses?.startsWith('actions/github-script@'))!.with!['script']);
        const reviewer = { login: 'reviewer', type: 'User' };
        const comments: Array<{ id: number; body: string; user: { login: string; type: string } }> = [{ id: 1, body: 'Looks good to me', user: reviewer }];
        const calls: string[] = [];
        const github = {
            paginate: async (method: (args: object) => Promise<{ data: unknown[] }>, args: object) => (await method(args)).data,
            rest: {
                issues: {
                    listComments: async () => ({ data: comments.map(c => ({ ...c })) }),
                    createComment: async ({ issue_number, body }: { issue_number: number; body: string }) => {
                        calls.push(`create #${issue_number}`);
                        comments.push({ id: comments.length + 1, body, user: { login: 'github-actions[bot]', type: 'Bot' } });
                    },
                    updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => {
                        calls.push(`update ${comment_id}`);
                        comments.find(c => c.id === comment_id)!.body = body;
                    }
                }
            }
        };
        const context = { repo: { owner: 'acme', repo: 'programs' }, issue: { number: 7 } };
        const requireInDir = createRequire(path.join(dir, 'x.js'));
        const run = async () => {
            const cwd = process.cwd();
            process.chdir(dir);
            try {
                const fn = vm.runInThisContext(`(async (require, github, context) => {\n${script}\n})`) as (r: NodeRequire, g: typeof github, c: typeof context) => Promise<void>;
                await fn(requireInDir, github, context);
            } finally {
                process.chdir(cwd);
            }
        };
        await run();
        // A reviewer quoting the comment, marker and all, before the next push: not the workflow's to update.
        comments.unshift({ id: 3, body: comments[1]!.body, user: reviewer });
        await run();
        assert.deepEqual(calls, ['create #7', 'update 2']);
        assert.equal(comments.length, 3);
        const body = comments.find(c => c.id === 2)!.body;
        assert.ok(body.startsWith('<!-- align-impact-chain -->\n### Align: impact chain\n\n```mermaid\nflowchart LR\n'));
        assert.ok(body.includes(fs.readFileSync(path.join(dir, 'impact.mmd'), 'utf-8') + '```'));
        assert.ok(body.includes('**✖ 13 problems (4 errors, 5 warnings, 4 infos) in 3 of 5 files**'));
        assert.ok(body.includes('<details><summary>Findings (align check)</summary>'));
    });

    it('the GitLab job parses, and its script writes the reports (code quality, JUnit) and artifacts', () => {
        const doc = yaml.load(fs.readFileSync(GITLAB, 'utf-8')) as Record<string, { script: string[]; artifacts: { when: string; reports: Record<string, string>; paths: string[] } }>;
        const job = doc['align']!;
        assert.equal(job.artifacts.when, 'always');
        assert.equal(job.artifacts.reports['codequality'], 'gl-code-quality-report.json');
        assert.equal(job.artifacts.reports['junit'], 'align-junit.xml');
        const dir = tempDir();
        copyExamples(dir, '.');
        const lines = job.script.filter(l => !l.startsWith('npm '));
        assert.ok(lines.some(l => l.includes('npx align check --format gitlab --output gl-code-quality-report.json')), 'the Code Quality report comes from --format gitlab');
        const last = lines.pop()!;
        for (const line of lines) {
            const result = runShell(line, dir);
            assert.equal(result.status, 0, `${line}\n${result.stderr}`);
        }
        assert.equal(runShell(last, dir).status, 1, 'the last line fails the job on errors');
        const quality = JSON.parse(fs.readFileSync(path.join(dir, 'gl-code-quality-report.json'), 'utf-8')) as Array<Record<string, unknown>>;
        assert.equal(quality.length, 13);
        const first = quality.find(q => q['check_name'] === 'objective-without-kpi')!;
        assert.deepEqual(first['location'], { path: 'sales-win-rate.align', lines: { begin: 68, end: 68 } });
        assert.equal(first['severity'], 'major');
        assert.match(String(first['fingerprint']), /^[0-9a-f]{64}$/);
        assert.equal(new Set(quality.map(q => q['fingerprint'])).size, quality.length, 'unique fingerprints');
        for (const artifact of job.artifacts.paths.filter(p => p !== 'align-diff.md')) assert.ok(fs.existsSync(path.join(dir, artifact)), artifact);
        assert.ok(!fs.existsSync(path.join(dir, 'align-diff.md')), 'no diff outside a merge request');
        assert.ok(fs.existsSync(path.join(dir, 'align-junit.xml')));
    });

    it('the GitLab job writes align-diff.md in a merge request pipeline', function () {
        if (!HAS_GIT) this.skip();
        const repo = gitRepo(EXAMPLES);
        const base = repo.git('rev-parse', 'HEAD').trim();
        reviewChange(repo);
        repo.commit('review change');
        const doc = yaml.load(fs.readFileSync(GITLAB, 'utf-8')) as Record<string, { script: string[] }>;
        const line = doc['align']!.script.find(l => l.includes('align diff'))!;
        const result = runShell(line, repo.dir, { CI_MERGE_REQUEST_DIFF_BASE_SHA: base });
        assert.equal(result.status, 0, result.stderr);
        assert.match(fs.readFileSync(path.join(repo.dir, 'align-diff.md'), 'utf-8'), /^<!-- align-diff -->\n### Align: impact-chain changes\n\n\*\*1 added, 1 renamed, 2 changed elements/);
    });

    describe('the pre-commit hook', () => {
        const hasGit = spawnSync('git', ['--version']).status === 0;

        it('passes bash -n and is executable', () => {
            const syntax = spawnSync('bash', ['-n', HOOK], { encoding: 'utf-8' });
            assert.equal(syntax.status, 0, syntax.stderr);
            assert.ok((fs.statSync(HOOK).mode & 0o111) !== 0, 'executable');
        });

        /** A git repository with the hook installed; `git` runs there with a fixed identity. */
        function repository(): { dir: string; git: (...args: string[]) => void; commit: () => ReturnType<typeof spawnSync> } {
            const dir = tempDir();
            const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', ALIGN: `${process.execPath} ${BIN}` };
            const git = (...args: string[]) => {
                const r = spawnSync('git', args, { cwd: dir, env, encoding: 'utf-8' });
                assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
            };
            git('init', '-q');
            fs.copyFileSync(HOOK, path.join(dir, '.git', 'hooks', 'pre-commit'));
            fs.chmodSync(path.join(dir, '.git', 'hooks', 'pre-commit'), 0o755);
            return { dir, git, commit: () => spawnSync('git', ['commit', '-q', '-m', 'change'], { cwd: dir, env, encoding: 'utf-8', timeout: 60_000 }) };
        }

        it('lets a formatted, clean program through, and commits without .align files untouched', function () {
            if (!hasGit) this.skip();
            this.timeout(60_000);
            const { dir, git, commit } = repository();
            writeFile(dir, 'README.md', '# programs\n');
            git('add', 'README.md');
            assert.equal(commit().status, 0, 'no .align file staged: the hook does nothing');
            assert.equal(runCli(['init', '--date', '2026-05-04'], { cwd: dir }).status, 0);
            git('add', 'my-program.align');
            const result = commit();
            assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
        });

        it('stops a commit with a file that is not formatted, or with errors, and names the file', function () {
            if (!hasGit) this.skip();
            this.timeout(60_000);
            const { dir, git, commit } = repository();
            copyExamples(dir, 'safety.align');
            git('add', 'safety.align');
            const result = commit();
            assert.equal(result.status, 1);
            // git shows a hook's standard output on its standard error
            assert.match(String(result.stdout) + String(result.stderr), /^safety\.align: not formatted$/m, 'fmt --check names the file');
            assert.match(String(result.stderr), /not formatted; run: align fmt safety\.align/);
            assert.match(String(result.stderr), /align check found errors/);
            assert.equal(runCli(['fmt', 'safety.align'], { cwd: dir }).status, 0);
            git('add', 'safety.align');
            const still = commit();
            assert.equal(still.status, 1, 'formatted, but target-against-direction is an error');
            assert.ok(!String(still.stderr).includes('not formatted'));
        });
    });
});
