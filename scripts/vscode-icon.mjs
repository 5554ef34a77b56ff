// Renders images/icon.svg to images/icon.png (128x128, transparent corners)
// with the system Chromium through playwright-core. Run after editing the SVG:
//   node scripts/vscode-icon.mjs
import { readFileSync } from 'node:fs';
import { launchChromium } from './chromium.mjs';

const svg = readFileSync(new URL('../images/icon.svg', import.meta.url), 'utf-8');
const browser = await launchChromium();
try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: new URL('../images/icon.png', import.meta.url).pathname, omitBackground: true });
} finally {
    await browser.close();
}
console.log('images/icon.png written');
