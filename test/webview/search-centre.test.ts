/**
 * Search brings the match into view; along a side where the drawing fits
 * in the pane, the whole drawing is shown from its start: a match in the top
 * row is not centred below an empty band that pushes the lower rows out.
 * A drawing already wholly in view stays where Fit put it.
 */
import * as assert from 'node:assert/strict';
import { graphMessage, usePreview } from './harness/fixture.js';

describe('preview: search in a drawing that fits the pane', () => {
    const preview = usePreview();

    it('shows a top-row match with the drawing from its top, all of it in the pane', async () => {
        const w = await preview.open({ viewport: { width: 1280, height: 900 } });
        await w.postGraph(graphMessage(undefined, {}, ''));
        await w.page.waitForTimeout(300);
        // Dragged down, so that its lower rows leave the pane: the search must bring them back.
        await w.page.mouse.move(640, 300);
        await w.page.mouse.down();
        await w.page.mouse.move(640, 700, { steps: 8 });
        await w.page.mouse.up();
        await w.page.waitForTimeout(100);
        await w.page.locator('vscode-text-field input').fill('AskOpenQuestions');
        await w.page.waitForFunction(() => document.querySelectorAll('.node.match').length === 1);
        await w.page.waitForTimeout(200);
        const m = await w.page.evaluate(() => {
            const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
            const drawing = document.querySelector('.align-graph > svg')!.getBoundingClientRect();
            const match = document.querySelector('.node.match')!.getBoundingClientRect();
            return { canvasTop: canvas.top, canvasBottom: canvas.bottom, canvasLeft: canvas.left, canvasRight: canvas.right, drawingTop: drawing.top, drawingHeight: drawing.height, match: { top: match.top, bottom: match.bottom, left: match.left, right: match.right } };
        });
        assert.ok(m.drawingHeight < m.canvasBottom - m.canvasTop, `the drawing fits the pane's height: ${JSON.stringify(m)}`);
        assert.ok(m.drawingTop - m.canvasTop <= 13, `no empty band above the drawing: ${JSON.stringify(m)}`);
        assert.ok(m.drawingTop + m.drawingHeight <= m.canvasBottom + 0.5, `its lower rows in the pane: ${JSON.stringify(m)}`);
        assert.ok(m.match.top >= m.canvasTop && m.match.bottom <= m.canvasBottom && m.match.left >= m.canvasLeft && m.match.right <= m.canvasRight, `the match in view: ${JSON.stringify(m)}`);
    });
});

describe('preview: search keeps a drawing that fits where Fit put it', () => {
    const preview = usePreview();

    it('does not move a centred drawing to the pane edge when the match is already in view', async () => {
        const w = await preview.open({ viewport: { width: 2200, height: 1400 } });
        await w.postGraph(graphMessage(undefined, {}, ''));
        await w.page.waitForTimeout(300);
        const place = () => w.page.evaluate(() => {
            const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
            const drawing = document.querySelector('.align-graph > svg')!.getBoundingClientRect();
            return { left: drawing.left - canvas.left, top: drawing.top - canvas.top, width: drawing.width };
        });
        const before = await place();
        assert.ok(before.left > 20 || before.top > 20, `Fit centred a drawing smaller than the pane: ${JSON.stringify(before)}`);
        await w.page.locator('vscode-text-field input').fill('AskOpenQuestions');
        await w.page.waitForFunction(() => document.querySelectorAll('.node.match').length === 1);
        await w.page.waitForTimeout(200);
        const after = await place();
        assert.ok(Math.abs(after.left - before.left) < 1 && Math.abs(after.top - before.top) < 1 && Math.abs(after.width - before.width) < 1,
            `the drawing stays where it was: ${JSON.stringify({ before, after })}`);
    });
});
