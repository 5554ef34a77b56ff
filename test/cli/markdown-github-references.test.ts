/**
 * `align diff --format md` (a pull-request comment) and `align report
 * --format md` with a title that GitHub would read as more than text:
 * `@name` notifies a user; `#12`, `owner/repo#34` and `GH-56` link an issue;
 * a commit's SHA (7 to 40 hex digits, also as `owner@SHA` and
 * `owner/repo@SHA`) links the commit; `$x$` and `$$x$$` render as math. A
 * word joiner (U+2060) after `@`, `#` and `GH-`, and after every 6th digit
 * of a hex word, breaks the references; every `$` is `<span>$</span>`, as
 * GitHub's docs write a dollar sign outside math. An e-mail address keeps
 * its `@`, and the commits `align diff` compares stay links (built bundle).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gitRepo, HAS_GIT } from './git-repo.js';
import { report } from './report-helpers.js';
import { removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const TITLE = 'Ask @alice and @org/team (see #12, owner/repo#34, GH-56) at jane@corp.com: $x$ and $$y$$; '
    + 'fixed in a5c3785ed8, jlord@a5c3785, o/r@1234567';
const SHOWN = 'Ask @\u2060alice and @\u2060org/team (see \\#\u206012, owner/repo\\#\u206034, GH-\u206056) at jane@corp.com: '
    + '<span>$</span>x<span>$</span> and <span>$</span><span>$</span>y<span>$</span><span>$</span>; '
    + 'fixed in a5c378\u20605ed8, jlord@a5c378\u20605, o/r@123456\u20607';

/** The text GitHub would read as a mention, an issue or commit reference, or math: none may be left outside code blocks (a Mermaid picture's labels are escaped as Mermaid's). */
function assertNoReferences(markdown: string): void {
    markdown = markdown.replace(/^```[\s\S]*?^```$/gm, '');
    assert.doesNotMatch(markdown, /(^|[^\w\u2060])@[A-Za-z0-9]/m, 'no @mention');
    assert.doesNotMatch(markdown, /#\d/, 'no #issue');
    assert.doesNotMatch(markdown, /(?<![A-Za-z0-9_])GH-\d/i, 'no GH-issue');
    assert.doesNotMatch(markdown, /(?<![A-Za-z0-9_])[0-9A-Fa-f]{7,40}(?![A-Za-z0-9_])/, 'no commit SHA');
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

    it('align diff --format md between commits: the commits compared stay links, a SHA in a title does not', function () {
        if (!HAS_GIT) this.skip();
        const repo = gitRepo();
        fs.writeFileSync(path.join(repo.dir, 'a.align'), 'skill S "plain"\n');
        const base = repo.commit('base');
        repo.edit('a.align', () => `skill S "reverts ${base}"\n`);
        const head = repo.commit('head');
        const result = runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'md'], { cwd: repo.dir });
        assert.equal(result.status, 0, result.stderr);
        assert.ok(result.stdout.includes(`\`HEAD~1\` (${base.slice(0, 7)}) → \`HEAD\` (${head.slice(0, 7)})`), result.stdout);
        const broken = base.replace(/.{6}(?=.)/g, '$&\u2060');
        assert.ok(result.stdout.includes(`reverts ${broken}`), result.stdout);
        const text = result.stdout.replace(/^```[\s\S]*?^```$/gm, '');
        assert.equal(text.split(base.slice(0, 7)).length - 1, 1, 'outside the picture, the base commit is linkable once: in the sides line');
    });
});
