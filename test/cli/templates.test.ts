/**
 * `align init --template NAME` and `--list-templates` through the built
 * CLI, in the consuming workspace of examples/standards: the built-in
 * template and the configured ones are listed, `${name}` and `${title}`
 * filled, and every shipped template passes `align check`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { consumingWorkspace, STANDARDS_PACKAGE } from '../standards-workspace.js';
import { assertOneLineFailure, checkJson, removeTempDirs, requireBundle, runCli, tempDir } from './run-cli.js';

/** A workspace whose align.config.json names ./tpl as its templates folder, holding `templates` (name -> text, as tpl/NAME.align). */
function templatesWorkspace(templates: Readonly<Record<string, string>>): string {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'align.config.json'), '{ "templates": "./tpl" }\n');
    fs.mkdirSync(path.join(dir, 'tpl'));
    for (const [name, text] of Object.entries(templates)) fs.writeFileSync(path.join(dir, 'tpl', `${name}.align`), text);
    return dir;
}

const SHIPPED = fs.readdirSync(path.join(STANDARDS_PACKAGE, 'templates')).filter(f => f.endsWith('.align')).map(f => f.replace(/\.align$/, ''));

describe('align init --template', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('lists the built-in template and those of the package, with the package\'s name and version', () => {
        const workspace = consumingWorkspace(tempDir());
        const result = runCli(['init', '--list-templates'], { cwd: workspace });
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(result.stdout.trim().split('\n'), ['builtin  (built-in)', ...SHIPPED.map(name => `${name}  (@acme/align-standards 1.2.0)`)]);
    });

    for (const template of ['builtin', ...SHIPPED]) {
        it(`fills \${name} and \${title} of the ${template} template, and align check passes the program`, () => {
            const workspace = consumingWorkspace(tempDir());
            const date = template === 'builtin' ? ['--date', '2026-09-07'] : [];
            const result = runCli(['init', 'PeopleLeaders', '--template', template, '--title', 'People leaders programme', '--output', 'people-leaders.align', ...date], { cwd: workspace });
            assert.equal(result.status, 0, result.stderr);
            const text = fs.readFileSync(path.join(workspace, 'people-leaders.align'), 'utf-8');
            assert.match(text, /^program PeopleLeaders "People leaders programme" \{$/m);
            assert.doesNotMatch(text, /\$\{|\{\{/, 'no placeholder left');
            assert.deepEqual(checkJson(['.'], { cwd: workspace, status: 0 }), []);
        });
    }

    it('--title with a double quote and backslashes: escaped in the program\'s string, which align check passes and reads back', () => {
        const title = 'Say "hi" \\ to C:\\new\\"x\\';
        for (const template of ['builtin', ...SHIPPED]) {
            const workspace = consumingWorkspace(tempDir());
            const result = runCli(['init', 'Quoted', '--template', template, '--title', title, '--output', 'quoted.align'], { cwd: workspace });
            assert.equal(result.status, 0, result.stderr);
            assert.deepEqual(checkJson(['quoted.align'], { cwd: workspace, status: 0 }), [], template);
            const graph = runCli(['graph', 'quoted.align', '--format', 'json'], { cwd: workspace });
            assert.equal(graph.status, 0, graph.stderr);
            const program = (JSON.parse(graph.stdout) as { nodes: { kind: string; title?: string }[] }).nodes.find(n => n.kind === 'program');
            assert.equal(program?.title, title, `${template}: the title round-trips`);
        }
    });

    it('refuses --date with a configured template (it is copied with its own dates), rather than ignore it', () => {
        const workspace = consumingWorkspace(tempDir());
        const result = runCli(['init', 'Hr', '--template', SHIPPED[0]!, '--date', '2027-05-01', '--output', 'hr.align'], { cwd: workspace });
        assertOneLineFailure(result, '--date sets the pilot of the built-in template', `template ${SHIPPED[0]} (@acme/align-standards 1.2.0)`);
        assert.ok(!fs.existsSync(path.join(workspace, 'hr.align')));
    });

    it('--template builtin needs no configuration: an align.config.json whose templates folder is missing does not stop it', () => {
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, 'align.config.json'), '{ "templates": "./missing" }\n');
        const result = runCli(['init', '-t', 'builtin', 'P', '-o', 'p.align'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.ok(fs.existsSync(path.join(dir, 'p.align')));
    });

    it('a --title with */ placed in a template\'s block comment does not end the comment', () => {
        const dir = templatesWorkspace({ doc: '/** ${title} */\nprogram ${name} "${title}" {\n  sponsor "VP"\n}\n' });
        const result = runCli(['init', '-t', 'doc', 'Delta', '--title', 'Fix */ this', '-o', 'delta.align'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(fs.readFileSync(path.join(dir, 'delta.align'), 'utf-8'), '/** Fix * / this */\nprogram Delta "Fix */ this" {\n  sponsor "VP"\n}\n');
        assert.ok(!checkJson(['delta.align'], { cwd: dir, status: 1 }).some(f => f.rule === 'syntax'), 'no syntax error (other findings: the template is bare)');
    });

    it('drops a template file\'s leading byte order mark: the program written starts with its text', () => {
        const dir = templatesWorkspace({ marked: '\uFEFFprogram ${name} "${title}" {\n  sponsor "VP"\n}\n' });
        const result = runCli(['init', '-t', 'marked', 'Echo', '-o', 'echo.align'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(fs.readFileSync(path.join(dir, 'echo.align'), 'utf-8'), 'program Echo "Echo" {\n  sponsor "VP"\n}\n');
    });

    it('says which program the file declares when a template names it itself', () => {
        const dir = templatesWorkspace({ fixed: 'program Fixed "${title}" {\n  owner "x"\n}\n' });
        const result = runCli(['init', '-t', 'fixed', 'Alpha', '-o', 'alpha.align'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^Created alpha\.align with program Fixed\.$/m);
    });

    it('a short option without its value suggests the long name with =, which takes a value that starts with -', () => {
        const dir = tempDir();
        assertOneLineFailure(runCli(['init', 'P', '-o', '-x.align'], { cwd: dir }), "option '-o' needs a value; write --output=VALUE");
        const written = runCli(['init', 'P', '--output=-x.align'], { cwd: dir });
        assert.equal(written.status, 0, written.stderr);
        assert.ok(fs.existsSync(path.join(dir, '-x.align')));
    });

    it('refuses a --title with a line break: one line, exit 2, no file written', () => {
        const dir = tempDir();
        for (const title of ['Two\nlines', 'Carriage\rreturn']) {
            const result = runCli(['init', 'Broken', '--title', title], { cwd: dir });
            assertOneLineFailure(result, '--title', 'line break');
            assert.deepEqual(fs.readdirSync(dir), []);
        }
    });

    it('refuses an unknown template with exit 2, a did-you-mean and the list', () => {
        const workspace = consumingWorkspace(tempDir());
        const line = assertOneLineFailure(runCli(['init', 'X', '--template', 'onbording'], { cwd: workspace }));
        assert.match(line, /--template onbording: no such template; did you mean 'onboarding'\? \(templates: builtin, onboarding/);
    });

    it('lists linked templates as the workspace walk reads links (inside the folder, each file once), and no hidden file', () => {
        const dir = tempDir();
        const template = 'program ${name} "${title}" {\n  sponsor "VP"\n}\n';
        fs.writeFileSync(path.join(dir, 'align.config.json'), '{ "templates": "./tpl" }\n');
        for (const file of ['tpl/one.align', 'tpl/versions/two-v2.align', 'tpl/.draft.align', 'tpl/sub/nested.align', 'shared/outside.align']) {
            fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
            fs.writeFileSync(path.join(dir, file), template);
        }
        fs.symlinkSync('versions/two-v2.align', path.join(dir, 'tpl/two.align'));
        fs.symlinkSync('one.align', path.join(dir, 'tpl/again.align')); // the same file as one.align: listed once
        fs.symlinkSync('../shared/outside.align', path.join(dir, 'tpl/outside.align')); // leads outside the templates folder
        fs.symlinkSync('nowhere.align', path.join(dir, 'tpl/dangling.align'));
        fs.writeFileSync(path.join(dir, 'tpl/._one.align'), Buffer.from([0, 5, 22, 7, 0xff, 0xfe]));
        const result = runCli(['init', '--list-templates'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, 'builtin  (built-in)\none  (./tpl)\ntwo  (./tpl)\n');
        const made = runCli(['init', '-t', 'two', 'Linked', '-o', 'linked.align'], { cwd: dir });
        assert.equal(made.status, 0, made.stderr);
        assert.equal(fs.readFileSync(path.join(dir, 'linked.align'), 'utf-8'), 'program Linked "Linked" {\n  sponsor "VP"\n}\n');
    });

    it('offers only the built-in template where no align.config.json names templates', () => {
        const dir = tempDir();
        const result = runCli(['init', '--list-templates'], { cwd: dir });
        assert.equal(result.stdout, 'builtin  (built-in)\n');
    });
});
