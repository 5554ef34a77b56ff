/**
 * The KPI charts of the HTML report of `examples/` in headless Chromium
 * between 440 and 1000 px: alone on its row (under 760 px) a chart no
 * longer grows to the window's width; its labels stay near the body's text
 * size (15 px) at every width.
 */
import assert from 'node:assert/strict';
import { useExamplesReport } from './report-page.js';

/** The largest label of each shown KPI chart, in px as drawn, and the body's text size. */
const LARGEST = `({
    body: parseFloat(getComputedStyle(document.body).fontSize),
    charts: [...document.querySelectorAll('svg.kpi-chart')].filter(svg => svg.getClientRects().length > 0).map(svg => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const sizes = [...svg.querySelectorAll('text.label, text.tick')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
        return { name: svg.querySelector('title').textContent, largest: Math.max(...sizes) };
    })
})`;

describe('align report --format html in Chromium: the KPI charts\' size', function () {
    this.timeout(120_000);
    const report = useExamplesReport('review-kpi-size');

    it('keeps each KPI chart\'s labels at most as large as the body text from 440 to 1000 px', async () => {
        for (const width of [460, 560, 640, 700, 760, 800, 900, 1000]) {
            const page = await report.open(width);
            const { body, charts } = await page.evaluate(LARGEST) as { body: number; charts: Array<{ name: string; largest: number }> };
            assert.ok(charts.length > 5, `KPI charts at ${width} px`);
            const large = charts.filter(c => c.largest > body).map(c => `${c.name}: ${c.largest.toFixed(1)} px`);
            assert.deepEqual(large, [], `at ${width} px (body text ${body} px)`);
            await page.close();
        }
    });
});
