/**
 * `align diff --format md` (a pull-request comment) and `align report
 * --format md` with a title that GitHub would read as more than text:
 * `@name` notifies a user, `#12` links an issue, `$x$` and `$$x$$` render
 * as math. A word joiner (U+2060) after `@` and `#` breaks the references;
 * every `$` is `<span>$</span>`, as GitHub's docs write a dollar sign
 * outside math. An e-mail address keeps its `@` (built bundle).
 */
import assert from 'node:assert/strict';
import { report } from './report-helpers.js';
import { removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const TITLE = 'Ask @alice and @org/team (see #12, owner/repo#34) at jane@corp.com: $x$ and $$y$$';
const SHOWN = 'Ask @\u2060alice and @\u2060org/team (see \\#\u206012, owner/repo\\#\u206034) at jane@corp.com: '
    + '<span>$</span>x<span>$</span> and <span>$</span><span>$</span>y<span>$</span><span>$</span>';

/** The text GitHub would read as a mention, an issue reference or math: none may be left outside code blocks (a Mermaid picture's labels are escaped as Mermaid's). */
function assertNoReferences(markdown: string): void {
    markdown = markdown.replace(/^```[\s\S]*?^```$/gm, '');
    assert.doesNotMatch(markdown, /(^|[^\w\u2060])@[A-Za-z0-9]/m, 'no @mention');
    assert.doesNotMatch(markdown, /#\d/, 'no #issue');
    assert.doesNotMatch(markdown.replace(/<span>\$<\/span>/g, ''), /\$/, 'no bare $');
}

describe('Markdown for GitHub: mentions, issue references and math in titles', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('align diff --format md: a renamed title in the comment', () => {
        const dir = tempDir();
        writeFile(dir, 'base/a.align', 'skill S "plain"\n');
        writeFile(dir, 'head/a.align', `skill S "${TITLE}"\n`);
        const result = runCli(['diff', 'base', 'head', '--format', 'md'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.ok(result.stdout.includes(SHOWN), result.stdout);
        assertNoReferences(result.stdout);
    });

    it('align report --format md: an outcome\'s title', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', 'metric K "k" {\n  kind lagging unit count direction up baseline 1 target 2 by 2026-12-31\n  source "s" owner "o" cadence monthly\n}\n'
            + `outcome O "${TITLE}" { measured by K }\n`);
        const markdown = report(['--format', 'md'], dir);
        assert.ok(markdown.includes(SHOWN), markdown);
        assertNoReferences(markdown);
    });
});
