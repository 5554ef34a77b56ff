/**
 * At a terminal, what `align` prints for people follows the terminal's
 * width: findings, help, messages and `align pull`'s lines wrap to it, in
 * a narrow terminal and a wide one alike (80 columns is only the width
 * when the output is not a terminal). Through the built bundle in a real
 * pseudo-terminal (`script`), not by faking `isTTY`.
 */
import assert from 'node:assert/strict';
import { linesWiderThan, runInTerminal } from './in-terminal.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeTempDirs, requireBundle, runCli, tempDir } from './run-cli.js';
import { pulledKpi, tempWorkspace, type TempWorkspace } from './pull/pull-workspace.js';

const EXAMPLES = 'test/fixtures/examples';

describe('align at a terminal follows its width (child process in a pseudo-terminal)', function () {
    this.timeout(60_000);
    before(requireBundle);
    after(removeTempDirs);

    it('check: the findings wrap to a 50-column terminal, and use the width of a 120-column one', () => {
        const narrow = runInTerminal(['check', EXAMPLES], 50);
        assert.equal(narrow.status, 1, narrow.screen);
        assert.match(narrow.screen, /✖ 13 problems \(4 errors, 5 warnings, 4 infos\)/);
        assert.deepEqual(linesWiderThan(narrow.screen, 50), []);
        const wide = runInTerminal(['check', EXAMPLES], 120);
        assert.equal(wide.status, 1, wide.screen);
        assert.deepEqual(linesWiderThan(wide.screen, 120), []);
        assert.ok(linesWiderThan(wide.screen, 80).length > 0, `no line uses the columns past 80:\n${wide.screen}`);
        assert.ok(narrow.screen.split('\n').length > wide.screen.split('\n').length, 'fewer lines when wider');
    });

    it('check: the rule docs are the address once and the rule ids, every line within 80 columns, URLs too', () => {
        const result = runInTerminal(['check', 'examples'], 80);
        assert.equal(result.status, 1, result.screen);
        assert.match(result.screen, /✖ 13 problems \(4 errors, 5 warnings, 4 infos\) in 3 of 9 files/);
        const lines = result.screen.split('\n');
        assert.deepEqual(lines.filter(line => [...line].length > 80), [], 'no line past 80 columns, not even a URL');
        const at = lines.indexOf('Rule docs: https://github.com/align-lang/align/blob/main/docs/rules/<id>.md');
        assert.ok(at >= 0, result.screen);
        const ids = lines.slice(at + 1, lines.indexOf('', at));
        assert.ok(ids.length > 1 && ids.every(line => /^ {2}[a-z-]+(, [a-z-]+)*,?$/.test(line)), `ids wrapped under the address:\n${ids.join('\n')}`);
        assert.equal(ids.join(' ').split(', ').length, 13, 'one id per rule with findings');
        assert.ok(!result.screen.includes('docs/rules/activity-only-link.md'), 'no page per rule');
    });

    it('--help fits a 50-column terminal', () => {
        const help = runInTerminal(['check', '--help'], 50);
        assert.equal(help.status, 0, help.screen);
        assert.match(help.screen, /--format/);
        assert.deepEqual(linesWiderThan(help.screen, 50), []);
    });

    it('a usage error wraps to a 50-column terminal, its further lines indented by two spaces', () => {
        const result = runInTerminal(['check', EXAMPLES, '--format', 'no-such-format'], 50);
        assert.equal(result.status, 2, result.screen);
        const lines = result.screen.trimEnd().split('\n');
        assert.ok(lines.length > 1, `wrapped: ${result.screen}`);
        assert.match(lines[0]!, /^align: .*--format/);
        for (const line of lines.slice(1)) assert.match(line, /^ {2}\S/);
        assert.deepEqual(linesWiderThan(result.screen, 50), []);
    });

    it('diff: the text wraps to a 50-column terminal, uses a 120-column one, and keeps 80 columns in a file', () => {
        const [base, head] = [tempDir(), tempDir()];
        const objectives = (n: number) => Array.from({ length: n }, (_, i) =>
            `skill S${i} "Skill ${i}"\nobjective O${i} "Objective number ${i} of a long list" {\n  builds S${i}\n}\n`).join('');
        fs.writeFileSync(path.join(base, 'x.align'), objectives(40));
        fs.writeFileSync(path.join(head, 'x.align'), objectives(5));
        const narrow = runInTerminal(['diff', base, head], 50);
        assert.equal(narrow.status, 0, narrow.screen);
        assert.match(narrow.screen, /^Align diff: /);
        assert.deepEqual(linesWiderThan(narrow.screen, 50), []);
        const wide = runInTerminal(['diff', base, head], 120);
        assert.deepEqual(linesWiderThan(wide.screen, 120), []);
        assert.ok(linesWiderThan(wide.screen, 80).length > 0, `no line uses the columns past 80:\n${wide.screen}`);
        const file = path.join(tempDir(), 'diff.txt');
        assert.equal(runInTerminal(['diff', base, head, '--output', file], 120).status, 0);
        const written = fs.readFileSync(file, 'utf-8');
        assert.deepEqual(linesWiderThan(written, 80), []);
        assert.equal(written.replace(/\s+/g, ' '), wide.screen.replace(/\s+/g, ' '), 'the same words');
    });

    describe('align pull', () => {
        let ws: TempWorkspace | undefined;
        afterEach(() => ws?.remove());

        /** A pull that succeeds and one that fails (DuckDB, no server). */
        function pullWorkspace(): TempWorkspace {
            return tempWorkspace({
                'q/good.sql': "SELECT * FROM (VALUES ('2026-01', 4), ('2026-02', 5)) AS t(period, value)",
                'q/bad.sql': 'SELECT * FROM no_such_table_with_a_long_name',
                'p.align': `${pulledKpi('Good', 'monthly')}\nactuals Good from "data/good.csv" { pull sql "q/good.sql" }\n`
                    + `${pulledKpi('Bad', 'monthly')}\nactuals Bad from "data/bad.csv" { pull sql "q/bad.sql" }\n`,
            });
        }

        it('a workspace without pulls: its one line wraps to 80 columns in a pipe, and is whole in a 120-column terminal', () => {
            ws = tempWorkspace({ 'p.align': `${pulledKpi('Good', 'monthly')}\n` });
            const piped = runCli(['pull'], { cwd: ws.root });
            assert.equal(piped.status, 0, piped.stderr);
            assert.deepEqual(linesWiderThan(piped.stdout, 80), []);
            assert.equal(piped.stdout, 'Nothing to pull: no `actuals ... from "file" { pull ... }` block in the\nworkspace.\n', 'no prefix to hang under: every line at the margin');
            const wide = runInTerminal(['pull'], 120, { cwd: ws.root });
            assert.equal(wide.screen, 'Nothing to pull: no `actuals ... from "file" { pull ... }` block in the workspace.\n');
        });

        it('results, failures and the summary wrap to a 50-column terminal and use a 120-column one', () => {
            ws = pullWorkspace();
            const narrow = runInTerminal(['pull', '--dry-run'], 50, { cwd: ws.root });
            assert.equal(narrow.status, 1, narrow.screen);
            assert.match(narrow.screen, /^align: pull failed: Bad,/m);
            assert.deepEqual(linesWiderThan(narrow.screen, 50), []);
            const wide = runInTerminal(['pull', '--dry-run'], 120, { cwd: ws.root });
            assert.equal(wide.status, 1, wide.screen);
            assert.deepEqual(linesWiderThan(wide.screen, 120), []);
            assert.match(wide.screen, /^Dry run: wrote nothing; 1 of 2 pulls succeeded, 1 failed \(its snapshot and lock entry are unchanged\)\.$/m);
            assert.match(narrow.screen, /^Dry run: wrote nothing; 1 of 2 pulls succeeded, 1\nfailed \(its snapshot and lock entry are\nunchanged\)\.$/m, 'the summary at the margin');
        });
    });
});
