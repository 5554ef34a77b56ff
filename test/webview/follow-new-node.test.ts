/**
 * A node typed where the editor cursor is becomes the cursor's node with
 * the next graph: the preview follows it as it follows a cursor move,
 * bringing its chain into view when it is out of view. It used to stay
 * where it was until the cursor moved again, with the new chain off the
 * pane. An edit that leaves the cursor's node alone moves nothing.
 */
import * as assert from 'node:assert/strict';
import type { ImpactGraphResult } from '../../language/protocol.js';
import { examplesResult, graphMessage, usePreview } from './harness/fixture.js';
import { measureView } from './harness/measure-view.js';

/** The examples with a new behavior of the churn pilot on its blank line 40 (0-based 39), enabled by a skill and moving a KPI. */
function withNewBehavior(): ImpactGraphResult {
    const result = examplesResult();
    const line = 39;
    result.graph.nodes.push({
        id: 'ChurnPilot.New0', kind: 'behavior', name: 'New0', qualifiedName: 'ChurnPilot.New0', title: 'Newly typed behavior',
        uri: 'file:///ws/churn-pilot.align', program: 'ChurnPilot',
        range: { start: { line, character: 2 }, end: { line, character: 30 } }, nameRange: { start: { line, character: 11 }, end: { line, character: 15 } }
    });
    result.graph.nodes.find(n => n.id === 'ChurnPilot')!.programFigures?.chain.push('ChurnPilot.New0');
    result.graph.edges.push({ kind: 'enables', from: 'ChurnPilot.NeedsDiscovery', to: 'ChurnPilot.New0' }, { kind: 'moves', from: 'ChurnPilot.New0', to: 'ChurnPilot.RepeatContactRate' });
    return result;
}

describe('preview: a node typed at the cursor', () => {
    const preview = usePreview();

    for (const width of [400, 600]) {
        it(`${width} px: its chain is brought into view with the graph that adds it`, async () => {
            const w = await preview.open({ viewport: { width, height: 800 } });
            await w.post({ type: 'cursor', uri: 'file:///ws/churn-pilot.align', line: 35, character: 12 });
            await w.postGraph(graphMessage(examplesResult()));
            // The cursor where the new behavior will be, before the graph has it (as the editor sends it).
            await w.post({ type: 'cursor', uri: 'file:///ws/churn-pilot.align', line: 39, character: 12 });
            await w.postGraph(graphMessage(withNewBehavior()));
            const view = await measureView(w.page, ['ChurnPilot.New0']);
            assert.ok(view.chain[0]!.inView, `ChurnPilot.New0 in view: ${JSON.stringify(view.chain[0])}`);
        });
    }

    it('an edit that leaves the cursor\'s node alone keeps the view', async () => {
        const w = await preview.open({ viewport: { width: 600, height: 800 } });
        await w.post({ type: 'cursor', uri: 'file:///ws/churn-pilot.align', line: 35, character: 12 });
        await w.postGraph(graphMessage(examplesResult()));
        const before = await w.savedState();
        const edited = examplesResult();
        edited.graph.nodes = edited.graph.nodes.map(n => n.id === 'ChurnPilot.Summarizing' ? { ...n, title: `${n.title} (edited)` } : n);
        await w.postGraph(graphMessage(edited));
        const after = await w.savedState();
        assert.deepEqual({ zoom: after?.zoom, pan: after?.pan }, { zoom: before?.zoom, pan: before?.pan });
    });
});
