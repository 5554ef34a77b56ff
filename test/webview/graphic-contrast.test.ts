/**
 * WCAG 1.4.11 (non-text contrast) in the preview: what tells a box and its
 * kind apart, its border and its kind's icon and side bar, stands 3:1 or
 * more from what is around it (the border from the page and from the box's
 * own fill, the icon and bar from the box) in the light, dark and high
 * contrast themes, measured on the colours Chromium resolves.
 */
import * as assert from 'node:assert/strict';
import { THEMES, type ThemeName } from './harness/themes.js';
import { usePreview } from './harness/fixture.js';
import { GRAPHIC_CONTRASTS } from './harness/graphic-contrast.js';

describe('preview: non-text contrast of boxes and kind icons', () => {
    const preview = usePreview();

    for (const theme of Object.keys(THEMES) as ThemeName[]) {
        it(`draws box borders, kind icons and side bars at 3:1 or more in the ${theme} theme`, async () => {
            const w = await preview.openWithGraph({ theme, viewport: { width: 1600, height: 1000 } });
            const ratios = await w.page.evaluate(GRAPHIC_CONTRASTS) as Record<string, number>;
            for (const kind of ['objective', 'skill', 'behavior', 'metric', 'outcome']) assert.ok(`icon kind-${kind}` in ratios, `${kind} icons measured: ${JSON.stringify(ratios)}`);
            assert.ok('border on the page' in ratios && 'border on the box' in ratios, JSON.stringify(ratios));
            const low = Object.entries(ratios).filter(([, r]) => r < 3);
            assert.deepEqual(low, [], `below 3:1 in ${theme}: ${JSON.stringify(ratios)}`);
        });
    }
});
