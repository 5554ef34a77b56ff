/**
 * Messages from the editor that break the base protocol's framing: a
 * `Content-Length` counted in characters instead of bytes, a header without
 * it, header lines that end with LF alone, a body that is not JSON. The server was deaf for good after a broken
 * frame, silently; now it says so in one line on stderr and exits 1, and it
 * logs a body that is not JSON and goes on.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { EXAMPLES, LspSession, positionOf, uriOf } from './lsp-session.js';

const FILE = path.join(EXAMPLES, 'churn-pilot.align');
/** What the line on stderr says a header should have been, after LF-only header lines. */
const CRLF_HINT = 'each header line ends with CRLF, \\r\\n, and the header with an empty line';

describe('language server: broken frames from the editor', function () {
    this.timeout(30000);
    let session: LspSession | undefined;
    afterEach(async () => {
        session?.connection.dispose();
        session?.process.kill();
        session = undefined;
    });

    const start = async () => {
        ({ session } = await LspSession.startWith(EXAMPLES, { rootUri: uriOf(EXAMPLES), capabilities: {} }));
        await session.diagnosticsOf(FILE);
        return session;
    };
    const hover = (lsp: LspSession) => lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(FILE) }, position: positionOf(FILE, 3, 'ReduceChurn') });
    const didOpen = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: uriOf(path.join(EXAMPLES, 'note.align')), languageId: 'align', version: 1, text: '// générale\n' } } });
    /** The server exits 1 after one line on stderr naming the problem, and what the frame should have been (`hint`). */
    const stopsSaying = async (lsp: LspSession, problem: string, hint = 'Content-Length counts the bytes of the UTF-8 body') => {
        void hover(lsp).catch(() => undefined); // the next message: the one the broken frame garbles
        assert.equal(await lsp.exited, 1);
        assert.match(lsp.stderr, /^align-language-server: malformed message from the editor \(.+\): stopping\n$/);
        assert.ok(lsp.stderr.endsWith(`; ${hint}): stopping\n`), lsp.stderr);
        assert.ok(lsp.stderr.includes(problem), lsp.stderr);
    };

    it('exits 1 with one line on stderr after a Content-Length counted in characters (too small)', async () => {
        const lsp = await start();
        await lsp.writeRaw(`Content-Length: ${didOpen.length}\r\n\r\n${didOpen}`);
        await stopsSaying(lsp, 'Content-Length');
    });

    it('exits 1 with one line on stderr after a Content-Length too large', async () => {
        const lsp = await start();
        await lsp.writeRaw(`Content-Length: ${Buffer.byteLength(didOpen) + 40}\r\n\r\n${didOpen}`);
        await stopsSaying(lsp, 'does not end where the next message starts');
    });

    it('exits 1 with one line on stderr after a header without Content-Length', async () => {
        const lsp = await start();
        await lsp.writeRaw(`Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${didOpen}`);
        await stopsSaying(lsp, 'Content-Length');
    });

    it('exits 1 with one line on stderr after header lines that end with LF alone (vscode-jsonrpc waited for CRLF for ever)', async () => {
        const lsp = await start();
        await lsp.writeRaw(`Content-Length: ${Buffer.byteLength(didOpen)}\n\n${didOpen}`);
        await stopsSaying(lsp, `the header line 'Content-Length: ${Buffer.byteLength(didOpen)}' ends with LF alone`, CRLF_HINT);
    });

    it('exits 1 with one line on stderr after a header whose empty line ends with LF alone', async () => {
        const lsp = await start();
        await lsp.writeRaw(`Content-Length: ${Buffer.byteLength(didOpen)}\r\n\n${didOpen}`);
        await stopsSaying(lsp, 'an empty header line ends with LF alone', CRLF_HINT);
    });

    it('logs a body that is not JSON in one line and goes on answering', async () => {
        const lsp = await start();
        const body = 'this is not JSON';
        await lsp.writeRaw(`Content-Length: ${body.length}\r\n\r\n${body}`);
        const answer = await hover(lsp);
        assert.ok(answer && JSON.stringify(answer.contents).includes('ReduceChurn'), JSON.stringify(answer));
        const lines = await lsp.until(() => lsp.logged('not JSON').length > 0 && lsp.logged('not JSON'), 'the log line');
        assert.equal(lines.length, 1);
        assert.match(lines[0]!, /^Align: a message from the editor is not JSON \(.+\): ignored$/);
        assert.equal(lsp.process.exitCode, null, 'the server is running');
        assert.equal(lsp.stderr, '');
    });
});
