/**
 * The width table the report's drawings wrap titles with (tableMeasure),
 * against the width headless Chromium lays the same text out at in an SVG
 * `<text>` of the declared sans-serif stack: Hebrew titles (Liberation Sans
 * 2 has Hebrew) and Arabic ones (drawn with DejaVu Sans, the letters joined)
 * in regular and bold text measure within 3% of what is drawn, and never
 * narrower, so that a bold title neither runs out of its box nor wraps early.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { SANS_STACK, tableMeasure, TEXT, type TextStyle } from '../../language/render/measure.js';
import { launchChromium } from '../webview/harness/webview-page.js';

const HEBREW = ['הפחתת נטישת לקוחות', 'תוכנית הדרכה למכירות', 'בטיחות במקום העבודה', 'שיעור שימור: 92%'];
/** With lam-alef ligatures, alef maksura, tatweel, a zero width non-joiner (Persian) and vowel marks. */
const ARABIC = ['برنامج تدريب المبيعات', 'التدريب على المنتج الجديد', 'نسبة الاحتفاظ بالعملاء', 'لـلـه', 'می\u200cخواهم', 'مَرْحَبًا'];
const STYLES: Array<[string, TextStyle, number]> = [['title', TEXT.title, 600], ['figures', TEXT.figures, 700], ['small', TEXT.small, 400]];

/** Lays out each text in an SVG `<text>` and returns its advance (getComputedTextLength) and the fonts Chromium drew it with. */
const LAY_OUT = `(({ texts, stack, size, weight }) => {
    const svg = document.querySelector('svg');
    return texts.map(t => {
        const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
        text.setAttribute('style', 'font-family: ' + stack + '; font-size: ' + size + 'px; font-weight: ' + weight);
        text.textContent = t;
        svg.appendChild(text);
        const width = text.getComputedTextLength();
        text.remove();
        return width;
    });
})`;

describe('report drawings: the width table for Hebrew and Arabic, against Chromium', function () {
    this.timeout(120_000);
    let browser: Browser | undefined;
    let page: Page;
    before(async () => {
        browser = await launchChromium();
        page = await browser.newPage();
        await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><svg width="2000" height="100"></svg><p id="he"></p><p id="ar"></p></body></html>');
    });
    after(async () => {
        await browser?.close();
    });

    it('Chromium draws Hebrew with Liberation Sans and Arabic with DejaVu Sans, which the table holds', async () => {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('DOM.enable');
        await cdp.send('CSS.enable');
        const { root } = await cdp.send('DOM.getDocument');
        for (const [id, text, family] of [['he', HEBREW[0]!, 'Liberation Sans'], ['ar', ARABIC[0]!.replace(/ /g, ''), 'DejaVu Sans']] as const) {
            for (const weight of [400, 600, 700]) {
                // Reading offsetWidth lays the paragraph out now: the fonts of a paragraph not laid out since its change read as none.
                await page.evaluate(`(() => { const p = document.getElementById(${JSON.stringify(id)}); p.textContent = ${JSON.stringify(text)}; p.style.font = '${weight} 13px ' + ${JSON.stringify(SANS_STACK)}; return p.offsetWidth; })()`);
                await page.evaluate('new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))');
                const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `#${id}` });
                const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
                assert.deepEqual(fonts.map(f => f.familyName), [family], `${id} at ${weight}: ${JSON.stringify(fonts)}`);
            }
        }
        await cdp.detach();
    });

    for (const [script, texts] of [['Hebrew', HEBREW], ['Arabic', ARABIC]] as const) {
        it(`measures ${script} titles within 3% of the width Chromium lays them out at, never narrower`, async () => {
            const off: string[] = [];
            for (const [name, style, weight] of STYLES) {
                const drawn = await page.evaluate(`${LAY_OUT}(${JSON.stringify({ texts, stack: SANS_STACK, size: style.size, weight })})`) as number[];
                texts.forEach((text, i) => {
                    const table = tableMeasure(text, style);
                    const laid = drawn[i]!;
                    assert.ok(laid > 0, `${text}: laid out at no width`);
                    if (table < laid - 0.25 || table > laid * 1.03 + 0.25) off.push(`${name} (${weight}) "${text}": table ${table.toFixed(2)} px, Chromium ${laid.toFixed(2)} px`);
                });
            }
            assert.deepEqual(off, []);
        });
    }
});
