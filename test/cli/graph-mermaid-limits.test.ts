/**
 * `align graph --format mermaid` and Mermaid's default limits (500 links,
 * 50,000 characters), which GitHub and GitLab keep (built bundle). Over
 * either, Mermaid drew its error box ("Edge limit exceeded") where the chart
 * should be, and nothing said so. Now, as `align report` puts a note in place
 * of such a chain, the chart is one box that says so and names the command
 * that draws it, and a line on standard error says the same; exit 0.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertRendered, useMermaidPage } from './mermaid-browser.js';
import { removeTempDirs, requireBundle, runCli, tempDir, unwrapped, writeFile } from './run-cli.js';

const METRICS = 30;

/** One program whose `behaviors` behaviors each move 5 of 30 leading KPIs: 6 links per behavior, and 31 more. */
function manyLinks(behaviors: number): string {
    const lines = [
        'metric Rev "Revenue" {', '  kind lagging', '  unit count', '  direction up', '  baseline 1', '  target 2 by 2026-12-31',
        '  source "s"', '  owner "o"', '  cadence monthly', '}',
        'outcome O "Grow" {', '  measured by Rev', '  owner "x"', '}',
    ];
    for (let i = 0; i < METRICS; i++) {
        lines.push(`metric L${i} "L${i}" {`, '  kind leading', '  unit count', '  direction up', '  baseline 1', '  target 2 by 2026-12-31',
            '  source "s"', '  owner "o"', '  cadence monthly', '  drives Rev', '}');
    }
    lines.push('program P "P" {', '  sponsor "s"', '  serves O', '  review monthly', '  skill S "S"');
    for (let b = 0; b < behaviors; b++) {
        const moves = [0, 1, 2, 3, 4].map(k => `L${(b * 5 + k) % METRICS}`).join(', ');
        lines.push(`  behavior B${b} "B${b}" {`, '    enabled by S', `    moves ${moves}`, '    observed by manager weekly with "r"', '  }');
    }
    lines.push('}');
    return lines.join('\n') + '\n';
}

/** Few links, long titles: over 50,000 characters. */
function longTitles(): string {
    const title = 'A skill with a long title '.repeat(12).trim();
    return `program P "P" {\n  sponsor "s"\n${Array.from({ length: 200 }, (_, i) => `  skill S${i} "${title} ${i}"`).join('\n')}\n}\n`;
}

const NOTICE = /too large for a Mermaid chart/;

describe('align graph --format mermaid over Mermaid\'s limits', function () {
    this.timeout(120_000);
    before(requireBundle);
    after(removeTempDirs);
    const mermaid = useMermaidPage();

    it('over 500 links: a chart Mermaid draws that says so, and a line on standard error', async () => {
        const dir = tempDir();
        writeFile(dir, 'w.align', manyLinks(100));
        const result = runCli(['graph', '--format', 'mermaid', '--output', 'w.mmd'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        const notice = unwrapped(result.stderr);
        assert.match(notice, NOTICE);
        assert.match(notice, /631 links .* at most 500 links/);
        assert.match(notice, /--format svg, or one program's chain with --focus NAME/);
        const text = fs.readFileSync(path.join(dir, 'w.mmd'), 'utf-8');
        assert.match(text, /^flowchart LR\n {2}%% Align impact chain: /);
        const rendered = await mermaid().render(text);
        assertRendered(rendered, text);
        assert.equal(rendered.nodes.length, 1);
        const box = rendered.nodes[0]!;
        assert.match(box, /The impact chain is too large for a Mermaid chart: 631 links and [\d,]+ characters, where Mermaid draws at most 500 links and 50,000 characters\./);
        assert.match(box, /Behaviors: 100 · Leading metrics: 30/);
        assert.match(box, /Draw it with align graph --format svg, or one program with align graph --focus NAME\./);
    });

    it('with --focus, the same chain: the chart names the focus in the svg command', async () => {
        const dir = tempDir();
        writeFile(dir, 'w.align', manyLinks(100));
        const result = runCli(['graph', '--format', 'mermaid', '--focus', 'P'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.match(unwrapped(result.stderr), NOTICE);
        assert.doesNotMatch(unwrapped(result.stderr), /--focus NAME/);
        const rendered = await mermaid().render(result.stdout);
        assertRendered(rendered, result.stdout);
        assert.match(rendered.nodes[0]!, /Draw it with align graph --format svg --focus P\.$/);
    });

    it('over 50,000 characters with few links: the same', async () => {
        const dir = tempDir();
        writeFile(dir, 'w.align', longTitles());
        const result = runCli(['graph'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.match(unwrapped(result.stderr), NOTICE);
        assert.match(unwrapped(result.stderr), /0 links and [\d,]+ characters/);
        const rendered = await mermaid().render(result.stdout);
        assertRendered(rendered, result.stdout);
        assert.match(rendered.nodes[0]!, /Skills: 200/);
    });

    it('within the limits: the whole chart, nothing on standard error', async () => {
        const dir = tempDir();
        writeFile(dir, 'w.align', manyLinks(78)); // 499 links
        const result = runCli(['graph'], { cwd: dir });
        assert.deepEqual([result.status, result.stderr], [0, '']);
        const rendered = await mermaid().render(result.stdout);
        assertRendered(rendered, result.stdout);
        assert.equal(rendered.nodes.length, 1 + 1 + 78 + METRICS + 1);
        assert.equal(rendered.edgeLabels.length, 499);
    });

    it('the other formats draw the whole chain', () => {
        const dir = tempDir();
        writeFile(dir, 'w.align', manyLinks(100));
        for (const format of ['dot', 'json', 'svg']) {
            const result = runCli(['graph', '--format', format], { cwd: dir });
            assert.deepEqual([result.status, result.stderr], [0, ''], format);
            if (format === 'json') assert.ok((JSON.parse(result.stdout) as { edges: unknown[] }).edges.length > 500);
        }
    });
});
