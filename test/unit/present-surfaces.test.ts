import * as assert from 'node:assert/strict';
import type { Metric, Program } from '../../language/generated/ast.js';
import { kpiChart, layoutGraph, nodeLabel, renderKpiChart, renderSvg } from '../../language/render/index.js';
import { buildReport } from '../../cli/report/build-report.js';
import { toMarkdown } from '../../cli/report/markdown.js';
import { isolateLensTitle } from '../../server/features/hover-attribution.js';
import { noLinkReason, programHover } from '../../server/features/hover-chain.js';
import { diagramOf } from '../../cli/graph/diagram.js';
import { metricHover } from '../../server/features/hover-elements.js';
import { checkWorkspace } from './helpers/check-workspace.js';
import { currenciesSource } from '../fixtures/currencies.js';

const SALES = `
outcome Grow "Grow revenue" { measured by Sales.Revenue }
program Sales "Sales pilot" {
  serves Grow
  sponsor "VP Sales"
  review monthly
  pilot 60 days from 2026-01-05
  cost 20000 USD
  metric Revenue "Monthly revenue" {
    kind lagging
    unit currency USD
    direction up
    baseline 12000
    target 15000 by 2026-06-30
    source "CRM"
    owner "Sales ops"
    cadence monthly
    value 10 USD per unit
  }
  actuals Revenue {
    2026-02: 13500
  }
}
`;

/**
 * The same figure reads the same in the editor's hover, in the report and in
 * the drawing (preview and SVG export): one presentation module prints them.
 */
describe('figures read the same on every surface', () => {
    let hover: string;
    let programText: string;
    let report: string;
    let svg: string;
    let label: string;

    before(async () => {
        const { graph } = await checkWorkspace({ 'sales.align': SALES });
        const metric = graph.node('Sales.Revenue')!;
        const program = graph.node('Sales')!;
        hover = metricHover(graph, metric, graph.astOf(metric.id) as Metric);
        programText = programHover(graph, program, graph.astOf(program.id) as Program);
        report = toMarkdown(buildReport({ index: graph, findings: [], date: '2026-03-01', files: 1 }));
        const layout = layoutGraph(graph.graph);
        svg = renderSvg(layout);
        // The accessible name the preview gives the node.
        label = nodeLabel(layout.nodes.find(n => n.id === 'Sales.Revenue')!);
    });

    it('baseline, latest and target: thousands separated, with the currency', () => {
        assert.ok(hover.includes('**Baseline** 12,000 USD → **latest** 13,500 USD (2026-02) → **target** 15,000 USD by 2026-06-30 · on track'), hover);
        for (const cell of ['| 12,000 USD |', '| 13,500 USD (2026-02) |', '| 15,000 USD |']) assert.ok(report.includes(cell), `${cell} in the report`);
        // The drawn line is cut to the node's width; the label holds all of it.
        assert.ok(svg.includes('>12,000 → 13,500 → 15,0'), 'the drawn figures');
        assert.ok(label.includes('baseline 12,000 USD, latest 13,500 USD, target 15,000 USD by 2026-06-30, on track · 50% of the way'), label);
        for (const surface of [hover, report, svg, label]) assert.ok(!/\b1[235]000\b/.test(surface), 'no figure without its separator');
    });

    it('progress and on-track words', () => {
        assert.ok(hover.includes('Progress: 50% of the way from baseline to target'), hover);
        assert.ok(report.includes('| 50% | on track |'), 'the report\'s KPI row');
        assert.ok(svg.includes('on track · 50% of the way'), 'the drawn status');
    });

    it('return on investment and coverage', () => {
        assert.ok(programText.includes('ROI -25% · BCR 0.75 (attributed benefit 15,000 USD, cost 20,000 USD)'), programText);
        assert.ok(report.includes('**ROI -25%** · **BCR 0.75** (Phillips: attributed benefit 15,000 USD, cost 20,000 USD;'), 'the report\'s ROI');
        assert.ok(programText.includes('window 2026-01-05 to 2026-03-06') && report.includes('2026-01-05 to 2026-03-06'), 'the pilot window');
    });
});

/**
 * A deadline written as a period (`by 2026-H1`) is dated on its last day,
 * and every surface still says the period the author wrote: the drawings,
 * short of room, the period alone; words with room, the period and its day.
 */
describe('a deadline written as a period reads as written on every surface', () => {
    it('hover, report, drawing, accessible name, Mermaid, chart and the report\'s dated status', async () => {
        const { graph } = await checkWorkspace({ 'sales.align': SALES.replace('target 15000 by 2026-06-30', 'target 15000 by 2026-H1') });
        const metric = graph.node('Sales.Revenue')!;
        assert.equal(metric.metric!.deadline, '2026-06-30', 'the graph dates it on its last day');
        assert.equal(metric.metric!.deadlinePeriod, '2026-H1');
        const layout = layoutGraph(graph.graph);
        const surfaces = {
            hover: metricHover(graph, metric, graph.astOf(metric.id) as Metric),
            report: toMarkdown(buildReport({ index: graph, findings: [], date: '2026-03-01', files: 1 })),
            svg: renderSvg(layout),
            label: nodeLabel(layout.nodes.find(n => n.id === 'Sales.Revenue')!),
            mermaid: diagramOf(graph.graph).columns.flatMap(c => c.nodes).find(n => n.id === 'Sales.Revenue')!.lines.join('\n'),
            chart: renderKpiChart(kpiChart(metric)!, { idPrefix: 'c-' }),
            passed: toMarkdown(buildReport({ index: graph, findings: [], date: '2026-07-15', files: 1 }))
        };
        assert.ok(surfaces.hover.includes('**target** 15,000 USD by 2026-H1 (2026-06-30)'), surfaces.hover);
        assert.ok(surfaces.report.includes('| 15,000 USD | 2026-H1 (2026-06-30) |'), surfaces.report);
        assert.ok(surfaces.svg.includes('>by 2026-H1<'), 'the drawn deadline');
        assert.ok(surfaces.label.includes('target 15,000 USD by 2026-H1 (2026-06-30)'), surfaces.label);
        assert.ok(surfaces.mermaid.includes('by 2026-H1'), surfaces.mermaid);
        assert.ok(surfaces.chart.includes('>deadline 2026-H1<'), 'the chart\'s deadline label');
        assert.ok(surfaces.chart.includes('Target 15,000 USD by 2026-H1 (2026-06-30).'), 'the chart\'s description');
        assert.ok(surfaces.passed.includes('target 15,000 USD by 2026-H1 (2026-06-30)'), surfaces.passed);
        for (const [name, text] of Object.entries(surfaces)) assert.ok(!/by 2026-06-30(?!\))/.test(text), `${name} dates the deadline without its period`);
    });
});

const CURRENCIES = currenciesSource({ value: 10, actual: 30 });

/**
 * Each KPI's value and benefit in the KPI's own currency (its `value`), on
 * every surface: not the program's `cost` currency (no conversion is made,
 * the ROI is missing then), and not dropped when the program has no `cost`.
 */
describe('attributed figures keep the currency of their KPI', () => {
    let paid: string;
    let unpaid: string;
    let lens: string;
    let report: string;

    before(async () => {
        const { graph } = await checkWorkspace({ 'money.align': CURRENCIES });
        const program = (id: string) => programHover(graph, graph.node(id)!, graph.astOf(id) as Program);
        paid = program('Paid');
        unpaid = program('Unpaid');
        const roi = graph.node('Paid')!.programFigures!.roi;
        lens = isolateLensTitle(graph, roi, roi.attribution!.find(a => a.metric === 'Paid.Lead')!);
        report = toMarkdown(buildReport({ index: graph, findings: [], date: '2026-03-01', files: 1 }));
    });

    it('the graph carries the currency of each KPI\'s value beside it', async () => {
        const { graph } = await checkWorkspace({ 'money.align': CURRENCIES });
        const attribution = graph.node('Paid')!.programFigures!.roi.attribution!;
        assert.deepEqual(attribution.map(a => [a.metric, a.value, a.currency]), [['Won', 10, 'USD'], ['Paid.Lead', 5, 'EUR']]);
        assert.equal(graph.node('Paid')!.programFigures!.roi.currency, 'USD');
    });

    it('hover and code lens', () => {
        assert.ok(paid.includes("Lead's value in USD, the cost's currency (it is in EUR)"), paid);
        assert.ok(paid.includes('benefit 70 EUR (raw 140 EUR)'), paid);
        assert.ok(paid.includes('benefit 300 USD'), paid);
        assert.ok(!/\d USD \(raw 140|70 USD/.test(paid), paid);
        assert.equal(lens, 'attributed +14 of +28 · benefit 70 EUR');
        assert.ok(unpaid.includes('benefit 300 USD'), unpaid);
    });

    it('the report\'s attribution table', () => {
        assert.ok(report.includes("ROI not shown: it needs Lead's value in USD, the cost's currency (it is in EUR)."), 'the missing terms');
        assert.ok(report.includes('| 5 EUR per point of change | 70 EUR (raw 140 EUR) |'), report);
        assert.ok(!report.includes('5 USD') && !report.includes('70 USD'), 'no EUR figure relabelled USD');
        // Both programs count Won: 10 USD a point, 30 points; each marks it shared.
        assert.equal(report.split('| 10 USD per point of change | 300 USD, shared |').length - 1, 2, report);
    });

    it('a cost without a currency: values in two currencies are not added up, the ROI is missing', async () => {
        const mixed = CURRENCIES.replace('cost 1000 USD', 'cost 1000');
        const { graph } = await checkWorkspace({ 'money.align': mixed });
        const roi = graph.node('Paid')!.programFigures!.roi;
        assert.deepEqual(roi.missing, ["Lead's value in USD, as Won's (it is in EUR), or a currency on `cost`"]);
        assert.equal(roi.benefit, undefined);
        assert.equal(roi.roiPercent, undefined);
        const same = await checkWorkspace({ 'money.align': mixed.replace('value 5 EUR per point', 'value 5 USD per point') });
        const single = same.graph.node('Paid')!.programFigures!.roi;
        assert.deepEqual(single.missing, []);
        assert.equal(single.currency, 'USD', 'the cost read in the values\' currency');
        assert.equal(single.benefit, 300 + 70);
    });
});

/**
 * An objective whose metrics have no `kind`: no KPI link, and no rule fires
 * (such a metric is neither a KPI nor activity or learning, language.md).
 * Every surface says why in the same terms, not "activity or learning only".
 */
describe('an objective that reaches only metrics without a kind', () => {
    const SOURCE = `
outcome Grow "Grow" { measured by Won }
metric Won "Won" { kind lagging unit count direction up baseline 0 target 10 by 2026-12-31 source "CRM" owner "Ops" cadence monthly }
metric Quiz "Quiz score" { kind learning unit "%" }
metric Loose "Loose metric" { unit count }
program P "p" {
  sponsor "VP"
  serves Grow
  review monthly
  skill S "s"
  behavior B "b" { enabled by S moves Loose observed by coach }
  objective O "o" { builds S practice case "c" kpi Quiz }
}
`;
    it('the hover, the report and the text diagrams name the metrics without kind', async () => {
        const { graph, findings } = await checkWorkspace({ 'kindless.align': SOURCE });
        const rules = findings.map(f => f.rule);
        assert.ok(!rules.includes('activity-only-link') && !rules.includes('objective-without-kpi'), rules.join(', '));
        assert.equal(noLinkReason(graph, graph.node('P.O')!), 'reaches metrics without a `kind`: Loose; give each its kind (`leading` or `lagging` for a KPI)');
        assert.equal(diagramOf(graph.graph).columns.flatMap(c => c.nodes).find(n => n.id === 'P.O')!.lines.at(-1), 'no KPI link: metrics without kind (Loose)');
        const report = toMarkdown(buildReport({ index: graph, findings: [], date: '2026-03-01', files: 1 }));
        assert.ok(report.includes('reaches metrics without a `kind` (`Loose`): give each its kind (`leading` or `lagging` for a KPI).'), report);
    });
});
