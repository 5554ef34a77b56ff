/**
 * The folders the language server's workspace leaves out are those `align
 * check` leaves out (language/files/skipped-folders.ts): hidden folders,
 * `node_modules`, `out` and `dist`. The server used Langium's list, which
 * has no `dist`: the editor showed findings of files CI never checked.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN } from '../cli/run-cli.js';
import { makeTempDir, removeTempDirs } from '../temp-dirs.js';
import { LspSession } from './lsp-session.js';

const FOLDERS = ['dist', 'out', 'node_modules', '.hidden'];

describe('language server: the folders a workspace leaves out, as align check does', function () {
    this.timeout(60000);
    let session: LspSession | undefined;
    after(async () => {
        await session?.stop();
        removeTempDirs();
    });

    it(`reads neither ${FOLDERS.join(', ')}: the files it reads are those align check reads`, async () => {
        const root = makeTempDir('lsp-skipped-');
        const files = ['kept.align', 'programs/kept.align', ...FOLDERS.map(folder => `${folder}/left.align`)];
        files.forEach((file, i) => {
            fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
            fs.writeFileSync(path.join(root, file), `skill S${i} "S${i}"\n`);
        });
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(path.join(root, 'kept.align'));
        const read = await session.symbolFiles();
        assert.deepEqual(read, ['kept.align', 'programs/kept.align']);
        const check = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', '.'], { cwd: root, encoding: 'utf-8' });
        const checked = [...new Set((JSON.parse(check.stdout) as Array<{ file: string }>).map(f => f.file))].sort();
        assert.deepEqual(checked, read, 'align check reads the same files');
    });
});
