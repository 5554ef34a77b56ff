// The Chromium that every browser test, benchmark and script drives (with
// playwright-core, never a downloaded browser): $CHROMIUM_PATH, by default
// /usr/bin/chromium (Debian's `apt-get install -y chromium`).
import { existsSync } from 'node:fs';

/** Flags for a headless run in a container or CI: no sandbox, no GPU, no background traffic. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * What VS Code for the Web needs on top: without the first flag its
 * webviews' service worker is refused and they stay blank; the second keeps
 * Chromium off a small /dev/shm in containers.
 */
export const VSCODE_WEB_ARGS = ['--disable-features=TrackingProtection3pcd', '--disable-dev-shm-usage'];

/** The path of the Chromium executable; throws, saying how to get one, when there is none. */
export function chromiumPath() {
    const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
    if (!existsSync(path)) {
        throw new Error(`no Chromium at ${path}: install it (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium executable`);
    }
    return path;
}

/**
 * Launches that Chromium headless, with CHROMIUM_ARGS (and `options` on top).
 * playwright-core is loaded only here: it reads PLAYWRIGHT_BROWSERS_PATH when
 * loaded, which scripts/vscode-test-web.mjs sets after importing chromiumPath.
 */
export async function launchChromium(options = {}) {
    const executablePath = chromiumPath();
    const { chromium } = await import('playwright-core');
    return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, ...options });
}
