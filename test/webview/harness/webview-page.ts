/**
 * The built preview (out/webview/main.js) in headless Chromium, on a page
 * like the one the VS Code panel host serves: the same strict CSP with a
 * nonce, a stub `acquireVsCodeApi` that records posted messages and keeps
 * state (carried across reloads), and the theme's `--vscode-*` variables.
 * Every CSP violation is recorded; tests expect none.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { HostMessage, WebviewMessage, WebviewState } from '../../../webview/protocol.js';
import { THEMES, themeCss, type ThemeName } from './themes.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const BUNDLE = path.join(repo, 'out/webview/main.js');
/** The page's origin: what `webview.cspSource` stands for. */
export const ORIGIN = 'https://align-webview.test';
/** The empty `<style>` the toolkit inserts (FAST's focus-visible probe). */
const TOOLKIT_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

export { CHROMIUM_ARGS, launchChromium } from '../../../scripts/chromium.mjs';

/** The Content-Security-Policy the panel host sets. */
export function contentSecurityPolicy(nonce: string, cspSource = ORIGIN): string {
    return `default-src 'none'; script-src 'nonce-${nonce}'; style-src ${cspSource} ${TOOLKIT_STYLE_HASH}; img-src ${cspSource} data:; font-src ${cspSource}`;
}

/** The page: CSP, theme, the stub API (a nonce'd inline script) and the bundle. */
export function pageHtml(theme: ThemeName, state: unknown, nonce: string): string {
    const stub = `(() => {
  const script = document.currentScript;
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
  window.__posted = [];
  window.__state = JSON.parse(script.dataset.state);
  window.acquireVsCodeApi = () => ({
    postMessage: m => { window.__posted.push(JSON.parse(JSON.stringify(m))); },
    getState: () => window.__state,
    setState: s => { window.__state = JSON.parse(JSON.stringify(s)); }
  });
})();`;
    const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${ORIGIN}/theme-${theme}.css">
<title>Impact chain</title>
</head>
<body class="${THEMES[theme].bodyClass}" data-vscode-theme-kind="${THEMES[theme].bodyClass}">
<script nonce="${nonce}" data-state="${attr(JSON.stringify(state ?? null))}">${stub}</script>
<script nonce="${nonce}" src="${ORIGIN}/main.js"></script>
</body>
</html>
`;
}

export interface OpenOptions {
    theme?: ThemeName;
    state?: WebviewState;
    viewport?: { width: number; height: number };
    /**
     * Open the preview as a popup of a host page on another site and post
     * from there, as VS Code posts into a webview from another frame: the
     * sender's work (serialising the message) is then not on the preview's
     * main thread. For the benchmark.
     */
    fromHostPage?: boolean;
}

/** The origin of the host page that opens the preview (`fromHostPage`). */
export const HOST_ORIGIN = 'https://align-host.test';

/** What the page is served with; a reload serves the state the preview saved. */
interface Served {
    theme: ThemeName;
    state: unknown;
}

export class WebviewPage {
    private readonly errors: string[] = [];

    /** The page that posts the host's messages (the preview itself unless `fromHostPage`). */
    private sender: Page;

    private constructor(readonly page: Page, private readonly served: Served) {
        this.sender = page;
        page.on('pageerror', e => this.errors.push(`pageerror: ${e.message}`));
        page.on('console', m => { if (m.type() === 'error') this.errors.push(`console: ${m.text()}`); });
    }

    /** Opens the preview page and waits for its `ready`. */
    static async open(browser: Browser, options: OpenOptions = {}): Promise<WebviewPage> {
        const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
        const served: Served = { theme: options.theme ?? 'light', state: options.state ?? null };
        await context.route(`${ORIGIN}/**`, route => {
            const url = new URL(route.request().url());
            if (url.pathname === '/index.html') return route.fulfill({ contentType: 'text/html', body: pageHtml(served.theme, served.state, randomBytes(16).toString('base64')) });
            if (url.pathname === '/main.js') return route.fulfill({ contentType: 'text/javascript', body: fs.readFileSync(BUNDLE, 'utf-8') });
            const theme = /^\/theme-(light|dark|high-contrast)\.css$/.exec(url.pathname);
            if (theme) return route.fulfill({ contentType: 'text/css', body: themeCss(theme[1] as ThemeName) });
            return route.fulfill({ status: 404, body: '' });
        });
        if (!options.fromHostPage) {
            const webview = new WebviewPage(await context.newPage(), served);
            await webview.load();
            return webview;
        }
        await context.route(`${HOST_ORIGIN}/**`, route => route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><title>Host</title>' }));
        const host = await context.newPage();
        await host.goto(`${HOST_ORIGIN}/`);
        const popup = context.waitForEvent('page');
        await host.evaluate(url => { (window as unknown as { webview: Window | null }).webview = window.open(url); }, `${ORIGIN}/index.html`);
        const webview = new WebviewPage(await popup, served);
        webview.sender = host;
        await webview.page.waitForFunction(() => (window as unknown as { __posted?: WebviewMessage[] }).__posted?.some(m => m.type === 'ready'));
        return webview;
    }

    /** The page the host's messages come from. */
    get host(): Page {
        return this.sender;
    }

    private async load(): Promise<void> {
        await this.page.goto(`${ORIGIN}/index.html`);
        await this.page.waitForFunction(() => (window as unknown as { __posted: WebviewMessage[] }).__posted.some(m => m.type === 'ready'));
    }

    /** Reloads the page as VS Code does after a reload, with the state the preview saved. */
    async reload(theme?: ThemeName): Promise<void> {
        this.served.state = await this.savedState();
        if (theme) this.served.theme = theme;
        await this.load();
    }

    /**
     * Posts a message as the host does (`webview.postMessage`): a whole
     * graph's JSON text as UTF-8 bytes in a transferred ArrayBuffer, as the
     * extension sends it (client/preview/impact-preview.ts); `text: true`
     * posts it as a string (what other hosts may send).
     */
    async post(message: HostMessage | unknown, options: { text?: boolean } = {}): Promise<void> {
        await this.sender.evaluate(([m, toPreview, text]) => {
            const graph = (typeof m === 'object' && m !== null ? m : {}) as { type?: unknown; json?: unknown };
            const buffer = !text && graph.type === 'graph' && typeof graph.json === 'string' ? new TextEncoder().encode(graph.json).buffer : undefined;
            const target = toPreview ? window : (window as unknown as { webview: Window }).webview;
            target.postMessage(buffer ? { ...graph, json: buffer } : m, '*', buffer ? [buffer] : []);
        }, [message as object, this.sender === this.page, options.text === true] as const);
    }

    /**
     * Posts a graph and waits until it is painted: that graph, not a redraw
     * of the one before (a resize when the banner comes or goes also paints).
     */
    async postGraph(message: HostMessage & { type: 'graph' }): Promise<void> {
        const count = (name: string): Promise<number> => this.page.evaluate(n => Number(document.body.getAttribute(n) ?? '0'), name);
        const before = await count('data-shown');
        await this.post(message);
        await this.page.waitForFunction(n => Number(document.body.getAttribute('data-shown') ?? '0') > n, before);
        const shown = await count('data-shown');
        await this.page.waitForFunction(n => Number(document.body.getAttribute('data-painted-graphs') ?? '0') >= n, shown);
    }

    /** The ids of the nodes drawn, sorted. */
    async drawnIds(): Promise<string[]> {
        return this.page.$$eval('.nodes > .node', els => els.map(e => e.getAttribute('data-id')!).sort());
    }

    /** The text of the message over the drawing (loading, empty states, a fault), its white space collapsed. */
    async messageText(): Promise<string> {
        return (await this.page.locator('.message').innerText()).replace(/\s+/g, ' ');
    }

    async renders(): Promise<number> {
        return this.page.evaluate(() => Number(document.body.getAttribute('data-renders') ?? '0'));
    }

    async waitForRenders(count: number): Promise<void> {
        await this.page.waitForFunction(n => Number(document.body.getAttribute('data-renders') ?? '0') >= n, count);
    }

    /** Messages the preview posted to the host, oldest first. */
    async posted(): Promise<WebviewMessage[]> {
        return this.page.evaluate(() => (window as unknown as { __posted: WebviewMessage[] }).__posted);
    }

    /** Waits for a message of this type posted after the first `after` messages, and returns it. */
    async waitForPosted<K extends WebviewMessage['type']>(type: K, after = 0): Promise<Extract<WebviewMessage, { type: K }>> {
        const handle = await this.page.waitForFunction(({ type, after }) =>
            (window as unknown as { __posted: WebviewMessage[] }).__posted.slice(after).find(m => m.type === type), { type, after });
        return await handle.jsonValue() as Extract<WebviewMessage, { type: K }>;
    }

    async savedState(): Promise<WebviewState | null> {
        return this.page.evaluate(() => (window as unknown as { __state: WebviewState | null }).__state);
    }

    /** CSP violations and page errors so far. */
    async problems(): Promise<string[]> {
        const violations = await this.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
        return [...violations.map(v => `CSP violation: ${v}`), ...this.errors];
    }

    async close(): Promise<void> {
        await this.page.context().close();
    }
}
