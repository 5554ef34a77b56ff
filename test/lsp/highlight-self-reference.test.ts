import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentHighlight } from 'vscode-languageserver-protocol';
import { LspSession, positionOf, uriOf } from './lsp-session.js';
import { makeTempDir } from '../temp-dirs.js';

/** A metric that drives itself, directly and by its qualified name in a program. */
const TEXT = 'metric Loop "Loop" {\n  kind leading\n  drives Loop\n}\n\nprogram Pilot "P" {\n  metric Inner "Inner" {\n    kind leading\n    drives Pilot.Inner\n  }\n}\n';

/**
 * Document highlights mark the declaration's name as written and every
 * reference as read, a reference a declaration makes to itself
 * (`metric Loop { drives Loop }`) too: Langium describes both from the node
 * to itself, so the kind is read from the text (the name, or a reference).
 */
describe('language server: highlights of a declaration that refers to itself', function () {
    this.timeout(30000);
    let root: string;
    let session: LspSession;
    const file = () => path.join(root, 'loop.align');

    before(async () => {
        root = makeTempDir('align-highlight-self-');
        fs.writeFileSync(file(), TEXT);
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(file());
    });
    after(async () => {
        await session.stop();
        fs.rmSync(root, { recursive: true, force: true });
    });

    const highlights = async (line: number, needle: string, offset: number): Promise<string[]> => {
        const found = await session.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri: uriOf(file()) }, position: positionOf(file(), line, needle, offset) });
        return found.map(h => `${h.range.start.line + 1}:${h.range.start.character}-${h.range.end.character}:${h.kind === 3 ? 'write' : 'read'}`).sort();
    };

    it('writes the name and reads the reference to itself, from either', async () => {
        const expected = ['1:7-11:write', '3:9-13:read'];
        assert.deepEqual(await highlights(1, 'Loop', 1), expected);
        assert.deepEqual(await highlights(3, 'Loop', 1), expected);
    });

    it('does so for a member that names itself by its qualified name', async () => {
        assert.deepEqual(await highlights(7, 'Inner', 1), ['7:9-14:write', '9:17-22:read']);
    });
});
