/**
 * The HTML report of `examples/` for a screen reader and for low vision,
 * in headless Chromium (its accessibility tree, from CDP): the page's
 * language, headings without a skipped level, every table named by the
 * headings it sits under and with column headers, links that say where they
 * go, text contrast of 4.5:1 (3:1 for large text) on screen, and states that
 * read without colour (words, and a glyph of its own shape for each).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { COLOUR_HELPERS } from '../webview/harness/colour.js';
import { accessibilityTree, useExamplesReport, type AxNode } from './report-page.js';

/**
 * In-page (a string: the test runner's transpiler adds nothing to it): every
 * element with text of its own whose contrast is below what WCAG asks (4.5:1,
 * or 3:1 for text of 24 px, or bold and 18.66 px). The background is the
 * nearest painted one: an element's (blended over what is under it), or in a
 * drawing the box or label the text sits on.
 */
const LOW_CONTRAST = `(() => {
    ${COLOUR_HELPERS}
    const painted = c => c !== 'rgba(0, 0, 0, 0)' && c !== 'none';
    const htmlBackground = e => {
        const layers = [];
        for (let x = e; x; x = x.parentElement) {
            const c = getComputedStyle(x).backgroundColor;
            if (!painted(c)) continue;
            layers.push(parse(c));
            if ((parse(c)[3] ?? 1) === 1) break;
        }
        let bg = [255, 255, 255];
        for (const layer of layers.reverse()) bg = blend(layer, bg);
        return bg;
    };
    const svgBackground = text => {
        const page = htmlBackground(text.closest('svg').parentElement);
        // A label on a rectangle of its own (a tag, a badge), else the node's box, else the drawing's background.
        const under = text.closest('.badge, .catalog-tag, .unlinked-label')?.querySelector('rect') ?? text.closest('.node')?.querySelector('.node-box') ?? text.closest('svg').querySelector('.background');
        const fill = under ? getComputedStyle(under).fill : 'none';
        return painted(fill) && fill.startsWith('rgb') ? blend(parse(fill), page) : page;
    };
    const low = [];
    const seen = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const e = n.parentElement;
        if (!n.textContent.trim() || seen.has(e) || e.closest('style, title, desc')) continue;
        seen.add(e);
        const style = getComputedStyle(e);
        if (style.display === 'none' || style.visibility === 'hidden' || e.getClientRects().length === 0) continue;
        if (e.closest('.visually-hidden')) continue;
        const svg = e instanceof SVGElement;
        let opacity = 1;
        for (let x = e; x; x = x.parentElement) opacity *= Number(getComputedStyle(x).opacity);
        const bg = svg ? svgBackground(e) : htmlBackground(e);
        const c = parse(svg ? style.fill : style.color);
        const fg = blend([c[0], c[1], c[2], (c[3] ?? 1) * opacity], bg);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
        const r = ratio(fg, bg);
        if (r < (large ? 3 : 4.5)) low.push(e.tagName.toLowerCase() + '.' + (e.getAttribute('class') ?? '') + ' "' + n.textContent.trim().slice(0, 40) + '": ' + r);
    }
    return low;
})()`;

describe('align report --format html: accessibility', function () {
    this.timeout(120_000);
    const report = useExamplesReport('review-a11y');
    let page: Page;
    let tree: AxNode[];

    before(async () => {
        page = await report.open(1000);
        tree = await accessibilityTree(page);
    });

    const byRole = (role: string): AxNode[] => tree.filter(n => n.role?.value === role);
    const nameOf = (n: AxNode): string => String(n.name?.value ?? '');
    const property = (n: AxNode, name: string): unknown => n.properties?.find(p => p.name === name)?.value.value;

    it('says its language, and its headings go down one level at a time from a single h1', async () => {
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
        const levels = byRole('heading').map(h => Number(property(h, 'level')));
        assert.ok(levels.length > 10, `${levels.length} headings`);
        assert.equal(levels[0], 1);
        assert.equal(levels.filter(l => l === 1).length, 1, 'one h1');
        const skips = levels.flatMap((l, i) => i > 0 && l > levels[i - 1]! + 1 ? [`h${levels[i - 1]} then h${l} (heading ${i + 1}: ${nameOf(byRole('heading')[i]!)})`] : []);
        assert.deepEqual(skips, []);
    });

    it('names every table after the headings it sits under (the program and its part), with a column header per column', async () => {
        const tables = byRole('table');
        assert.ok(tables.length >= 20, `${tables.length} tables`);
        const unnamed = tables.filter(t => nameOf(t).trim() === '').length;
        assert.equal(unnamed, 0, `${unnamed} of ${tables.length} tables have no name`);
        const names = tables.map(nameOf);
        assert.equal(names[0], 'Summary');
        assert.ok(names.includes('Program: Churn reduction pilot (ChurnPilot) Outcome: Reduce customer churn by two points (ReduceChurn)'), names.join('\n'));
        assert.ok(names.some(n => /^Program: .*\(LockoutTagout\) Open findings \(\d+\)$/.test(n)), names.join('\n'));
        // Every column has a header cell that says what it holds; the DOM's say which way they head (scope).
        const headers = await page.$$eval('table', tables => tables.map(t => {
            const columns = Math.max(...[...t.rows].map(r => r.cells.length));
            const th = [...t.querySelectorAll('thead th')];
            return { columns, headers: th.length, scoped: th.every(h => h.getAttribute('scope') === 'col' && (h.textContent ?? '').trim() !== '') };
        }));
        assert.deepEqual(headers.filter(h => h.headers !== h.columns || !h.scoped), []);
        assert.equal(byRole('columnheader').length, headers.reduce((sum, h) => sum + h.columns, 0));
    });

    it('links say where they go: no "here" or "more", the same words always to the same page', () => {
        const links = byRole('link');
        assert.ok(links.length > 0);
        const generic = links.map(nameOf).filter(n => /^\s*$|^(here|click here|more|read more|link|details)$/i.test(n.trim()));
        assert.deepEqual(generic, []);
    });

    it('has every text at 4.5:1 or more on its background (3:1 when large), on the page, in the charts and in the impact chains', async () => {
        assert.deepEqual(await page.evaluate(LOW_CONTRAST), []);
    });

    it('tells each state by words and by a glyph of its own shape, not by colour alone (readable printed in black and white)', async () => {
        const states = await page.$$eval('.status', spans => spans.map(s => ({
            state: [...s.classList].find(c => c.startsWith('status-'))!,
            words: (s.textContent ?? '').trim(),
            glyph: s.querySelector('svg.icon')?.innerHTML ?? ''
        })));
        assert.ok(states.length > 10);
        const byState = new Map<string, Set<string>>();
        for (const s of states) {
            assert.ok(/[a-z]/i.test(s.words) && s.glyph !== '', JSON.stringify(s));
            byState.set(s.state, (byState.get(s.state) ?? new Set()).add(s.glyph));
        }
        assert.deepEqual([...byState.keys()].sort(), ['status-off', 'status-on', 'status-unknown']);
        // One glyph per state, a different one for each.
        const glyphs = [...byState.values()].map(g => [...g]);
        assert.ok(glyphs.every(g => g.length === 1), 'one glyph per state');
        assert.equal(new Set(glyphs.map(g => g[0])).size, 3, 'a glyph of its own for each state');
        // Printed in greyscale, the words are still there: status text keeps its contrast without its colour.
        await page.emulateMedia({ media: 'print' });
        try {
            const printed = await page.$$eval('.status', spans => spans.filter(s => s.getClientRects().length > 0 && (s.textContent ?? '').trim() !== '').length);
            assert.equal(printed, states.length);
        } finally {
            await page.emulateMedia({ media: 'screen' });
        }
    });
});
