/**
 * The Mermaid of `align graph` renders: the `mermaid` package (the one
 * GitHub-style renderers use) in headless Chromium turns it into an SVG
 * without a parse error, with every node, and with titles shown as written.
 */
import assert from 'node:assert/strict';
import type { ImpactGraph } from '../../language/graph/types.js';
import { diagramOf } from '../../cli/graph/diagram.js';
import { toMermaid } from '../../cli/graph/mermaid.js';
import { bigProgramAlign, NASTY_ALIGN, NASTY_OUTCOME_TITLE, TWO_PROGRAMS_ALIGN } from './golden/workspaces.js';
import { assertRendered, useMermaidPage, type Rendered } from './mermaid-browser.js';
import { EXAMPLES, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

/** `align graph --format mermaid ...args` in `cwd`. */
function mermaidOf(args: readonly string[], cwd = EXAMPLES): string {
    const result = runCli(['graph', '--format', 'mermaid', ...args], { cwd });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
}

describe('Mermaid output renders with mermaid in Chromium', function () {
    this.timeout(120_000);
    before(requireBundle);
    after(removeTempDirs);
    const mermaid = useMermaidPage();

    const render = (text: string): Promise<Rendered> => mermaid().render(text);

    it('the whole examples workspace: every node, every column, edge labels', async () => {
        const text = mermaidOf([]);
        const result = await render(text);
        assertRendered(result, text);
        const expectedNodes = text.split('\n').filter(l => /^ {4}n_/.test(l)).length;
        assert.equal(result.nodes.length, expectedNodes);
        assert.equal(expectedNodes, 42);
        const clusters = result.clusters.join(' | ');
        for (const column of ['Objectives', 'Skills', 'Behaviors', 'Activity & learning metrics (not KPIs)', 'Leading metrics', 'Lagging metrics', 'Outcomes']) {
            assert.ok(clusters.includes(column), `column ${column} in ${clusters}`);
        }
        for (const kind of ['builds', 'enables', 'moves', 'drives', 'measures', 'kpi', 'kpi, unexplained']) assert.ok(result.edgeLabels.includes(kind), kind);
        assert.ok(result.nodes.some(n => n.includes('List the product\'s features') && n.includes('no KPI link: reaches no metric')), 'unlinked objective');
        assert.ok(result.nodes.some(n => n.includes('18% → 14.1% → 14% by 2026-04-05')), 'metric figures');
    });

    for (const focus of ['ChurnPilot', 'DiscoveryBootcamp', 'NewHireAcademy', 'LockoutTagout', 'ReduceChurn', 'GrowWinRate']) {
        it(`--focus ${focus}`, async () => {
            const text = mermaidOf(['--focus', focus]);
            const result = await render(text);
            assertRendered(result, text);
            assert.equal(result.nodes.length, text.split('\n').filter(l => /^ {4}n_/.test(l)).length);
        });
    }

    it('titles with quotes, brackets, #, <, |, ;, %% and backticks, and keyword names, render as written', async () => {
        const dir = tempDir();
        writeFile(dir, 'n.align', NASTY_ALIGN);
        const text = mermaidOf([], dir);
        const result = await render(text);
        assertRendered(result, text);
        assert.equal(result.nodes.length, 5);
        const outcome = result.nodes.find(n => n.endsWith('end'));
        assert.ok(outcome?.startsWith(NASTY_OUTCOME_TITLE), `the outcome's title as text: ${outcome}`);
        assert.ok(!result.svg.includes('<script'), 'no markup from titles');
        assert.ok(result.nodes.some(n => n.startsWith('A -->|x| B; click end call alert() %%{init}%% #quot; *em* _u_')), result.nodes.join('\n'));
        // A backslash before n stays text (Mermaid would break the line there): a word joiner, invisible, follows it.
        assert.ok(result.nodes.some(n => n.replace(/\u2060/g, '').startsWith('line\\nbreak')), result.nodes.join('\n'));
    });

    it('ids that sanitise alike, and an empty workspace', async () => {
        const dir = tempDir();
        writeFile(dir, 't.align', TWO_PROGRAMS_ALIGN);
        for (const text of [mermaidOf([], dir), mermaidOf(['--focus', 'P1.Out'], dir)]) {
            const result = await render(text);
            assertRendered(result, text);
            assert.equal(result.nodes.length, text.split('\n').filter(l => /^ {4}n_/.test(l)).length);
        }
        const empty = tempDir();
        writeFile(empty, 'e.align', '');
        const text = mermaidOf([], empty);
        assertRendered(await render(text), text);
    });

    it('the graphs of `align report` render within mermaid\'s default limits; a larger chain would not, so the report summarises it', async () => {
        const report = runCli(['report', '--date', '2026-04-01'], { cwd: EXAMPLES });
        assert.equal(report.status, 0, report.stderr);
        const blocks = [...report.stdout.matchAll(/```mermaid\n([^]*?)\n```/g)].map(m => m[1]!);
        assert.equal(blocks.length, 4);
        for (const text of blocks) assertRendered(await render(text), text);
        const dir = tempDir();
        writeFile(dir, 'huge.align', bigProgramAlign(260));
        // The whole chart, as toMermaid writes it: `align graph` writes a box that says it is too large (graph-mermaid-limits.test.ts).
        const graph = runCli(['graph', '--format', 'json', '--focus', 'Huge'], { cwd: dir });
        assert.equal(graph.status, 0, graph.stderr);
        const huge = toMermaid(diagramOf(JSON.parse(graph.stdout) as ImpactGraph));
        const refused = await render(huge);
        assert.equal(refused.ok, false, 'mermaid refuses 521 links');
        assert.match(refused.error ?? '', /limit/i);
        const fallback = mermaidOf(['--focus', 'Huge'], dir);
        assertRendered(await render(fallback), fallback);
    });
});
