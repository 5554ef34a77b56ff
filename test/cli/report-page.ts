/** The HTML report of `examples/` opened in headless Chromium, with its accessibility tree: what the report's accessibility tests read. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../webview/harness/webview-page.js';
import { REPO_ROOT, requireBundle, runCli } from './run-cli.js';

export const REPORT_OUT = path.join(REPO_ROOT, 'out', 'report-test');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** A node of Chromium's accessibility tree (CDP `Accessibility.getFullAXTree`). */
export interface AxNode {
    nodeId: string;
    role?: { value: string };
    name?: { value: string };
    ignored?: boolean;
    childIds?: string[];
    properties?: Array<{ name: string; value: { value: unknown } }>;
}

export interface OpenReport {
    readonly browser: Browser;
    readonly page: Page;
    /** The nodes that are not ignored. */
    readonly tree: AxNode[];
}

/**
 * Writes the HTML report of `examples/` (dated 2026-09-30, after its last actual) to
 * out/report-test/NAME.html with the built CLI; returns its path, or
 * undefined when there is no Chromium to open it (the caller skips).
 */
export function writeExamplesReport(name: string): string | undefined {
    requireBundle();
    if (!fs.existsSync(CHROMIUM)) return undefined;
    fs.mkdirSync(REPORT_OUT, { recursive: true });
    const file = path.join(REPORT_OUT, `${name}.html`);
    const result = runCli(['report', '.', '--format', 'html', '--date', '2026-09-30', '--output', file], { cwd: path.join(REPO_ROOT, 'examples') });
    assert.equal(result.status, 0, result.stderr);
    return file;
}

/** {@link writeExamplesReport}, opened in headless Chromium at 1000 x 900 with its accessibility tree. */
export async function openExamplesReport(name: string): Promise<OpenReport | undefined> {
    const file = writeExamplesReport(name);
    if (!file) return undefined;
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`file://${file}`);
    const cdp = await page.context().newCDPSession(page);
    const tree = ((await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] }).nodes.filter(n => !n.ignored);
    await cdp.detach();
    return { browser, page, tree };
}
