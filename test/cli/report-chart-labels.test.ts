/**
 * The labels of the KPI charts of the HTML report of `examples/` in
 * headless Chromium at several widths: no two texts of a chart overlap,
 * two labels of the plot keep a line's gap between them (the deadline is
 * not stacked on the target), and the unit heads the value axis rather
 * than sitting under the direction, where it read as part of it.
 */
import assert from 'node:assert/strict';
import { useExamplesReport } from './report-page.js';

interface Texts { name: string; texts: Array<{ cls: string; text: string; x: number; y: number; width: number; height: number }>; }

const READ = `[...document.querySelectorAll('svg.kpi-chart')].filter(svg => svg.getClientRects().length > 0).map(svg => ({
    name: svg.querySelector('title').textContent,
    texts: [...svg.querySelectorAll('text')].map(t => { const b = t.getBBox(); return { cls: t.getAttribute('class'), text: t.textContent, x: b.x, y: b.y, width: b.width, height: b.height }; })
}))`;

/** The gap between two boxes (negative when they overlap): the larger of their horizontal and vertical gaps. */
function gap(a: Texts['texts'][number], b: Texts['texts'][number]): number {
    return Math.max(Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width), Math.max(a.y, b.y) - Math.min(a.y + a.height, b.y + b.height));
}

describe('align report --format html in Chromium: the KPI charts\' labels', function () {
    this.timeout(120_000);
    const report = useExamplesReport('review-chart-labels');

    for (const width of [400, 700, 850, 1000]) {
        it(`lays out every KPI chart's texts apart at ${width} px, the unit over the value axis`, async () => {
            const page = await report.open(width);
            const charts = await page.evaluate(READ) as Texts[];
            await page.close();
            assert.ok(charts.length > 5, `KPI charts at ${width} px`);
            const problems: string[] = [];
            for (const chart of charts) {
                const texts = chart.texts.filter(t => t.text.trim());
                texts.forEach((a, i) => texts.slice(i + 1).forEach(b => {
                    const g = gap(a, b);
                    // Plot labels (class label) keep most of a line between them; any two texts at least do not overlap.
                    const least = /\blabel\b/.test(a.cls) && /\blabel\b/.test(b.cls) ? 8 : 0;
                    if (g < least) problems.push(`${chart.name}: "${a.text}" and "${b.text}" ${g.toFixed(1)} apart`);
                }));
                const unit = texts.find(t => t.cls === 'unit');
                const direction = texts.find(t => t.cls === 'direction');
                const ticks = texts.filter(t => /tick-y/.test(t.cls));
                if (unit && direction && unit.x + unit.width > direction.x) problems.push(`${chart.name}: the unit "${unit.text}" under the direction`);
                if (unit && ticks.some(t => t.y < unit.y)) problems.push(`${chart.name}: the unit "${unit.text}" is not over the value axis`);
            }
            assert.deepEqual(problems, []);
        });
    }
});
