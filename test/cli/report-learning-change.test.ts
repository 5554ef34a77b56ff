/**
 * The learning chart of the HTML report of `examples/` in headless Chromium:
 * a metric's change is measured from the same start as its box in the
 * impact chain (the baseline, `48% → 84% → 80%`), names that start, and
 * writes dates as the rest of the report does (ISO), never `Apr 3`.
 */
import assert from 'node:assert/strict';
import { useExamplesReport } from './report-page.js';

interface Row { id: string; latest: string; change: string; }

const READ = `({
    rows: [...document.querySelectorAll('svg.progress-chart:not(.stacked) g.row')].filter(g => g.getClientRects().length > 0 && !g.querySelector('.status-glyph'))
        .map(g => ({ id: g.dataset.id, latest: (g.querySelector('.row-latest') || {}).textContent || '', change: [...g.querySelectorAll('.row-change')].map(t => t.textContent).join(' ') }))
        .filter(r => r.change),
    figures: Object.fromEntries([...document.querySelectorAll('svg.align-graph g[data-id]')].map(g => [g.dataset.id, [...g.querySelectorAll('.metric-figures')].map(t => t.textContent).join(' ')]).filter(([, f]) => f))
})`;

describe('align report --format html in Chromium: the learning chart\'s change', function () {
    this.timeout(120_000);
    const report = useExamplesReport('review-learning-change');

    it('measures each change from the baseline of the chain\'s box, names it, and dates no change by month and day', async () => {
        const page = await report.open(1000);
        const { rows, figures } = await page.evaluate(READ) as { rows: Row[]; figures: Record<string, string> };
        assert.ok(rows.length > 0, 'rows with a change');
        for (const row of rows) {
            assert.doesNotMatch(row.change, /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d/, row.change);
            const box = figures[row.id];
            assert.ok(box, `the chain's box of ${row.id}`);
            const [baseline, latest] = box.split(' → ');
            if (baseline === '—') {
                assert.match(row.change, /^[+\u2212\u00b1]\S+(?: \S+)? since \d{4}-\d\d(?:-\d\d)? \(.+\)$/, row.change);
                continue;
            }
            // `+36 points since baseline (48%)`: its start is the box's first figure, and the change reaches its latest.
            const m = /^([+\u2212\u00b1])([\d,.]+)(?: points?)? since baseline \((.+)\)$/.exec(row.change);
            assert.ok(m, `${row.id}: ${row.change}`);
            assert.equal(m[3], baseline, `${row.id}: the chart's start against the box's ${box}`);
            const number = (s: string): number => Number(s.replace(/[^\d.]/g, ''));
            const sign = m[1] === '\u2212' ? -1 : m[1] === '+' ? 1 : 0;
            assert.ok(Math.abs(number(baseline!) + sign * number(m[2]!) - number(latest!)) < 0.051, `${row.id}: ${row.change} from ${box}`);
            assert.ok(row.latest.startsWith(latest!), `${row.id}: ${row.latest} against ${box}`);
        }
    });
});
