/**
 * Figures under 0.1 (a defect ratio of 0.0032 falling to 0.0021) as every
 * surface prints them: with their first three significant digits, never
 * `0` (docs/report.md: figures written in the files are shown as written);
 * a KPI chart's axis ticks as distinct as the ticks, its labels and status
 * line with the figures; whole units and shares as before.
 */
import * as assert from 'node:assert/strict';
import { figuresText, formatAmount, formatMoney, formatNumber, formatShare, formatValue } from '../../language/present/index.js';
import { kpiChart, renderKpiChart, changeText } from '../../language/render/index.js';
import { tickText } from '../../language/render/chart-text.js';
import { checkWorkspace } from './helpers/check-workspace.js';

const RATIO = `outcome O "Fewer defects" { measured by DefectRate }
metric DefectRate "Defects per unit shipped" {
  kind lagging unit ratio direction down
  baseline 0.0032 target 0.0021 by 2026-09-30
  cadence monthly
}
program P "Quality pilot" { serves O window 2026-01-01 to 2026-09-30 }
actuals DefectRate { 2026-01: 0.0031  2026-02: 0.0029  2026-03: 0.00275 }
`;

describe('small figures (under 0.1)', () => {
    it('prints them with their first three significant digits, not as 0', () => {
        assert.deepEqual([0.0032, 0.0021, 0.00275, 0.0029333333, -0.0041, 0.0571234, 0.05, 0.000012].map(v => formatNumber(v)),
            ['0.0032', '0.0021', '0.00275', '0.00293', '-0.0041', '0.0571', '0.05', '0.000012']);
        assert.deepEqual([formatAmount(0.0032, 'percent'), formatValue(0.00275, undefined), changeText(-0.0005, undefined)], ['0.0032%', '0.00275', '\u22120.0005']);
    });

    it('leaves figures of 0.1 and more, whole units and shares as they were', () => {
        assert.deepEqual([0.1, 0.123456, 14.125, 0].map(v => formatNumber(v)), ['0.1', '0.12', '14.13', '0']);
        assert.deepEqual([formatNumber(0.004, 0), formatMoney(0.4, 'USD', 0), formatShare(0.734)], ['0', '0 USD', '73%']);
    });

    it('labels axis ticks as distinct as they are', () => {
        assert.deepEqual([0.002, 0.0025, 0.003, 0.0035].map(v => tickText(v, undefined)), ['0.002', '0.0025', '0.003', '0.0035']);
        assert.deepEqual([0.1, 0.105, 0.11].map(v => tickText(v, undefined, 3)), ['0.1', '0.105', '0.11']);
    });

    it('shows a small ratio KPI\'s figures in its chain box and its chart: baseline, latest, target, ticks, status', async () => {
        const w = await checkWorkspace({ 'a.align': RATIO });
        const node = w.graph.node('DefectRate')!;
        assert.equal(figuresText(node.metric!), '0.0032 \u2192 0.00275 \u2192 0.0021');
        const chart = kpiChart(node)!;
        const ticks = chart.yTicks.map(t => t.label);
        assert.equal(new Set(ticks).size, ticks.length, `distinct ticks: ${ticks.join(', ')}`);
        assert.ok(!ticks.includes('0'), `no tick reads 0: ${ticks.join(', ')}`);
        const labels = Object.fromEntries(chart.labels.map(l => [l.role, l.text]));
        assert.deepEqual([labels['latest'], labels['target'], labels['baseline']], ['0.00275 (2026-03)', 'target 0.0021', 'baseline 0.0032']);
        assert.equal(chart.statusDetail, '0.00275 against 0.00293 on the trajectory');
        const svg = renderKpiChart(chart);
        assert.match(svg, /Baseline 0\.0032\b/);
        assert.match(svg, /Target 0\.0021 by/);
    });
});
