/**
 * What `npm pack` puts in the package that `npm install -g` gives users: the
 * two commands and the bundles they load, the extension's bundles and the
 * syntaxes, the JSON schemas (align.config.json's `$schema` can name the
 * installed one); no source map, test bundle, screenshot or report that a
 * developer's `out/` also holds.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, requireBundle } from './run-cli.js';

/** The paths a package may hold. */
const ALLOWED = [
    /^bin\/[^/]+\.cjs$/, /^out\/[^/]+\.cjs$/, /^out\/web\/[^/]+\.c?js$/, /^out\/webview\/[^/]+\.js$/,
    /^syntaxes\/[^/]+\.json$/, /^syntaxes\/align\.code-snippets$/, /^docs\/schemas\/[^/]+\.schema\.json$/, /^(LICENSE|README\.md|package\.json)$/
];

describe('the npm package', function () {
    this.timeout(60_000);
    let files: string[];

    before(() => {
        requireBundle();
        const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
        const result = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf-8' });
        assert.equal(result.status, 0, result.stderr);
        files = (JSON.parse(result.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map(f => f.path);
    });

    it('holds only the commands, the bundles, the syntaxes and the licence (no map, no test bundle, no screenshot)', () => {
        assert.deepEqual(files.filter(f => !ALLOWED.some(pattern => pattern.test(f))), []);
    });

    it('holds every bundle the two commands load', () => {
        for (const bin of ['bin/align.cjs', 'bin/align-language-server.cjs']) {
            assert.ok(files.includes(bin), bin);
            const loaded = [...fs.readFileSync(path.join(REPO_ROOT, bin), 'utf-8').matchAll(/require\('\.\.\/(out\/[^']+)'\)/g)].map(m => m[1]!);
            assert.ok(loaded.length > 0, `${bin} loads a bundle`);
            for (const file of loaded) assert.ok(files.includes(file), `${bin} loads ${file}, which the package must hold`);
        }
        for (const schema of ['docs/schemas/align-config.schema.json', 'docs/schemas/align-diff-v1.schema.json']) assert.ok(files.includes(schema), schema);
        for (const entry of ['out/client.cjs', 'out/sqlite-worker.cjs', 'out/web/client-browser.cjs', 'out/web/server-browser.js', 'out/webview/main.js']) {
            assert.ok(files.includes(entry), `the extension's ${entry}`);
        }
    });
});
