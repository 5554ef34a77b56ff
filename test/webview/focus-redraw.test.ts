/**
 * The keyboard focus on a node survives a drawing that replaces the node's
 * element: a new layout (a node added or removed elsewhere), a resize of
 * the pane, another direction. When the focused node is gone, the focus
 * stays in the graph. It used to drop to the page, where the arrow keys do
 * nothing and Tab starts again at the toolbar.
 */
import * as assert from 'node:assert/strict';
import type { ImpactGraphResult } from '../../language/protocol.js';
import { examplesResult, graphMessage, usePreview } from './harness/fixture.js';
import type { WebviewPage } from './harness/webview-page.js';

/** The id of the focused node, or the focused element's tag when it is no node. */
const focused = (w: WebviewPage): Promise<string> => w.page.evaluate(() => {
    const e = document.activeElement;
    return e?.closest('.align-graph') && e.getAttribute('data-id') ? e.getAttribute('data-id')! : e?.tagName.toLowerCase() ?? 'none';
});

/** The examples without one node and its links: another layout. */
function without(id: string): ImpactGraphResult {
    const result = examplesResult();
    result.graph.nodes = result.graph.nodes.filter(n => n.id !== id);
    result.graph.edges = result.graph.edges.filter(e => e.from !== id && e.to !== id);
    return result;
}

describe('preview: the focus on a node through redrawing', () => {
    const preview = usePreview();

    it('stays on the node through a new layout and a resize, and in the graph when the node is removed', async () => {
        const w = await preview.openWithGraph({ viewport: { width: 900, height: 800 } });
        await w.page.locator('.nodes > .node[data-id="ChurnPilot.Probing"]').focus();
        assert.equal(await focused(w), 'ChurnPilot.Probing');

        // Another node removed: a new layout, elements drawn again.
        await w.postGraph(graphMessage(without('ChurnPilot.Summarizing')));
        assert.equal(await focused(w), 'ChurnPilot.Probing', 'after a new layout');

        // The pane made narrow: laid out again top to bottom.
        const renders = await w.renders();
        await w.page.setViewportSize({ width: 420, height: 800 });
        await w.waitForRenders(renders + 1);
        assert.equal(await focused(w), 'ChurnPilot.Probing', 'after a resize');
        await w.page.keyboard.press('ArrowDown');
        assert.notEqual(await focused(w), 'ChurnPilot.Probing', 'the arrow keys still move the focus');

        // The focused node removed: the focus stays on a node of the graph.
        const now = await focused(w);
        await w.postGraph(graphMessage(without(now)));
        const after = await focused(w);
        assert.ok((await w.drawnIds()).includes(after), `the focus is on ${after}, not on a node of the graph`);
    });

    it('lets the focus go when the user moves it to the toolbar', async () => {
        const w = await preview.openWithGraph({ viewport: { width: 900, height: 800 } });
        await w.page.locator('.nodes > .node[data-id="ChurnPilot.Probing"]').focus();
        await w.page.keyboard.press('Shift+Tab');
        const control = await focused(w);
        assert.ok(!control.includes('.'), `on a control: ${control}`);
        await w.postGraph(graphMessage(without('ChurnPilot.Summarizing')));
        assert.equal(await focused(w), control, 'a new layout does not take the focus back into the graph');
    });
});
