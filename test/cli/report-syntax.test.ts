/**
 * `align report` of a workspace with a file that has syntax errors: a
 * notice at the top (before the summary) names each such file, in Markdown
 * and HTML, and every finding names its file from the workspace root, not
 * from the folder the command ran in.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { DATE, report, SYNTAX_NOTICES } from './report-helpers.js';
import { copyExamples, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

describe('align report of files with syntax errors', () => {
    before(requireBundle);
    after(removeTempDirs);

    /** A workspace (a program and a broken file in a subfolder), reported from its parent folder. */
    const reportFromParent = (format: 'md' | 'html'): string => {
        const dir = tempDir();
        copyExamples(dir, 'churn-pilot.align');
        writeFile(dir, 'drafts/broken.align', 'program Broken {\n  title "unterminated\n  serves ???\n}\n');
        return report([path.basename(dir), '--format', format], path.dirname(dir), DATE, SYNTAX_NOTICES);
    };

    it('opens the Markdown review with a notice naming the file, and names files from the workspace root', () => {
        const text = reportFromParent('md');
        const notice = text.indexOf('> **1 file has syntax errors**; the figures below omit what could not be read.');
        assert.ok(notice > 0 && notice < text.indexOf('## Summary'), 'the notice comes before the summary');
        assert.match(text, /^> - `drafts\/broken\.align`: \d+ syntax errors?, the first at line 2\.$/m);
        assert.match(text, /^ {2}- `drafts\/broken\.align:2:\d+` /m, 'findings name the file from the workspace root');
        assert.ok(!text.includes('align-cli-'), 'no path through the folder the command ran in');
    });

    it('opens the HTML review with the notice, before the summary', () => {
        const html = reportFromParent('html');
        const notice = html.indexOf('<div class="notice" role="note">');
        assert.ok(notice > 0 && notice < html.indexOf('<h2 id="summary">'), 'the notice comes before the summary');
        assert.ok(html.slice(notice).startsWith('<div class="notice" role="note">\n<p><svg class="icon"'));
        assert.ok(html.includes('<li><code dir="ltr">drafts/broken.<span aria-hidden="true"><wbr></span>align</code>: '));
        assert.ok(html.includes('<code dir="ltr">drafts/broken.<span aria-hidden="true"><wbr></span>align:2:'), 'findings name the file from the workspace root');
    });

    it('lists each rule\'s messages in the order align check reports them, and names each file\'s first syntax error', () => {
        const dir = tempDir();
        copyExamples(dir, 'churn-pilot.align');
        writeFile(dir, 'broken.align', 'program Broken {\n  serves ???\n}\n\nprogram Other {\n  serves !!!\n}\n');
        const text = report(['.'], dir, DATE, SYNTAX_NOTICES);
        const check = JSON.parse(runCli(['check', '.', '--format', 'json'], { cwd: dir }).stdout) as Array<{ file: string; line: number; column: number; rule: string }>;
        const rank = new Map(check.map((f, i) => [`${f.rule} ${f.file}:${f.line}:${f.column}`, i]));
        // Each rule's list: `- \`rule\` (severity, n)` and its messages, `  - \`file:line:column\` message`.
        const lists = [...text.matchAll(/^- `([a-z-]+)` \((?:error|warning|info), \d+\)\n((?: {2}- .*\n)+)/gm)].map(m => ({
            rule: m[1]!,
            at: [...m[2]!.matchAll(/^ {2}- `([^`]+)`/gm)].map(l => rank.get(`${m[1]} ${l[1]}`) ?? -1)
        }));
        assert.ok(lists.some(l => l.at.length >= 2), 'a rule with several messages in one program');
        for (const list of lists) {
            assert.ok(list.at.every(i => i >= 0), `${list.rule}: every message is a finding of align check`);
            assert.deepEqual(list.at, [...list.at].sort((a, b) => a - b), `${list.rule}: messages in the order of align check`);
        }
        const firstSyntax = check.find(f => f.rule === 'syntax' && f.file === 'broken.align')!;
        assert.match(text, new RegExp(`^> - \`broken\\.align\`: \\d+ syntax errors?, the first at line ${firstSyntax.line}\\.$`, 'm'));
    });

    it('says nothing is left out for an unknown rule id in a suppression comment, which align check still reports', () => {
        const dir = tempDir();
        copyExamples(dir, 'churn-pilot.align');
        writeFile(dir, 'typo.align', '// align-disable-next-line metric-unusd\nmetric U "u"\n');
        const check = JSON.parse(runCli(['check', '.', '--format', 'json'], { cwd: dir }).stdout) as Array<{ file: string; rule: string; message: string }>;
        assert.ok(check.some(f => f.file === 'typo.align' && f.rule === 'syntax' && f.message.startsWith('Unknown rule id `metric-unusd`')));
        const graph = runCli(['graph', '.', '--output', path.join(dir, 'impact.mmd')], { cwd: dir });
        assert.equal(graph.stderr, '');
        const text = report(['.'], dir); // nothing on standard error
        assert.ok(!text.includes('syntax errors'), 'no notice in the report');
        assert.match(text, /Unknown rule id `metric-unusd`/, 'the finding is listed with the others');
    });

    it('leaves out a file that is not Align text (a README saved as .align): no program or finding recovered from it, one notice naming it', () => {
        const dir = tempDir();
        copyExamples(dir, 'churn-pilot.align');
        // Prose: the parser recovers a program `as` and others from it.
        writeFile(dir, 'notes.align', '# Notes\n\nAlign is program-as-code: a program serves an outcome, as the README says.\n');
        // On stderr, as align graph names it (test/cli/not-align-graph.test.ts).
        const text = report(['.'], dir, DATE, /^notes\.align:1:1: is not Align text: left out whole \(\d+ syntax errors\)\nalign: the report leaves out the file that is not Align text; run align check\n$/);
        assert.match(text, /^> \*\*1 file is not Align text\*\*: its first line of code does not read as Align, so nothing in it is in this review/m);
        assert.match(text, /^> - `notes\.align`: \d+ syntax errors, the first at line 1\.$/m);
        assert.match(text, /\*\*Programs:\*\* 1$/m, 'only the program of churn-pilot.align');
        assert.deepEqual(text.match(/^## Program: .*$/gm), ['## Program: Churn reduction pilot (`ChurnPilot`)']);
        assert.ok(!text.includes('notes.align:'), 'no finding of the file is listed');
        assert.ok(!text.includes('file has syntax errors'), 'not counted again among the files with syntax errors');
    });

    it('keeps what could be read of an Align file with a syntax error further on', () => {
        const dir = tempDir();
        copyExamples(dir, 'churn-pilot.align');
        writeFile(dir, 'other.align', '// A program with a mistake.\nprogram Other "Other" {\n  serves ???\n}\n');
        const text = report(['.'], dir, DATE, SYNTAX_NOTICES);
        assert.ok(!text.includes('not Align text'));
        assert.match(text, /^> - `other\.align`: \d+ syntax errors?, the first at line 3\.$/m);
        assert.match(text, /^## Program: Other \(`Other`\)$/m, 'its program is reviewed');
    });

    it('shows no notice when every file was read', () => {
        const dir = tempDir();
        copyExamples(dir, 'churn-pilot.align');
        assert.ok(!report([path.basename(dir)], path.dirname(dir)).includes('syntax errors'));
    });
});
