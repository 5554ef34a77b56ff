import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { makeTempDir } from '../temp-dirs.js';
import { positionOf, uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

const POSITION = { line: 0, character: 2 };
const RANGE = { start: POSITION, end: POSITION };
/** Every request about one document that the server answers, with its parameters beside `textDocument`. */
const REQUESTS: ReadonlyArray<[string, Record<string, unknown>]> = [
    ['textDocument/hover', { position: POSITION }],
    ['textDocument/documentSymbol', {}],
    ['textDocument/foldingRange', {}],
    ['textDocument/semanticTokens/full', {}],
    ['textDocument/semanticTokens/range', { range: RANGE }],
    ['textDocument/codeLens', {}],
    ['textDocument/documentHighlight', { position: POSITION }],
    ['textDocument/definition', { position: POSITION }],
    ['textDocument/references', { position: POSITION, context: { includeDeclaration: true } }],
    ['textDocument/completion', { position: POSITION }],
    ['textDocument/codeAction', { range: RANGE, context: { diagnostics: [] } }],
    ['textDocument/formatting', { options: { tabSize: 2, insertSpaces: true } }],
    ['textDocument/rangeFormatting', { range: RANGE, options: { tabSize: 2, insertSpaces: true } }],
    ['textDocument/prepareRename', { position: POSITION }],
    ['textDocument/rename', { position: POSITION, newName: 'Other' }]
];

/**
 * Requests about a document the server does not hold are answered with an
 * empty result (null), not with the error ServerCancelled ("No document
 * found"), which tells a client to ask again, and without reading the file
 * into the workspace.
 */
describe('language server: requests about documents it does not hold', function () {
    this.timeout(30000);
    const ws = withExamplesSession('unheld', { waitFor: ['churn-pilot.align'] });

    it('answers null for a markdown file, closed or open, an .align file outside the workspace, and a missing path', async () => {
        const outside = path.join(makeTempDir('align-unheld-'), 'outside.align');
        fs.writeFileSync(outside, 'metric Outside "Outside" {\n  kind lagging\n}\n');
        const readme = ws.file('README.md');
        fs.writeFileSync(ws.file('notes.md'), '# Notes\n');
        await ws.session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(ws.file('notes.md')), languageId: 'markdown', version: 1, text: '# Notes\n' } });
        for (const file of [readme, ws.file('notes.md'), outside, ws.file('missing.align')]) {
            for (const [method, params] of REQUESTS) {
                const answer = await ws.session.request(method, { textDocument: { uri: uriOf(file) }, ...params })
                    .catch((e: { code: number; message: string }) => `error ${e.code}: ${e.message}`);
                assert.equal(answer, null, `${method} on ${path.basename(file)}`);
            }
        }
        assert.ok(!(await ws.session.symbolFiles()).some(f => f.includes('outside')), 'the file outside was not read into the workspace');
        const churn = ws.file('churn-pilot.align');
        const hover = await ws.session.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(churn) }, position: positionOf(churn, 12, 'ReduceChurn', 2) });
        assert.ok(hover, 'a workspace file not open is held: hover answers');
    });
});
