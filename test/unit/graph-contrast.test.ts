/**
 * The drawing's box borders and kind colours (icon, side bar) stand 3:1 or
 * more from the box and the page (WCAG 1.4.11) with the light, dark and
 * high contrast themes' own colours, resolved as an export from the preview
 * writes them (in the page, color-mix() does the same: test/webview/graphic-contrast.test.ts).
 */
import * as assert from 'node:assert/strict';
import { graphCss } from '../../language/render/index.js';
import { mixColours } from '../../language/render/styles.js';
import { THEMES, type ThemeName } from '../webview/harness/themes.js';

const rgb = (hex: string): number[] => [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16));
const luminance = (c: number[]): number => {
    const [r, g, b] = c.map(v => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const ratio = (a: string, b: string): number => {
    const [hi, lo] = [luminance(rgb(a)), luminance(rgb(b))].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
};

describe('drawing: non-text contrast of resolved theme colours', () => {
    it('mixes colours in sRGB as color-mix() does', () => {
        assert.equal(mixColours('#c8c8c8', '#3b3b3b', 45), '#898989');
        assert.equal(mixColours('rgb(200, 200, 200)', '#000', 50), '#646464');
        assert.equal(mixColours('rgba(97, 97, 97, 0.5)', '#ffffff', 0), 'rgba(97, 97, 97, 0.5)');
        assert.equal(mixColours('red', '#000', 10), undefined);
    });

    for (const theme of ['light', 'dark'] as ThemeName[]) {
        it(`writes borders and kind colours at 3:1 or more on the box and the page in the ${theme} theme`, () => {
            const vars = THEMES[theme].variables;
            const css = graphCss(name => vars[name.replace(/^--vscode-/, '')]);
            const box = vars['editorWidget-background']!;
            const page = vars['editor-background']!;
            const border = /\.align-graph \.node-box \{ fill: [^;]+; stroke: (#[0-9a-f]{6});/.exec(css)?.[1];
            assert.ok(border, 'the border is a resolved colour');
            const low: string[] = [];
            for (const [what, colour, on] of [['border on the box', border, box], ['border on the page', border, page]] as const) {
                if (ratio(colour, on) < 3) low.push(`${what}: ${ratio(colour, on).toFixed(2)}`);
            }
            for (const kind of ['objective', 'skill', 'behavior', 'metric', 'outcome']) {
                const icon = new RegExp(`\\.kind-${kind} \\.node-icon \\{ stroke: (#[0-9a-f]{6}); \\}`).exec(css)?.[1];
                assert.ok(icon, `${kind}: a resolved icon colour`);
                if (ratio(icon, box) < 3) low.push(`${kind} icon: ${ratio(icon, box).toFixed(2)}`);
            }
            assert.deepEqual(low, []);
        });
    }
});
