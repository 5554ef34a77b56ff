/**
 * The impact chains of the HTML report of `examples/` in headless Chromium:
 * a metric box's deadline stays with its figures (on their line, else the
 * line under them, above the progress bar), and the name and status lines
 * break between the phrases of ` · ` (the separator ending the first line),
 * never inside a phrase (`33% of` / `the way`) nor before a separator.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useExamplesReport } from './report-page.js';

interface BoxText {
    chain: string;
    id: string;
    deadlineY?: number;
    barY?: number;
    /** The lines of the name, and of the status. */
    name: string[];
    status: string[];
}

const READ_BOXES = `[...document.querySelectorAll('svg.align-graph')].flatMap(svg => [...svg.querySelectorAll('g[data-id]')].map(g => {
    const lines = cls => [...g.querySelectorAll('text.' + cls)].map(t => t.textContent);
    const y = sel => { const e = g.querySelector(sel); return e ? e.getBBox().y : undefined; };
    return {
        chain: (svg.closest('figure').querySelector('figcaption') || {}).textContent || '', id: g.dataset.id,
        deadlineY: y('text.metric-deadline'), barY: y('rect.progress-track'), name: lines('node-name'), status: lines('metric-status')
    };
}))`;

describe('align report --format html in Chromium: the text of the impact chains\' boxes', function () {
    this.timeout(120_000);
    const report = useExamplesReport('review-chain-wrap');
    let page: Page;
    let boxes: BoxText[];

    before(async () => {
        page = await report.open(1000);
        boxes = await page.evaluate(READ_BOXES) as BoxText[];
        assert.ok(boxes.filter(b => b.deadlineY !== undefined).length > 10, 'metric boxes with a deadline');
    });

    it('draws each deadline with its figures, above the progress bar, never under the status', () => {
        const under = boxes.filter(b => b.deadlineY !== undefined && b.barY !== undefined && b.deadlineY >= b.barY);
        assert.deepEqual(under.map(b => `${b.chain}: ${b.id}`), []);
    });

    it('breaks name and status lines between phrases, the separator ending the line', () => {
        const broken: string[] = [];
        for (const b of boxes) {
            for (const lines of [b.name, b.status]) {
                const text = lines.join(' ');
                if (lines.length < 2 || !text.includes('·')) continue;
                if (lines.some(l => l.startsWith('·'))) broken.push(`${b.id}: ${lines.join(' / ')} (a line starts with the separator)`);
                // Each line holds whole phrases of the box's text: a phrase split over two lines is not one of them.
                const whole = text.split(/ ·(?: |$)/).map(p => p.trim());
                if (lines.flatMap(l => l.replace(/ ·$/, '').split(' · ')).some(p => !whole.includes(p))) broken.push(`${b.id}: ${lines.join(' / ')}`);
            }
        }
        assert.deepEqual(broken, []);
    });
});
