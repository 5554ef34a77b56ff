/**
 * Titles with `$$` render as written with the real mermaid in Chromium
 * (built bundle), in `align graph --format mermaid` and in the picture of
 * `align diff --format md`. Mermaid renders `$$...$$` in a label as KaTeX
 * math: `$$x^2$$` showed as a formula, and a formula KaTeX cannot parse
 * (`$$\frac{a}{b}$$`, whose backslash gets a word joiner) failed the
 * whole diagram. Each `$$` is written with a word joiner between its
 * dollars.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { assertRendered, useMermaidPage } from './mermaid-browser.js';
import { removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const TITLES = [
    'Save $$x^2$$ per call',
    'Ratio $$\\frac{a}{b}$$ and $$\\color{red}{\\Huge HACK}$$',
    'Cost $5 to $10, then $$',
];

/** A workspace whose outcome, KPI and objective carry the titles; `suffix` changes every title. */
function workspace(suffix: string): string {
    const quoted = (title: string) => `"${(title + suffix).replace(/["\\]/g, c => `\\${c}`)}"`;
    return [
        `outcome Happy ${quoted(TITLES[0]!)} {`, '  measured by Csat', '}',
        `metric Csat ${quoted(TITLES[1]!)} {`, '  kind lagging', '  unit percent', '  direction up', '  baseline 70%', '  target 80% by 2026-12-31', '}',
        `objective Listen ${quoted(TITLES[2]!)} {`, '  kpi Csat', '}',
    ].join('\n') + '\n';
}

/** Asserts that every title (with `suffix`) starts the text of a rendered node, read without its word joiners (U+2060, invisible). */
function assertTitlesShown(nodes: readonly string[], suffix: string): void {
    for (const title of TITLES) {
        assert.ok(nodes.some(n => n.replace(/\u2060/g, '').startsWith(title + suffix)), `${title + suffix} in:\n${nodes.join('\n')}`);
    }
}

describe('Mermaid labels with $$ render as written, not as math', function () {
    this.timeout(120_000);
    before(requireBundle);
    after(removeTempDirs);
    const mermaid = useMermaidPage();

    it('align graph --format mermaid', async () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', workspace(''));
        const result = runCli(['graph', '--format', 'mermaid'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        const rendered = await mermaid().render(result.stdout);
        assertRendered(rendered, result.stdout);
        assertTitlesShown(rendered.nodes, '');
    });

    it('the picture of align diff --format md', async () => {
        const dir = tempDir();
        writeFile(dir, path.join('old', 'a.align'), workspace(''));
        writeFile(dir, path.join('new', 'a.align'), workspace(' (v2)'));
        const result = runCli(['diff', 'old', 'new', '--format', 'md'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        const block = /```mermaid\n([\s\S]*?)```/.exec(result.stdout);
        assert.ok(block, `a mermaid block in:\n${result.stdout}`);
        const rendered = await mermaid().render(block[1]!);
        assertRendered(rendered, block[1]!);
        assertTitlesShown(rendered.nodes, ' (v2)');
    });
});
