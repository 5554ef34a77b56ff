/**
 * The real `mermaid` package in headless Chromium, for the tests that check
 * that Mermaid text renders: `render(text)` runs `mermaid.render` with
 * Mermaid's default limits and reads the drawing back. A suite takes its
 * page from `useMermaidPage()`, which opens it before the suite's tests and
 * closes it after them.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.mjs';
import { REPO_ROOT } from './run-cli.js';

export const MERMAID = path.join(REPO_ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');

/** What a render gave: the SVG and the text of its parts, or Mermaid's error. */
export interface Rendered {
    ok: boolean;
    error?: string;
    svg?: string;
    /** Text of each rendered node, in document order. */
    nodes?: string[];
    /** Classes of each rendered node (`node default added`...), in document order. */
    nodeClasses?: string[];
    clusters?: string[];
    edgeLabels?: string[];
    /** The inline style of each drawn edge path. */
    edgeStyles?: string[];
}

/** A page with Mermaid loaded. */
export interface MermaidPage {
    render(text: string): Promise<Rendered>;
    close(): Promise<void>;
}

async function openMermaid(): Promise<MermaidPage> {
    assert.ok(fs.existsSync(MERMAID), `${MERMAID} is missing: run npm ci`);
    const browser: Browser = await launchChromium();
    const page: Page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: MERMAID });
    await page.evaluate('mermaid.initialize({ startOnLoad: false, securityLevel: "strict" })');
    let count = 0;
    return {
        // The page script is a string: functions compiled by tsx carry helpers (`__name`) that do not exist in the page.
        render: text => page.evaluate(`(async () => {
            const text = ${JSON.stringify(text)};
            try {
                const { svg } = await mermaid.render(${JSON.stringify(`g${++count}`)}, text);
                const out = document.getElementById('out');
                out.innerHTML = svg;
                const all = selector => [...out.querySelectorAll(selector)];
                const textOf = selector => all(selector).map(e => (e.textContent || '').trim());
                return {
                    ok: true, svg, nodes: textOf('g.node'), nodeClasses: all('g.node').map(e => e.getAttribute('class') || ''),
                    clusters: textOf('g.cluster-label, .cluster .nodeLabel'), edgeLabels: textOf('g.edgeLabel').filter(Boolean),
                    edgeStyles: all('path.flowchart-link').map(e => e.getAttribute('style') || '')
                };
            } catch (error) {
                return { ok: false, error: error && error.message ? error.message : String(error) };
            }
        })()`) as Promise<Rendered>,
        close: () => browser.close()
    };
}

/**
 * Registers the hooks of a suite that renders with Mermaid: a page opened
 * before its tests, closed after them. Call it in the `describe` body, after
 * `this.timeout` (the hooks take the suite's); the accessor it returns gives
 * the page inside a test.
 */
export function useMermaidPage(): () => MermaidPage {
    let page: MermaidPage | undefined;
    before(async () => {
        page = await openMermaid();
    });
    after(async () => {
        await page?.close();
        page = undefined;
    });
    return () => {
        assert.ok(page, 'no Mermaid page: it is open from the suite\'s before hook to its after hook');
        return page;
    };
}

/** Asserts that Mermaid drew an SVG, not its error picture. */
export function assertRendered(result: Rendered, text: string): asserts result is Required<Rendered> {
    assert.ok(result.ok, `mermaid.render failed: ${result.error}\n${text.slice(0, 2000)}`);
    assert.match(result.svg!, /^<svg[\s>]/, 'an SVG');
    assert.ok(!/Syntax error/i.test(result.svg!), 'not mermaid\'s error drawing');
}
