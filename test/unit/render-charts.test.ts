/**
 * The charts of language/render, read back from their SVG: each actual lies
 * where its value and its period's last day say (through the axes' own
 * ticks), the trajectory runs from the baseline at the program start to the
 * target at the deadline, `direction down` shades the side below the
 * trajectory, labels do not overlap, every chart has a text alternative;
 * the progress panel puts learning first on one shared time axis.
 */
import * as assert from 'node:assert/strict';
import type { GraphNode } from '../../language/graph/types.js';
import { kpiChart, progressChart, renderKpiChart, renderProgressChart, tableMeasure } from '../../language/render/index.js';
import { elementsWhere, hasClass, parseXml, type XmlElement } from '../cli/xml.js';
import { checkWorkspace, type CheckedWorkspace } from './helpers/check-workspace.js';

const PILOT = `outcome Faster "Faster" { measured by Lag }
program P "Pilot" {
  serves Faster
  window 2026-01-01 to 2026-12-31
  metric Score "Skills check" { kind learning unit percent direction up baseline 40% }
  metric Up "Business cases" { kind leading unit percent direction up baseline 20% target 60% by 2026-12-31 drives Lag }
  metric Lag "Days to close" { kind lagging unit days direction down baseline 45 target 30 by 2026-H2 }
  metric Empty "Nothing measured yet" { kind leading unit percent direction up baseline 1% target 2% by 2026-12-31 drives Lag }
  metric One "Cost per hire" { kind lagging unit currency EUR direction down baseline 120000 target 90000 by 2026-09-30 drives Lag }
  actuals One { 2026-02: 118000 }
  actuals Score { 2026-01-15: 40%  2026-02: 71% }
  actuals Up { 2026-03: 30%  2026-Q2: 41%  2026-H2: 58% }
  actuals Lag { 2026-03: 42  2026-Q2: 39 }
}
`;

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

const num = (e: XmlElement, name: string): number => Number(e.attributes[name]);

/** The x of a date and the y of a value, read from the chart's grid lines (`data-date`, `data-value`). */
function axes(root: XmlElement): { x: (iso: string) => number; y: (value: number) => number } {
    const xs = elementsWhere(root, e => e.name === 'line' && e.attributes['data-date'] !== undefined);
    const ys = elementsWhere(root, e => e.name === 'line' && e.attributes['data-value'] !== undefined);
    assert.ok(xs.length >= 2, 'at least two dated grid lines');
    const [a, b] = [xs[0]!, xs.at(-1)!];
    const perDay = (num(b, 'x1') - num(a, 'x1')) / (day(b.attributes['data-date']!) - day(a.attributes['data-date']!));
    const x = (iso: string) => num(a, 'x1') + (day(iso) - day(a.attributes['data-date']!)) * perDay;
    if (ys.length < 2) return { x, y: () => NaN };
    const [c, d] = [ys[0]!, ys.at(-1)!];
    const perUnit = (num(d, 'y1') - num(c, 'y1')) / (Number(d.attributes['data-value']) - Number(c.attributes['data-value']));
    return { x, y: value => num(c, 'y1') + (value - Number(c.attributes['data-value'])) * perUnit };
}

function near(actual: number, expected: number, what: string): void {
    assert.ok(Math.abs(actual - expected) <= 0.25, `${what}: ${actual} is not ${expected.toFixed(2)}`);
}

describe('render: KPI charts', () => {
    let w: CheckedWorkspace;
    const node = (id: string): GraphNode => w.graph.node(id)!;
    const svgOf = (id: string): XmlElement => parseXml(renderKpiChart(kpiChart(node(id))!, { idPrefix: `${id}-` }));
    before(async () => { w = await checkWorkspace({ 'p.align': PILOT }); });

    it('draws each actual at its value, on its period\'s last day (2026-03, 2026-Q2, 2026-H2)', () => {
        const root = svgOf('P.Up');
        const { x, y } = axes(root);
        const points = elementsWhere(root, e => e.name === 'circle' && hasClass(e, 'actual'));
        assert.deepEqual(points.map(p => [p.attributes['data-period'], p.attributes['data-date'], p.attributes['data-value']]),
            [['2026-03', '2026-03-31', '30'], ['2026-Q2', '2026-06-30', '41'], ['2026-H2', '2026-12-31', '58']]);
        for (const [p, date, value] of [[points[0]!, '2026-03-31', 30], [points[1]!, '2026-06-30', 41], [points[2]!, '2026-12-31', 58]] as const) {
            near(num(p, 'cx'), x(date), `x of ${p.attributes['data-period']}`);
            near(num(p, 'cy'), y(value), `y of ${p.attributes['data-period']}`);
        }
        assert.ok(hasClass(points[2]!, 'latest'), 'the latest actual is marked');
    });

    it('draws the trajectory from the baseline at the program start to the target at the deadline', () => {
        const root = svgOf('P.Up');
        const { x, y } = axes(root);
        const t = elementsWhere(root, e => e.name === 'line' && hasClass(e, 'trajectory'))[0]!;
        near(num(t, 'x1'), x('2026-01-01'), 'start x');
        near(num(t, 'y1'), y(20), 'baseline y');
        near(num(t, 'x2'), x('2026-12-31'), 'deadline x');
        near(num(t, 'y2'), y(60), 'target y');
        const lag = svgOf('P.Lag');
        const lagAxes = axes(lag);
        const lt = elementsWhere(lag, e => e.name === 'line' && hasClass(e, 'trajectory'))[0]!;
        near(num(lt, 'x2'), lagAxes.x('2026-12-31'), 'a deadline `by 2026-H2` is its last day');
        const deadline = elementsWhere(lag, e => e.name === 'line' && hasClass(e, 'deadline-line'))[0]!;
        near(num(deadline, 'x1'), lagAxes.x('2026-12-31'), 'the deadline line');
        const target = elementsWhere(lag, e => e.name === 'line' && hasClass(e, 'target-line'))[0]!;
        near(num(target, 'y1'), lagAxes.y(30), 'the target line');
    });

    it('draws `direction down` the right way: values grow upwards, the on-track side is below the trajectory', () => {
        const root = svgOf('P.Lag');
        const { y } = axes(root);
        assert.ok(hasClass(root, 'direction-down'));
        const t = elementsWhere(root, e => e.name === 'line' && hasClass(e, 'trajectory'))[0]!;
        assert.ok(num(t, 'y2') > num(t, 'y1'), 'the target (30) is drawn below the baseline (45)');
        assert.ok(y(30) > y(45), 'smaller values are lower');
        const plotBottom = Math.max(...elementsWhere(root, e => e.name === 'line' && e.attributes['data-value'] !== undefined).map(l => num(l, 'y1')));
        const zone = elementsWhere(root, e => e.name === 'path' && hasClass(e, 'zone'))[0]!;
        const zoneYs = [...zone.attributes['d']!.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map(m => Number(m[2]));
        assert.equal(Math.max(...zoneYs), plotBottom, 'the shaded side reaches the bottom of the plot');
        assert.ok(Math.min(...zoneYs) >= num(t, 'y1') - 0.01, 'and nothing above the trajectory');
        const text = elementsWhere(root, e => e.name === 'text').map(e => e.text).join(' | ');
        assert.ok(text.includes('lower is better'), text);
        // 39 days on 2026-06-30 against the trajectory's 45 - 15 x 180/364 = 37.6: worse, so off track, drawn above the line.
        assert.ok(hasClass(root, 'status-off-track'));
        assert.ok(text.includes('Off track'), text);
        const latest = elementsWhere(root, e => hasClass(e, 'latest'))[0]!;
        const expected = elementsWhere(root, e => hasClass(e, 'expected-mark'))[0]!;
        near(num(expected, 'cy'), y(45 - 15 * 180 / 364), 'where the trajectory is at the latest actual');
        assert.ok(num(latest, 'cy') < num(expected, 'cy'), 'the latest actual sits on the wrong side of the trajectory');
        const up = svgOf('P.Up');
        const upZone = elementsWhere(up, e => e.name === 'path' && hasClass(e, 'zone'))[0]!;
        const plotTop = Math.min(...elementsWhere(up, e => e.name === 'line' && e.attributes['data-value'] !== undefined).map(l => num(l, 'y1')));
        assert.equal(Math.min(...[...upZone.attributes['d']!.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map(m => Number(m[2]))), plotTop, 'direction up: the shaded side reaches the top');
    });

    it('labels the latest actual, the target, the baseline and the deadline without overlapping', () => {
        // One: a single actual right beside the baseline, crowding their labels.
        for (const id of ['P.Up', 'P.Lag', 'P.One']) {
            const chart = kpiChart(node(id))!;
            assert.deepEqual(chart.labels.map(l => l.role).sort(), ['baseline', 'deadline', 'latest', 'target']);
            const boxes = chart.labels.map(l => {
                const w = tableMeasure(l.text, l.role === 'latest' ? { size: 11.5, bold: true } : { size: 11 });
                return { x: l.anchor === 'end' ? l.x - w : l.x, y: l.y - 9, w, h: 11 };
            });
            boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => {
                const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
                assert.ok(apart, `${id}: '${chart.labels[i]!.text}' overlaps '${chart.labels[i + 1 + j]!.text}'`);
            }));
            for (const b of boxes) assert.ok(b.x >= 0 && b.x + b.w <= chart.width + 0.5, `${id}: a label inside the chart`);
        }
        const texts = elementsWhere(svgOf('P.Up'), e => e.name === 'text' && hasClass(e, 'label')).map(e => e.text);
        assert.ok(texts.includes('58% (2026-H2)') && texts.includes('target 60%') && texts.includes('baseline 20%'), texts.join(', '));
    });

    it('has a text alternative: role img, a title and a description with the figures', () => {
        const root = svgOf('P.Up');
        assert.equal(root.attributes['role'], 'img');
        const [titleId, descId] = root.attributes['aria-labelledby']!.split(' ');
        const title = elementsWhere(root, e => e.attributes['id'] === titleId)[0]!;
        const desc = elementsWhere(root, e => e.attributes['id'] === descId)[0]!;
        assert.equal(title.name, 'title');
        assert.equal(title.text, 'Business cases (Up)');
        assert.equal(desc.name, 'desc');
        for (const part of ['leading KPI, higher is better', 'Baseline 20% on 2026-01-01', 'Target 60% by 2026-12-31', '30% (2026-03), 41% (2026-Q2), 58% (2026-H2)', 'Off track: 58% against 60% on the trajectory']) {
            assert.ok(desc.text.includes(part), `${part} in: ${desc.text}`);
        }
    });

    it('draws nothing for a metric without actuals (the report says so instead)', () => {
        assert.equal(kpiChart(node('P.Empty')), undefined);
    });
});

describe('render: the progress panel', () => {
    let w: CheckedWorkspace;
    before(async () => { w = await checkWorkspace({ 'p.align': PILOT }); });

    it('puts learning first, then leading, then lagging, on one time axis with the window shaded', () => {
        const metrics = ['P.Lag', 'P.Up', 'P.Score', 'P.Empty'].map(id => w.graph.node(id)!);
        const chart = progressChart(metrics, { window: { start: '2026-01-01', end: '2026-12-31', label: 'pilot' } })!;
        const root = parseXml(renderProgressChart(chart, { idPrefix: 'p-' }));
        const rows = elementsWhere(root, e => e.name === 'g' && hasClass(e, 'row'));
        assert.deepEqual(rows.map(r => r.attributes['data-id']), ['P.Score', 'P.Up', 'P.Empty', 'P.Lag']);
        const { x } = axes(root);
        const point = (row: string, period: string): XmlElement => elementsWhere(rows.find(r => r.attributes['data-id'] === row)!, e => e.attributes['data-period'] === period)[0]!;
        near(num(point('P.Score', '2026-02'), 'cx'), x('2026-02-28'), 'the learning check of 2026-02');
        near(num(point('P.Up', '2026-03'), 'cx'), num(point('P.Lag', '2026-03'), 'cx'), 'the same period lines up across rows');
        near(num(point('P.Up', '2026-Q2'), 'cx'), x('2026-06-30'), 'a quarter on its last day');
        const window = elementsWhere(root, e => e.name === 'rect' && hasClass(e, 'window'))[0]!;
        near(num(window, 'x'), x('2026-01-01'), 'the window starts at the program start');
        near(num(window, 'x') + num(window, 'width'), x('2026-12-31'), 'and ends at its end');
        const empty = rows.find(r => r.attributes['data-id'] === 'P.Empty')!;
        assert.ok(elementsWhere(empty, e => e.name === 'text').some(e => e.text === 'no actuals yet'));
        assert.equal(root.attributes['role'], 'img');
        const desc = elementsWhere(root, e => e.name === 'desc')[0]!.text;
        assert.ok(desc.includes('Skills check (learning): from 40% on 2026-01-15 to 71% on 2026-02-28'), desc);
    });

    it('stacks each row for a phone: the title on the full width, wrapped, above its line on the same time axis', () => {
        const long = { ...w.graph.node('P.Up')!, title: 'Business cases written with a named sponsor, a signed-off cost estimate and a dated decision before the first quarterly review' };
        const metrics = [w.graph.node('P.Lag')!, long, w.graph.node('P.Score')!, w.graph.node('P.Empty')!];
        const chart = progressChart(metrics, { width: 320, layout: 'stacked', window: { start: '2026-01-01', end: '2026-12-31', label: 'pilot' } })!;
        assert.equal(chart.layout, 'stacked');
        const root = parseXml(renderProgressChart(chart, { idPrefix: 's-' }));
        assert.ok(hasClass(root, 'stacked'), 'its text a size larger (chart-styles.ts)');
        const rows = elementsWhere(root, e => e.name === 'g' && hasClass(e, 'row'));
        assert.deepEqual(rows.map(r => r.attributes['data-id']), ['P.Score', 'P.Up', 'P.Empty', 'P.Lag']);
        const texts = (row: XmlElement, cls: string) => elementsWhere(row, e => e.name === 'text' && hasClass(e, cls));
        const up = rows[1]!;
        const title = texts(up, 'row-title');
        assert.ok(title.length > 2, `the long title wraps (${title.map(t => t.text).join(" | ")})`);
        assert.equal(title.map(t => t.text).join(' '), long.title, 'in full, no ellipsis');
        for (const t of elementsWhere(root, e => e.name === 'text')) {
            const size = hasClass(t, 'row-title') || hasClass(t, 'row-latest') ? { size: 12.5, bold: true } : { size: 11.5 };
            const width = tableMeasure(t.text, size);
            const left = t.attributes['text-anchor'] === 'middle' ? num(t, 'x') - width / 2 : num(t, 'x');
            assert.ok(left >= 0 && left + width <= 320, `'${t.text}' lies inside the chart (${left.toFixed(1)}..${(left + width).toFixed(1)})`);
        }
        rows.forEach((row, i) => {
            const lines = elementsWhere(row, e => e.name === 'line' && e.attributes['data-date'] !== undefined);
            const band = Math.min(...lines.map(l => num(l, 'y1')));
            const above = [...texts(row, 'row-title'), ...texts(row, 'row-kind')].map(t => num(t, 'y'));
            assert.ok(Math.max(...above) < band, `${row.attributes['data-id']}: its title and kind above its line`);
            for (const c of elementsWhere(row, e => e.name === 'circle' && hasClass(e, 'actual'))) assert.ok(num(c, 'cy') >= band, 'its marks in its strip');
            const next = rows[i + 1];
            if (next) assert.ok(Math.max(...elementsWhere(row, e => e.name === 'text').map(t => num(t, 'y'))) < Math.min(...texts(next, 'row-title').map(t => num(t, 'y'))) - 12, 'the next row starts under it');
        });
        const { x } = axes(root);
        const point = (row: string, period: string): XmlElement => elementsWhere(rows.find(r => r.attributes['data-id'] === row)!, e => e.attributes['data-period'] === period)[0]!;
        near(num(point('P.Score', '2026-02'), 'cx'), x('2026-02-28'), 'the learning check of 2026-02');
        near(num(point('P.Up', '2026-03'), 'cx'), num(point('P.Lag', '2026-03'), 'cx'), 'the same period lines up across rows');
        assert.ok(chart.xTicks.length <= 5, `few enough ticks for a phone (${chart.xTicks.length})`);
        assert.equal(elementsWhere(root, e => e.name === 'desc')[0]!.text, progressChart(metrics, { window: { start: '2026-01-01', end: '2026-12-31', label: 'pilot' } })!.description, 'the same description as the wide chart');
    });

    it('side by side, a title cut after its two lines shows in full on hover; a title that fits has no tooltip', () => {
        const long = { ...w.graph.node('P.Up')!, title: 'Business cases written with a named sponsor, a signed-off cost estimate and a dated decision before the first quarterly review' };
        const chart = progressChart([w.graph.node('P.Lag')!, long], {})!;
        const rows = elementsWhere(parseXml(renderProgressChart(chart, { idPrefix: 'w-' })), e => e.name === 'g' && hasClass(e, 'row'));
        const tooltip = (id: string) => elementsWhere(rows.find(r => r.attributes['data-id'] === id)!, e => e.name === 'title').map(t => t.text);
        const lines = elementsWhere(rows.find(r => r.attributes['data-id'] === 'P.Up')!, e => e.name === 'text' && hasClass(e, 'row-title'));
        assert.equal(lines.length, 2);
        assert.match(lines[1]!.text, /…$/, 'cut');
        assert.deepEqual(tooltip('P.Up'), [long.title]);
        assert.deepEqual(tooltip('P.Lag'), []);
    });

    it('draws a Hebrew row title right to left, its left end where a left-to-right title starts, side by side and stacked', () => {
        // "How long a deal takes?": its `?` at the left end.
        const hebrew = { ...w.graph.node('P.Up')!, title: '\u05db\u05de\u05d4 \u05d6\u05de\u05df \u05dc\u05e1\u05d2\u05d5\u05e8?' };
        for (const layout of ['columns', 'stacked'] as const) {
            const chart = progressChart([w.graph.node('P.Lag')!, hebrew], { width: layout === 'stacked' ? 320 : 720, layout })!;
            const rows = elementsWhere(parseXml(renderProgressChart(chart, { idPrefix: `${layout}-` })), e => e.name === 'g' && hasClass(e, 'row'));
            const title = (id: string): XmlElement => elementsWhere(rows.find(r => r.attributes['data-id'] === id)!, e => e.name === 'text' && hasClass(e, 'row-title'))[0]!;
            const [rtl, ltr] = [title('P.Up'), title('P.Lag')];
            assert.equal(rtl.text, hebrew.title, layout);
            assert.deepEqual([rtl.attributes['x'], rtl.attributes['direction'], rtl.attributes['text-anchor']], [ltr.attributes['x'], 'rtl', 'end'], layout);
            assert.deepEqual([ltr.attributes['direction'], ltr.attributes['text-anchor']], [undefined, undefined], layout);
        }
    });

    it('is not drawn when no metric has actuals', () => {
        assert.equal(progressChart([w.graph.node('P.Empty')!]), undefined);
    });
});

describe('render: charts of very many actuals', () => {
    it('draw 200,000 daily actuals (the extent of days and values is not a spread of arguments, which overflowed the stack)', async () => {
        const w = await checkWorkspace({ 'p.align': PILOT });
        const node = w.graph.node('P.Up')!;
        const start = day('1500-01-01');
        const actuals = Array.from({ length: 200_000 }, (_, i) => {
            const date = new Date((start + i) * 86_400_000).toISOString().slice(0, 10);
            return { period: date, date, value: 20 + (i % 40) };
        });
        const many: GraphNode = { ...node, metric: { ...node.metric!, actuals, latest: actuals.at(-1) } };
        const chart = kpiChart(many);
        assert.ok(chart, 'a chart');
        assert.ok(renderKpiChart(chart).includes('<svg'), 'rendered');
        assert.ok(progressChart([many]), 'a progress panel');
    });
});

describe('render: an actual and the trajectory it misses, told apart', () => {
    const SOURCE = (actual: string) => `metric G "Growth" { kind lagging unit count direction up baseline 0 target 100 by 2026-12-31 }\n`
        + `outcome O "O" { measured by G }\nactuals G {\n  2026-01: 5\n  2026-07: ${actual}\n}\n`;

    it('prints the expected value with the decimals that show it apart from an equal-looking actual (not "54 against 54")', async () => {
        // From the first actual (2026-01-31) to 2026-12-31: 181 of 334 days of 100 is 54.19.
        const w = await checkWorkspace({ 'a.align': SOURCE('54') });
        const chart = kpiChart(w.graph.node('G')!)!;
        assert.ok(chart.description.includes('Off track: 54 against 54.19 on the trajectory'), chart.description);
        // Where the metric's precision tells them apart, the expected value is rounded like its figures.
        const apart = await checkWorkspace({ 'a.align': SOURCE('50') });
        assert.ok(kpiChart(apart.graph.node('G')!)!.description.includes('Off track: 50 against 54 on the trajectory'));
    });

    it('prints both with more decimals when an actual more precise than two decimals would read the same as the trajectory', async () => {
        const w = await checkWorkspace({ 'a.align': SOURCE('54.1912') });
        const chart = kpiChart(w.graph.node('G')!)!;
        assert.match(chart.description, /Off track: 54\.191\d? against 54\.19\d+ on the trajectory/, chart.description);
        assert.ok(!chart.description.includes('54.19 against 54.19 '), chart.description);
    });
});
