/**
 * The toolchain: the build (esbuild.mjs) fails on a missing entry point,
 * say after a rename, instead of dropping its bundle; and the one Chromium
 * finder of every browser test (scripts/chromium.mjs) fails with a message
 * that says how to get a browser.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromiumPath, launchChromium } from '../../scripts/chromium.mjs';
import { REPO_ROOT, removeTempDirs, tempDir } from './run-cli.js';

describe('the build', () => {
    after(removeTempDirs);

    it('fails on a missing entry point, naming it, and writes no bundle', () => {
        const dir = tempDir();
        for (const file of ['esbuild.mjs', 'package.json', 'scripts/polyfill.cjs', 'scripts/import-meta-url.js']) {
            fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
            fs.copyFileSync(path.join(REPO_ROOT, file), path.join(dir, file));
        }
        fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
        fs.mkdirSync(path.join(dir, 'cli'));
        fs.copyFileSync(path.join(REPO_ROOT, 'language/edit-distance.ts'), path.join(dir, 'cli/main.ts'));
        const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: dir, encoding: 'utf-8' });
        assert.equal(result.status, 1, result.stderr);
        assert.match(result.stderr, /^esbuild\.mjs: missing entry points: server\/main\.ts, server\/command-line\.ts, client\/main\.ts, cli\/pull\/sqlite-worker\.ts, client\/browser\.ts, server\/main-browser\.ts, webview\/main\.ts, test\/vscode\/runner-web\.ts, test\/vscode\/fault-server\/server-browser-fault\.ts, test\/vscode\/runner-desktop\.ts\n$/);
        assert.equal(fs.existsSync(path.join(dir, 'out')), false, 'no bundle written');
    });
});

describe('the Chromium of the browser tests', () => {
    const saved = process.env['CHROMIUM_PATH'];
    afterEach(() => {
        if (saved === undefined) delete process.env['CHROMIUM_PATH'];
        else process.env['CHROMIUM_PATH'] = saved;
    });

    it('is $CHROMIUM_PATH, by default /usr/bin/chromium', () => {
        delete process.env['CHROMIUM_PATH'];
        assert.equal(chromiumPath(), '/usr/bin/chromium');
        process.env['CHROMIUM_PATH'] = process.execPath;
        assert.equal(chromiumPath(), process.execPath);
    });

    it('fails, saying how to get one, when there is none', async () => {
        process.env['CHROMIUM_PATH'] = '/no/such/chromium';
        const message = 'no Chromium at /no/such/chromium: install it (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium executable';
        assert.throws(() => chromiumPath(), { message });
        await assert.rejects(launchChromium(), { message });
    });
});
