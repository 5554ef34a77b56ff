import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createNonce, webRandomBytes } from '../../client/preview/nonce.js';
import { contentSecurityPolicy, previewHtml } from '../../client/preview/preview-html.js';

const webview = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net' };

describe('preview page', () => {
    it('allows only its own nonce script, extension styles (and the toolkit\'s empty style), no inline code', () => {
        assert.equal(contentSecurityPolicy(webview, 'abc'), "default-src 'none'; script-src 'nonce-abc'; "
            + `style-src ${webview.cspSource} 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; `
            + `img-src ${webview.cspSource} data:; font-src ${webview.cspSource}`);
        const html = previewHtml(webview, 'https://x/out/webview/main.js', 'abc');
        assert.match(html, /<script nonce="abc" src="https:\/\/x\/out\/webview\/main.js"><\/script>/);
        assert.equal(html.match(/<script/g)?.length, 1);
        assert.doesNotMatch(html, /unsafe-inline|unsafe-eval|<style|style="/);
    });

    it('makes a fresh base64 nonce of 16 random bytes from node or web crypto', () => {
        for (const source of [(n: number) => new Uint8Array(randomBytes(n)), webRandomBytes]) {
            const [a, b] = [createNonce(source), createNonce(source)];
            assert.match(a, /^[A-Za-z0-9+/]{22}==$/);
            assert.notEqual(a, b);
        }
    });
});
