/**
 * A long program title in the "Show" picker of a 400 px pane: one line cut
 * with an ellipsis, the whole title in its tooltip, the toolbar one row of
 * controls high (it does not push the drawing down). At every pane width,
 * no control of the toolbar lies over another or past the pane.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cursorOn, examplesResult, graphMessage, usePreview } from './harness/fixture.js';
import type { WebviewPage } from './harness/webview-page.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/screenshots/toolbar-long-title');
const LONG = 'Consultative discovery bootcamp for the account teams of every region, with coaching, role play and a pipeline review 26';

const pickerBox = (w: WebviewPage): Promise<{ toolbar: number; picker: number; search: number; valueLines: number; cut: boolean; overhang: number }> => w.page.evaluate(() => {
    const picker = document.querySelector('vscode-dropdown.scope')!;
    const value = picker.shadowRoot!.querySelector<HTMLElement>('.selected-value')!;
    const lineHeight = parseFloat(getComputedStyle(value).lineHeight) || 18;
    return {
        toolbar: document.querySelector('.toolbar')!.getBoundingClientRect().height,
        picker: picker.getBoundingClientRect().height,
        search: document.querySelector('vscode-text-field')!.getBoundingClientRect().height,
        valueLines: Math.round(value.getBoundingClientRect().height / lineHeight),
        cut: value.scrollWidth > value.clientWidth && getComputedStyle(value).textOverflow === 'ellipsis',
        // How far the picker or its arrow reaches past the pane's right edge.
        overhang: Math.max(picker.getBoundingClientRect().right, picker.shadowRoot!.querySelector('.indicator')!.getBoundingClientRect().right) - document.documentElement.clientWidth
    };
});

describe('preview: a long title in the toolbar', () => {
    const preview = usePreview();

    it('keeps the Show picker on one line with an ellipsis and the whole title as its tooltip in a 400 px pane', async () => {
        assert.equal(LONG.length, 120);
        fs.mkdirSync(out, { recursive: true });
        const result = examplesResult();
        const program = result.graph.nodes.find(n => n.id === 'ChurnPilot')!;
        program.title = LONG;
        const w = await preview.open({ viewport: { width: 400, height: 700 } });
        const short = await (async () => {
            await w.postGraph(graphMessage(examplesResult()));
            return pickerBox(w);
        })();
        await w.postGraph({ ...graphMessage(result), cursor: cursorOn(result, 'ChurnPilot') });
        const picker = w.page.locator('vscode-dropdown.scope');
        await w.page.waitForFunction(title => document.querySelector('vscode-dropdown.scope')!.getAttribute('title') === title, `Cursor: ${LONG}`);
        await w.page.screenshot({ path: path.join(out, 'long-title-400.png') });
        const long = await pickerBox(w);
        assert.equal(long.valueLines, 1, `the picker's value takes ${long.valueLines} lines`);
        assert.ok(long.cut, 'the title is cut with an ellipsis');
        assert.ok(long.overhang <= 0, `the picker reaches ${long.overhang} px past the pane`);
        assert.ok(Math.abs(long.picker - long.search) <= 2, `picker ${long.picker} px high, search field ${long.search} px`);
        assert.ok(long.toolbar <= short.toolbar + 1, `the toolbar grew from ${short.toolbar} to ${long.toolbar} px`);
        assert.equal(await picker.getAttribute('aria-label'), 'Show');

        // Another scope picked: its tooltip follows.
        await picker.click();
        await w.page.locator('vscode-option', { hasText: 'Whole workspace' }).click();
        await w.page.waitForFunction(() => document.querySelector('vscode-dropdown.scope')!.getAttribute('title') === 'Whole workspace');
    });

    it('lays no control over another, nor past the pane, at any width from 340 to 1200 px', async () => {
        const result = examplesResult();
        result.graph.nodes.find(n => n.id === 'ChurnPilot')!.title = LONG;
        const w = await preview.open({ viewport: { width: 800, height: 600 } });
        await w.postGraph({ ...graphMessage(result), cursor: cursorOn(result, 'ChurnPilot') });
        const problems: string[] = [];
        for (let width = 340; width <= 1200; width += 20) {
            await w.page.setViewportSize({ width, height: 600 });
            await w.page.waitForFunction(wide => document.documentElement.clientWidth === wide, width);
            problems.push(...await w.page.evaluate(() => {
                const controls = [...document.querySelectorAll<HTMLElement>('.toolbar vscode-dropdown, .toolbar vscode-text-field, .toolbar vscode-button, .toolbar vscode-checkbox')]
                    .filter(c => c.offsetParent !== null)
                    .map(c => ({ name: c.getAttribute('aria-label') ?? c.textContent!.trim(), box: c.getBoundingClientRect() }));
                const found: string[] = [];
                const pane = document.documentElement.clientWidth;
                for (const [i, a] of controls.entries()) {
                    if (a.box.right > pane + 0.5) found.push(`${pane} px: ${a.name} reaches ${Math.round(a.box.right - pane)} px past the pane`);
                    for (const b of controls.slice(i + 1)) {
                        const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
                        const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
                        if (x > 0.5 && y > 0.5) found.push(`${pane} px: ${a.name} and ${b.name} overlap by ${Math.round(x)} px`);
                    }
                }
                return found;
            }));
        }
        assert.deepEqual(problems, []);
    });
});
