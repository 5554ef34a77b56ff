import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspSession, uriOf } from './lsp-session.js';
import { makeTempDir } from '../temp-dirs.js';

const MAIN = 'outcome O "O" {\n  measured by LibRate, FileRate, OddRate\n}\n';
/** A catalog folder whose name holds a right-to-left override and an escape sequence. */
const ODD = 'odd\u202e\u001b[2J';
const metric = (name: string) => `metric ${name} "${name}" {\n  kind lagging\n}\n`;

/**
 * Renaming a declaration of a folder catalog (a path in `catalogs`) is
 * refused with where to rename it: the catalog's file, not a package to
 * publish again.
 */
describe('language server: rename refusal for a folder catalog', function () {
    this.timeout(30000);
    let root: string;
    let session: LspSession;

    before(async () => {
        root = makeTempDir('align-rename-catalog-folder-');
        fs.mkdirSync(path.join(root, 'lib/rates'), { recursive: true });
        fs.mkdirSync(path.join(root, 'single'));
        fs.mkdirSync(path.join(root, ODD));
        fs.writeFileSync(path.join(root, 'align.config.json'), JSON.stringify({ catalogs: ['./lib/', './single/file.align', `./${ODD}/`] }));
        fs.writeFileSync(path.join(root, 'lib/rates/kpis.align'), metric('LibRate'));
        fs.writeFileSync(path.join(root, 'single/file.align'), metric('FileRate'));
        fs.writeFileSync(path.join(root, ODD, 'odd.align'), metric('OddRate'));
        fs.writeFileSync(path.join(root, 'main.align'), MAIN);
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(path.join(root, 'main.align'));
    });
    after(async () => {
        await session.stop();
        fs.rmSync(root, { recursive: true, force: true });
    });

    const on = (name: string) => ({ textDocument: { uri: uriOf(path.join(root, 'main.align')) }, position: { line: 1, character: MAIN.split('\n')[1]!.indexOf(name) + 1 } });

    it('names the catalog file to rename it in, and says nothing of packages', async () => {
        for (const method of ['textDocument/prepareRename', 'textDocument/rename']) {
            const error = await session.request(method, { ...on('LibRate'), newName: 'Other' }).then(() => undefined, (e: Error) => e);
            assert.ok(error, method);
            assert.equal(error.message, '\'LibRate\' is declared in catalog ./lib/, which the workspace does not edit. Rename it in lib/rates/kpis.align, then the references to it in the workspace.');
        }
    });

    it('names the file itself for a catalog that is one file', async () => {
        await assert.rejects(session.request('textDocument/rename', { ...on('FileRate'), newName: 'Other' }),
            { message: '\'FileRate\' is declared in catalog ./single/file.align, which the workspace does not edit. Rename it in single/file.align, then the references to it in the workspace.' });
    });

    it('writes the controls and the override of a catalog\'s name and file as escapes', async () => {
        await assert.rejects(session.request('textDocument/rename', { ...on('OddRate'), newName: 'Other' }),
            { message: '\'OddRate\' is declared in catalog ./odd\\u202E\\x1b[2J/, which the workspace does not edit. Rename it in odd\\u202E\\x1b[2J/odd.align, then the references to it in the workspace.' });
    });
});
