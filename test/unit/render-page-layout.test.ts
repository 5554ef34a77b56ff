/**
 * The layout for a printed page (page-layout.ts, the HTML report): boxes
 * placed within the page's width (`across`), so that a chain whose rows fit
 * side by side is not spread wider than the page by its edges; the
 * field-safety pilot of `examples/` then fits the report's space unscaled
 * (its names printed at 6.5 pt when it did not).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPORT_SPACE } from '../../cli/report/drawing.js';
import { focusGraph } from '../../language/graph/focus-graph.js';
import type { ImpactGraph } from '../../language/graph/types.js';
import { GEOMETRY, layoutForPage, layoutGraph, scaleToFit, type GraphLayout } from '../../language/render/index.js';
import { checkWorkspace } from './helpers/check-workspace.js';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');
const FILES = ['catalog/metrics.align', 'catalog/data/nps.csv', 'safety.align', 'safety-program/field-safety.align',
    'safety-program/data/field-injuries.csv', 'safety-program/data/hazard-checks.csv'];

/** The boxes of each layer (by their place along the chain), in order across it. */
function layers(layout: GraphLayout): GraphLayout['nodes'][] {
    const along = (n: GraphLayout['nodes'][number]): number => (layout.direction === 'down' ? n.y : n.x);
    const across = (n: GraphLayout['nodes'][number]): number => (layout.direction === 'down' ? n.x : n.y);
    const byLayer = new Map<number, GraphLayout['nodes'][number][]>();
    for (const n of layout.nodes) byLayer.set(along(n), [...(byLayer.get(along(n)) ?? []), n]);
    return [...byLayer.values()].map(list => list.sort((a, b) => across(a) - across(b)));
}

/** Boxes of one layer closer than the gap between boxes, or overlapping. */
function crowded(layout: GraphLayout): string[] {
    const out: string[] = [];
    for (const layer of layers(layout)) {
        for (let i = 1; i < layer.length; i++) {
            const [a, b] = [layer[i - 1]!, layer[i]!];
            const gap = layout.direction === 'down' ? b.x - (a.x + a.width) : b.y - (a.y + a.height);
            if (gap < GEOMETRY.nodeGap - 1) out.push(`${a.id} | ${b.id}: ${gap}`);
        }
    }
    return out;
}

describe('render: layout for a printed page', () => {
    let pilot: ImpactGraph;
    before(async function () {
        this.timeout(60_000);
        const files = Object.fromEntries(FILES.map(n => [n, fs.readFileSync(path.join(EXAMPLES, n), 'utf-8')]));
        pilot = focusGraph((await checkWorkspace(files)).graph.graph, 'FieldSafetyPilot');
        assert.equal(pilot.nodes.filter(n => n.kind !== 'program' && n.kind !== 'toolkit').length, 18, 'the field-safety pilot\'s chain');
    });

    it('places boxes within `across` when each layer fits in it, keeping the order and the gaps between boxes', () => {
        const options = { direction: 'down', nodeWidth: 200, maxPerRow: 4, fullText: true } as const;
        const free = layoutGraph(pilot, options);
        // Unbounded, the wrapped row of activity metrics is pulled apart by the edges that pass it: wider than the page.
        assert.ok(free.width > REPORT_SPACE.width, `unbounded ${free.width} px wide`);
        const bounded = layoutGraph(pilot, { ...options, across: REPORT_SPACE.width });
        assert.ok(bounded.width <= REPORT_SPACE.width, `${bounded.width} px wide, at most ${REPORT_SPACE.width}`);
        assert.deepEqual(bounded.order, free.order, 'the same order in each layer');
        assert.equal(bounded.height, free.height);
        assert.deepEqual(crowded(bounded), []);
        for (const n of bounded.nodes) assert.ok(n.x >= GEOMETRY.margin && n.x + n.width <= bounded.width - GEOMETRY.margin, `${n.id} inside the margins`);
    });

    it('bounds the height left to right, and leaves a layer too full for `across` its own extent', () => {
        const free = layoutGraph(pilot, { direction: 'right', nodeWidth: 180, fullText: true });
        const across = Math.round(free.height * 0.9);
        const bounded = layoutGraph(pilot, { direction: 'right', nodeWidth: 180, fullText: true, across });
        assert.ok(bounded.height <= across && bounded.height < free.height, `${bounded.height} px tall (unbounded ${free.height}), at most ${across}`);
        assert.deepEqual(crowded(bounded), []);
        // Not even one box 200 px wide fits in a drawing 220 px wide: each row keeps its extent and its place, as unbounded.
        const tight = layoutGraph(pilot, { direction: 'down', nodeWidth: 200, fullText: true, across: 220 });
        const loose = layoutGraph(pilot, { direction: 'down', nodeWidth: 200, fullText: true });
        assert.deepEqual(tight.nodes.map(n => [n.id, n.x, n.y]), loose.nodes.map(n => [n.id, n.x, n.y]));
        assert.equal(tight.width, loose.width);
    });

    it('fits the field-safety pilot into the report\'s space unscaled (its names print at 7 pt), with wider boxes than before', () => {
        const layout = layoutForPage(pilot, REPORT_SPACE, { fullText: true, minNodeWidth: 160, wrapRows: true });
        assert.equal(scaleToFit(layout, REPORT_SPACE), 1, `${layout.width} x ${layout.height} in ${REPORT_SPACE.width} x ${REPORT_SPACE.height}`);
        assert.equal(layout.direction, 'down');
        assert.ok(layout.nodeWidth >= 200, `boxes ${layout.nodeWidth} px wide (were 180)`);
    });
});
