/**
 * The picture of `align diff --format md` renders with the real `mermaid`
 * package in Chromium, with Mermaid's default limits: added, removed,
 * renamed, changed and context nodes carry their classes, removed links are
 * dashed; a change too large for one picture is shortened to fit (at most
 * 500 links and 50,000 characters) and the comment says so, staying under
 * GitHub's 65,536 characters.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gitRepo, HAS_GIT, reviewChange } from './git-repo.js';
import { assertRendered, useMermaidPage } from './mermaid-browser.js';
import { EXAMPLES, removeTempDirs, requireBundle, runCli, tempDir } from './run-cli.js';

/** The Mermaid block of a comment. */
function mermaidBlock(md: string): string {
    const m = /```mermaid\n([\s\S]*?)```/.exec(md);
    assert.ok(m, 'a mermaid block');
    return m[1]!;
}

function diffMd(args: string[], cwd?: string): string {
    const result = runCli(['diff', ...args, '--format', 'md'], { cwd });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
}

/** `count` new objectives, each building its own skill that enables its own behavior moving WinRate. */
function manyChains(count: number): string {
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
        const title = `Chain ${i}: a deliberately long title so that the picture grows quickly`;
        lines.push(`skill S${i} "${title}"`, `behavior B${i} "${title}" {\n  enabled by S${i}\n  moves WinRate\n  observed by manager weekly\n}`,
            `objective O${i} "${title}" {\n  builds S${i}\n  practice case "c"\n}`);
    }
    return lines.join('\n') + '\n';
}

describe('the picture of align diff renders with mermaid in Chromium', function () {
    this.timeout(180_000);
    before(requireBundle);
    after(removeTempDirs);
    const mermaid = useMermaidPage();

    it('the review change: every node, statuses as classes, the removed link dashed', async function () {
        if (!HAS_GIT) this.skip();
        const repo = gitRepo(EXAMPLES);
        reviewChange(repo);
        const text = mermaidBlock(diffMd(['HEAD'], repo.dir));
        const result = await mermaid().render(text);
        assertRendered(result, text);
        assert.equal(result.nodes.length, text.split('\n').filter(l => /^ {4}n_/.test(l)).length);
        const withClass = (c: string) => result.nodes.filter((_, i) => result.nodeClasses[i]!.split(' ').includes(c));
        assert.deepEqual(withClass('added').map(n => n.split(/Negotiate ·/)[0]), ['Negotiate multi-year renewals']);
        assert.ok(withClass('renamed')[0]?.includes('renamed: from ChurnPilot.NeedsDiscovery'), withClass('renamed').join('\n'));
        assert.equal(withClass('changed').length, 2);
        assert.ok(withClass('context').length >= 5);
        assert.equal(result.edgeStyles.filter(s => s.includes('stroke-dasharray') && s.includes('#cf222e')).length, 1, result.edgeStyles.join('\n'));
    });

    it('removed elements are drawn from the base, red and dashed', async () => {
        const old = tempDir();
        const now = tempDir();
        fs.cpSync(EXAMPLES, old, { recursive: true });
        fs.cpSync(EXAMPLES, now, { recursive: true });
        const sales = path.join(now, 'sales-win-rate.align');
        fs.writeFileSync(sales, fs.readFileSync(sales, 'utf-8').replace(/  behavior BuildsClosePlan[\s\S]*?\n  }\n/, ''));
        const text = mermaidBlock(diffMd([old, now]));
        const result = await mermaid().render(text);
        assertRendered(result, text);
        const removed = result.nodes.filter((_, i) => result.nodeClasses[i]!.split(' ').includes('removed'));
        assert.equal(removed.length, 1);
        assert.ok(removed[0]!.startsWith('Agrees a close plan'), removed[0]);
        assert.equal(result.edgeStyles.filter(s => s.includes('stroke-dasharray') && s.includes('#cf222e')).length, 3);
    });

    it('a change too large for one picture is shortened within Mermaid\'s default limits, and the comment says so', async () => {
        const old = tempDir();
        const now = tempDir();
        fs.cpSync(EXAMPLES, old, { recursive: true });
        fs.cpSync(EXAMPLES, now, { recursive: true });
        fs.writeFileSync(path.join(now, 'many.align'), manyChains(400));
        const md = diffMd([old, now]);
        assert.ok(md.length <= 65_536, `${md.length} characters`);
        assert.match(md, /_The picture shows \d+ of 1,200 changed elements, to stay within Mermaid/);
        assert.match(md, /more changes not shown, to fit in one comment/);
        const text = mermaidBlock(md);
        assert.ok(text.length <= 50_000, `${text.length} characters of Mermaid`);
        const result = await mermaid().render(text);
        assertRendered(result, text);
        assert.ok(result.edgeStyles.length <= 500 && result.nodes.length > 10, `${result.nodes.length} nodes, ${result.edgeStyles.length} edges`);
    });
});
