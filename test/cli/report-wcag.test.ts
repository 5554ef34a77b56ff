/**
 * The HTML report of `examples/` against what a demanding WCAG 2.1 AA
 * review asks beyond report-a11y.test.ts, in headless Chromium: the impact
 * chains' box borders and kind icons at 3:1 or more (1.4.11); each table
 * row announced by its subject (a row header); qualified names read whole
 * (no space where a line may break after a dot) in headings, the tables
 * they name, row headers and figure captions; and printed on A4, no text of
 * an impact chain under 7 pt.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { GRAPHIC_CONTRASTS } from '../webview/harness/graphic-contrast.js';
import { accessibilityTree, useExamplesReport, type AxNode } from './report-page.js';

/** A4's width less the report's print margins (12 mm each side), in CSS px. */
const A4_CONTENT_PX = 703;

describe('align report --format html: WCAG review (non-text contrast, row headers, names read whole, printed size)', function () {
    this.timeout(120_000);
    const report = useExamplesReport('review-wcag');
    let page: Page;
    let tree: AxNode[];

    before(async () => {
        page = await report.open(1000);
        tree = await accessibilityTree(page);
    });

    it('draws the impact chains\' box borders, kind icons and side bars at 3:1 or more (WCAG 1.4.11)', async () => {
        const ratios = await page.evaluate(GRAPHIC_CONTRASTS) as Record<string, number>;
        for (const kind of ['objective', 'skill', 'behavior', 'metric', 'outcome']) assert.ok(`icon kind-${kind}` in ratios, `${kind} icons measured: ${JSON.stringify(ratios)}`);
        assert.ok('border on the page' in ratios && 'border on the box' in ratios, JSON.stringify(ratios));
        assert.deepEqual(Object.entries(ratios).filter(([, r]) => r < 3), [], `below 3:1: ${JSON.stringify(ratios)}`);
    });

    it('heads every table row with the cell that names its subject (th scope=row), styled as the other cells', async () => {
        const tables = await page.$$eval('main table', list => (list as HTMLTableElement[]).map(t => {
            const body = [...t.tBodies].flatMap(b => [...b.rows]);
            const headers = body.map(r => [...r.cells].filter(c => c.tagName === 'TH' && c.getAttribute('scope') === 'row'));
            const column = body[0] ? [...body[0].cells].findIndex(c => c.tagName === 'TH') : -1;
            return {
                label: t.querySelector('thead th:nth-child(' + (column + 1) + ')')?.textContent ?? '',
                rows: body.length,
                oneEach: headers.every(h => h.length === 1 && (h[0]!.textContent ?? '').trim() !== ''),
                sameColumn: body.every(r => [...r.cells].findIndex(c => c.tagName === 'TH') === column)
            };
        }));
        assert.ok(tables.length >= 20, `${tables.length} tables`);
        assert.deepEqual(tables.filter(t => !t.oneEach || !t.sameColumn), [], 'tables with a row lacking one row header');
        // The subject of each kind of table: the program, the KPI, the behavior, the rule (not its severity).
        assert.deepEqual([...new Set(tables.map(t => t.label))].sort(), ['Behavior', 'KPI', 'Program', 'Rule']);
        const rowHeaders = tree.filter(n => n.role?.value === 'rowHeader' || n.role?.value === 'rowheader').length;
        assert.equal(rowHeaders, tables.reduce((sum, t) => sum + t.rows, 0), 'Chromium exposes each as a row header');
        // The look is unchanged: a row header reads as the data cells beside it (weight, background, alignment).
        const looks = await page.evaluate(`[...document.querySelectorAll('main tbody tr')].flatMap(r => {
            const th = r.querySelector('th[scope="row"]');
            const td = r.querySelector('td:not(.right):not(.center)');
            if (!th || !td) return [];
            const look = e => { const s = getComputedStyle(e); return [s.fontWeight, s.backgroundColor, s.textAlign, s.fontSize, s.padding].join(' '); };
            return look(th) === look(td) ? [] : [th.textContent + ': ' + look(th) + ' vs ' + look(td)];
        })`) as string[];
        assert.deepEqual(looks, []);
    });

    it('reads qualified names whole: no space where a line may break after a dot (headings, tables, row headers, captions)', async () => {
        const qualified = await page.$$eval('main code', codes => [...new Set(codes.map(c => c.textContent ?? '').filter(t => /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/.test(t)))]);
        assert.ok(qualified.length > 5, qualified.join(' '));
        const spaced = qualified.map(q => q.replace(/\./g, '. '));
        const names = tree.map(n => `${n.role?.value}: ${String(n.name?.value ?? '')}`);
        const heard = names.filter(n => spaced.some(s => n.includes(s)));
        assert.deepEqual(heard, [], 'names read with a space after a dot');
        // The names that hold one: a heading, the table it names, a row header, a figure's caption.
        for (const role of ['heading', 'table', 'rowheader']) {
            assert.ok(names.some(n => n.toLowerCase().startsWith(role + ':') && qualified.some(q => n.includes(q))), `a ${role} named with a qualified name`);
        }
        const captions = await page.$$eval('figure.chart figcaption', list => list.map(f => f.textContent ?? ''));
        assert.ok(captions.some(c => qualified.some(q => c.includes(q))), 'a caption with a qualified name');
        // A line may still break after each dot: the break opportunity is there, hidden from the accessibility tree.
        const breaks = await page.$$eval('main code wbr', list => list.map(w => w.parentElement?.getAttribute('aria-hidden')));
        assert.ok(breaks.length > 10 && breaks.every(h => h === 'true'), JSON.stringify(breaks.slice(0, 5)));
    });

    it('prints every impact chain\'s text (titles, names, footers, labels) at 7 pt or more on A4', async () => {
        const print = await report.browser.newPage({ viewport: { width: A4_CONTENT_PX, height: 1000 } });
        try {
            await print.emulateMedia({ media: 'print' });
            await print.goto(page.url());
            const chains = await print.evaluate(() => [...document.querySelectorAll('svg.align-graph')].map(svg => {
                const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
                const sizes = [...svg.querySelectorAll('text')]
                    .filter(t => getComputedStyle(t).display !== 'none' && t.getClientRects().length > 0 && (t.textContent ?? '').trim() !== '')
                    .map(t => ({ cls: t.getAttribute('class') ?? '', pt: parseFloat(getComputedStyle(t).fontSize) * scale * 72 / 96 }));
                const smallest = sizes.reduce((a, b) => (b.pt < a.pt ? b : a), { cls: '', pt: Infinity });
                return { name: svg.getAttribute('aria-label') ?? '', texts: sizes.length, names: sizes.filter(s => s.cls.includes('node-name')).length, smallest };
            }));
            assert.ok(chains.length >= 5, `${chains.length} chains`);
            for (const chain of chains) assert.ok(chain.texts > 0 && chain.names > 0, `${chain.name}: text and name lines drawn`);
            const small = chains.filter(c => c.smallest.pt < 7).map(c => `${c.name}: .${c.smallest.cls} at ${c.smallest.pt.toFixed(2)} pt`);
            assert.deepEqual(small, [], 'text printed under 7 pt');
            for (const [program, before] of [['ValueSellingPilot', 'at 6.6 pt before its boxes could be 170 px wide'], ['FieldSafetyPilot', 'at 6.5 pt before its boxes were placed within the page\'s width']]) {
                assert.ok(chains.some(c => c.name === `Impact chain of program ${program}` && c.smallest.pt >= 7), `${program}, ${before}`);
            }
        } finally {
            await print.close();
        }
    });
});
