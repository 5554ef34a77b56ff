/**
 * The folders the language server's workspace leaves out are those `align
 * check` leaves out (language/files/skipped-folders.ts): hidden folders,
 * `node_modules`, `out` and `dist`. The server used Langium's list, which
 * has no `dist`: the editor showed findings of files CI never checked.
 * Hidden files (`.draft.align`, macOS's `._x.align`) are left out of a
 * folder's walk by both; one opened in the editor is checked, as `align
 * check` reads one named on the command line.
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

    it('reads no hidden file in a walk, as align check (which read .draft.align); checks one opened, as align check one named', async () => {
        await session?.stop();
        const root = makeTempDir('lsp-hidden-');
        fs.mkdirSync(path.join(root, 'programs'));
        fs.writeFileSync(path.join(root, 'kept.align'), 'skill Kept "Kept"\n');
        fs.writeFileSync(path.join(root, '.draft.align'), 'skill Draft "Draft"\n');
        fs.writeFileSync(path.join(root, 'programs/.draft.align'), 'skill Draft2 "Draft"\n');
        // An AppleDouble file: binary junk that a walk would report as a file that is not Align source.
        fs.writeFileSync(path.join(root, '._kept.align'), Buffer.from([0, 5, 22, 7, 0, 2, 0, 0, 0x4d, 0x61, 0x63]));
        fs.symlinkSync('kept.align', path.join(root, '.linked.align'));
        ({ session } = await LspSession.start(root));
        await session.diagnosticsOf(path.join(root, 'kept.align'));
        assert.deepEqual(await session.symbolFiles(), ['kept.align']);
        const check = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', '.'], { cwd: root, encoding: 'utf-8' });
        assert.equal(check.status, 0, check.stderr);
        assert.deepEqual([...new Set((JSON.parse(check.stdout) as Array<{ file: string }>).map(f => f.file))], ['kept.align'], 'align check reads the same files');

        const named = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', '.draft.align'], { cwd: root, encoding: 'utf-8' });
        assert.deepEqual([...new Set((JSON.parse(named.stdout) as Array<{ file: string }>).map(f => f.file))], ['.draft.align'], named.stderr);
        await session.open(path.join(root, '.draft.align'));
        const opened = await session.diagnosticsOf(path.join(root, '.draft.align'), d => d.length > 0);
        assert.deepEqual(opened.map(d => d.code), ['skill-enables-nothing']);
    });
});
