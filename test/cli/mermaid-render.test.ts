/**
 * The Mermaid of `align graph` renders: the `mermaid` package (the one
 * GitHub-style renderers use) in headless Chromium turns it into an SVG
 * without a parse error, with every node, and with titles shown as written.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { bigProgramAlign, NASTY_ALIGN, NASTY_OUTCOME_TITLE, TWO_PROGRAMS_ALIGN } from './golden/workspaces.js';
import { EXAMPLES, REPO_ROOT, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const MERMAID = path.join(REPO_ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');

interface Rendered {
    ok: boolean;
    error?: string;
    svg?: string;
    /** Text of each rendered node, in document order. */
    nodes?: string[];
    clusters?: string[];
    edgeLabels?: string[];
}

/** `align graph --format mermaid ...args` in `cwd`. */
function mermaidOf(args: readonly string[], cwd = EXAMPLES): string {
    const result = runCli(['graph', '--format', 'mermaid', ...args], { cwd });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
}

describe('Mermaid output renders with mermaid in Chromium', function () {
    this.timeout(120_000);
    let browser: Browser | undefined;
    let page: Page;

    before(async function () {
        requireBundle();
        if (!fs.existsSync(CHROMIUM) || !fs.existsSync(MERMAID)) this.skip();
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            headless: true,
            args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
        });
        page = await browser.newPage();
        await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div id="out"></div></body></html>');
        await page.addScriptTag({ path: MERMAID });
        await page.evaluate('mermaid.initialize({ startOnLoad: false, securityLevel: "strict" })');
    });

    after(async () => {
        await browser?.close();
        removeTempDirs();
    });

    let count = 0;

    /**
     * Renders Mermaid text with `mermaid.render`, and reads the rendered
     * drawing's text. The page script is a string: functions compiled by tsx
     * carry helpers (`__name`) that do not exist in the page.
     */
    async function render(text: string): Promise<Rendered> {
        const script = `(async () => {
            const text = ${JSON.stringify(text)};
            try {
                const { svg } = await mermaid.render(${JSON.stringify(`g${++count}`)}, text);
                const out = document.getElementById('out');
                out.innerHTML = svg;
                const textOf = selector => [...out.querySelectorAll(selector)].map(e => (e.textContent || '').trim());
                return { ok: true, svg, nodes: textOf('g.node'), clusters: textOf('g.cluster-label, .cluster .nodeLabel'), edgeLabels: textOf('g.edgeLabel').filter(Boolean) };
            } catch (error) {
                return { ok: false, error: error && error.message ? error.message : String(error) };
            }
        })()`;
        return page.evaluate(script) as Promise<Rendered>;
    }

    function assertRendered(result: Rendered, text: string): asserts result is Required<Rendered> {
        assert.ok(result.ok, `mermaid.render failed: ${result.error}\n${text.slice(0, 2000)}`);
        assert.match(result.svg!, /^<svg[\s>]/, 'an SVG');
        assert.ok(!/Syntax error/i.test(result.svg!), 'not mermaid\'s error drawing');
    }

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
        const huge = mermaidOf(['--focus', 'Huge'], dir);
        const refused = await render(huge);
        assert.equal(refused.ok, false, 'mermaid refuses 521 links');
        assert.match(refused.error ?? '', /limit/i);
    });
});
