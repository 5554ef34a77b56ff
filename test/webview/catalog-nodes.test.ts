/**
 * Nodes declared in a catalog file (a read-only library from a package) are
 * drawn visibly different: a dashed border and a `catalog` tag, the package
 * and version in the tooltip and the accessible name; readable in every
 * theme beside the editor (420x860); carried by graph deltas.
 */
import * as assert from 'node:assert/strict';
import type { CatalogMark } from '../../language/graph/types.js';
import type { ImpactGraphResult } from '../../language/protocol.js';
import { diffResults } from '../../client/preview/graph-diff.js';
import { THEMES, type ThemeName } from './harness/themes.js';
import { cursorOn, examplesResult, graphMessage, node, usePreview } from './harness/fixture.js';
import type { WebviewPage } from './harness/webview-page.js';
import { COLOUR_HELPERS } from './harness/colour.js';

const KPI_CATALOG: CatalogMark = { name: '@acme/kpi-catalog', version: '2.1.0' };
/** Top-level KPIs of the fixture, as a company's KPI catalog would hold them. */
const FROM_CATALOG = ['ChurnRate', 'RenewalRate', 'NPS'];
const PANE = { width: 420, height: 860 };

function withCatalog(ids: readonly string[], mark: CatalogMark = KPI_CATALOG): ImpactGraphResult {
    const result = examplesResult();
    for (const id of ids) node(result, id).catalog = mark;
    return result;
}

/** Each drawn node as measured in the DOM: its classes' mark, tag, dash, accessible name and tooltip. */
interface DrawnNode { id: string; marked: boolean; tag: string | null; dash: string; label: string; tooltip: string }

const drawn = (w: WebviewPage): Promise<DrawnNode[]> => w.page.$$eval('.nodes > .node', els => els.map(e => ({
    id: e.getAttribute('data-id')!,
    marked: e.classList.contains('from-catalog'),
    tag: e.querySelector('.catalog-tag text')?.textContent ?? null,
    dash: getComputedStyle(e.querySelector('.node-box')!).strokeDasharray,
    label: e.getAttribute('aria-label') ?? '',
    tooltip: e.querySelector(':scope > title')?.textContent ?? ''
})).sort((a, b) => a.id.localeCompare(b.id)));

function assertMarks(nodes: readonly DrawnNode[], catalog: ReadonlySet<string>, label: string): void {
    const marked = nodes.filter(n => catalog.has(n.id));
    assert.ok(marked.length > 0, 'a catalog node is drawn');
    for (const n of nodes) {
        const inCatalog = catalog.has(n.id);
        assert.equal(n.marked, inCatalog, `${n.id}: mark`);
        assert.equal(n.tag, inCatalog ? 'catalog' : null, `${n.id}: tag`);
        if (inCatalog) assert.notEqual(n.dash, 'none', `${n.id}: dashed border`);
        assert.equal(n.label.includes(label), inCatalog, `${n.id}: accessible name "${n.label}"`);
        assert.equal(n.tooltip.includes(label), inCatalog, `${n.id}: tooltip "${n.tooltip}"`);
    }
}

describe('preview: nodes from a catalog', function () {
    this.timeout(120_000);
    const preview = usePreview();

    for (const theme of Object.keys(THEMES) as ThemeName[]) {
        it(`marks catalog nodes only, with the package and version, readable beside the editor (${theme})`, async () => {
            const result = withCatalog(FROM_CATALOG);
            const w = await preview.open({ theme, viewport: PANE });
            await w.postGraph({ ...graphMessage(result), cursor: cursorOn(result, 'ChurnRate') });
            const nodes = await drawn(w);
            assertMarks(nodes, new Set(FROM_CATALOG), '@acme/kpi-catalog 2.1.0');
            assert.ok(nodes.some(n => !n.marked), 'workspace nodes are drawn too');
            const reading = await w.page.evaluate(`(${READING})()`) as Reading;
            assert.ok(reading.tagText >= 4.5, `${theme}: tag text ${reading.tagText}:1`);
            assert.ok(reading.border >= 3, `${theme}: dashed border against the background ${reading.border}:1`);
            assert.ok(reading.tagPx >= reading.namePx - 0.01, `${theme}: the tag (${reading.tagPx} px) is as large on screen as the name line (${reading.namePx} px)`);
            assert.ok(reading.tagInBox, `${theme}: the tag lies on the box's border, inside the pane`);
        });
    }

    it('follows graph deltas: a node that comes from a catalog gets the mark, one that leaves it loses it', async () => {
        const before = withCatalog(FROM_CATALOG);
        const w = await preview.open({ viewport: PANE });
        await w.postGraph({ ...graphMessage(before), cursor: cursorOn(before, 'ChurnRate'), seq: 1 });
        // "npm install" of 2.2.0: NPS moved out of the catalog, RenewalRate's version changed.
        const after = withCatalog(['ChurnRate'], KPI_CATALOG);
        node(after, 'RenewalRate').catalog = { name: '@acme/kpi-catalog', version: '2.2.0' };
        const delta = diffResults(before, after);
        assert.deepEqual(delta.nodes.set.map(n => `${n.id} ${n.catalog?.version ?? '-'}`).sort(), ['NPS -', 'RenewalRate 2.2.0']);
        const renders = await w.renders();
        await w.post({ type: 'graph-delta', json: JSON.stringify(delta), options: { hideLearningMetrics: false }, base: 1, seq: 2 });
        await w.waitForRenders(renders + 1);
        assert.ok(!(await w.posted()).some(m => m.type === 'resync'));
        const nodes = await drawn(w);
        assertMarks(nodes, new Set(['ChurnRate', 'RenewalRate']), '@acme/kpi-catalog');
        assert.match(nodes.find(n => n.id === 'RenewalRate')!.label, /@acme\/kpi-catalog 2\.2\.0/);
        assert.match(nodes.find(n => n.id === 'ChurnRate')!.label, /@acme\/kpi-catalog 2\.1\.0/);
    });
});

interface Reading { tagText: number; border: number; tagPx: number; namePx: number; tagInBox: boolean }

/**
 * In-page: the contrast of the first catalog tag's text over its fill and of
 * the dashed border over the page, the tag's and the name line's font size
 * on screen, and whether the tag sits on its box's top border. A string, so
 * that the test runner's transpiler adds nothing to it.
 */
const READING = `() => {
    ${COLOUR_HELPERS}
    const page = parse(getComputedStyle(document.body).backgroundColor);
    const node = document.querySelector('.nodes > .node.from-catalog');
    const tagRect = node.querySelector('.catalog-tag rect');
    const tagText = node.querySelector('.catalog-tag text');
    const box = node.querySelector('.node-box');
    const fill = blend(parse(getComputedStyle(tagRect).fill), page);
    const onScreen = el => parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM().a;
    const t = tagRect.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    return {
        tagText: ratio(blend(parse(getComputedStyle(tagText).fill), fill), fill),
        border: ratio(blend(parse(getComputedStyle(box).stroke), page), page),
        tagPx: onScreen(tagText),
        namePx: onScreen(node.querySelector('.node-name')),
        tagInBox: t.left >= b.left && t.right <= b.right && t.top < b.top && t.bottom > b.top
    };
}`;
