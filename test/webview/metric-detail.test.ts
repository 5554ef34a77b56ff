/**
 * The metric detail panel (issue 15 item 8, issue 16 item 4) in headless
 * Chromium: a graph built from Align source in the test, a KPI node clicked
 * or entered; the panel's chart read back from its SVG (each actual where
 * the axes say), the attribution computed here from the formulas, Escape
 * and the close button, a non-metric node, a narrow pane in every theme.
 * Screenshots go to out/screenshots/metric-detail/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findingsByNode } from '../../language/graph/node-findings.js';
import type { ImpactGraphResult } from '../../language/protocol.js';
import { parseXml } from '../cli/xml.js';
import { checkWorkspace } from '../unit/helpers/check-workspace.js';
import { graphMessage, usePreview } from './harness/fixture.js';
import { THEMES, type ThemeName } from './harness/themes.js';
import type { OpenOptions, WebviewPage } from './harness/webview-page.js';
import { axes, circles, rectOf, type ScreenRect } from './harness/chart-reading.js';
import { COLOUR_HELPERS } from './harness/colour.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/screenshots/metric-detail');
const [BASELINE, LATEST, SHARE, CONFIDENCE, VALUE, COST] = [100, 120, 60, 80, 1000, 5000];
const ACTUALS = [['2026-01', '2026-01-31', 110], ['2026-02', '2026-02-28', LATEST]] as const;

const SOURCE = `metric Sales "Monthly sales" {
  kind lagging unit count direction up baseline ${BASELINE} target 150 by 2026-12-31
  source "CRM" owner "Sales Ops" cadence monthly value ${VALUE} USD per point
}
outcome Grow "Grow sales" { measured by Sales }
program Pilot "Sales pilot" {
  sponsor "VP Sales"
  serves Grow
  pilot 90 days from 2026-01-05
  cost ${COST} USD
  isolate Sales by estimate ${SHARE}% confidence ${CONFIDENCE}%
  metric Calls "Discovery calls with a quantified pain" { kind leading unit percent direction up baseline 20% target 60% by 2026-06-30 drives Sales }
  skill Pitching "Pitching value"
  behavior Pitches "Pitches the buyer's cost of inaction" { enabled by Pitching moves Calls }
  objective PitchValue "Pitch the cost of inaction in five minutes" { builds Pitching kpi Calls }
}
actuals Sales { ${ACTUALS.map(([period, , value]) => `${period}: ${value}`).join('\n  ')} }
`;

async function result(source = SOURCE): Promise<ImpactGraphResult> {
    const { graph, services } = await checkWorkspace({ 'sales.align': source });
    const diagnostics = services.shared.workspace.LangiumDocuments.all.toArray()
        .flatMap(doc => (doc.diagnostics ?? []).map(d => ({ uri: doc.uri.toString(), range: d.range, severity: d.severity })));
    return { graph: graph.graph, findings: findingsByNode(graph.graph.nodes, diagnostics), focusable: [], version: 1, syntaxErrors: [] };
}

const WORKSPACE: OpenOptions['state'] = { zoom: 1, pan: { x: 0, y: 0 }, scope: { kind: 'workspace' }, direction: 'auto', hideLearningMetrics: false, search: '' };
const PANEL = '.metric-detail:not([hidden])';

/** The panel's label/value pairs, by program (`facts` for the metric's own). */
const definitions = (w: WebviewPage): Promise<Record<string, Record<string, string>>> => w.page.$eval(PANEL, panel => {
    const byGroup: Record<string, Record<string, string>> = {};
    for (const list of panel.querySelectorAll('dl')) {
        const group = list.closest('[data-program]')?.getAttribute('data-program') ?? list.className;
        const pairs: Record<string, string> = byGroup[group] = {};
        list.querySelectorAll('dt').forEach(dt => { pairs[dt.textContent!] = dt.nextElementSibling!.textContent!; });
    }
    return byGroup;
});

const activeId = (w: WebviewPage): Promise<string | null> => w.page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? document.activeElement?.className ?? null);
const expanded = (w: WebviewPage): Promise<string[]> => w.page.$$eval('.node[aria-expanded="true"]', els => els.map(e => `${e.getAttribute('data-id')}>${e.getAttribute('aria-controls')}`));
const panelRect = (w: WebviewPage): Promise<ScreenRect> => w.page.$eval(PANEL, rectOf);
const nodeRect = (w: WebviewPage, id: string): Promise<ScreenRect> => w.page.$eval(`[data-id="${id}"] .node-box`, rectOf);
const overlaps = (a: ScreenRect, b: ScreenRect): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('preview: metric detail panel', function () {
    this.timeout(180_000);
    const preview = usePreview();
    before(() => fs.mkdirSync(out, { recursive: true }));

    const openOn = async (options: OpenOptions = {}): Promise<WebviewPage> => {
        const w = await preview.open({ state: WORKSPACE, ...options });
        await w.postGraph(graphMessage(await result()));
        return w;
    };

    it('a clicked KPI shows the report\'s chart: each actual where the axes say, a text alternative, 1 px per px', async () => {
        const w = await openOn({ viewport: { width: 960, height: 800 } });
        await w.page.locator('[data-id="Sales"] .node-box').click();
        await w.page.waitForSelector(`${PANEL} svg.kpi-chart`);
        const chart = await w.page.$eval(`${PANEL} svg.kpi-chart`, svg => ({
            xml: new XMLSerializer().serializeToString(svg),
            width: svg.getBoundingClientRect().width,
            declared: Number(svg.getAttribute('width')),
            label: svg.getAttribute('aria-labelledby')!.split(' ').map(id => document.getElementById(id)?.textContent ?? '')
        }));
        const root = parseXml(chart.xml);
        const { x, y } = axes(root);
        const points = circles(root, 'actual');
        assert.deepEqual(points.map(p => [p.attributes['data-period'], p.attributes['data-date'], Number(p.attributes['data-value'])]), ACTUALS.map(a => [...a]));
        for (const [p, [period, date, value]] of points.map((p, i) => [p, ACTUALS[i]!] as const)) {
            assert.ok(Math.abs(Number(p.attributes['cx']) - x(date)) <= 0.25, `x of ${period}`);
            assert.ok(Math.abs(Number(p.attributes['cy']) - y(value)) <= 0.25, `y of ${period}`);
        }
        assert.ok(Math.abs(chart.width - chart.declared) < 0.5, `drawn at its own size (${chart.width} px for ${chart.declared})`);
        assert.match(chart.label[0]!, /Monthly sales \(Sales\)/);
        assert.match(chart.label[1]!, /Baseline 100.*Target 150 by 2026-12-31.*120 \(2026-02\)/);
        assert.match(await w.page.$eval(`${PANEL} h2`, h => h.textContent!), /^Monthly sales$/);
        assert.equal(await w.page.$eval(PANEL, p => p.getAttribute('aria-labelledby') && document.getElementById(p.getAttribute('aria-labelledby')!)?.textContent), 'Monthly sales');
        assert.equal(await activeId(w), 'metric-detail', 'focus moves to the panel');
        assert.ok(!overlaps(await panelRect(w), await nodeRect(w, 'Sales')), 'the panel does not cover the node it describes');
        assert.deepEqual(await expanded(w), ['Sales>metric-detail'], 'the node tells assistive technology that it controls the open panel');
        await w.page.screenshot({ path: path.join(out, '960x800-light.png') });

        await w.page.locator(`${PANEL} button.close`).click();
        await w.page.waitForSelector('.metric-detail[hidden]', { state: 'attached' });
        assert.equal(await activeId(w), 'Sales', 'focus goes back to the node');
        assert.deepEqual(await expanded(w), []);
    });

    it('the attribution per program: method, raw and attributed change, value, benefit (estimate 60% confidence 80% -> +9.6)', async () => {
        const w = await openOn({ viewport: { width: 960, height: 800 } });
        await w.page.locator('[data-id="Sales"]').focus();
        await w.page.keyboard.press('Enter');
        await w.page.waitForSelector(`${PANEL} .attribution`);
        const raw = LATEST - BASELINE;
        const attributed = raw * (SHARE / 100) * (CONFIDENCE / 100);
        const money = (n: number): string => `${n.toLocaleString('en-US', { maximumFractionDigits: 0 })} USD`;
        assert.equal(attributed.toFixed(1), '9.6', 'the worked example of the issue');
        assert.deepEqual((await definitions(w))['Pilot'], {
            'Method': `estimate ${SHARE}%, confidence ${CONFIDENCE}%`,
            'Raw change': `+${raw}`,
            'Attributed change': `+${attributed.toLocaleString('en-US', { maximumFractionDigits: 2 })}`,
            'Value per point': money(VALUE),
            'Benefit': `${money(attributed * VALUE)} (raw ${money(raw * VALUE)})`
        });
        assert.equal(await w.page.$eval(`${PANEL} [data-program="Pilot"] h4`, h => h.textContent), 'Sales pilot');
        assert.deepEqual((await definitions(w))['facts']?.['Baseline → latest → target'], `${BASELINE} → ${LATEST} → 150`);

        await w.page.keyboard.press('Escape');
        await w.page.waitForSelector('.metric-detail[hidden]', { state: 'attached' });
        assert.equal(await activeId(w), 'Sales', 'Escape closes the panel and focus goes back to the node');
    });

    it('a node that is not a metric opens no panel (it still reveals its declaration) and closes an open one; a metric without actuals says so', async () => {
        const w = await openOn({ viewport: { width: 960, height: 800 } });
        const before = (await w.posted()).length;
        await w.page.locator('[data-id="Pilot.PitchValue"] .node-box').click();
        assert.equal((await w.waitForPosted('reveal', before)).nodeId, 'Pilot.PitchValue');
        assert.equal(await w.page.$eval('.metric-detail', p => (p as HTMLElement).hidden), true);
        assert.equal(await w.page.$$eval('.metric-detail svg', s => s.length), 0);

        await w.page.locator('[data-id="Pilot.Calls"] .node-box').click();
        await w.page.waitForSelector(`${PANEL} .no-chart`);
        await w.page.locator('[data-id="Pilot.Pitches"] .node-box').click();
        await w.page.waitForSelector('.metric-detail[hidden]', { state: 'attached' });
        await w.page.locator('[data-id="Pilot.Calls"] .node-box').click();
        await w.page.waitForSelector(`${PANEL} .no-chart`);
        assert.equal(await w.page.$$eval(`${PANEL} svg`, s => s.length), 0);
        assert.equal(await w.page.$$eval(`${PANEL} .attribution`, s => s.length), 0, 'no value: no attribution');
    });

    it('follows edits: a new actual is charted; the metric removed closes the panel', async () => {
        const w = await openOn({ viewport: { width: 960, height: 800 } });
        await w.page.locator('[data-id="Sales"] .node-box').click();
        await w.page.waitForSelector(`${PANEL} svg.kpi-chart`);
        await w.postGraph(graphMessage(await result(SOURCE.replace(`2026-02: ${LATEST}`, `2026-02: ${LATEST}\n  2026-03: 131`))));
        await w.page.waitForFunction(sel => document.querySelectorAll(`${sel} circle.actual`).length === 3, PANEL);
        assert.equal(await w.page.$eval(`${PANEL} circle.actual.latest`, c => c.getAttribute('data-value')), '131');
        await w.postGraph(graphMessage(await result(SOURCE.replace('metric Sales', 'metric Revenue').replace(/measured by Sales|isolate Sales[^\n]*|drives Sales|actuals Sales/g, m => m.replace('Sales', 'Revenue')))));
        await w.page.waitForSelector('.metric-detail[hidden]', { state: 'attached' });
    });

    for (const theme of Object.keys(THEMES) as ThemeName[]) {
        it(`at 420x860 (${theme}): the panel fits without horizontal scroll, its text at 11 px or more and 4.5:1 contrast, the node in view above it`, async () => {
            const w = await openOn({ viewport: { width: 420, height: 860 }, theme });
            await w.page.locator('[data-id="Sales"]').focus();
            await w.page.keyboard.press('Enter');
            await w.page.waitForSelector(`${PANEL} svg.kpi-chart`);
            await w.page.waitForFunction(() => new Promise(r => requestAnimationFrame(() => r(true))));
            const fit = await w.page.$eval(PANEL, panel => {
                const body = panel.querySelector('.detail-body')!;
                const sizes = [...panel.querySelectorAll('text, dt, dd, h2, h3, h4, p, code')].filter(e => (e.textContent ?? '').trim() !== '')
                    .map(e => parseFloat(getComputedStyle(e).fontSize) * (e instanceof SVGElement ? e.ownerSVGElement!.getBoundingClientRect().width / Number(e.ownerSVGElement!.getAttribute('width')) : 1));
                return {
                    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                    body: body.scrollWidth - body.clientWidth,
                    right: panel.getBoundingClientRect().right,
                    smallest: Math.min(...sizes)
                };
            });
            assert.ok(fit.page <= 0 && fit.body <= 0, `no horizontal scroll (${JSON.stringify(fit)})`);
            assert.ok(fit.right <= 420, 'the panel lies within the pane');
            assert.ok(fit.smallest >= 11, `text at ${fit.smallest} px`);
            const [panel, node] = [await panelRect(w), await nodeRect(w, 'Sales')];
            assert.ok(node.top >= 0 && node.bottom <= panel.top, `the node (${node.top}-${node.bottom}) is in view above the panel (top ${panel.top})`);
            const ratios = await w.page.evaluate(`(${PANEL_CONTRASTS})()`) as Array<[string, number]>;
            assert.ok(ratios.length > 20, 'the panel\'s text was read');
            assert.deepEqual(ratios.filter(([, ratio]) => ratio < 4.5), [], `text below 4.5:1 in ${theme}`);
            await w.page.screenshot({ path: path.join(out, `420x860-${theme}.png`) });
        });
    }
});

/**
 * In-page: the contrast ratio (WCAG) of every text of the open panel over
 * what is under it (the panel, or the chart's background), colours with
 * alpha blended. A string, so that the test runner's transpiler adds nothing to it.
 */
const PANEL_CONTRASTS = `() => {
    ${COLOUR_HELPERS}
    const panel = document.querySelector('.metric-detail:not([hidden])');
    const page = parse(getComputedStyle(document.body).backgroundColor);
    const under = blend(parse(getComputedStyle(panel).backgroundColor), page);
    const chart = blend(parse(getComputedStyle(panel.querySelector('svg .background')).fill), under);
    return [
        ...[...panel.querySelectorAll('h2, h3, h4, dt, dd, p, code, button')].map(e => [e.tagName + '.' + e.className, ratio(blend(parse(getComputedStyle(e).color), under), under)]),
        ...[...panel.querySelectorAll('svg text')].map(e => ['svg ' + e.getAttribute('class'), ratio(blend(parse(getComputedStyle(e).fill), chart), chart)])
    ];
}`;
