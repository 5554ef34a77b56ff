/**
 * Names in code inside parentheses in the HTML report of `examples/`, in
 * headless Chromium: `(ChurnPilot)` reads tight (no visible gap between a
 * parenthesis and the name), and the name stays set apart (monospace, on
 * a shade of its own).
 */
import assert from 'node:assert/strict';
import { useExamplesReport } from './report-page.js';

/** For each code element right after `(` in the summary and the contents: the gaps between the parentheses' ink boxes and the name's glyphs. */
const GAPS = `[...document.querySelectorAll('#summary ~ .table code, #contents ~ * code')].filter(c => {
    const before = c.previousSibling, after = c.nextSibling;
    return before && before.nodeType === 3 && before.textContent.endsWith('(') && after && after.nodeType === 3 && after.textContent.startsWith(')');
}).map(c => {
    const rect = (node, from, to) => { const r = document.createRange(); r.setStart(node, from); r.setEnd(node, to); return r.getBoundingClientRect(); };
    const open = rect(c.previousSibling, c.previousSibling.textContent.length - 1, c.previousSibling.textContent.length);
    const close = rect(c.nextSibling, 0, 1);
    const name = rect(c.firstChild, 0, c.firstChild.textContent.length);
    const style = getComputedStyle(c);
    return { name: c.textContent, before: name.left - open.right, after: close.left - name.right, font: style.fontFamily, shade: style.backgroundColor, page: getComputedStyle(document.body).backgroundColor };
})`;

describe('align report --format html in Chromium: names in parentheses', function () {
    this.timeout(120_000);
    const report = useExamplesReport('review-code-spacing');

    it('sets a name tight in its parentheses in the summary and the contents, in monospace on a shade', async () => {
        const page = await report.open(1000);
        const gaps = await page.evaluate(GAPS) as Array<{ name: string; before: number; after: number; font: string; shade: string; page: string }>;
        assert.ok(gaps.length >= 7, `names in parentheses: ${gaps.length}`);
        for (const g of gaps) {
            assert.ok(g.before <= 1.5 && g.after <= 1.5, `(${g.name}): ${g.before.toFixed(1)} px after "(", ${g.after.toFixed(1)} px before ")"`);
            assert.match(g.font, /Mono/, g.name);
            assert.notEqual(g.shade, g.page, g.name);
        }
    });
});
