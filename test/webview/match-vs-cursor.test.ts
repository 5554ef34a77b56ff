/**
 * A search match and the editor cursor's box read apart in every theme. In
 * high contrast both are drawn in the theme's one active border colour: the
 * match is dashed there. Light and dark keep their solid match border.
 */
import * as assert from 'node:assert/strict';
import { cursorOn, examplesResult, graphMessage, usePreview } from './harness/fixture.js';
import type { ThemeName } from './harness/themes.js';

interface Look { stroke: string; width: string; dash: string }

describe('preview: a search match beside the cursor\'s box', () => {
    const preview = usePreview();
    const result = examplesResult();

    for (const theme of ['light', 'dark', 'high-contrast'] as ThemeName[]) {
        it(`looks different from the cursor's box in the ${theme} theme`, async () => {
            const w = await preview.open({ theme, viewport: { width: 900, height: 700 } });
            await w.postGraph(graphMessage(result, {}, ''));
            await w.post({ type: 'cursor', ...cursorOn(result, 'ChurnPilot.Probing') });
            await w.page.waitForFunction(() => document.querySelector('.node.cursor') !== null);
            await w.page.locator('vscode-text-field input').fill('Repeat contact');
            await w.page.waitForFunction(() => document.querySelectorAll('.node.match').length === 1);
            const [cursor, match] = await w.page.$$eval('.node.cursor .node-box, .node.match .node-box', els => els.map(e => {
                const s = getComputedStyle(e);
                return { stroke: s.stroke, width: s.strokeWidth, dash: s.strokeDasharray };
            })) as [Look, Look];
            assert.ok(cursor && match, 'a cursor box and a match');
            const same = cursor.stroke === match.stroke && cursor.width === match.width && cursor.dash === match.dash;
            assert.ok(!same, `the match ${JSON.stringify(match)} and the cursor ${JSON.stringify(cursor)} look alike in ${theme}`);
            if (theme === 'high-contrast') assert.notEqual(match.dash, 'none', 'dashed in high contrast');
            else assert.deepEqual([match.width, match.dash], ['3.5px', 'none'], 'light and dark: as before');
        });
    }
});
