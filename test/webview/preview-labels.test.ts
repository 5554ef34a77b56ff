/**
 * The preview beside the editor keeps what a reader needs whole: a metric's
 * figures (baseline → actual → target) wrap onto more lines rather than
 * lose the target, inside the box; and the layer labels stay readable where
 * edges cross them (a box of the editor's background behind each, drawn
 * above the edges, with the arrowheads it meets drawn again above it).
 * Screenshots go to out/screenshots/preview-labels/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatValue, unitSuffix } from '../../language/present/index.js';
import type { ImpactGraphResult } from '../../language/protocol.js';
import { cursorOn, examplesResult, graphMessage, usePreview } from './harness/fixture.js';
import type { ThemeName } from './harness/themes.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/screenshots/preview-labels');
const CURSOR = 'ChurnRate';

/** The examples with an actual recorded for every metric (the fixture has few): figures as long as they get, e.g. `55% → 67.6% → 80%`. */
function withActuals(): ImpactGraphResult {
    const result = examplesResult();
    for (const n of result.graph.nodes) {
        const m = n.metric;
        if (m?.baseline !== undefined && m.target !== undefined) m.latest = { period: '2026-Q1', date: '2026-03-31', value: Math.round(((m.baseline + m.target) / 2 + 0.13) * 10) / 10 };
    }
    return result;
}

describe('preview: metric figures whole, layer labels readable', function () {
    this.timeout(180_000);
    const preview = usePreview();
    const result = examplesResult();
    before(() => fs.mkdirSync(out, { recursive: true }));

    // WinRate's chain at 400 px lines up five boxes side by side: the narrowest boxes the preview draws.
    for (const [width, cursor] of [[400, CURSOR], [400, 'WinRate'], [600, 'WinRate']] as const) {
        it(`${width} px, cursor on ${cursor}, actuals recorded: every metric box draws its target, and no line of the box leaves it`, async () => {
            const result = withActuals();
            const w = await preview.open({ viewport: { width, height: 900 } });
            await w.postGraph({ ...graphMessage(result), cursor: cursorOn(result, cursor) });
            await w.waitForPosted('view');
            await w.page.screenshot({ path: path.join(out, `figures-${width}-${cursor}.png`) });
            const drawn = await w.page.$$eval('.nodes > .node', nodes => nodes.map(n => {
                const box = n.querySelector('.node-box')!.getBoundingClientRect();
                const outside = [...n.querySelectorAll('.node-text text')].filter(t => {
                    const r = t.getBoundingClientRect();
                    return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
                }).map(t => t.textContent);
                const figures = [...n.querySelectorAll('.metric-figures')].map(t => t.textContent ?? '').join(' ');
                return { id: n.getAttribute('data-id')!, figures, outside };
            }));
            const metrics = result.graph.nodes.filter(n => n.metric);
            assert.ok(metrics.length > 5 && drawn.length > 0);
            for (const m of metrics) {
                const box = drawn.find(d => d.id === m.id);
                if (!box) continue;
                const target = `${formatValue(m.metric!.target, m.metric!.unit)}${unitSuffix(m.metric!.unit)}`;
                assert.ok(box.figures.replace(/\s+/g, ' ').trimEnd().endsWith(`→ ${target}`), `${m.id}: figures "${box.figures}" end with the target ${target}`);
                assert.ok(!box.figures.includes('…'), `${m.id}: figures "${box.figures}" are cut`);
            }
            assert.ok(metrics.filter(m => drawn.some(d => d.id === m.id)).length >= 3, 'the scope shows metrics');
            assert.deepEqual(drawn.filter(d => d.outside.length > 0), [], 'text outside its box');
        });
    }

    for (const [width, theme] of [[400, 'light'], [600, 'dark'], [900, 'light']] as Array<[number, ThemeName]>) {
        it(`${width} px, ${theme}: layer labels sit above the edges on a box of the editor's background, arrowheads stay in view`, async () => {
            const w = await preview.open({ viewport: { width, height: 900 }, theme });
            await w.postGraph({ ...graphMessage(result), cursor: cursorOn(result, CURSOR) });
            await w.waitForPosted('view');
            await w.page.screenshot({ path: path.join(out, `labels-${width}-${theme}.png`) });
            // Every element hit-testable, so that elementFromPoint tells what is painted on top (the page lets only nodes take the pointer).
            await w.page.evaluate(() => {
                const sheet = new CSSStyleSheet();
                sheet.replaceSync('.align-graph svg * { pointer-events: visiblePainted !important; }');
                document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
            });
            const report = await w.page.evaluate(() => {
                const background = getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-background').trim();
                const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
                const halos = [...document.querySelectorAll('.label-halo')];
                return [...document.querySelectorAll('.column-label')].map((label, i) => {
                    const r = label.getBoundingClientRect();
                    const misses: string[] = [];
                    let probes = 0;
                    // A grid over the label's text box (inside the pane): what is on top there.
                    for (let fx = 0.02; fx < 1; fx += 0.04) {
                        for (const fy of [0.3, 0.5, 0.7]) {
                            const x = r.left + fx * r.width;
                            const y = r.top + fy * r.height;
                            if (x < canvas.left || x > canvas.right || y < canvas.top || y > canvas.bottom) continue;
                            probes++;
                            const hit = document.elementFromPoint(x, y);
                            const ok = hit === label || hit?.classList.contains('label-halo');
                            if (!ok) misses.push(`${Math.round(x)},${Math.round(y)}: ${hit?.tagName}.${hit?.getAttribute('class')}`);
                        }
                    }
                    const halo = halos[i];
                    const fill = halo?.classList.contains('label-halo') ? getComputedStyle(halo).fill : '';
                    const h = halo?.getBoundingClientRect();
                    const covers = h !== undefined && h.left <= r.left + 0.5 && h.right >= r.right - 0.5;
                    return { text: label.textContent, probes, misses, fill, background, covers, shown: halo ? getComputedStyle(halo).display !== 'none' : false };
                });
            });
            assert.ok(report.length >= 3, JSON.stringify(report));
            const hex = (rgb: string): string => '#' + (rgb.match(/\d+/g) ?? []).slice(0, 3).map(v => Number(v).toString(16).padStart(2, '0')).join('');
            assert.deepEqual(report.flatMap(l => l.misses.map(m => `${l.text} ${m}`)), [], 'something else on top of a label');
            for (const label of report) {
                assert.ok(label.probes > 0, `${label.text}: in the pane`);
                assert.ok(label.shown, `${label.text}: its background box is shown`);
                assert.ok(label.covers, `${label.text}: its box spans the text drawn (measured in the font drawn)`);
                assert.equal(hex(label.fill), label.background, `${label.text}: its box has the editor's background`);
            }
            // No arrowhead is hidden by a label's box: points of each, 2 to 6 px back from its tip, are not under a box (or are under one drawn again above it).
            const hidden = await w.page.evaluate(() => [...document.querySelectorAll('.tiles .edge')].flatMap(e => {
                const path = e as SVGPathElement;
                const total = path.getTotalLength();
                const m = path.getScreenCTM()!;
                return [2, 4, 6].flatMap(back => {
                    const p = path.getPointAtLength(Math.max(0, total - back));
                    const hit = document.elementFromPoint(m.a * p.x + m.e, m.d * p.y + m.f);
                    return hit?.classList.contains('label-halo') || hit?.classList.contains('column-label') ? [`${e.getAttribute('data-from')}>${e.getAttribute('data-to')} ${back} px from its tip`] : [];
                });
            }));
            assert.deepEqual(hidden, [], "arrowheads under a label's box");
        });
    }
});
