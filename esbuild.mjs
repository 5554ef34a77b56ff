// One build for every bundle. Flags: --watch, --minify;
// --vscode-tests builds only the VS Code extension test bundles.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
const vscodeTests = process.argv.includes('--vscode-tests');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf-8'));
// langium 4.4 calls Object.groupBy, which Node 20 lacks: the polyfill runs first in every Node bundle.
const polyfill = readFileSync(new URL('./scripts/polyfill.cjs', import.meta.url), 'utf-8');
const define = { __ALIGN_VERSION__: JSON.stringify(version) };

/** Entry points, checked below: a missing one (a renamed file) fails the build instead of dropping its bundle. */
const missingEntries = [];
const entries = (map) => {
    missingEntries.push(...Object.values(map).filter(file => !existsSync(file) && !missingEntries.includes(file)));
    return map;
};

const common = { bundle: true, sourcemap: !minify, minify, logLevel: 'warning', define };

/** The language server for a web worker, from `entry` to `outdir/server-browser.js`. */
function webWorkerServer(entry, outdir, options = {}) {
    return {
        ...common, ...options,
        entryPoints: entries({ 'server-browser': entry }),
        outdir, platform: 'browser', format: 'cjs', target: 'es2022',
        // csv-parse's browser build carries its own Buffer.
        alias: { 'csv-parse/sync': 'csv-parse/browser/esm/sync' },
        banner: { js: polyfill }
    };
}

const builds = [
    // Node: the CLI, the language server and the desktop extension.
    {
        ...common,
        // sqlite-worker: the worker thread in which `align pull` runs a SQLite query (sql.js is
        // synchronous; the thread is stopped at ALIGN_PULL_TIMEOUT), loaded from next to cli.cjs.
        // server-command-line: align-language-server's --help, --version and usage errors, answered without loading server.cjs.
        entryPoints: entries({ cli: 'cli/main.ts', server: 'server/main.ts', 'server-command-line': 'server/command-line.ts', client: 'client/main.ts', 'sqlite-worker': 'cli/pull/sqlite-worker.ts' }),
        outdir: 'out', outExtension: { '.js': '.cjs' },
        platform: 'node', format: 'cjs', target: 'node20',
        // The data back ends of `align pull` load from node_modules when a pull runs: DuckDB is
        // native and optional, pg, sql.js (WebAssembly) and undici (xAPI's HTTP) stay out of check's start-up.
        external: ['vscode', '@duckdb/node-api', 'pg', 'pg-connection-string', 'pg-native', 'sql.js', 'undici'],
        banner: { js: polyfill },
        define: { ...define, 'import.meta.url': 'importMetaUrl' },
        inject: ['scripts/import-meta-url.js']
    },
    // Browser: the web extension (vscode.dev). `.cjs`: with "type": "module" in package.json,
    // VS Code loads a `.js` entry as ESM, which its web worker extension host refuses.
    {
        ...common,
        entryPoints: entries({ 'client-browser': 'client/browser.ts' }),
        outdir: 'out/web', outExtension: { '.js': '.cjs' }, platform: 'browser', format: 'cjs', target: 'es2022',
        external: ['vscode']
    },
    // Browser: its language server, in a web worker (a classic worker script, hence `.js`).
    webWorkerServer('server/main-browser.ts', 'out/web'),
    // The preview UI inside the webview.
    {
        ...common,
        entryPoints: entries({ main: 'webview/main.ts' }),
        outdir: 'out/webview', platform: 'browser', format: 'iife', target: 'es2022',
        loader: { '.css': 'text' }
    }
];

/** `import 'vscode-suite:tests'` loads every `<folder>/*.test.ts` (test/vscode/suite, or the standards workspace's suite). */
const suiteFiles = (folder = 'test/vscode/suite') => ({
    name: 'vscode-suite',
    setup(build) {
        build.onResolve({ filter: /^vscode-suite:tests$/ }, () => ({ path: 'tests', namespace: 'vscode-suite' }));
        build.onLoad({ filter: /.*/, namespace: 'vscode-suite' }, () => ({
            contents: readdirSync(folder).filter(f => f.endsWith('.test.ts')).sort().map(f => `require('./${f}');`).join('\n'),
            resolveDir: resolve(folder), loader: 'js'
        }));
    }
});
// Inside the web extension host there is no `process`: Node's assert (the npm package) and mocha read it.
const processShim = 'var process = globalThis.process || { env: {}, argv: [], platform: "browser", version: "", versions: {}, browser: true, cwd: () => "/", nextTick: (f, ...a) => queueMicrotask(() => f(...a)) };';

/** A suite of extension tests for the web extension host: every test file of `folder`, bundled to `outdir/suite.cjs`. */
const webSuite = (outdir, folder) => ({
    ...common, minify: false,
    entryPoints: entries({ suite: 'test/vscode/runner-web.ts' }),
    outdir, outExtension: { '.js': '.cjs' }, platform: 'browser', format: 'cjs', target: 'es2022',
    external: ['vscode'], plugins: [suiteFiles(folder)],
    alias: { 'node:assert': 'assert' },
    banner: { js: processShim }
});

/** The extension tests that run inside VS Code: for the web extension host, and for desktop VS Code. */
const testBuilds = [
    webSuite('out/test/web', 'test/vscode/suite'),
    // On a second workspace: the consuming workspace of examples/standards, the package in its node_modules.
    webSuite('out/test/web-standards', 'test/vscode/standards-suite'),
    // With a language server whose impact graph cannot be built (test/vscode/fault-server), put in place of
    // out/web/server-browser.js by scripts/vscode-test-web.mjs for this suite's run.
    webSuite('out/test/web-fault', 'test/vscode/fault-suite'),
    webWorkerServer('test/vscode/fault-server/server-browser-fault.ts', 'out/test/web-fault', { minify: false }),
    {
        ...common, minify: false,
        entryPoints: entries({ suite: 'test/vscode/runner-desktop.ts' }),
        outdir: 'out/test/desktop', outExtension: { '.js': '.cjs' },
        platform: 'node', format: 'cjs', target: 'node20',
        external: ['vscode', 'mocha-web'], plugins: [suiteFiles()]
    }
];

if (missingEntries.length > 0) {
    console.error(`esbuild.mjs: missing entry point${missingEntries.length > 1 ? 's' : ''}: ${missingEntries.join(', ')}`);
    process.exit(1);
}

const selected = vscodeTests ? testBuilds : builds;

const contexts = await Promise.all(selected.map(b => esbuild.context(b)));
if (watch) {
    await Promise.all(contexts.map(c => c.watch()));
} else {
    await Promise.all(contexts.map(c => c.rebuild()));
    await Promise.all(contexts.map(c => c.dispose()));
}
