import * as assert from 'node:assert/strict';
import type { Metric, Program } from '../../language/generated/ast.js';
import { layoutGraph, nodeLabel, renderSvg } from '../../language/render/index.js';
import { buildReport } from '../../cli/report/build-report.js';
import { toMarkdown } from '../../cli/report/markdown.js';
import { programHover } from '../../server/features/hover-chain.js';
import { metricHover } from '../../server/features/hover-elements.js';
import { checkWorkspace } from './helpers/check-workspace.js';

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
