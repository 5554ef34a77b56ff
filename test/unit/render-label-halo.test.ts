import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImpactGraphResult } from '../../language/protocol.js';
import { graphCss, layoutGraph, renderColumns, renderDefs, TEXT, type GraphLayout, type LaidOutEdge } from '../../language/render/index.js';
import { elementsWhere, hasClass, parseXml, type XmlElement } from '../cli/xml.js';

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../webview/fixtures/examples-graph.json');
const examples = (): ImpactGraphResult => JSON.parse(fs.readFileSync(fixture, 'utf-8')) as ImpactGraphResult;

const columnsOf = (layout: GraphLayout): XmlElement => parseXml(`<svg xmlns="http://www.w3.org/2000/svg"><g class="columns">${renderColumns(layout)}</g></svg>`);

interface Rect { x: number; y: number; width: number; height: number }
const rectOf = (e: XmlElement): Rect => ({ x: Number(e.attributes['x']), y: Number(e.attributes['y']), width: Number(e.attributes['width']), height: Number(e.attributes['height']) });
const meets = (a: Rect, b: Rect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The arrowhead of a top-to-bottom edge (its last cubic arrives straight down), as the marker draws it: 8 long, 7 wide, tip at the end. */
function downArrowhead(edge: LaidOutEdge): { d: string; box: Rect } {
    const n = edge.path.split(/[A-Z\s]+/).filter(Boolean).map(Number);
    const [cx, cy, x, y] = n.slice(-4) as [number, number, number, number];
    assert.equal(cx, x, `${edge.key}: arrives straight down (${edge.path})`);
    assert.ok(cy < y, `${edge.key}: arrives from above`);
    return { d: `M${x + 3.5} ${y - 8} ${x} ${y} ${x - 3.5} ${y - 8}Z`, box: { x: x - 3.5, y: y - 8, width: 7, height: 8 } };
}

describe('render: layer labels\' boxes in print, and the arrowheads under them', () => {
    it('hugs each label\'s glyphs: 1 px above its capitals and below its brackets, no more', () => {
        const layout = layoutGraph(examples().graph, { direction: 'down', nodeWidth: 200 });
        const root = columnsOf(layout);
        const texts = elementsWhere(root, e => hasClass(e, 'column-label'));
        const halos = elementsWhere(root, e => hasClass(e, 'label-halo'));
        assert.equal(halos.length, texts.length);
        const size = TEXT.label.size;
        halos.forEach((h, i) => {
            const baseline = Number(texts[i]!.attributes['y']);
            const box = rectOf(h);
            assert.ok(box.y + box.height <= baseline + 0.22 * size + 1 + 0.05, `${texts[i]!.text}: the box ends ${box.y + box.height - baseline} px below the baseline`);
            assert.ok(box.y >= baseline - 0.8 * size - 1 - 0.05 && box.y < baseline - 0.7 * size, `${texts[i]!.text}: the box starts ${baseline - box.y} px above the baseline`);
        });
    });

    it('draws again above the box, and below the text, every arrowhead the box meets, where and as the marker draws it', () => {
        const layout = layoutGraph(examples().graph, { direction: 'down', nodeWidth: 200 });
        const root = columnsOf(layout);
        const group = root.children[0]!;
        const halos = elementsWhere(root, e => hasClass(e, 'label-halo')).map(rectOf);
        const expected = layout.edges.map(e => ({ edge: e, ...downArrowhead(e) })).filter(a => halos.some(h => meets(a.box, h)));
        assert.ok(expected.length > 0, 'some edges end under a label (the case this is about)');
        const drawn = elementsWhere(root, e => e.name === 'path' && e.attributes['d'] !== undefined);
        assert.deepEqual(drawn.map(p => p.attributes['d']).sort(), expected.map(a => a.d).sort());
        for (const a of expected) {
            const path = drawn.find(p => p.attributes['d'] === a.d)!;
            assert.equal(path.attributes['class'], a.edge.kind === 'kpi' && a.edge.explained === false ? 'arrow-unexplained' : 'arrow', a.edge.key);
        }
        // Per label: its box, the arrowheads above it, then its text above both.
        const order = group.children.map(c => hasClass(c, 'label-halo') ? 'halo' : hasClass(c, 'label-arrowheads') ? 'heads' : hasClass(c, 'column-label') ? 'text' : c.name);
        assert.match(order.join(' '), /^(halo (heads )?text ?)+$/);
        // The marker's triangle, for comparison: from (0 0.5) through the tip (8 4) to (0 7.5), its tip at the path's end.
        assert.match(renderDefs(), /refX="8" refY="4"[^>]*orient="auto"><path class="arrow" d="M0 0.5 8 4 0 7.5Z"\/>/);
    });

    it('keeps each row\'s label, its brackets included, above the arrowheads into the row and below the row above', () => {
        const layout = layoutGraph(examples().graph, { direction: 'down', nodeWidth: 200 });
        const size = TEXT.label.size;
        const heads = layout.edges.map(e => downArrowhead(e).box);
        let checked = 0;
        layout.columns.forEach((c, i) => {
            const into = heads.filter(h => h.y + h.height === c.y - 1);
            checked += into.length;
            for (const h of into) assert.ok(c.labelY + 0.22 * size < h.y, `${c.id}: the label's brackets end ${c.labelY + 0.22 * size - h.y} px below an arrowhead's top`);
            const above = layout.columns[i - 1];
            if (above) assert.ok(c.labelY - 0.8 * size - 1 > above.y + above.height, `${c.id}: the label's box meets the row above`);
        });
        assert.ok(checked > 0, 'some edges end in a row under its label');
    });

    it('draws no arrowheads again where no label box meets one (columns left to right)', () => {
        const layout = layoutGraph(examples().graph);
        const root = columnsOf(layout);
        assert.ok(elementsWhere(root, e => hasClass(e, 'column-label')).length > 0);
        assert.equal(elementsWhere(root, e => hasClass(e, 'label-arrowheads')).length, 0);
    });

    it('shows the boxes and the arrowheads drawn again on screen and in print, and no stroke halo', () => {
        const css = graphCss();
        const hiding = [...css.matchAll(/([^{}]*)\{([^{}]*)\}/g)].filter(([, selector, body]) => /label-(halo|arrowheads)/.test(selector!) && /display: none/.test(body!));
        assert.deepEqual(hiding.map(([, selector]) => selector!.trim()), ['.align-graph.zoomed-out > svg.labels .label-halo, .align-graph.zoomed-out > svg.labels .label-arrowheads'], 'hidden nowhere but zoomed out in the preview');
        assert.doesNotMatch(css, /\.column-label \{[^}]*stroke/);
    });
});
