/**
 * The change of a percent KPI is a number of points (12% -> 11% is
 * "−1 point", not "-1%", which reads as a relative change): hover, code lens,
 * preview detail and report write it alike, with language/render's changeText.
 */
import * as assert from 'node:assert/strict';
import type { Program } from '../../language/generated/ast.js';
import { buildReport } from '../../cli/report/build-report.js';
import { toMarkdown } from '../../cli/report/markdown.js';
import { isolateLensTitle } from '../../server/features/hover-attribution.js';
import { programHover } from '../../server/features/hover-chain.js';
import { changeText, computedChangeText } from '../../language/render/index.js';
import { checkWorkspace } from './helpers/check-workspace.js';

const CHURN = `
outcome Keep "Keep customers" { measured by P.Churn }
program P "Retention pilot" {
  serves Keep
  sponsor "VP CS"
  review monthly
  pilot 60 days from 2026-01-05
  cost 1000 USD
  isolate Churn by estimate 50% confidence 100%
  metric Churn "Monthly churn" {
    kind lagging
    unit percent
    direction down
    baseline 12%
    target 10% by 2026-06-30
    source "Billing"
    owner "CS ops"
    cadence monthly
    value 2000 USD per point
  }
  actuals Churn {
    2026-02: 10.5%
  }
}
`;

describe('the change of a percent KPI, in points', () => {
    it('hover, code lens and report say −1.5 points raw and −0.75 points attributed', async () => {
        const { graph } = await checkWorkspace({ 'churn.align': CHURN });
        const roi = graph.node('P')!.programFigures!.roi;
        const attribution = roi.attribution!.find(a => a.metric === 'P.Churn')!;
        assert.deepEqual([attribution.rawChange, attribution.attributedChange].map(v => Number(v!.toFixed(6))), [-1.5, -0.75]);
        const hover = programHover(graph, graph.node('P')!, graph.astOf('P') as Program);
        assert.ok(hover.includes('Churn by estimate 50%, confidence 100%: change \u22121.5 points raw \u2192 \u22120.75 points attributed'), hover);
        assert.equal(isolateLensTitle(graph, roi, attribution), 'attributed \u22120.75 points of \u22121.5 points \u00b7 benefit 1,500 USD');
        const report = toMarkdown(buildReport({ index: graph, findings: [], date: '2026-03-01', files: 1 }));
        assert.ok(report.includes('\u22121.5 points') && report.includes('\u22120.75 points'), report);
        assert.ok(!/[-\u2212]1\.5%|[-\u2212]0\.75%/.test(hover + report), 'never a percent for a change of a percent KPI');
    });

    it('a change that prints as 1 is one point; computed money is whole', () => {
        assert.deepEqual([changeText(1.001, 'percent'), changeText(-1, 'percent'), changeText(1.5, 'percent')], ['+1 point', '\u22121 point', '+1.5 points']);
        assert.deepEqual([computedChangeText(3408.81, 'currency USD'), computedChangeText(-0.75, 'percent')], ['+3,409 USD', '\u22120.75 points']);
    });
});
