// The web worker's language server with a fault in the impact graph's build
// (graph-fault-switch.ts, imported first so that it is in place before the
// server starts). Built by `node esbuild.mjs --vscode-tests`.
import './graph-fault-switch.js';
import '../../../server/main-browser.js';
