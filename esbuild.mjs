// One build for every bundle. Flags: --watch, --minify.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf-8'));
// langium 4.4 calls Object.groupBy, which Node 20 lacks: the polyfill runs first in every Node bundle.
const polyfill = readFileSync(new URL('./scripts/polyfill.cjs', import.meta.url), 'utf-8');
const define = { __ALIGN_VERSION__: JSON.stringify(version) };

/** Entry points that exist (features land one by one). */
const entries = (map) => Object.fromEntries(Object.entries(map).filter(([, file]) => existsSync(file)));

const common = { bundle: true, sourcemap: !minify, minify, logLevel: 'warning', define };

const builds = [
    // Node: the CLI, the language server and the desktop extension.
    {
        ...common,
        entryPoints: entries({ cli: 'cli/main.ts', server: 'server/main.ts', client: 'client/main.ts' }),
        outdir: 'out', outExtension: { '.js': '.cjs' },
        platform: 'node', format: 'cjs', target: 'node20',
        external: ['vscode'],
        banner: { js: polyfill },
        define: { ...define, 'import.meta.url': 'importMetaUrl' },
        inject: ['scripts/import-meta-url.js']
    },
    // Browser: the web extension (vscode.dev) and its language server in a web worker.
    {
        ...common,
        entryPoints: entries({ 'client-browser': 'client/browser.ts', 'server-browser': 'server/main-browser.ts' }),
        outdir: 'out/web', platform: 'browser', format: 'cjs', target: 'es2022',
        external: ['vscode'],
        banner: { js: polyfill }
    },
    // The preview UI inside the webview.
    {
        ...common,
        entryPoints: entries({ main: 'webview/main.ts' }),
        outdir: 'out/webview', platform: 'browser', format: 'iife', target: 'es2022',
        loader: { '.css': 'text' }
    }
].filter(b => Object.keys(b.entryPoints).length > 0);

const contexts = await Promise.all(builds.map(b => esbuild.context(b)));
if (watch) {
    await Promise.all(contexts.map(c => c.watch()));
} else {
    await Promise.all(contexts.map(c => c.rebuild()));
    await Promise.all(contexts.map(c => c.dispose()));
}
