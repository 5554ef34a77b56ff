/**
 * The toolbar's buttons (zoom out, zoom in, Fit, the exports) show the same
 * focus ring as its other controls (the pickers, the search field, the
 * checkbox): 2 px, off the control, solid in the focus colour in the light
 * and dark themes, dashed in the contrast border colour in high contrast;
 * not the toolkit's own 1 px ring.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { usePreview } from './harness/fixture.js';
import type { ThemeName } from './harness/themes.js';
import type { WebviewPage } from './harness/webview-page.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/screenshots/focus-rings');

interface Ring { tag: string; name: string; style: string; width: string; color: string; offset: string }

/**
 * In-page: the ring drawn around the focused control: the outline of the
 * control, or of the element in its shadow root that has the focus (a
 * button's `control` part), whichever draws one.
 */
const FOCUSED_RING = `(() => {
    const host = document.activeElement;
    const inner = host.shadowRoot && host.shadowRoot.activeElement;
    const drawn = [host, inner].filter(Boolean).map(e => getComputedStyle(e)).find(s => s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0);
    const name = host.getAttribute('aria-label') || host.textContent.trim();
    return drawn ? { tag: host.tagName.toLowerCase(), name, style: drawn.outlineStyle, width: drawn.outlineWidth, color: drawn.outlineColor, offset: drawn.outlineOffset }
        : { tag: host.tagName.toLowerCase(), name, style: 'none', width: '0px', color: '', offset: '' };
})()`;

const ring = (w: WebviewPage): Promise<Ring> => w.page.evaluate(FOCUSED_RING) as Promise<Ring>;

describe('preview: the toolbar buttons\' focus ring', () => {
    const preview = usePreview();
    before(() => fs.mkdirSync(out, { recursive: true }));

    for (const theme of ['light', 'dark', 'high-contrast'] as ThemeName[]) {
        it(`is the other controls' 2 px ring in the ${theme} theme`, async () => {
            const w = await preview.openWithGraph({ theme, viewport: { width: 900, height: 700 } });
            await w.page.waitForTimeout(100);
            // From the page's start, Tab by Tab through the toolbar: every control's ring, by name.
            const rings: Ring[] = [];
            for (let i = 0; i < 12; i++) {
                await w.page.keyboard.press('Tab');
                if (await w.page.evaluate(() => !document.activeElement?.closest('.toolbar'))) break;
                rings.push(await ring(w));
                if (rings.at(-1)!.name === 'Zoom out') await w.page.screenshot({ path: path.join(out, `zoom-out-${theme}.png`), clip: { x: 0, y: 0, width: 900, height: 45 } });
            }
            const buttons = rings.filter(r => r.tag === 'vscode-button');
            const others = rings.filter(r => r.tag !== 'vscode-button');
            assert.deepEqual(buttons.map(r => r.name).slice(0, 3), ['Zoom out', 'Zoom in', 'Fit the graph to the view'], JSON.stringify(rings));
            assert.ok(others.length >= 3, `the other controls: ${JSON.stringify(others)}`);
            const look = ({ style, width, color, offset }: Ring): string => `${style} ${width} ${color} offset ${offset}`;
            // The other controls agree among themselves ...
            assert.deepEqual([...new Set(others.map(look))], [look(others[0]!)], JSON.stringify(others));
            assert.equal(others[0]!.width, '2px');
            assert.equal(others[0]!.style, theme === 'high-contrast' ? 'dashed' : 'solid');
            // ... and every button has their ring.
            for (const b of buttons) assert.equal(look(b), look(others[0]!), `${b.name} in ${theme}`);
        });
    }
});
