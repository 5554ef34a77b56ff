import type { Browser, LaunchOptions } from 'playwright-core';

/** Flags for a headless run in a container or CI: no sandbox, no GPU, no background traffic. */
export declare const CHROMIUM_ARGS: string[];

/** What VS Code for the Web needs on top: its webviews' service worker allowed, no small /dev/shm. */
export declare const VSCODE_WEB_ARGS: string[];

/** The path of the Chromium executable ($CHROMIUM_PATH, default /usr/bin/chromium); throws, saying how to get one, when there is none. */
export declare function chromiumPath(): string;

/** Launches that Chromium headless, with CHROMIUM_ARGS (and `options` on top). */
export declare function launchChromium(options?: LaunchOptions): Promise<Browser>;
