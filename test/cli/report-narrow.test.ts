/**
 * The HTML report of `examples/` in headless Chromium at a mail pane's
 * width (400 px), and dates at 400 and 900 px: nothing widens the page,
 * every table row shows all its columns (status included) within the page,
 * between 640 and 1000 px no table scrolls (the KPI tables, of 7 or 8
 * columns, become cards under 840 px), drawings keep their text at 9 px or more (scrolling sideways in their
 * figure rather than shrinking), and no date breaks across lines; at 375,
 * 480, 600, 780 and 860 px every chart (the learning charts stacked, the
 * KPI charts narrower at 375 and where two share a row under 900 px) fits
 * without scrolling, its text at 11 px or more.
 * Screenshots go to out/report-test/ (ignored).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { REPORT_OUT, useExamplesReport } from './report-page.js';

/** Elements that reach past the window's right edge, unless a box inside the window clips or scrolls them (a drawing's figure). */
const SPILLING = `[...document.body.querySelectorAll('*')].filter(e => {
    const edge = document.documentElement.clientWidth + 0.5;
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.right <= edge) return false;
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= edge) return false;
    }
    return true;
}).map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '') + ' ' + (e.textContent || '').trim().slice(0, 40))`;

/** The smallest text of each drawing as shown: its computed font size times the drawing's scale. */
const SMALLEST_TEXT = `[...document.querySelectorAll('svg.align-graph, svg.align-chart')].filter(svg => svg.getClientRects().length > 0).map(svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    let smallest = Infinity, text = '';
    for (const t of svg.querySelectorAll('text')) {
        if (!t.textContent.trim()) continue;
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (px < smallest) { smallest = px; text = t.textContent; }
    }
    return { name: svg.getAttribute('aria-label') || svg.querySelector('title').textContent, smallest, text };
})`;

/**
 * Each chart's figure as shown: whether it or the box its chart scrolls in
 * is wider inside than out, its smallest text (computed font size times the
 * drawing's scale), and any text reaching past the chart's edges or cut
 * with an ellipsis and no tooltip (a `<title>` around it).
 */
const CHARTS_SHOWN = `[...document.querySelectorAll('figure.chart')].map(figure => {
    const shown = [...figure.querySelectorAll('.scroll')].filter(s => s.getClientRects().length > 0);
    const svg = shown[0] && shown[0].querySelector('svg.align-chart');
    if (!svg) return { name: figure.querySelector('figcaption').textContent, kind: figure.querySelector('svg.progress-chart') ? 'progress' : 'kpi', views: 0, scroll: [], smallest: Infinity, text: '', outside: [], cut: [] };
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    let smallest = Infinity, text = '';
    const outside = [], cut = [];
    for (const t of svg.querySelectorAll('text')) {
        if (!t.textContent.trim()) continue;
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (px < smallest) { smallest = px; text = t.textContent; }
        const r = t.getBoundingClientRect();
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) outside.push(t.textContent);
        if (t.textContent.includes('\u2026') && !t.closest('g:has(> title)')) cut.push(t.textContent);
    }
    return {
        name: svg.querySelector('title').textContent, kind: svg.classList.contains('progress-chart') ? 'progress' : 'kpi', views: shown.length,
        scroll: [figure, ...shown].map(e => [e.scrollWidth, e.clientWidth]), smallest, text, outside, cut
    };
})`;

/** Every date or period in the page's text (outside drawings) and how many line boxes it takes. */
const DATE_LINES = `(() => {
    const found = [];
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement.closest('svg, code')) continue;
        for (const m of n.textContent.matchAll(/\\d{4}-(?:\\d{2}-\\d{2}|\\d{2}|Q[1-4]|H[12])\\b/g)) {
            const range = document.createRange();
            range.setStart(n, m.index);
            range.setEnd(n, m.index + m[0].length);
            const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
            found.push({ date: m[0], lines: tops.size, inTable: !!n.parentElement.closest('td') });
        }
    }
    return found;
})()`;

describe('align report --format html in Chromium: a 400 px mail pane', function () {
    this.timeout(120_000);
    const report = useExamplesReport('review-narrow');

    it('widens nothing: the page is 400 px wide, every table row and its status column lie inside it', async () => {
        const page = await report.open(400);
        const scrollWidth = await page.evaluate('document.documentElement.scrollWidth') as number;
        assert.ok(scrollWidth <= 400, `the page is ${scrollWidth} px wide`);
        assert.deepEqual(await page.evaluate(SPILLING), [], 'no element reaches past the right edge');
        const tables = await page.evaluate(`[...document.querySelectorAll('.table')].map(t => ({ head: t.querySelector('th').textContent, inner: t.scrollWidth, outer: t.clientWidth }))`) as Array<{ head: string; inner: number; outer: number }>;
        assert.ok(tables.length > 20);
        for (const t of tables) assert.ok(t.inner <= t.outer, `the table under '${t.head}' needs no scrolling (${t.inner} > ${t.outer})`);
        const status = await page.evaluate(`[...document.querySelectorAll('td')].filter(td => /on track|off track|track unknown|target met|deadline passed|no actual since/.test(td.textContent)).map(td => td.getBoundingClientRect()).map(r => [r.left, r.right])`) as Array<[number, number]>;
        assert.ok(status.length > 10, 'the KPI tables\' on-track cells');
        for (const [left, right] of status) assert.ok(left >= 0 && right <= 400, `an on-track cell lies at ${left}..${right}`);
        await page.screenshot({ path: path.join(REPORT_OUT, 'review-400px.png'), fullPage: true });
        await page.close();
    });

    it('shows every table\'s columns, status included, without scrolling at tablet and mail-pane widths: a KPI table becomes cards under 840 px', async () => {
        for (const width of [641, 660, 700, 760, 800, 840, 841, 900, 1000]) {
            const page = await report.open(width);
            const tables = await page.evaluate(`[...document.querySelectorAll('.table')].map(t => ({ head: t.querySelector('th').textContent, columns: t.querySelectorAll('thead th').length, inner: t.scrollWidth, outer: t.clientWidth, cards: getComputedStyle(t.querySelector('tr')).display === 'block' }))`) as Array<{ head: string; columns: number; inner: number; outer: number; cards: boolean }>;
            assert.ok(tables.filter(t => t.columns >= 7).length > 10, 'the KPI tables');
            for (const t of tables) {
                assert.ok(t.inner <= t.outer, `the table under '${t.head}' scrolls at ${width} px (${t.inner} > ${t.outer})`);
                assert.equal(t.cards, t.columns >= 7 && width <= 840, `the table under '${t.head}' (${t.columns} columns) as ${t.cards ? 'cards' : 'a table'} at ${width} px`);
            }
            await page.close();
        }
    });

    it('draws every impact chain and chart with its text at 9 px or more, scrolling sideways inside its figure', async () => {
        const page = await report.open(400);
        const drawings = await page.evaluate(SMALLEST_TEXT) as Array<{ name: string; smallest: number; text: string }>;
        assert.ok(drawings.length > 10);
        for (const d of drawings) assert.ok(d.smallest >= 9 - 0.01, `${d.name}: '${d.text}' drawn at ${d.smallest.toFixed(1)} px`);
        const scrolled = await page.evaluate(`[...document.querySelectorAll('figure.graph')].filter(f => f.querySelector('.scroll').scrollWidth > f.querySelector('.scroll').clientWidth).length`) as number;
        assert.ok(scrolled > 0, 'a wide chain scrolls inside its figure');
        await page.close();
    });

    it('says "scroll sideways" over a chain exactly where it scrolls (at each step of 40 px), and never where it fits', async () => {
        let shownSomewhere = 0;
        for (const width of [360, 375, 400, 440, 480, 520, 600, 640, 700, 720, 800, 1000]) {
            const page = await report.open(width);
            const figures = await page.evaluate(`[...document.querySelectorAll('figure.graph')].map(f => {
                const scroll = f.querySelector('.scroll');
                const hint = f.querySelector('.scroll-hint');
                return { name: f.querySelector('figcaption').textContent, scrolls: scroll.scrollWidth > scroll.clientWidth, hint: !!hint && getComputedStyle(hint).display !== 'none' };
            })`) as Array<{ name: string; scrolls: boolean; hint: boolean }>;
            assert.ok(figures.length > 5, 'the chains');
            const onStep = width % 40 === 0;
            for (const f of figures) {
                if (f.hint) assert.ok(f.scrolls, `${f.name}: says it scrolls at ${width} px, and fits`);
                if (onStep) assert.equal(f.hint, f.scrolls, `${f.name} at ${width} px: scrolls ${f.scrolls}, says so ${f.hint}`);
            }
            shownSomewhere += figures.filter(f => f.hint).length;
            await page.close();
        }
        assert.ok(shownSomewhere > 0, 'some chain scrolls in a phone\'s window');
    });

    for (const width of [375, 480, 600, 780, 860]) {
        it(`fits every chart, the learning charts included, into a ${width} px window with its text at 11 px or more`, async () => {
            const page = await report.open(width);
            const charts = await page.evaluate(CHARTS_SHOWN) as Array<{ name: string; kind: string; views: number; scroll: Array<[number, number]>; smallest: number; text: string; outside: string[]; cut: string[] }>;
            assert.ok(charts.filter(c => c.kind === 'kpi').length > 10, 'the KPI charts');
            assert.equal(charts.filter(c => c.kind === 'progress').length, 3, 'a learning chart per program with learning metrics');
            for (const c of charts) {
                assert.equal(c.views, 1, `${c.name}: one view shown`);
                for (const [inner, outer] of c.scroll) assert.ok(inner <= outer, `${c.name} scrolls sideways at ${width} px (${inner} > ${outer})`);
                assert.ok(c.smallest >= 11 - 0.01, `${c.name}: '${c.text}' drawn at ${c.smallest.toFixed(1)} px at ${width} px`);
                assert.deepEqual(c.outside, [], `${c.name}: text past the chart's edges`);
                assert.deepEqual(c.cut, [], `${c.name}: text cut without its full words on hover`);
            }
            await page.screenshot({ path: path.join(REPORT_OUT, `review-${width}px.png`), fullPage: true });
            await page.close();
        });
    }

    it('shows each chart once in a mail client that drops the page\'s style sheet: the wide view', async () => {
        for (const width of [375, 1000]) {
            const page = await report.open(width);
            await page.evaluate(`document.querySelectorAll('style').forEach(s => s.remove())`);
            const views = await page.evaluate(`[...document.querySelectorAll('figure.chart')].map(f => [...f.querySelectorAll('.scroll')].filter(s => s.getClientRects().length > 0).map(s => s.className))`) as string[][];
            assert.ok(views.length > 10, 'the charts');
            for (const shown of views) {
                assert.equal(shown.length, 1, `one view shown at ${width} px: ${shown.join(', ')}`);
                assert.doesNotMatch(shown[0]!, /narrow|medium/, `the wide view at ${width} px`);
            }
            await page.close();
        }
    });

    for (const width of [400, 900]) {
        it(`keeps every date on one line at ${width} px`, async () => {
            const page = await report.open(width);
            const dates = await page.evaluate(DATE_LINES) as Array<{ date: string; lines: number; inTable: boolean }>;
            assert.ok(dates.filter(d => d.inTable).length > 20, 'the tables\' deadlines and periods');
            const broken = dates.filter(d => d.lines !== 1).map(d => d.date);
            assert.deepEqual(broken, [], `dates broken across lines at ${width} px`);
            await page.close();
        });
    }
});
