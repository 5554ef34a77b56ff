/**
 * Document links over LSP: the CSV file of `actuals M from "file.csv"`
 * opens with Ctrl+click, where `align check` would read it (relative to
 * the document, inside the workspace folder, and there); no link for a
 * missing file or one outside the workspace.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentLink } from 'vscode-languageserver-protocol';
import { uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';
import { makeTempDir } from '../temp-dirs.js';

describe('language server: links to the CSV files of actuals', function () {
    this.timeout(30000);
    const ws = withExamplesSession('document-links', { waitFor: ['catalog/metrics.align'] });

    it('announces links and links the path of an existing CSV file, between the quotes', async () => {
        assert.ok(ws.init.capabilities.documentLinkProvider, 'documentLinkProvider in the capabilities');
        const file = ws.file('catalog/metrics.align');
        const uri = await ws.session.open(file);
        await ws.session.diagnosticsOf(file);
        const links = await ws.session.request<DocumentLink[] | null>('textDocument/documentLink', { textDocument: { uri } });
        const line = fs.readFileSync(file, 'utf-8').split('\n').findIndex(l => l.includes('from "data/nps.csv"'));
        const column = fs.readFileSync(file, 'utf-8').split('\n')[line]!.indexOf('data/nps.csv');
        assert.deepEqual(links, [{
            range: { start: { line, character: column }, end: { line, character: column + 'data/nps.csv'.length } },
            target: uriOf(ws.file('catalog/data/nps.csv')),
            tooltip: 'Open data/nps.csv'
        }]);
    });

    it('no link for a missing file, a path outside the workspace (also through a symbolic link) or an empty one; a block in a program is linked', async () => {
        // A file that exists, outside the workspace folder.
        const outside = path.join(makeTempDir('align-links-outside-'), 'outside.csv');
        fs.writeFileSync(outside, 'period,value\n2026-01,1\n');
        fs.mkdirSync(path.dirname(ws.file('data/in.csv')), { recursive: true });
        fs.writeFileSync(ws.file('data/in.csv'), 'period,value\n2026-01,1\n');
        // A symbolic link inside the workspace to that file: align check does not read it either.
        fs.symlinkSync(outside, ws.file('data/link.csv'));
        const file = ws.file('links.align');
        const text = 'metric A "A" { kind activity }\n'
            + 'actuals A from "data/missing.csv"\n'
            + `actuals A from "${path.relative(ws.root, outside)}"\n`
            + 'actuals A from ""\n'
            + 'program P "P" {\n  actuals A from "data/in.csv"\n}\n'
            + 'actuals A from "data/link.csv"\n';
        const uri = await ws.session.open(file, text);
        await ws.session.diagnosticsOf(file);
        const links = await ws.session.request<DocumentLink[] | null>('textDocument/documentLink', { textDocument: { uri } });
        assert.deepEqual(links?.map(l => [l.range.start.line, l.target]), [[5, uriOf(ws.file('data/in.csv'))]]);
    });
});
