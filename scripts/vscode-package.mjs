// Packages the extension into align-lang-<version>.vsix with `vsce package --no-dependencies`.
// package.json has a "files" list for the npm package (CLI, server, extension),
// and vsce refuses a .vscodeignore next to one; so vsce runs on a staged copy
// whose package.json has no "files", and the .vscodeignore allow-list decides
// what goes into the .vsix (bundles, syntaxes, icons, the align.config.json
// schema; no node_modules). The .vsix's README.md is docs/extension/README.md,
// the extension's own page.
//   node scripts/vscode-package.mjs      (after `node esbuild.mjs --minify`)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const EXTENSION_README = 'docs/extension/README.md';
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf-8'));
const vsix = join(repo, `${manifest.name}-${manifest.version}.vsix`);
const vsce = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');

for (const entry of [manifest.main, manifest.browser, './out/server.cjs', './out/web/server-browser.js', './out/webview/main.js']) {
    if (!existsSync(join(repo, entry))) {
        console.error(`package: ${entry} is missing; run node esbuild.mjs --minify first`);
        process.exit(1);
    }
}

const stage = mkdtempSync(join(tmpdir(), 'align-vsix-'));
try {
    for (const entry of ['.vscodeignore', 'LICENSE', 'CHANGELOG.md', 'images', 'syntaxes', 'out', 'docs/schemas']) {
        if (existsSync(join(repo, entry))) cpSync(join(repo, entry), join(stage, entry), { recursive: true });
    }
    // The extension's page: what it does and how to use it (the repository's README starts with building it).
    cpSync(join(repo, EXTENSION_README), join(stage, 'README.md'));
    const { files: _npmFiles, ...staged } = manifest;
    writeFileSync(join(stage, 'package.json'), `${JSON.stringify(staged, null, 2)}\n`);
    execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: stage, stdio: 'inherit' });
} finally {
    rmSync(stage, { recursive: true, force: true });
}
