/**
 * A graph comes with every edit: it must not take the Show picker's
 * highlighted option away from a user choosing with the keyboard, whether
 * its list stays the same or changes (a program added above).
 */
import * as assert from 'node:assert/strict';
import type { ImpactGraphResult } from '../../language/protocol.js';
import { examplesResult, graphMessage, usePreview } from './harness/fixture.js';
import type { WebviewPage } from './harness/webview-page.js';

interface Picker { open: boolean; value: string; selected: string[] }

const picker = (w: WebviewPage): Promise<Picker> => w.page.evaluate(() => {
    const d = document.querySelector('vscode-dropdown.scope') as HTMLElement & { open: boolean; value: string };
    const selected = [...d.querySelectorAll('vscode-option')].filter(o => (o as HTMLElement & { selected: boolean }).selected).map(o => o.getAttribute('value')!);
    return { open: d.open, value: d.value, selected };
});

describe('preview: the Show picker under updates', () => {
    const preview = usePreview();

    const cases: Array<[string, (r: ImpactGraphResult) => void, string[]]> = [
        ['the same list', r => { r.graph.nodes.find(n => n.id === 'ChurnRate')!.title = 'Monthly logo churn (edited)'; }, []],
        ['a list with a program added above', r => { r.focusable.unshift({ id: 'AAA', kind: 'program', title: 'A first program' } as ImpactGraphResult['focusable'][number]); }, ['AAA']]
    ];
    for (const [name, edit, added] of cases) {
        it(`keeps the picker open and its highlighted option when a graph with ${name} comes; Enter then picks it`, async () => {
            const w = await preview.open({ viewport: { width: 900, height: 700 } });
            await w.postGraph(graphMessage(examplesResult()));
            await w.page.waitForTimeout(200);
            await w.page.locator('vscode-dropdown.scope').focus();
            await w.page.keyboard.press('Space');
            for (let i = 0; i < 3; i++) await w.page.keyboard.press('ArrowDown');
            const before = await picker(w);
            assert.equal(before.open, true);
            assert.deepEqual(before.selected, [before.value]);
            assert.notEqual(before.value, '@cursor', 'the arrows moved the highlight');
            const next = examplesResult();
            edit(next);
            await w.postGraph(graphMessage(next));
            await w.page.waitForTimeout(300);
            const after = await picker(w);
            assert.equal(after.open, true, 'still open');
            assert.deepEqual(after.selected, [before.value], `the highlighted option after the update (${name})`);
            if (added.length > 0) {
                const values = await w.page.$$eval('vscode-dropdown.scope vscode-option', os => os.map(o => o.getAttribute('value')));
                for (const id of added) assert.ok(values.includes(id), `the new list: ${values.join(' ')}`);
            }
            await w.page.keyboard.press('Enter');
            await w.page.waitForTimeout(300);
            assert.deepEqual((await w.savedState())?.scope, { kind: 'focus', id: before.value });
        });
    }

    it('still follows the scope when it is closed (a picked program that is gone falls back to the cursor)', async () => {
        const w = await preview.open({ viewport: { width: 900, height: 700 } });
        await w.postGraph(graphMessage(examplesResult(), {}, 'ChurnPilot'));
        await w.page.waitForTimeout(200);
        assert.equal((await picker(w)).value, 'ChurnPilot');
        const next = examplesResult();
        next.focusable = next.focusable.filter(f => f.id !== 'ChurnPilot');
        await w.postGraph(graphMessage(next));
        await w.page.waitForTimeout(300);
        const after = await picker(w);
        assert.equal(after.open, false);
        assert.equal(after.value, '@cursor');
    });
});
