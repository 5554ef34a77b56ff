// Runs the extension tests (test/vscode/suite, bundled to out/test/desktop/suite.cjs)
// in desktop VS Code with @vscode/test-electron, on a copy of the fixture workspace.
// @vscode/test-electron downloads VS Code first; where it cannot (no network, as
// on the CI machines here), this prints one line and exits 0: the same suite runs
// in VS Code for the Web (scripts/vscode-test-web.mjs) instead.
//   node scripts/vscode-test-desktop.mjs   (after `node esbuild.mjs && node esbuild.mjs --vscode-tests`)
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests, SilentReporter } from '@vscode/test-electron';

const repo = fileURLToPath(new URL('..', import.meta.url));
const suite = join(repo, 'out/test/desktop/suite.cjs');
if (!existsSync(suite) || !existsSync(join(repo, 'out/client.cjs'))) {
    console.error('vscode-desktop tests: run node esbuild.mjs && node esbuild.mjs --vscode-tests first');
    process.exit(1);
}

let vscodeExecutablePath;
try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version: 'stable', reporter: new SilentReporter() });
} catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.log(`desktop VS Code tests skipped: VS Code could not be downloaded (${reason.split('\n')[0]})`);
    process.exit(0);
}

const workspace = mkdtempSync(join(tmpdir(), 'align-vscode-desktop-'));
cpSync(join(repo, 'test/fixtures/examples'), workspace, { recursive: true });
let failed = false;
try {
    await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: repo,
        extensionTestsPath: suite,
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes']
    });
} catch (error) {
    failed = true;
    console.error(`vscode-desktop tests failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
    rmSync(workspace, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
