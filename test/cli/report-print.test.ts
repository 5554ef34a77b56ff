/**
 * The HTML report of `examples/` in headless Chromium, as a leader opens it
 * (1000 px wide) and prints it (A4 and Letter, with `page.pdf()`): no
 * horizontal scroll, charts and drawings inside the page and at a readable
 * size, a chart for every KPI with actuals, every chart with a text
 * alternative; on paper each program starts a page and no chart is cut
 * across two. Screenshots and the PDFs go to out/report-test/ (ignored).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { GraphNode, ImpactGraph } from '../../language/graph/types.js';
import { READABLE_PX } from '../../language/render/index.js';
import { pdfPages, type PdfPage } from './pdf-pages.js';
import { REPORT_OUT, useExamplesReport } from './report-page.js';
import { REPO_ROOT, runCli } from './run-cli.js';

const EXAMPLES = path.join(REPO_ROOT, 'examples');

/** What the page's charts and drawings are and say, read from the DOM. */
interface Drawn {
    kind: 'kpi' | 'progress' | 'graph';
    /** The accessible name and description, as Chromium tags them. */
    name: string;
    description: string;
    left: number;
    right: number;
    /** Drawn size against the SVG's own (viewBox) width. */
    scale: number;
    /** The first and the last text shown in the chart's figure (its caption, its labels). */
    first: string;
    last: string;
}

const READ_DRAWN = `[...document.querySelectorAll('svg.align-chart, svg.align-graph')].filter(svg => svg.getClientRects().length > 0).map(svg => {
    const r = svg.getBoundingClientRect();
    const ids = (svg.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
    const text = id => (document.getElementById(id) || {}).textContent || '';
    const shown = [];
    const walker = document.createTreeWalker(svg.closest('figure') || svg, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.parentElement.closest('title, desc, style') && n.parentElement.getClientRects().length > 0 && n.textContent.trim()) shown.push(n.textContent.trim());
    }
    return {
        first: shown[0] || '', last: shown[shown.length - 1] || '',
        kind: svg.classList.contains('kpi-chart') ? 'kpi' : svg.classList.contains('progress-chart') ? 'progress' : 'graph',
        name: svg.getAttribute('aria-label') || text(ids[0] || ''),
        description: text(ids[1] || ''),
        left: r.left, right: r.right, scale: r.width / svg.viewBox.baseVal.width
    };
})`;

/** The text of each heading, and of each paragraph followed by the table, list or charts it introduces. */
const INTRODUCING = `[...document.querySelectorAll('main h2, main h3, main p')]
    .filter(e => e.tagName !== 'P' || (e.nextElementSibling && e.nextElementSibling.matches('.table, ul, .charts')))
    .map(e => e.textContent.trim())`;

/** A4's width less the report's print margins (12 mm each side), in CSS px. */
const A4_CONTENT_PX = 703;

/**
 * Each impact chain as printed: its nodes' title and name lines joined, any
 * text cut with an ellipsis, its titles' size in pt, and the edges that run
 * across a box other than their ends (points every 2 px along each path).
 */
const PRINTED_CHAINS = `[...document.querySelectorAll('svg.align-graph')].map(svg => {
    const join = (g, cls) => [...g.querySelectorAll(cls)].map(t => t.textContent).join(' ');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const title = svg.querySelector('.node-title');
    const boxes = [...svg.querySelectorAll('g.node')].map(g => ({ id: g.dataset.id, box: g.querySelector('rect.node-box').getBBox() }));
    const crossing = [];
    for (const path of svg.querySelectorAll('path.edge')) {
        const length = path.getTotalLength();
        for (let at = 0; at <= length; at += 2) {
            const p = path.getPointAtLength(at);
            const hit = boxes.find(b => b.id !== path.dataset.from && b.id !== path.dataset.to
                && p.x > b.box.x + 1 && p.x < b.box.x + b.box.width - 1 && p.y > b.box.y + 1 && p.y < b.box.y + b.box.height - 1);
            if (hit) { crossing.push(path.dataset.from + ' -> ' + path.dataset.to + ' across ' + hit.id); break; }
        }
    }
    return {
        name: svg.getAttribute('aria-label'),
        titlePt: parseFloat(getComputedStyle(title).fontSize) * scale * 72 / 96,
        ellipses: [...svg.querySelectorAll('text')].map(t => t.textContent).filter(t => t.includes('\u2026')),
        nodes: [...svg.querySelectorAll('g.node')].map(g => ({ id: g.dataset.id, title: join(g, '.node-title'), name: join(g, '.node-name') })),
        edges: svg.querySelectorAll('path.edge').length,
        crossing
    };
})`;

const squeeze = (text: string): string => text.replace(/\s+/g, '');

/** A figure followed by its unit in a table cell (`30 days`, `42,000 USD`, `−0.9 points`), and whether the two lie on one line. */
interface ValueUnit { cell: string; value: string; split: boolean }

/** The unit words that follow a figure in the report, from the graph's metrics: currencies, time units, points (of a percent). */
function unitPattern(graph: ImpactGraph): string {
    const words = new Set<string>();
    for (const node of graph.nodes) {
        const unit = node.metric?.unit;
        if (unit?.startsWith('currency ')) words.add(unit.slice('currency '.length));
        else if (unit === 'percent') words.add('points?');
        else if (unit) words.add(`${unit.replace(/s$/, '')}s?`);
        if (node.metric?.value?.currency) words.add(node.metric.value.currency);
    }
    return [...words].join('|');
}

/**
 * Each figure and unit of the page's table cells, and whether the figure's
 * last digit and the unit's first letter lie on different lines (no named
 * helpers inside: the function runs in the page as written).
 */
function readValueUnits(pattern: string): ValueUnit[] {
    const unit = new RegExp(`(\\d[\\d,.]*)([ \\u00a0]+)(${pattern})\\b`, 'g');
    const found: ValueUnit[] = [];
    for (const td of document.querySelectorAll('main td')) {
        const nodes: Array<{ node: Text; start: number }> = [];
        let text = '';
        const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            nodes.push({ node: n as Text, start: text.length });
            text += n.textContent ?? '';
        }
        for (const m of text.matchAll(unit)) {
            const tops: number[] = [];
            // The number's last digit, and the unit's first letter.
            for (const offset of [m.index + m[1]!.length - 1, m.index + m[1]!.length + m[2]!.length]) {
                let at = nodes[0]!;
                for (const n of nodes) if (n.start <= offset) at = n;
                const range = document.createRange();
                range.setStart(at.node, offset - at.start);
                range.setEnd(at.node, offset - at.start + 1);
                tops.push(Math.round(range.getBoundingClientRect().top));
            }
            found.push({ cell: `${(td as HTMLElement).dataset['label']}: ${text}`, value: m[0], split: tops[0] !== tops[1] });
        }
    }
    return found;
}

describe('align report --format html in Chromium: screen and print', function () {
    this.timeout(180_000);
    const report = useExamplesReport('review');
    let page: Page;
    let programs: GraphNode[];
    let graph: ImpactGraph;

    before(async () => {
        graph = JSON.parse(runCli(['graph', '.', '--format', 'json'], { cwd: EXAMPLES }).stdout) as ImpactGraph;
        programs = graph.nodes.filter(n => n.kind === 'program');
        page = await report.open(1000);
    });

    const drawn = async (): Promise<Drawn[]> => page.evaluate(READ_DRAWN) as Promise<Drawn[]>;

    it('fits a 1000 px window: no horizontal scroll, every chart and drawing inside the page at a readable size', async () => {
        const [scrollWidth, clientWidth] = await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]') as [number, number];
        assert.ok(scrollWidth <= clientWidth, `no horizontal scroll: ${scrollWidth} > ${clientWidth}`);
        const all = await drawn();
        for (const d of all) {
            assert.ok(d.left >= 0 && d.right <= clientWidth, `${d.name} lies inside the page (${d.left}..${d.right})`);
            // Chart text is 11 px and more; the graph's titles 13 px: neither may shrink below the readable size.
            const smallest = d.kind === 'graph' ? 13 * d.scale : 11 * d.scale;
            assert.ok(smallest >= READABLE_PX - 0.01, `${d.name}: text drawn at ${smallest.toFixed(1)} px`);
        }
        assert.equal(all.filter(d => d.kind === 'graph').length, programs.length, 'one impact chain per program');
        await page.screenshot({ path: path.join(REPORT_OUT, 'review-1000px.png'), fullPage: true });
    });

    it('charts every KPI that has actuals, and each program\'s learning beside its KPIs', async () => {
        const byId = new Map(graph.nodes.map(n => [n.id, n]));
        const expectedKpiCharts = programs.flatMap(p => [...p.programFigures!.leadingKpis, ...p.programFigures!.laggingKpis])
            .filter(id => (byId.get(id)?.metric?.actuals.length ?? 0) > 0).length;
        const all = await drawn();
        assert.equal(all.filter(d => d.kind === 'kpi').length, expectedKpiCharts);
        const field = all.filter(d => d.kind === 'progress').map(d => d.name);
        assert.ok(field.includes('Learning beside the KPIs it feeds, Field-crew safety pilot'), field.join(' | '));
    });

    it('keeps each figure on the line of its unit in table cells at 1000 px and printed on A4 (30 days, 42,000 USD)', async () => {
        const print = await report.browser.newPage({ viewport: { width: A4_CONTENT_PX, height: 1000 } });
        try {
            await print.emulateMedia({ media: 'print' });
            await print.goto(page.url());
            for (const [where, view] of [['1000 px', page], ['A4 print', print]] as const) {
                const values = await view.evaluate(readValueUnits, unitPattern(graph));
                assert.ok(values.length >= 10, `${where}: figures with a unit in the tables (${values.length})`);
                assert.deepEqual(values.filter(v => v.split).map(v => `${v.value} in ${v.cell}`), [], `${where}: figures split from their unit`);
            }
        } finally {
            await print.close();
        }
    });

    it('gives every chart and drawing a text alternative (a title, and a description for charts)', async () => {
        const all = await drawn();
        assert.ok(all.length > programs.length);
        for (const d of all) {
            assert.ok(d.name.trim().length > 0, 'an accessible name');
            if (d.kind !== 'graph') assert.ok(d.description.length > 40, `${d.name}: a description (${d.description})`);
        }
        const images = await page.evaluate(`[...document.querySelectorAll('svg')].filter(s => !s.classList.contains('icon')).every(s => s.getAttribute('role') === 'img')`);
        assert.equal(images, true, 'every SVG but the decorative icons is an image with a name');
        const icons = await page.evaluate(`[...document.querySelectorAll('svg.icon')].every(s => s.getAttribute('aria-hidden') === 'true' && (s.parentElement.textContent || '').trim().length > 0)`);
        assert.equal(icons, true, 'icons are hidden from screen readers and always beside words');
    });

    it('prints headings and the sentences that introduce a table or list on the page of what they introduce (A4)', async () => {
        const pages = await pdfPages(new Uint8Array(await page.pdf({ format: 'A4', tagged: true })));
        const intros = await page.evaluate(INTRODUCING) as string[];
        assert.ok(intros.some(t => t.startsWith('1 of 1 behavior reinforced')), intros.join(' | '));
        for (const p of pages.slice(0, -1)) {
            const text = squeeze(p.texts.join(''));
            const stranded = intros.filter(intro => text.endsWith(squeeze(intro)));
            assert.deepEqual(stranded, [], `page ${p.number} ends with what introduces page ${p.number + 1}`);
        }
    });

    it('prints no text below 7 pt on A4 (the charts\' smallest included), and each page\'s number out of how many', async () => {
        const pages = await pdfPages(new Uint8Array(await page.pdf({ format: 'A4', tagged: true })));
        const small = pages.flatMap(p => p.texts.flatMap((text, i) => p.sizes[i]! < 7 ? [`page ${p.number}: '${text}' at ${p.sizes[i]!.toFixed(2)} pt`] : []));
        assert.ok(pages.flatMap(p => p.sizes).length > 1000, 'the sizes are read');
        assert.deepEqual(small.slice(0, 10), [], `${small.length} texts print below 7 pt`);
        assert.deepEqual(pages.map(p => p.label), pages.map(p => `${p.number} / ${pages.length}`), 'every page prints its number');
    });

    it('prints each drawing label once in the PDF\'s text, on a box of the background (a stroke halo would print it twice)', async () => {
        // The latest value's label ("11.1% (2026-03)") is also a table cell: the layer, target, baseline and deadline labels are the drawings' own.
        const labels = await page.evaluate(`[...document.querySelectorAll('svg .column-label, svg .label:not(.label-latest)')].map(t => t.textContent.trim())`) as string[];
        assert.ok(labels.some(l => /^OBJECTIVES \(\d+\)$/.test(l)) && labels.some(l => l.startsWith('target ')), labels.join(' | '));
        const texts = (await pdfPages(new Uint8Array(await page.pdf({ format: 'A4', tagged: true })))).flatMap(p => p.texts);
        const count = (list: readonly string[], text: string) => list.filter(t => t === text).length;
        const twice = [...new Set(labels)].filter(l => count(texts, l) > count(labels, l));
        assert.deepEqual(twice, [], 'labels printed more often than drawn');
        const halos = async (media: 'print' | 'screen') => {
            await page.emulateMedia({ media });
            return page.evaluate(`[...document.querySelectorAll('svg .label-halo')].filter(r => getComputedStyle(r).display !== 'none').length`) as Promise<number>;
        };
        try {
            const all = await page.evaluate(`document.querySelectorAll('svg .column-label, svg .label').length`) as number;
            assert.equal(await halos('print'), all, 'every label has its box on paper');
            const graphLabels = await page.evaluate(`document.querySelectorAll('svg.align-graph .column-label').length`) as number;
            assert.equal(await halos('screen'), graphLabels, 'on screen the chains\' layer labels have their boxes (the charts\' a stroke halo)');
        } finally {
            // Back to no emulation: page.pdf() prints with the print styles only then.
            await page.emulateMedia({ media: null });
        }
    });

    it('prints every impact chain with each node\'s full title and name (no ellipsis), titles at 8 pt or more on A4, no edge across a box', async () => {
        const print = await report.browser.newPage({ viewport: { width: A4_CONTENT_PX, height: 1000 } });
        try {
            await print.emulateMedia({ media: 'print' });
            await print.goto(page.url());
            const chains = await print.evaluate(PRINTED_CHAINS) as Array<{ name: string; titlePt: number; ellipses: string[]; nodes: Array<{ id: string; title: string; name: string }>; edges: number; crossing: string[] }>;
            assert.equal(chains.length, programs.length);
            const byId = new Map(graph.nodes.map(n => [n.id, n]));
            for (const chain of chains) {
                assert.deepEqual(chain.ellipses, [], `${chain.name}: nothing cut with an ellipsis`);
                for (const node of chain.nodes) {
                    const declared = byId.get(node.id)!;
                    assert.equal(node.title, declared.title ?? declared.name, `${chain.name}: the title of ${node.id}`);
                    assert.ok(squeeze(node.name).startsWith(declared.name), `${chain.name}: the name of ${node.id} (${node.name})`);
                }
                // A layer with more boxes than the page's width holds wraps onto two rows (FieldSafetyPilot's metrics), and boxes are placed
                // within the page's width, rather than shrink the titles (FieldSafetyPilot's printed at 7.7 pt before, its names at 6.5 pt).
                assert.ok(chain.titlePt >= 8, `${chain.name}: titles print at ${chain.titlePt.toFixed(2)} pt`);
                assert.ok(chain.edges > 0, `${chain.name}: edges drawn`);
                assert.deepEqual(chain.crossing, [], `${chain.name}: edges pass between boxes`);
            }
        } finally {
            await print.close();
        }
    });

    it('prints every table within the A4 page, breaking names only after a dot of a qualified name', async () => {
        const print = await report.browser.newPage({ viewport: { width: A4_CONTENT_PX, height: 1000 } });
        try {
            await print.emulateMedia({ media: 'print' });
            await print.goto(page.url());
            const read = await print.evaluate(() => {
                const right = document.querySelector('main')!.getBoundingClientRect().right;
                const wide = [...document.querySelectorAll('table')].filter(t => t.getBoundingClientRect().right > right + 0.5).map(t => t.querySelector('th')?.textContent);
                // A name broken inside a segment: one of its line boxes ends other than at a dot.
                const broken: string[] = [];
                for (const code of document.querySelectorAll('td code, th code')) {
                    const rects = [...code.getClientRects()];
                    if (rects.length < 2) continue;
                    const range = document.createRange();
                    const text = code.textContent ?? '';
                    let node: Node | null;
                    let offset = 0;
                    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
                    const tops: Array<{ top: number; char: string }> = [];
                    while ((node = walker.nextNode())) {
                        for (let i = 0; i < node.textContent!.length; i++) {
                            range.setStart(node, i);
                            range.setEnd(node, i + 1);
                            tops.push({ top: Math.round(range.getBoundingClientRect().top), char: text[offset + i]! });
                        }
                        offset += node.textContent!.length;
                    }
                    for (let i = 1; i < tops.length; i++) if (tops[i]!.top > tops[i - 1]!.top && tops[i - 1]!.char !== '.') broken.push(text);
                }
                return { wide, broken };
            });
            assert.deepEqual(read.wide, [], 'tables wider than the page');
            assert.deepEqual(read.broken, [], 'names broken inside a segment');
        } finally {
            await print.close();
        }
    });

    for (const format of ['A4', 'Letter'] as const) {
        it(`prints on ${format}: the summary on page 1, each program from a new page, no chart cut across pages`, async () => {
            const pdf = await page.pdf({ format, tagged: true });
            fs.writeFileSync(path.join(REPORT_OUT, `review-${format}.pdf`), pdf);
            const pages = await pdfPages(new Uint8Array(pdf));
            const all = await drawn();
            const starts = programs.map(p => startPage(pages, `Program: ${p.title ?? p.name}`));
            assert.ok(pages[0]!.texts.join(' ').includes('Summary'), 'page 1 holds the summary');
            assert.equal(starts[0], 2, 'the first program starts on page 2');
            starts.forEach((start, i) => { if (i > 0) assert.ok(start > starts[i - 1]!, `program ${i + 1} starts after program ${i}`); });
            for (const d of all) {
                const on = pages.filter(p => p.figures.some(alt => alt.startsWith(d.name)));
                assert.equal(on.length, 1, `${format}: '${d.name}' lies on one page, not ${on.map(p => p.number).join(', ') || 'none'}`);
                const text = squeeze(on[0]!.texts.join(''));
                assert.ok(text.includes(squeeze(d.first)) && text.includes(squeeze(d.last)), `${format}: the figure of '${d.name}' is whole on page ${on[0]!.number} ('${d.first}' ... '${d.last}')`);
            }
            for (const p of pages) assert.ok(p.texts.length > 0, `${format}: page ${p.number} is not blank`);
            assert.ok(pages.length <= 4 * (programs.length + 1), `${format}: ${pages.length} pages for ${programs.length} programs`);
        });
    }
});

/** The page whose first text starts the heading (a page break right before it); fails when the heading is elsewhere on a page. */
function startPage(pages: readonly PdfPage[], heading: string): number {
    const page = pages.find(p => p.texts.join(' ').includes(heading));
    assert.ok(page, `'${heading}' is printed`);
    assert.ok(page.texts.join(' ').startsWith(heading), `'${heading}' opens page ${page.number}: ${page.texts.slice(0, 5).join(' ')}`);
    return page.number;
}
