/**
 * The HTML report of a workspace whose titles hold words longer than a
 * phone's width (German compounds, an 88-character token) in headless
 * Chromium: at 375 and 400 px nothing widens the page (docs/report.md: "On
 * a narrow screen ... nothing widens the page"), and printed on A4 every
 * heading, table-of-contents entry and caption stays within the page
 * rather than run past its margin.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../webview/harness/webview-page.js';
import { workspaceReportUrl } from './report-page.js';
import { removeTempDirs } from './run-cli.js';

const TOKEN = 'Supercalifragilisticexpialidocious_Pneumonoultramicroscopicsilicovolcanoconiosis_AndMore';

const SOURCE = `outcome O "Betriebsunfallversicherungsbeitragssenkung" { measured by Unfallquote }
metric Unfallquote "Meldepflichtigebetriebsunfallquotenentwicklungskennzahl" {
  kind lagging unit percent direction down
  baseline 4% target 3% by 2026-09-30
  cadence monthly
}
actuals Unfallquote { 2026-01: 3.9%  2026-02: 3.8% }
program Arbeitssicherheit "Arbeitssicherheitsunterweisungsprogramm für Kundendienstmitarbeiterinnen" {
  serves O
  window 2026-01-01 to 2026-09-30
  skill S "Skill"
  behavior B "Beh" { enabled by S observed by manager }
  objective Obj "Objective" { builds S practice case "c" }
}
program Token "A title with ${TOKEN}" {
  serves O
  skill S "Skill"
  behavior B "Beh" { enabled by S observed by manager }
  objective Obj "Objective" { builds S practice case "c" }
}
`;

/** Text (headings, contents, captions, paragraphs, glance cards) that reaches past the window's right edge. */
const PAST_EDGE = `[...document.querySelectorAll('h1, h2, h3, nav a, figcaption, p, .glance-item, li')].filter(e => {
    const range = document.createRange();
    range.selectNodeContents(e);
    return range.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5;
}).map(e => e.tagName.toLowerCase() + ': ' + e.textContent.trim().slice(0, 60))`;

describe('align report: long words in titles', function () {
    this.timeout(120_000);
    let browser: Browser | undefined;
    let url = '';
    before(async function () {
        const found = workspaceReportUrl(SOURCE, '2026-03-01');
        if (!found) this.skip();
        url = found;
        browser = await launchChromium();
    });
    after(async () => {
        await browser?.close();
        removeTempDirs();
    });

    async function open(width: number): Promise<Page> {
        const page = await browser!.newPage({ viewport: { width, height: 900 } });
        await page.goto(url);
        return page;
    }

    for (const width of [375, 400]) {
        it(`widens nothing at ${width} px: long titles wrap inside the page`, async () => {
            const page = await open(width);
            try {
                const read = await page.evaluate(`({ scroll: document.documentElement.scrollWidth, width: innerWidth, past: ${PAST_EDGE} })`) as { scroll: number; width: number; past: string[] };
                assert.deepEqual(read.past, [], 'text past the window\'s edge');
                assert.ok(read.scroll <= read.width, `the page is ${read.scroll} px wide in a ${read.width} px window`);
            } finally {
                await page.close();
            }
        });
    }

    it('prints every heading, contents entry and caption within an A4 page', async () => {
        // A4's width less the report's print margins (12 mm each side), in CSS px.
        const page = await open(703);
        try {
            await page.emulateMedia({ media: 'print' });
            const past = await page.evaluate(PAST_EDGE) as string[];
            assert.deepEqual(past, [], 'text past the printed page\'s edge');
        } finally {
            await page.close();
        }
    });
});
