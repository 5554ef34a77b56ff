import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LspSession, uriOf } from './lsp-session.js';
import { makeTempDir } from '../temp-dirs.js';

/** The project's examples (actuals, queries, standards): their builds wait on files, so a build is under way when the next document opens. */
const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');

const METHODS = ['textDocument/semanticTokens/full', 'textDocument/documentSymbol', 'textDocument/foldingRange',
    'textDocument/codeLens', 'textDocument/hover', 'textDocument/completion', 'textDocument/documentHighlight'];

/** Sends every request of METHODS on `uri` at once; the messages of those that failed. */
async function failures(session: LspSession, uri: string, position: { line: number; character: number }): Promise<string[]> {
    const results = await Promise.allSettled(METHODS.map(m => session.request(m, { textDocument: { uri }, position })));
    return results.flatMap((r, i) => r.status === 'rejected' ? [`${METHODS[i]}: ${(r.reason as Error).message}`] : []);
}

describe('language server: requests on a document opened while a build runs', function () {
    this.timeout(60000);
    let root: string;
    let session: LspSession;

    before(async () => {
        root = makeTempDir('align-queued-');
        fs.cpSync(EXAMPLES, root, { recursive: true });
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(path.join(root, 'churn-pilot.align'));
    });
    after(async () => { await session.stop(); });

    it('answers them once the document is built (opened right after another document)', async () => {
        const failed: string[] = [];
        for (let i = 0; i < 12; i++) {
            const a = path.join(root, `a${i}.align`), b = path.join(root, `b${i}.align`);
            fs.writeFileSync(a, `metric A${i} "A" {\n  kind activity\n}\n`);
            await session.open(a);
            fs.writeFileSync(b, `metric B${i} "B" {\n  direction \n}\n`);
            failed.push(...await failures(session, await session.open(b), { line: 1, character: 12 }));
        }
        assert.deepEqual(failed, []);
    });

    it('answers them for a file opened right after its creation was announced, and for an untitled document', async () => {
        const file = path.join(root, 'new1.align');
        fs.writeFileSync(file, 'metric N1 { kind activity }\n');
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: 1 }] });
        assert.deepEqual(await failures(session, await session.open(file), { line: 0, character: 8 }), []);
        await session.open(path.join(root, 'safety.align'));
        const untitled = 'untitled:Untitled-2';
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: untitled, languageId: 'align', version: 1, text: 'metric U { kind activity }\n' } });
        assert.deepEqual(await failures(session, untitled, { line: 0, character: 8 }), []);
    });

    it('answers requests that wait for the workspace only (highlights, references) on untitled documents opened just before', async () => {
        const failed: string[] = [];
        for (let i = 0; i < 20; i++) {
            const uri = `untitled:Untitled-${100 + i}`;
            // Not awaited: the requests follow the notification at once, before any build has added the document.
            void session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'align', version: 1, text: `metric U${i} { kind activity }\n` } });
            const position = { line: 0, character: 8 };
            const results = await Promise.allSettled(['textDocument/documentHighlight', 'textDocument/references'].map(m =>
                session.request(m, { textDocument: { uri }, position, context: { includeDeclaration: true } })));
            results.forEach((r, k) => { if (r.status === 'rejected') failed.push(`${uri} ${k}: ${(r.reason as Error).message}`); });
        }
        assert.deepEqual(failed, []);
    });

    it('still answers at once, with nothing, about a document the server was never given', async () => {
        const never = uriOf(path.join(root, 'never-opened.align'));
        assert.equal(await session.request('textDocument/documentSymbol', { textDocument: { uri: never } }), null);
    });
});
