// One build for every bundle. Flags: --watch, --minify.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf-8'));
// langium 4.4 calls Object.groupBy, which Node 20 lacks: the polyfill runs first in every Node bundle.
const polyfill = readFileSync(new URL('./scripts/polyfill.cjs', import.meta.url), 'utf-8');

/** Node bundles: the CLI and the language server (the VS Code client joins them later). */
const node = {
    entryPoints: { cli: 'cli/main.ts', server: 'server/main.ts' },
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: !minify,
    minify,
    external: ['vscode'],
    banner: { js: polyfill },
    define: { __ALIGN_VERSION__: JSON.stringify(version), 'import.meta.url': 'importMetaUrl' },
    inject: ['scripts/import-meta-url.js'],
    logLevel: 'warning'
};

const contexts = await Promise.all([esbuild.context(node)]);
if (watch) {
    await Promise.all(contexts.map(c => c.watch()));
} else {
    await Promise.all(contexts.map(c => c.rebuild()));
    await Promise.all(contexts.map(c => c.dispose()));
}
