/**
 * `align report` of a workspace whose settings file has problems: one line
 * at the top (before the summary), in Markdown and HTML, names the file and
 * the problem; the report is still written (exit 0).
 */
import assert from 'node:assert/strict';
import { DATE, report, SETTINGS_NOTICES } from './report-helpers.js';
import { copyExamples, removeTempDirs, requireBundle, tempDir, writeFile } from './run-cli.js';

describe('align report with settings that have problems', () => {
    before(requireBundle);
    after(removeTempDirs);

    const workspace = (config: string | undefined): string => {
        const dir = tempDir();
        copyExamples(dir, 'churn-pilot.align');
        if (config !== undefined) writeFile(dir, 'align.config.json', config);
        return dir;
    };

    it('opens the Markdown review with the settings file and its problem', () => {
        const text = report([], workspace('{ "extends": "@acme/align-standards" }\n'), DATE, SETTINGS_NOTICES);
        const line = text.split('\n').find(l => l.startsWith('> **The settings file has 1 problem**'));
        assert.ok(line, text.slice(0, 800));
        assert.ok(text.indexOf(line) < text.indexOf('## Summary'), 'before the summary');
        // `@acme` would mention a GitHub organisation: a word joiner follows the `@` (cli/report/markdown.ts).
        assert.match(line, /^> \*\*The settings file has 1 problem\*\*: `align\.config\.json:1:\d+` extends: package @\u2060acme\/align-standards is not installed .*\. The parts of `align\.config\.json` that could be read apply and the invalid ones were ignored/);
        assert.ok(text.includes('- `config-invalid` (error, 1)'), 'the finding is still listed with the others');
    });

    it('opens the HTML review with the same line, in a notice', () => {
        const html = report(['--format', 'html'], workspace('{ "rules": { "no-such-rule": "error" }, \n'), DATE, SETTINGS_NOTICES);
        const notice = /<div class="notice" role="note">\n<p>[^]*?<\/p>\n<\/div>/.exec(html)?.[0];
        assert.ok(notice && notice.includes('<strong>The settings did not load</strong>'), html.slice(0, 3000));
        assert.ok(html.indexOf(notice) < html.indexOf('<h2 id="summary">'), 'before the summary');
        assert.match(notice.replace(/<[^>]+>/g, ''), /align\.config\.json:\d+:\d+ /);
    });

    it('says nothing of the settings when they loaded', () => {
        const text = report([], workspace('{ "rules": { "actuals-off-track": "info" } }\n'));
        assert.ok(!text.includes('The settings did not load') && !text.includes('The settings file has'));
    });
});
