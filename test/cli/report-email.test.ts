/**
 * The HTML report of `examples/` as a mail client shows it that drops the
 * page's `<style>` sheet (docs/report.md: it "survives being attached to an
 * email"): every chart paints as with the sheet (its fills, strokes, dashes
 * and text sizes carried by its own presentation attributes, not SVG's
 * default black), icons keep their colours, the "Scroll sideways" note stays
 * hidden where nothing scrolls, visually hidden words stay hidden and dates
 * still never break at their hyphens. Screenshots go to out/report-test/.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { REPORT_OUT, useExamplesReport } from './report-page.js';

/** The properties a chart's shapes and text are painted with. */
const PAINTED = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'fill-opacity', 'stroke-linejoin', 'paint-order',
    'font-size', 'font-weight', 'font-style', 'font-family', 'letter-spacing', 'display'];

/** Each painted element of every chart (all views, shown or not) and of every icon, with its computed paint. */
const PAINT = `(() => {
    const props = ${JSON.stringify(PAINTED)};
    const out = [];
    document.querySelectorAll('svg.align-chart, svg.icon').forEach((svg, i) => {
        for (const e of [svg, ...svg.querySelectorAll('*')]) {
            if (['title', 'desc', 'style', 'g'].includes(e.tagName)) continue;
            const s = getComputedStyle(e);
            // An icon has no text: its fill is all it paints. How the page lays a chart out (display: block) is not its paint.
            const painted = svg.classList.contains('icon') ? ['fill'] : e === svg ? props.filter(p => p !== 'display') : props;
            out.push({ where: i + ' ' + e.tagName + '.' + (e.getAttribute('class') || '').replace(/ /g, '.') + ' ' + (e.textContent || '').slice(0, 30), paint: painted.map(p => p + ': ' + s.getPropertyValue(p)).join('; ') });
        }
    });
    return out;
})()`;

/** Removes the `<style>` of the page's head, as such a mail client does. */
const DROP_SHEET = `document.head.querySelectorAll('style').forEach(s => s.remove())`;

describe('report: HTML in an email, without the page\'s style sheet', function () {
    this.timeout(120_000);
    const report = useExamplesReport('email');

    async function withoutSheet(width: number): Promise<Page> {
        const page = await report.open(width);
        await page.evaluate(DROP_SHEET);
        return page;
    }

    it('paints every chart and icon as the style sheet does: no shape falls back to SVG\'s black', async () => {
        const page = await report.open(1000);
        try {
            const styled = await page.evaluate(PAINT) as Array<{ where: string; paint: string }>;
            await page.evaluate(DROP_SHEET);
            const bare = await page.evaluate(PAINT) as Array<{ where: string; paint: string }>;
            assert.ok(styled.length > 1000, `the charts' elements: ${styled.length}`);
            assert.equal(bare.length, styled.length);
            const differ = bare.flatMap((b, i) => b.paint === styled[i]!.paint ? [] : [`${b.where}\n  with the sheet: ${styled[i]!.paint}\n  without it:     ${b.paint}`]);
            assert.deepEqual(differ.slice(0, 5), [], `${differ.length} elements paint differently without the sheet`);
            await page.screenshot({ path: path.join(REPORT_OUT, 'email-1000.png'), fullPage: true });
        } finally {
            await page.close();
        }
    });

    it('lets the style sheet (a theme\'s colours in the preview) override every colour the attributes give', async () => {
        const page = await report.open(1000);
        try {
            const light = await page.evaluate(`(() => {
                // Every colour of the chart rules made one that no attribute writes.
                const sheet = document.head.querySelector('style');
                sheet.textContent = sheet.textContent.replace(/var\\((--vscode-[\\w-]+), #[0-9a-f]{6}\\)/g, 'var($1, rgb(1, 2, 3))');
                const out = new Set();
                for (const e of document.querySelectorAll('svg.align-chart *')) {
                    if (['title', 'desc', 'style', 'g'].includes(e.tagName)) continue;
                    const s = getComputedStyle(e);
                    for (const prop of e.tagName === 'line' ? ['stroke'] : ['fill', 'stroke']) {
                        const v = s.getPropertyValue(prop);
                        if (v !== 'none' && v !== 'rgb(1, 2, 3)') out.add(e.tagName + '.' + e.getAttribute('class') + ' ' + prop + ': ' + v);
                    }
                }
                return [...out];
            })()`) as string[];
            assert.deepEqual(light, [], 'painted by an attribute the sheet does not override');
        } finally {
            await page.close();
        }
    });

    it('shows no chart as a dark box: most of each chart\'s pixels are light', async () => {
        const page = await withoutSheet(1000);
        try {
            const charts = await page.$$('svg.align-chart');
            let seen = 0;
            for (const chart of charts) {
                if (!(await chart.isVisible())) continue;
                const name = await chart.evaluate(svg => svg.querySelector('title')!.textContent);
                const png = await chart.screenshot();
                const dark = await page.evaluate(async (data: string) => {
                    const image = new Image();
                    image.src = `data:image/png;base64,${data}`;
                    await image.decode();
                    const canvas = document.createElement('canvas');
                    canvas.width = image.width;
                    canvas.height = image.height;
                    const context = canvas.getContext('2d')!;
                    context.drawImage(image, 0, 0);
                    const pixels = context.getImageData(0, 0, image.width, image.height).data;
                    let count = 0;
                    for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 150) count++;
                    return count / (pixels.length / 4);
                }, png.toString('base64'));
                assert.ok(dark < 0.1, `${name}: ${Math.round(dark * 100)}% of it is dark`);
                seen++;
            }
            assert.ok(seen >= 10, `the charts shown: ${seen}`);
        } finally {
            await page.close();
        }
    });

    it('hides the "Scroll sideways" note where the chain fits, and the visually hidden words; keeps each date on one line', async () => {
        const page = await withoutSheet(1000);
        try {
            const read = await page.evaluate(`({
                hints: [...document.querySelectorAll('.scroll-hint')].filter(h => h.getClientRects().length > 0).map(h => h.textContent),
                hintCount: document.querySelectorAll('.scroll-hint').length,
                hidden: [...document.querySelectorAll('.visually-hidden')].filter(e => e.getBoundingClientRect().width > 1 || e.getBoundingClientRect().height > 1).map(e => e.textContent),
                hiddenCount: document.querySelectorAll('.visually-hidden').length,
                broken: [...document.querySelectorAll('.date')].filter(d => getComputedStyle(d).whiteSpace !== 'nowrap' || d.getClientRects().length > 1).map(d => d.textContent),
                dates: document.querySelectorAll('.date').length
            })`) as { hints: string[]; hintCount: number; hidden: string[]; hiddenCount: number; broken: string[]; dates: number };
            assert.ok(read.hintCount > 0 && read.hiddenCount > 0 && read.dates > 50, JSON.stringify(read));
            assert.deepEqual(read.hints, [], 'no chain scrolls at 1000 px');
            assert.deepEqual(read.hidden, [], 'visually hidden words show');
            assert.deepEqual(read.broken, [], 'dates that may break at a hyphen');
        } finally {
            await page.close();
        }
    });

    it('with the sheet, still says "scroll sideways" over a chain that scrolls in a phone\'s window', async () => {
        const page = await report.open(375);
        try {
            const shown = await page.evaluate(`[...document.querySelectorAll('.scroll-hint')].filter(h => h.getClientRects().length > 0).length`) as number;
            assert.ok(shown > 0, 'a hint shows at 375 px');
        } finally {
            await page.close();
        }
    });
});
