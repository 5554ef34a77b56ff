import * as assert from 'node:assert/strict';
import { focusGraph } from '../../language/graph/focus-graph.js';
import { drawnIds, examplesResult, graphMessage, node, usePreview } from './harness/fixture.js';
import type { WebviewPage } from './harness/webview-page.js';

const classed = (w: WebviewPage, cls: string): Promise<string[]> => w.page.$$eval(`.nodes > .node.${cls}`, els => els.map(e => e.getAttribute('data-id')!).sort());
const opacity = (w: WebviewPage, id: string): Promise<number> => w.page.$eval(`[data-id="${id}"]`, e => Number(getComputedStyle(e).opacity));

describe('preview: interaction', () => {
    const preview = usePreview();
    const result = examplesResult();

    it('posts reveal with the uri and the name range of a clicked node', async () => {
        const w = await preview.openWithGraph();
        const before = (await w.posted()).length;
        await w.page.locator('[data-id="ChurnPilot.Probing"] .node-box').click();
        const probing = node(result, 'ChurnPilot.Probing');
        assert.deepEqual(await w.waitForPosted('reveal', before), { type: 'reveal', nodeId: 'ChurnPilot.Probing', uri: probing.uri, range: probing.nameRange });
    });

    it('enters the graph with Tab at its first node, moves in column order with the arrow keys and reveals with Enter and Space', async () => {
        const w = await preview.openWithGraph();
        await w.page.locator('vscode-button', { hasText: 'Export PNG' }).focus();
        await w.page.keyboard.press('Tab');
        const order = await w.page.$$eval('.nodes > .node', els => els.map(e => e.getAttribute('data-id')!));
        const focused = (): Promise<string | null> => w.page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? null);
        assert.equal(await focused(), order[0]);
        await w.page.keyboard.press('ArrowDown');
        assert.equal(await focused(), order[1]);
        assert.match(order[0]!, /^[^.]+\.[A-Za-z]+$/);
        assert.equal(await w.page.$eval(`[data-id="${order[1]}"]`, e => e.getAttribute('aria-label')!.startsWith('objective ')), true);
        const before = (await w.posted()).length;
        await w.page.keyboard.press('Enter');
        assert.equal((await w.waitForPosted('reveal', before)).nodeId, order[1]);
        await w.page.keyboard.press('ArrowDown');
        await w.page.keyboard.press('Space');
        assert.equal((await w.waitForPosted('reveal', before + 1)).nodeId, order[2]);
    });

    it('follows the cursor: shows its program, highlights its element and whole chain, dims the rest', async () => {
        const w = await preview.openWithGraph();
        const probing = node(result, 'ChurnPilot.Probing');
        await w.post({ type: 'cursor', uri: probing.uri, line: probing.range.start.line + 1, character: 4 });
        await w.page.waitForSelector('.align-graph.has-highlight');
        await w.page.waitForFunction(() => !document.querySelector('[data-id="WinRate"]'));
        assert.deepEqual(await w.drawnIds(), drawnIds({ ...result, graph: focusGraph(result.graph, 'ChurnPilot') }));
        assert.deepEqual(await classed(w, 'highlight'), [
            'ChurnPilot.ActiveListening', 'ChurnPilot.AskOpenQuestions', 'ChurnPilot.NeedsDiscovery', 'ChurnPilot.Probing',
            'ChurnPilot.RepeatContactRate', 'ChurnPilot.RestateNeeds', 'ChurnRate', 'ReduceChurn'
        ]);
        assert.deepEqual(await classed(w, 'cursor'), ['ChurnPilot.Probing']);
        assert.ok(await opacity(w, 'ChurnPilot.Summarizing') < 0.5);
        assert.ok(await opacity(w, 'NPS') < 0.5);
        assert.equal(await opacity(w, 'ChurnRate'), 1);
        const edges = await w.page.$$eval('path.edge.highlight', els => els.map(e => `${e.getAttribute('data-from')}>${e.getAttribute('data-to')}`).sort());
        assert.ok(edges.includes('ChurnPilot.Probing>ChurnPilot.RepeatContactRate') && edges.includes('ChurnRate>ReduceChurn'), edges.join(' '));
        assert.ok(!edges.includes('ChurnPilot.Summarizing>ChurnPilot.RepeatContactRate'));

        const kit = node(result, 'ChurnPilot.TeamLeadKit');
        await w.post({ type: 'cursor', uri: kit.uri, line: kit.range.start.line + 2, character: 4 });
        await w.page.waitForFunction(() => document.querySelector('[data-id="ChurnPilot.Summarizing"]')!.classList.contains('highlight'));
        assert.ok((await classed(w, 'highlight')).includes('NPS'));

        // On no declaration: nothing dimmed; the scope is what the file declares (the program and its outcome).
        await w.post({ type: 'cursor', uri: probing.uri, line: 0, character: 0 });
        await w.page.waitForSelector('.align-graph:not(.has-highlight)');
        assert.deepEqual(await classed(w, 'highlight'), []);
        const declared = new Set([...drawnIds({ ...result, graph: focusGraph(result.graph, 'ChurnPilot') }), ...drawnIds({ ...result, graph: focusGraph(result.graph, 'ReduceChurn') })]);
        assert.deepEqual(await w.drawnIds(), [...declared].sort());

        // Another file's element: its program.
        const hazards = node(result, 'LockoutTagout.SpotHazards');
        await w.post({ type: 'cursor', uri: hazards.uri, line: hazards.nameRange.start.line, character: hazards.nameRange.start.character });
        await w.page.waitForFunction(() => !!document.querySelector('.node.cursor[data-id="LockoutTagout.SpotHazards"]'));
        assert.deepEqual(await w.drawnIds(), drawnIds({ ...result, graph: focusGraph(result.graph, 'LockoutTagout') }));
    });

    it('with the whole workspace picked, dims what is off the cursor\'s chain', async () => {
        const w = await preview.openWithGraph({ state: { zoom: 1, pan: { x: 0, y: 0 }, scope: { kind: 'workspace' }, direction: 'auto', hideLearningMetrics: false, search: '' } });
        const probing = node(result, 'ChurnPilot.Probing');
        await w.post({ type: 'cursor', uri: probing.uri, line: probing.range.start.line + 1, character: 4 });
        await w.page.waitForSelector('.align-graph.has-highlight');
        assert.deepEqual(await w.drawnIds(), drawnIds(result));
        assert.ok(await opacity(w, 'WinRate') < 0.5);
        assert.equal(await opacity(w, 'ReduceChurn'), 1);
    });

    it('shows a program or an outcome picked in the dropdown, and tells the host', async () => {
        const w = await preview.openWithGraph();
        const pick = async (label: string): Promise<void> => {
            await w.page.locator('vscode-dropdown.scope').click();
            // Not the "Cursor" entry: it names what it would show (`Cursor: Whole workspace` without a cursor).
            await w.page.locator('vscode-option:not([value="@cursor"])', { hasText: label }).click();
        };
        const viewAfter = async (before: number, scope: object): Promise<void> => {
            await w.page.waitForFunction(({ before, scope }) => (window as unknown as { __posted: Array<{ type: string; scope?: object }> }).__posted.slice(before)
                .some(m => m.type === 'view' && JSON.stringify(m.scope) === JSON.stringify(scope)), { before, scope });
        };
        let before = (await w.posted()).length;
        await pick('Program: Churn reduction pilot');
        await viewAfter(before, { kind: 'focus', id: 'ChurnPilot' });
        const churnPilot = focusGraph(result.graph, 'ChurnPilot');
        assert.deepEqual(await w.drawnIds(), drawnIds({ ...result, graph: churnPilot }));
        assert.deepEqual((await w.savedState())?.scope, { kind: 'focus', id: 'ChurnPilot' });

        before = (await w.posted()).length;
        await pick('Outcome: Increase win rate');
        await viewAfter(before, { kind: 'focus', id: 'GrowWinRate' });
        assert.deepEqual(await w.drawnIds(), drawnIds({ ...result, graph: focusGraph(result.graph, 'GrowWinRate') }));
        assert.ok(!(await w.drawnIds()).includes('DiscoveryBootcamp.ProductTrivia'));

        before = (await w.posted()).length;
        await pick('Whole workspace');
        await viewAfter(before, { kind: 'workspace' });
        assert.deepEqual(await w.drawnIds(), drawnIds(result));
        const view = (await w.posted()).filter(m => m.type === 'view').at(-1)!;
        assert.ok(view.type === 'view' && view.scopeTitle === 'Whole workspace');
    });

    it('shows the focus the host asks for, on a whole or an already focused graph', async () => {
        const w = await preview.open();
        const expected = drawnIds({ ...result, graph: focusGraph(result.graph, 'LockoutTagout') });
        await w.postGraph(graphMessage(examplesResult(), {}, 'LockoutTagout'));
        assert.deepEqual(await w.drawnIds(), expected);
        assert.equal(await w.page.locator('vscode-dropdown.scope').evaluate(e => (e as HTMLSelectElement).value), 'LockoutTagout');
        await w.postGraph(graphMessage({ ...examplesResult(), graph: focusGraph(examplesResult().graph, 'LockoutTagout') }));
        assert.deepEqual(await w.drawnIds(), expected);
    });

    it('hides activity and learning metrics with the checkbox, and from the host option', async () => {
        const w = await preview.openWithGraph();
        assert.ok((await w.drawnIds()).includes('CompletionRate'));
        await w.page.locator('vscode-checkbox').click();
        await w.page.waitForFunction(() => !document.querySelector('[data-id="CompletionRate"]'));
        assert.deepEqual(await w.drawnIds(), drawnIds(result, true));
        assert.ok(!(await w.drawnIds()).includes('NewHireAcademy.SandboxScore'));
        assert.equal(await w.page.locator('path.edge[data-to="CompletionRate"], path.edge[data-to="NewHireAcademy.SandboxScore"]').count(), 0);
        assert.equal((await w.savedState())?.hideLearningMetrics, true);
        await w.page.locator('vscode-checkbox').click();
        await w.page.waitForFunction(() => !!document.querySelector('[data-id="CompletionRate"]'));

        const fromHost = await preview.open();
        await fromHost.postGraph(graphMessage(examplesResult(), { hideLearningMetrics: true }));
        assert.deepEqual(await fromHost.drawnIds(), drawnIds(result, true));
        assert.equal(await fromHost.page.locator('vscode-checkbox').evaluate(e => (e as HTMLInputElement).checked), true);
    });

    it('searches titles and names, marks the matches and centres the first (as far as the drawing\'s edges allow)', async () => {
        const w = await preview.openWithGraph();
        await w.page.locator('vscode-text-field input').fill('win rate');
        await w.page.waitForFunction(() => document.querySelectorAll('.node.match').length > 0);
        assert.deepEqual(await classed(w, 'match'), ['GrowWinRate', 'WinRate']);
        assert.equal(await w.page.locator('.toolbar .matches').textContent(), '2 matches');
        const first = (await w.page.$$eval('.nodes > .node.match', els => els.map(e => e.getAttribute('data-id'))))[0]!;
        // Along each side: the match centred, or, where centring would leave empty room beyond the drawing's edge, that edge at the pane's.
        const centred = async (id: string): Promise<string[]> => w.page.evaluate(i => {
            const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
            const drawing = document.querySelector('.align-graph')!.getBoundingClientRect();
            const box = document.querySelector(`[data-id="${i}"]`)!.getBoundingClientRect();
            const sides = [['x', 'width', 'left', 'right'], ['y', 'height', 'top', 'bottom']] as const;
            return sides.flatMap(([axis, size, low, high]) => {
                const off = box[axis] + box[size] / 2 - (canvas[axis] + canvas[size] / 2);
                if (Math.abs(off) < 2) return [];
                const atEdge = off < 0 ? Math.abs(drawing[low] - canvas[low]) < 2 : Math.abs(drawing[high] - canvas[high]) < 2;
                const inside = box[low] >= canvas[low] - 1 && box[high] <= canvas[high] + 1;
                return atEdge && inside ? [] : [`${axis}: ${off} off centre, drawing ${drawing[low]}-${drawing[high]}, pane ${canvas[low]}-${canvas[high]}`];
            });
        }, id);
        assert.deepEqual(await centred(first), []);
        await w.page.locator('vscode-text-field input').press('Enter');
        const second = await w.page.$$eval('.nodes > .node.match', els => els.map(e => e.getAttribute('data-id'))[1]!);
        assert.deepEqual(await centred(second), []);
        assert.equal((await w.savedState())?.search, 'win rate');
        await w.page.locator('vscode-text-field input').fill('no such thing');
        await w.page.waitForFunction(() => document.querySelectorAll('.node.match').length === 0);
        assert.equal(await w.page.locator('.toolbar .matches').textContent(), 'no match');
    });

    it('a match near the drawing\'s edge is shown at that edge, not beyond it with empty room between (400 x 420 px)', async () => {
        const w = await preview.openWithGraph({ viewport: { width: 400, height: 420 } });
        // `AskOpenQuestions`, an objective in the top row, matches first.
        await w.page.locator('vscode-text-field input').fill('AskOpenQuestions');
        await w.page.waitForFunction(() => document.querySelectorAll('.node.match').length > 0);
        const room = await w.page.evaluate(() => {
            const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
            const drawing = document.querySelector('.align-graph')!.getBoundingClientRect();
            const box = document.querySelector('.node.match')!.getBoundingClientRect();
            return { emptyAbove: drawing.top - canvas.top, tall: drawing.height > canvas.height, boxTop: box.top - canvas.top, boxBottom: canvas.bottom - box.bottom };
        });
        assert.ok(room.tall, 'the drawing is taller than the pane');
        assert.ok(room.emptyAbove <= 1, `no empty band above the drawing: ${JSON.stringify(room)}`);
        assert.ok(room.boxTop >= 0 && room.boxBottom >= 0, `the match in view: ${JSON.stringify(room)}`);
    });

    it('zooms with the wheel and the buttons, pans by dragging, fits, and a drag is no click', async () => {
        const w = await preview.openWithGraph();
        const state = async (): Promise<{ zoom: number; x: number; y: number }> => {
            const s = (await w.savedState())!;
            return { zoom: s.zoom, x: s.pan.x, y: s.pan.y };
        };
        const start = await state();
        await w.page.mouse.move(700, 500);
        await w.page.mouse.wheel(0, -200);
        await w.page.waitForFunction(z => (window as unknown as { __state: { zoom: number } }).__state.zoom > z, start.zoom);
        const zoomed = await state();
        await w.page.locator('vscode-button', { hasText: '−' }).click();
        await w.page.waitForFunction(z => (window as unknown as { __state: { zoom: number } }).__state.zoom < z, zoomed.zoom);
        const before = (await w.posted()).length;
        const box = (await w.page.locator('[data-id="ChurnPilot.Probing"]').boundingBox())!;
        await w.page.mouse.move(box.x + 20, box.y + 20);
        await w.page.mouse.down();
        await w.page.mouse.move(box.x + 120, box.y + 70, { steps: 5 });
        await w.page.mouse.up();
        const panned = await state();
        assert.ok(Math.abs(panned.x - zoomed.x) > 50, JSON.stringify({ zoomed, panned }));
        assert.equal((await w.posted()).slice(before).filter(m => m.type === 'reveal').length, 0, 'a drag does not reveal');
        // Fit shows the whole drawing, however far it must zoom out (fit-and-status.test.ts measures it in narrow panes).
        await w.page.locator('vscode-button', { hasText: 'Fit' }).click();
        const fitted = await w.page.evaluate(() => {
            const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
            const svg = document.querySelector('.align-graph')!.getBoundingClientRect();
            return svg.left >= canvas.left - 1 && svg.top >= canvas.top - 1 && svg.right <= canvas.right + 1 && svg.bottom <= canvas.bottom + 1;
        });
        assert.ok(fitted, `zoom ${(await state()).zoom}`);
    });
});
