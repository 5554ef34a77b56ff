/**
 * The HTML report of `examples/` in a Chromium that forces dark mode on
 * pages (`WebContentsForceDark`, the engine of Android's "darken web pages"
 * and of mail apps built on WebView): the page stays as drawn, light.
 * `color-scheme: light` alone did not stop it; `only light` does.
 */
import assert from 'node:assert/strict';
import { CHROMIUM_ARGS } from '../webview/harness/webview-page.js';
import { useExamplesReport } from './report-page.js';
import { PNG_PIXELS } from '../webview/harness/colour.js';

/** In-page: the mean brightness (0-255) of a PNG screenshot given as base64. */
const MEAN_BRIGHTNESS = `async png => {
    const d = await (${PNG_PIXELS})(png);
    let total = 0;
    for (let i = 0; i < d.length; i += 4) total += (d[i] + d[i + 1] + d[i + 2]) / 3;
    return total / (d.length / 4);
}`;

describe('align report --format html in a Chromium that forces dark mode', function () {
    this.timeout(120_000);
    const report = useExamplesReport('force-dark', [...CHROMIUM_ARGS, '--enable-features=WebContentsForceDark']);

    const brightness = async (html?: string): Promise<number> => {
        const page = html === undefined
            ? await report.open(1000, { height: 600, colorScheme: 'dark' })
            : await report.browser.newPage({ viewport: { width: 1000, height: 600 }, colorScheme: 'dark' });
        if (html !== undefined) await page.setContent(html);
        const png = (await page.screenshot({ clip: { x: 0, y: 0, width: 1000, height: 300 } })).toString('base64');
        const mean = await page.evaluate(`(${MEAN_BRIGHTNESS})(${JSON.stringify(png)})`) as number;
        await page.close();
        return mean;
    };

    it('darkens a plain page (the browser does force it), and leaves the report light', async () => {
        const plain = await brightness('<html><body style="margin:0;background:#fff"><p>Plain page</p></body></html>');
        assert.ok(plain < 128, `a page that does not opt out is darkened (mean ${plain.toFixed(0)})`);
        const report = await brightness();
        assert.ok(report > 200, `the report stays light (mean ${report.toFixed(0)})`);
    });
});
