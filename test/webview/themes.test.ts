import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { THEMES, type ThemeName } from './harness/themes.js';
import { cursorOn, examplesResult, graphMessage, usePreview } from './harness/fixture.js';
import { COLOUR_HELPERS } from './harness/colour.js';

/** Screenshots of a run, for people to look at: in the ignored out/ folder, never over tracked files. */
const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/screenshots');

/** Text that must stay readable, as [label, text selector, background selector] inside the drawing. */
const PAIRS: Array<[string, string, string]> = [
    ['node title', '.node.highlight .node-title, [data-id="ChurnPilot.Probing"] .node-title', '.node.highlight .node-box, [data-id="ChurnPilot.Probing"] .node-box'],
    ['node name', '.node.highlight .node-name, [data-id="ChurnPilot.Probing"] .node-name', '.node.highlight .node-box, [data-id="ChurnPilot.Probing"] .node-box'],
    ['figures', '.node.highlight .metric-figures, [data-id="ChurnPilot.RepeatContactRate"] .metric-figures', '.node.highlight .node-box, [data-id="ChurnPilot.RepeatContactRate"] .node-box'],
    ['on track', '.status-on-track .metric-status', '.status-on-track .node-box'],
    ['off track', '.status-off-track .metric-status', '.status-off-track .node-box'],
    ['no KPI link', '.unlinked-label text', '.unlinked-label rect'],
    ['error badge', '.sev-error .badge text', '.sev-error .badge rect'],
    ['warning badge', '.sev-warning .badge text', '.sev-warning .badge rect'],
    ['info badge', '.sev-info .badge text', '.sev-info .badge rect'],
    ['column header', '.column-label', '.background']
];

describe('preview: themes', () => {
    const preview = usePreview();

    for (const theme of Object.keys(THEMES) as ThemeName[]) {
        it(`is readable in the ${theme} theme (contrast of every kind of text; screenshot)`, async () => {
            const w = await preview.openWithGraph({ theme, viewport: { width: 1600, height: 1000 } });
            const background = await w.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
            assert.equal(background, hexToRgb(THEMES[theme].variables['editor-background']!));
            assert.equal(await w.page.evaluate(() => document.body.className), THEMES[theme].bodyClass);
            const ratios = await w.page.evaluate(`(${CONTRASTS})(${JSON.stringify(PAIRS)})`) as Array<[string, number]>;
            const low = ratios.filter(([, ratio]) => ratio < 4.5);
            assert.deepEqual(low, [], `text below 4.5:1 in ${theme}: ${JSON.stringify(ratios)}`);
            fs.mkdirSync(screenshots, { recursive: true });
            await w.page.screenshot({ path: path.join(screenshots, `${theme}.png`) });
            // Beside the editor: a narrow pane, the cursor on an objective.
            const side = await preview.open({ theme, viewport: { width: 480, height: 860 } });
            await side.postGraph({ ...graphMessage(examplesResult()), cursor: cursorOn(examplesResult(), 'DiscoveryBootcamp.QualifyDeals') });
            const sideRatios = await side.page.evaluate(`(${CONTRASTS})(${JSON.stringify(PAIRS.slice(0, 3))})`) as Array<[string, number]>;
            assert.deepEqual(sideRatios.filter(([, ratio]) => ratio < 4.5), [], `text below 4.5:1 beside the editor in ${theme}: ${JSON.stringify(sideRatios)}`);
            await side.page.screenshot({ path: path.join(screenshots, `side-${theme}.png`) });
        });
    }
});

/**
 * In-page: the contrast ratio (WCAG) of each pair's text fill over its background fill, colours with
 * alpha blended over what is under them. A string, so that the test runner's transpiler adds nothing to it.
 */
const CONTRASTS = `pairs => {
    ${COLOUR_HELPERS}
    const page = parse(getComputedStyle(document.body).backgroundColor);
    return pairs.map(([label, text, back]) => {
        const t = document.querySelector(text);
        const b = document.querySelector(back);
        if (!t || !b) return [label, -1];
        const bg = blend(parse(getComputedStyle(b).fill), page);
        const fg = blend(parse(getComputedStyle(t).fill), bg);
        return [label, ratio(fg, bg)];
    });
}`;

function hexToRgb(hex: string): string {
    const n = parseInt(hex.slice(1), 16);
    return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
