/** The HTML report of `examples/` for the tests that read it in headless Chromium: written once per suite, with a browser of its own, and its accessibility tree. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../webview/harness/webview-page.js';
import { report } from './report-helpers.js';
import { removeTempDirs, REPO_ROOT, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

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

/**
 * Writes the HTML report of `examples/` (dated 2026-09-30, after its last actual) to
 * out/report-test/NAME.html with the built CLI; returns its path, or
 * undefined when there is no Chromium to open it (the caller skips).
 */
function writeExamplesReport(name: string): string | undefined {
    requireBundle();
    if (!fs.existsSync(CHROMIUM)) return undefined;
    fs.mkdirSync(REPORT_OUT, { recursive: true });
    const file = path.join(REPORT_OUT, `${name}.html`);
    const result = runCli(['report', '.', '--format', 'html', '--date', '2026-09-30', '--output', file], { cwd: path.join(REPO_ROOT, 'examples') });
    assert.equal(result.status, 0, result.stderr);
    return file;
}

/**
 * Writes `source` as the one file of a workspace in a temporary folder
 * (`removeTempDirs` removes it) and its HTML report dated `date` with the
 * built CLI; returns the report's `file://` address, or undefined when
 * there is no Chromium to open it (the caller skips).
 */
export function workspaceReportUrl(source: string, date: string): string | undefined {
    requireBundle();
    if (!fs.existsSync(CHROMIUM)) return undefined;
    const dir = tempDir();
    writeFile(dir, 'a.align', source);
    const file = path.join(dir, 'report.html');
    fs.writeFileSync(file, report(['--format', 'html'], dir, date));
    return `file://${file}`;
}

/**
 * Registers the hooks of the calling `describe`: before its tests, writes
 * `source` as a workspace, its HTML report dated `date`, and opens it in
 * headless Chromium at 1000 x 900 (skipping the suite where there is no
 * Chromium); after them, closes the browser and removes the workspace.
 */
export function useWorkspaceReport(source: string, date: string): { readonly page: Page } {
    let browser: Browser | undefined;
    let page: Page | undefined;
    before(async function () {
        const url = workspaceReportUrl(source, date);
        if (!url) this.skip();
        browser = await launchChromium();
        page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
        await page.goto(url);
    });
    after(async () => {
        await browser?.close();
        removeTempDirs();
    });
    return { get page() { return page!; } };
}

/** The examples' report of a suite and the headless Chromium it is read in (see {@link useExamplesReport}). */
export interface ExamplesReport {
    /** Set by the suite's first `before`. */
    readonly browser: Browser;
    /** `file://` address of the report. */
    readonly url: string;
    /** A new page with the report loaded, `height` 900 unless `options` says otherwise. */
    open(width: number, options?: PageOptions): Promise<Page>;
}

type PageOptions = Omit<NonNullable<Parameters<Browser['newPage']>[0]>, 'viewport'> & { readonly height?: number };

/**
 * Registers the hooks of the calling `describe`: before its tests, writes
 * the examples' HTML report to out/report-test/NAME.html and launches
 * Chromium with `args` (skipping the suite where there is no Chromium);
 * after them, closes the browser. Register it before the suite's own
 * `before`, which may then use it.
 */
export function useExamplesReport(name: string, args?: readonly string[]): ExamplesReport {
    let browser: Browser | undefined;
    let url = '';
    before(async function () {
        const file = writeExamplesReport(name);
        if (!file) this.skip();
        url = `file://${file}`;
        browser = await launchChromium(args ? { args: [...args] } : undefined);
    });
    after(async () => { await browser?.close(); });
    return {
        get browser() { return browser!; },
        get url() { return url; },
        async open(width, { height = 900, ...options } = {}) {
            const page = await browser!.newPage({ ...options, viewport: { width, height } });
            await page.goto(url);
            return page;
        }
    };
}

/** The nodes of a page's accessibility tree that are not ignored. */
export async function accessibilityTree(page: Page): Promise<AxNode[]> {
    const cdp = await page.context().newCDPSession(page);
    const tree = ((await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] }).nodes.filter(n => !n.ignored);
    await cdp.detach();
    return tree;
}
