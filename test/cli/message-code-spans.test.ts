/**
 * Findings that quote data holding backticks (an unknown rule id `foo`bar`,
 * an escape `\``, a stray ``) quote it in a longer fence (CommonMark), and
 * the report (HTML and Markdown) and `align diff --format md` show it as one
 * code span. Quoted in single backticks, `foo`bar` paired wrongly: the
 * report showed the backticks as text, or code that ended inside the data.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { report, SYNTAX_NOTICES } from './report-helpers.js';
import { removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

/** An unknown rule id (a finding without syntax errors), then a file of lexer errors: an escape and a run that no token reads. */
const FILES: Readonly<Record<string, string>> = {
    'a.align': 'skill S "s"\n// align-disable-next-line foo`bar\nskill T "t"\n',
    'b.align': 'skill U "a\\`b"\nskill V "v" ``\n'
};

/** Each finding's message as the Markdown quotes it: the data in a fence longer than its backticks. */
const MARKDOWN = [
    'Unknown rule id ``foo`bar`` in align-disable-next-line: it suppresses nothing',
    'Invalid escape `` \\` `` in a string: only `\\"` (a quote) and `\\\\` (a backslash) may follow a backslash.',
    'Unexpected characters ``` `` ```: they may stand only in a "quoted string" or a comment.'
];

function workspace(dir: string, files = FILES): void {
    for (const [name, text] of Object.entries(files)) writeFile(dir, name, text);
}

describe('messages quoting backticks: one code span each', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('report --format md: the message keeps its fences, nothing escaped between them', () => {
        const dir = tempDir();
        workspace(dir);
        const markdown = report(['--format', 'md'], dir, undefined, SYNTAX_NOTICES);
        for (const message of MARKDOWN) assert.ok(markdown.includes(message), `${message}\nin\n${markdown.split('\n').filter(l => l.includes('align:')).join('\n')}`);
    });

    it('report --format html: the data is the whole text of one code element', () => {
        const dir = tempDir();
        workspace(dir);
        const html = report(['--format', 'html'], dir, undefined, SYNTAX_NOTICES);
        for (const shown of [
            'Unknown rule id <code dir="ltr">foo`bar</code> in align-disable-next-line',
            'Invalid escape <code dir="ltr">\\`</code> in a string: only <code dir="ltr">\\&quot;</code> (a quote) and <code dir="ltr">\\\\</code> (a backslash)',
            'Unexpected characters <code dir="ltr">``</code>: they may stand'
        ]) assert.ok(html.includes(shown), shown);
    });

    it('diff --format md: a new finding\'s message keeps its fences', () => {
        const dir = tempDir();
        writeFile(dir, path.join('old', 'a.align'), 'skill S "s"\n');
        workspace(path.join(dir, 'new'));
        const result = runCli(['diff', 'old', 'new', '--format', 'md'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        for (const message of MARKDOWN) assert.ok(result.stdout.includes(`: ${message}`), message);
    });
});
