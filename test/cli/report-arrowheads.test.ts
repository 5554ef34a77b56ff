/**
 * The impact chains of the `examples/` report, printed (print emulation in
 * headless Chromium) and on screen: the layer labels' background boxes
 * (`label-halo`) keep edges off the labels' text, but never hide an
 * arrowhead — an edge ending at the top of a box right under its row's
 * label (FieldSafetyPilot's red dashed edge into "Hazard-spotting check
 * score" under "ACTIVITY & LEARNING (2)") keeps its arrowhead on paper.
 * Screenshots go to out/report-test/ (ignored).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { REPORT_OUT, useExamplesReport } from './report-page.js';

interface Arrowhead {
    chain: string;
    edge: string;
    /** Whether the arrowhead's box meets a label box shown in print. */
    underHalo: boolean;
    /** Points inside the arrowhead where the topmost element is a label box (the arrowhead hidden there). */
    hidden: string[];
    /** The points tried, in the page. */
    points: number;
}

/**
 * Every edge's arrowhead, from its path's end: the marker's triangle (8 px
 * long, 7 px wide, its tip at the path's end, along the path's last
 * direction) in the drawing's units, mapped to the page. Points inside it
 * (its centroid, and along its axis and towards its barbs) are hit-tested
 * with elementFromPoint: none may be a `label-halo` box. Written to run in
 * the page as is (no helpers from outside).
 */
function readArrowheads(): Arrowhead[] {
    const out: Arrowhead[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>('svg.align-graph')) {
        svg.scrollIntoView({ block: 'center' });
        const ctm = svg.getScreenCTM()!;
        const toPage = (x: number, y: number): { x: number; y: number } => {
            const p = svg.createSVGPoint();
            p.x = x;
            p.y = y;
            const q = p.matrixTransform(ctm);
            return { x: q.x, y: q.y };
        };
        const halos = [...svg.querySelectorAll<SVGGraphicsElement>('.label-halo')].filter(h => getComputedStyle(h).display !== 'none').map(h => h.getBBox());
        for (const path of svg.querySelectorAll<SVGPathElement>('path.edge')) {
            const length = path.getTotalLength();
            const tip = path.getPointAtLength(length);
            const back = path.getPointAtLength(Math.max(0, length - 0.5));
            const d = Math.hypot(tip.x - back.x, tip.y - back.y) || 1;
            const u = { x: (tip.x - back.x) / d, y: (tip.y - back.y) / d };
            const n = { x: -u.y, y: u.x };
            const at = (along: number, across: number): { x: number; y: number } => ({ x: tip.x - along * u.x + across * n.x, y: tip.y - along * u.y + across * n.y });
            const corners = [at(0, 0), at(8, 3.5), at(8, -3.5)];
            const box = {
                left: Math.min(...corners.map(c => c.x)), right: Math.max(...corners.map(c => c.x)),
                top: Math.min(...corners.map(c => c.y)), bottom: Math.max(...corners.map(c => c.y))
            };
            const underHalo = halos.some(h => h.x < box.right && h.x + h.width > box.left && h.y < box.bottom && h.y + h.height > box.top);
            // Inside the triangle: its centroid, points on its axis, and points towards each barb.
            const inside = [at(16 / 3, 0), at(2, 0), at(4, 0), at(6, 0), at(7, 0), at(6, 2), at(6, -2), at(7.5, 2.8), at(7.5, -2.8)];
            const hidden: string[] = [];
            for (const p of inside) {
                const q = toPage(p.x, p.y);
                const hit = document.elementFromPoint(q.x, q.y);
                if (hit?.classList.contains('label-halo')) hidden.push(`(${p.x.toFixed(1)}, ${p.y.toFixed(1)})`);
            }
            out.push({ chain: svg.getAttribute('aria-label') ?? '', edge: `${path.dataset['from']} -> ${path.dataset['to']}`, underHalo, hidden, points: inside.length });
        }
    }
    return out;
}

describe('align report --format html in Chromium, printed: arrowheads above the labels\' boxes', function () {
    this.timeout(180_000);
    const report = useExamplesReport('arrowheads');
    let page: Page;

    before(async () => {
        page = await report.browser.newPage({ viewport: { width: 1000, height: 900 } });
        // tsx names the functions it compiles with a helper the page lacks.
        await page.addInitScript('window.__name = f => f');
        await page.emulateMedia({ media: 'print' });
        await page.goto(report.url);
    });

    it('shows every edge\'s arrowhead where a row\'s label box meets it (no point of it under a label-halo)', async () => {
        const arrowheads = await page.evaluate(readArrowheads);
        assert.ok(arrowheads.length > 20, `edges read (${arrowheads.length})`);
        assert.equal(new Set(arrowheads.map(a => a.chain)).size > 3, true, 'every chain read');
        const near = arrowheads.filter(a => a.underHalo);
        // The cases reported: arrowheads into the top of a box right under its row's label.
        for (const [chain, edge] of [['FieldSafetyPilot', 'HazardSpottingScore'], ['ChurnPilot', 'NPS'], ['DiscoveryBootcamp', 'PipelineHygiene']]) {
            assert.ok(arrowheads.some(a => a.chain.includes(chain!) && a.edge.endsWith(edge!)), `${chain}: an edge into ${edge} (${arrowheads.filter(a => a.chain.includes(chain!)).map(a => a.edge).join(', ')})`);
        }
        assert.ok(near.length > 0, 'some arrowheads lie under a label\'s box (the case this test is about)');
        const hidden = arrowheads.filter(a => a.hidden.length > 0).map(a => `${a.chain}: ${a.edge} at ${a.hidden.join(' ')}`);
        if (hidden.length > 0) {
            const chain = await page.$('svg.align-graph[aria-label*="FieldSafetyPilot"]');
            await chain?.screenshot({ path: path.join(REPORT_OUT, 'arrowheads-print.png') });
        }
        assert.deepEqual(hidden, [], 'arrowheads hidden by a label\'s box on paper');
    });

    it('shows the labels\' boxes and the arrowheads drawn above them on screen too, where edges would cross a label between its letters', async () => {
        try {
            const shown = () => page.evaluate(() => [...document.querySelectorAll('svg.align-graph .label-halo, svg.align-graph .label-arrowheads')]
                .filter(e => getComputedStyle(e).display !== 'none').map(e => e.getAttribute('class')));
            for (const media of ['screen', 'print'] as const) {
                await page.emulateMedia({ media });
                const classes = await shown();
                assert.ok(classes.includes('label-halo') && classes.includes('label-arrowheads'), `both shown (${media})`);
            }
            await page.emulateMedia({ media: 'screen' });
            const onScreen = await page.evaluate(readArrowheads);
            assert.ok(onScreen.some(a => a.underHalo), 'some arrowheads lie under a label\'s box on screen as well');
            assert.deepEqual(onScreen.filter(a => a.hidden.length > 0).map(a => `${a.chain}: ${a.edge}`), [], 'arrowheads hidden by a label\'s box on screen');
        } finally {
            await page.emulateMedia({ media: 'print' });
        }
    });
});
