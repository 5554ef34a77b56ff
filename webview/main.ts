/**
 * Entry of the impact-chain preview (bundled to out/webview/main.js). The
 * page needs nothing but this script: it builds its DOM, adopts its styles
 * (constructed style sheets, which a strict CSP allows) and sends `ready`.
 */
import { PreviewApp } from './app.js';
import { adoptStyles } from './styles.js';
import { connectHost } from './vscode-api.js';

adoptStyles();
new PreviewApp(connectHost());
