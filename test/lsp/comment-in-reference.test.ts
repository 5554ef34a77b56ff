import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspSession, positionOf, uriOf } from './lsp-session.js';
import { makeTempDir } from '../temp-dirs.js';

/** Qualified references with a comment inside, before and after the dot. */
const TEXT = 'program Pilot "P" {\n  metric Inner "Inner" {\n    kind lagging\n  }\n}\n\n'
    + 'outcome Grow "G" {\n  measured by Pilot./* Inner note */Inner\n}\n\n'
    + 'outcome Keep "K" {\n  measured by Pilot /* about Pilot */ . Inner\n}\n';

/**
 * A comment inside a qualified reference (`Pilot./* c *\/Inner`) names
 * nothing: go to definition, hover, highlights and find references there
 * answer nothing, as rename offers nothing; on the segments around it
 * they take the program and the member.
 */
describe('language server: a comment inside a qualified reference', function () {
    this.timeout(30000);
    let root: string;
    let session: LspSession;
    const file = () => path.join(root, 'pilot.align');

    before(async () => {
        root = makeTempDir('align-comment-in-reference-');
        fs.writeFileSync(file(), TEXT);
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(file());
    });
    after(async () => {
        await session.stop();
        fs.rmSync(root, { recursive: true, force: true });
    });

    const at = (line: number, needle: string, offset: number) => ({ textDocument: { uri: uriOf(file()) }, position: positionOf(file(), line, needle, offset) });
    const definition = async (line: number, needle: string, offset: number): Promise<string[]> => {
        const links = await session.request<Array<{ targetSelectionRange: { start: { line: number; character: number } } }> | null>('textDocument/definition', at(line, needle, offset));
        return (links ?? []).map(l => `${l.targetSelectionRange.start.line + 1}:${l.targetSelectionRange.start.character}`);
    };

    it('answers nothing inside the comment', async () => {
        for (const [line, needle] of [[8, 'Inner note'], [8, 'note'], [12, 'about Pilot'], [12, 'Pilot */']] as const) {
            assert.deepEqual(await definition(line, needle, 1), [], `go to definition on line ${line} at '${needle}'`);
            assert.equal(await session.request('textDocument/hover', at(line, needle, 1)), null, `hover on line ${line} at '${needle}'`);
            assert.deepEqual(await session.request('textDocument/documentHighlight', at(line, needle, 1)) ?? [], [], `highlights on line ${line} at '${needle}'`);
            assert.deepEqual(await session.request('textDocument/references', { ...at(line, needle, 1), context: { includeDeclaration: true } }), [], `references on line ${line} at '${needle}'`);
            assert.equal(await session.request('textDocument/prepareRename', at(line, needle, 1)), null, `prepareRename on line ${line} at '${needle}'`);
        }
    });

    it('takes the program on the first segment and the member on the last', async () => {
        assert.deepEqual(await definition(8, 'Pilot', 1), ['1:8']);
        assert.deepEqual(await definition(8, '*/Inner', 3), ['2:9']);
        assert.deepEqual(await definition(12, 'Pilot', 1), ['1:8']);
        assert.deepEqual(await definition(12, '. Inner', 3), ['2:9']);
    });
});
