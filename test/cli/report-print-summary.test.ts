/**
 * The HTML report of `examples/` printed by headless Chromium on Letter and
 * A4, dated before, during and after its pilots (the earlier dates add a
 * note on the left-out actuals): the summary is page 1 (docs/report.md), its
 * table of contents whole on it, and the first program opens page 2. Letter
 * is 17 mm shorter than A4: the summary once spilled its last two contents
 * lines onto a page of their own there. The PDFs go to out/report-test/.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../webview/harness/webview-page.js';
import { pdfPages } from './pdf-pages.js';
import { REPORT_OUT } from './report-page.js';
import { REPO_ROOT, requireBundle, runCli } from './run-cli.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const EXAMPLES = path.join(REPO_ROOT, 'examples');

/** Text without its spaces: the PDF's text items space a name in its parentheses apart (`( ChurnPilot )`). */
const squeeze = (text: string): string => text.replace(/\s+/g, '');

describe('report: the printed summary on page 1, on Letter and A4', function () {
    this.timeout(180_000);
    let browser: Browser | undefined;
    before(async function () {
        requireBundle();
        if (!fs.existsSync(CHROMIUM)) this.skip();
        fs.mkdirSync(REPORT_OUT, { recursive: true });
        browser = await launchChromium();
    });
    after(async () => { await browser?.close(); });

    for (const date of ['2026-02-15', '2026-04-15', '2026-09-30']) {
        it(`as of ${date}: page 1 holds the whole summary and its contents, page 2 opens the first program`, async () => {
            const file = path.join(REPORT_OUT, `summary-${date}.html`);
            const result = runCli(['report', '.', '--format', 'html', '--date', date, '--output', file], { cwd: EXAMPLES });
            assert.equal(result.status, 0, result.stderr);
            const page = await browser!.newPage();
            try {
                await page.goto(`file://${file}`);
                const contents = await page.evaluate(`[...document.querySelectorAll('nav.contents li')].map(li => li.textContent.trim())`) as string[];
                assert.ok(contents.length >= 7, `the contents: ${contents.join(', ')}`);
                const first = await page.evaluate(`document.querySelector('section.part h2').textContent.trim()`) as string;
                for (const format of ['Letter', 'A4'] as const) {
                    const pdf = await page.pdf({ format, tagged: true });
                    fs.writeFileSync(path.join(REPORT_OUT, `summary-${date}-${format}.pdf`), pdf);
                    const pages = await pdfPages(new Uint8Array(pdf));
                    const one = squeeze(pages[0]!.texts.join(''));
                    const listed = one.slice(one.lastIndexOf('Contents'));
                    for (const entry of contents) assert.ok(listed.includes(squeeze(entry)), `${format}, ${date}: '${entry}' of the contents is on page 1`);
                    const two = pages[1]!.texts.join(' ');
                    assert.ok(squeeze(two).startsWith(squeeze(first)), `${format}, ${date}: page 2 opens with '${first}', not '${two.slice(0, 80)}'`);
                }
            } finally {
                await page.close();
            }
        });
    }
});
