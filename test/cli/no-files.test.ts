/**
 * A folder given that holds no `.align` file is a usage error, as ESLint's
 * "No files matching the pattern": in CI an empty check of a wrong path
 * must not pass. Every command that reads a workspace says so the same way
 * (cli/workspace/find-files.ts): one line on stderr naming the folder,
 * nothing on stdout (so `--format json|sarif` never prints a report of no
 * files), exit 2. So does `align diff OLD/ NEW/` of each folder; only a git
 * revision without `.align` files is an empty workspace (a workspace added).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gitRepo, HAS_GIT } from './git-repo.js';
import { metricText } from '../standards-workspace.js';
import { assertOneLineFailure, checkJson, copyExamples, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

describe('a folder without .align files', function () {
    this.timeout(60_000);
    before(requireBundle);
    after(removeTempDirs);

    /** A folder with an empty `empty/` folder and a README in `docs/`. */
    function workspace(): string {
        const dir = tempDir();
        fs.mkdirSync(path.join(dir, 'empty'));
        writeFile(dir, 'docs/README.md', '# not Align source\n');
        return dir;
    }

    it('check, graph, report, fmt and pull: one line naming the folder, nothing on stdout, exit 2', () => {
        const dir = workspace();
        for (const command of [['check'], ['graph'], ['report'], ['fmt'], ['fmt', '--check'], ['pull']]) {
            for (const folder of ['empty', 'docs/']) {
                const line = assertOneLineFailure(runCli([...command, folder], { cwd: dir }));
                const shown = folder.endsWith('/') ? folder : `${folder}/`;
                assert.equal(line, `align: no .align files in ${shown}`, `align ${command.join(' ')} ${folder}`);
            }
        }
    });

    it('with no path, the current folder: ./', () => {
        const dir = workspace();
        assert.equal(assertOneLineFailure(runCli(['check'], { cwd: path.join(dir, 'empty') })), 'align: no .align files in ./');
    });

    it('an empty path (align check "$FILES" with the variable empty) is a usage error, not the current folder', () => {
        const dir = workspace();
        copyExamples(dir, 'churn-pilot.align');
        for (const command of ['check', 'graph', 'report', 'fmt']) {
            assert.equal(assertOneLineFailure(runCli([command, ''], { cwd: dir })), 'align: an empty path was given (""): give a file or folder, or none for the current folder', command);
        }
    });

    it('`-` (standard input to many tools) is a usage error that says standard input is not read and what to do', () => {
        const dir = workspace();
        copyExamples(dir, 'churn-pilot.align');
        for (const command of ['check', 'graph', 'report', 'fmt']) {
            assert.equal(assertOneLineFailure(runCli([command, '-'], { cwd: dir })),
                'align: -: reading standard input is not supported: save the text to an .align file and give its path (./- names a file or folder called -)', command);
        }
        fs.mkdirSync(path.join(dir, '-'));
        fs.copyFileSync(path.join(dir, 'churn-pilot.align'), path.join(dir, '-', 'x.align'));
        const folder = runCli(['check', './-', '--format', 'json'], { cwd: dir });
        assert.notEqual(folder.status, 2, `a folder called - is read as ./-: ${folder.stderr}`);
        assert.ok((JSON.parse(folder.stdout) as Array<{ file: string }>).some(f => f.file === '-/x.align'), folder.stdout);
    });

    it('machine formats: stdout stays empty (never a report of no files), the message is on stderr', () => {
        const dir = workspace();
        for (const format of ['json', 'sarif', 'junit', 'gitlab', 'github']) {
            assertOneLineFailure(runCli(['check', 'empty', '--format', format], { cwd: dir }), 'no .align files in empty/');
        }
        const output = path.join(dir, 'out.sarif');
        assertOneLineFailure(runCli(['check', 'empty', '--format', 'sarif', '--output', output], { cwd: dir }), 'empty/');
        assert.ok(!fs.existsSync(output), '--output is not written');
        assertOneLineFailure(runCli(['graph', 'empty', '--format', 'json'], { cwd: dir }), 'empty/');
    });

    it('with several paths, any folder without .align files fails, naming it', () => {
        const dir = workspace();
        copyExamples(dir, 'churn-pilot.align', 'catalog');
        assertOneLineFailure(runCli(['check', '.', 'empty', '--format', 'json'], { cwd: dir }), 'no .align files in empty/');
        assertOneLineFailure(runCli(['fmt', '--check', 'churn-pilot.align', 'docs'], { cwd: dir }), 'no .align files in docs/');
        const both = runCli(['check', '.', 'catalog', '--format', 'json'], { cwd: dir });
        assert.equal(both.status, 0, both.stderr);
    });

    it('a folder whose files are all program templates names the templates folder', () => {
        const dir = tempDir();
        writeFile(dir, 'align.config.json', '{ "templates": "./templates" }\n');
        writeFile(dir, 'templates/starter.align', 'program ${name} "${title}" {\n}\n');
        for (const command of ['check', 'fmt']) {
            const line = assertOneLineFailure(runCli([command, '.'], { cwd: dir }));
            assert.equal(line, 'align: no .align files in ./ outside its templates folder templates/ (program templates are skipped)');
        }
    });

    it('a folder whose files are all catalog files (a library, not checked) says so, and how to check the catalog', () => {
        const dir = tempDir();
        writeFile(dir, 'align.config.json', '{ "catalogs": ["./kpis"] }\n');
        writeFile(dir, 'kpis/skills.align', 'skill Listen "Listen"\n');
        const line = assertOneLineFailure(runCli(['check', '--format', 'sarif'], { cwd: dir }), 'no .align files in ./ other than catalog files');
        assert.match(line, /to check a catalog itself, name its folder\)$/);
    });

    it('a catalog folder or file named on the command line is checked as workspace files (its owners check it so)', () => {
        const dir = tempDir();
        writeFile(dir, 'align.config.json', '{ "catalogs": ["./kpis"] }\n');
        writeFile(dir, 'kpis/skills.align', 'skill Listen "Listen" {\n  assessed by "Quiz"\n}\n');
        writeFile(dir, 'kpis/more/metrics.align', metricText('Unused'));
        const rules = (args: string[]) => checkJson(args, { cwd: dir, status: 0 }).map(f => `${f.file} ${f.rule}`);
        assert.deepEqual(rules(['kpis']), ['kpis/more/metrics.align metric-unused', 'kpis/skills.align skill-enables-nothing']);
        assert.deepEqual(rules(['kpis/skills.align']), ['kpis/skills.align skill-enables-nothing'], 'a file named: it alone (the rest of the catalog stays the library)');
    });

    it('align fmt leaves catalog files alone unless the catalog is named (formatting never edits a library)', () => {
        const dir = tempDir();
        writeFile(dir, 'align.config.json', '{ "catalogs": ["./kpis"] }\n');
        writeFile(dir, 'kpis/skills.align', 'skill   Listen "Listen"\n');
        writeFile(dir, 'program.align', 'skill   Own "Own"\n');
        const all = runCli(['fmt', '--check', '.'], { cwd: dir });
        assert.equal(all.status, 1);
        assert.equal(all.stdout, 'program.align: not formatted\n');
        const named = runCli(['fmt', '--check', 'kpis'], { cwd: dir });
        assert.equal(named.stdout, 'kpis/skills.align: not formatted\n', 'the catalog named: its owners format it');
        fs.rmSync(path.join(dir, 'program.align'));
        assertOneLineFailure(runCli(['fmt', '.'], { cwd: dir }), 'no .align files in ./ other than catalog files');
        assert.equal(fs.readFileSync(path.join(dir, 'kpis/skills.align'), 'utf-8'), 'skill   Listen "Listen"\n', 'not rewritten');
    });

    it('a file given by name must be an .align file (unchanged)', () => {
        const dir = workspace();
        assertOneLineFailure(runCli(['check', 'docs/README.md'], { cwd: dir }), 'docs/README.md: not an .align file');
    });

    it('a file named just .align (no name before the extension) is not an .align file: skipped in a folder, refused by name', () => {
        const dir = workspace();
        const source = 'outcome Out "Out" {\n  owner "COO"\n}\n';
        writeFile(dir, 'src/.align', source);
        writeFile(dir, 'src/sub/.align', source);
        writeFile(dir, 'src/real.align', source.replace('Out', 'Real'));
        for (const command of [['check'], ['graph'], ['report'], ['fmt', '--check']]) {
            const result = runCli([...command, 'src'], { cwd: dir });
            assert.ok(result.status === 0 || result.status === 1, `align ${command.join(' ')}: exit ${result.status}: ${result.stderr}`);
            assert.doesNotMatch(result.stderr, /internal error/, `align ${command.join(' ')}`);
        }
        assert.match(runCli(['check', 'src'], { cwd: dir }).stdout, / in 1 file\n$/, 'only real.align is checked');
        assertOneLineFailure(runCli(['check', 'src/.align'], { cwd: dir }), 'src/.align: not an .align file', 'give it a name');
        assertOneLineFailure(runCli(['check', 'empty'], { cwd: dir }), 'no .align files in empty/');
        writeFile(dir, 'only/.align', source);
        assertOneLineFailure(runCli(['check', 'only'], { cwd: dir }), 'no .align files in only/');
    });

    it('align diff: a revision without .align files is an empty workspace, a folder without them a usage error', function () {
        if (!HAS_GIT) this.skip();
        const repo = gitRepo();
        writeFile(repo.dir, 'README.md', '# programs\n');
        repo.commit('no Align yet');
        copyExamples(repo.dir, 'churn-pilot.align', 'catalog');
        const result = runCli(['diff', 'HEAD', '--format', 'json'], { cwd: repo.dir });
        assert.equal(result.status, 0, result.stderr);
        assert.ok((JSON.parse(result.stdout) as { nodes: { added: unknown[] } }).nodes.added.length > 0, 'everything is added');
        const empty = tempDir();
        assertOneLineFailure(runCli(['diff', path.join(repo.dir, 'catalog'), empty, '--format', 'json']), `no .align files in ${empty}/`);
    });
});
