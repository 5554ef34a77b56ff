/**
 * An `.align` file the server may not read (permission denied) in the
 * workspace: one `syntax` diagnostic at its start, the one `align check`
 * gives it, and the other files are checked, where the read error used to
 * stop the whole workspace build (no diagnostics at all). A folder it may
 * not read is one warning line in the log, not a stack trace. Root reads any
 * file, so as root the server runs as `nobody` (setpriv) from a copy of the
 * built server that user can read; the suite is skipped where neither is
 * possible.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AS_NOBODY, copyForNobody, isRoot, makeReadable } from '../as-nobody.js';
import { makeTempDir, removeTempDirs } from '../temp-dirs.js';
import { LspSession, SERVER, uriOf, type ServerCommand } from './lsp-session.js';

/** The command that runs the server as a user who cannot read a `chmod 000` file; the reason when there is none here. */
function serverCommand(): ServerCommand | string {
    if (!isRoot) return { file: process.execPath, args: [SERVER] };
    const repo = path.resolve(path.dirname(SERVER), '..');
    const copy = copyForNobody('lsp-server-copy-', repo, ['bin/align-language-server.cjs', 'out/server-command-line.cjs', 'out/server.cjs', 'package.json']);
    if (typeof copy === 'string') return copy;
    return { file: 'setpriv', args: [...AS_NOBODY, copy.node, path.join(copy.root, 'bin/align-language-server.cjs')] };
}

describe('language server: an .align file it may not read', function () {
    this.timeout(30000);
    let session: LspSession | undefined;
    let root = '';
    before(async function () {
        const command = serverCommand();
        if (typeof command === 'string') {
            console.log(`      skipped: ${command}`);
            this.skip();
        }
        root = makeTempDir('lsp-unreadable-');
        fs.writeFileSync(path.join(root, 'readable.align'), 'skill A "A"\n');
        fs.writeFileSync(path.join(root, 'locked.align'), 'skill B "B"\n');
        fs.mkdirSync(path.join(root, 'locked-folder'));
        fs.writeFileSync(path.join(root, 'locked-folder', 'inner.align'), 'skill C "C"\n');
        makeReadable(root);
        fs.chmodSync(path.join(root, 'locked.align'), 0o000);
        fs.chmodSync(path.join(root, 'locked-folder'), 0o000);
        ({ session } = await LspSession.start(root, {}, undefined, command));
    });
    after(async () => {
        await session?.stop();
        removeTempDirs();
    });

    it('publishes one syntax diagnostic at its start, and checks the other files', async () => {
        const locked = await session!.diagnosticsOf(path.join(root, 'locked.align'));
        assert.deepEqual(locked.map(d => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${d.message}`),
            ['0:0-0:0 1 syntax This file cannot be read (permission denied, EACCES): make it readable or remove it.']);
        const readable = await session!.diagnosticsOf(path.join(root, 'readable.align'));
        assert.deepEqual(readable.map(d => d.code), ['skill-enables-nothing']);
    });

    it('a folder it may not read: one warning line in the log, no stack trace; the other files are checked', async () => {
        await session!.diagnosticsOf(path.join(root, 'readable.align'));
        const logs = session!.notifications.filter(n => n.method === 'window/logMessage').map(n => n.params as { type: number; message: string });
        const folder = path.join(root, 'locked-folder');
        assert.deepEqual(logs.filter(l => l.message.includes('locked-folder')), [
            { type: 2, message: `Align: the folder ${folder} cannot be read (permission denied, EACCES): its .align files are not checked` }
        ]);
        assert.ok(!logs.some(l => /\n\s+at /.test(l.message)), `no stack trace: ${JSON.stringify(logs)}`);
    });

    it('checks the file once it is readable again and announced as changed', async () => {
        const file = path.join(root, 'locked.align');
        fs.chmodSync(file, 0o644);
        await session!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: 2 }] });
        const diagnostics = await session!.diagnosticsOf(file, d => !d.some(x => x.code === 'syntax'));
        assert.deepEqual(diagnostics.map(d => d.code), ['skill-enables-nothing']);
    });

    it('an empty file that becomes unreadable, and back: the same text (\'\'), parsed again', async () => {
        const file = path.join(root, 'locked.align');
        const announce = () => session!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: 2 }] });
        fs.writeFileSync(file, '');
        await announce();
        await session!.diagnosticsOf(file, d => d.length === 0);
        fs.chmodSync(file, 0o000);
        await announce();
        const locked = await session!.diagnosticsOf(file, d => d.length > 0);
        assert.deepEqual(locked.map(d => d.message), ['This file cannot be read (permission denied, EACCES): make it readable or remove it.']);
        fs.chmodSync(file, 0o644);
        await announce();
        assert.deepEqual(await session!.diagnosticsOf(file, d => d.length === 0), []);
    });

    it('an unreadable file opened in the editor is the editor\'s text, even an empty one', async () => {
        const file = path.join(root, 'locked.align');
        fs.writeFileSync(file, '');
        fs.chmodSync(file, 0o000);
        await session!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: 2 }] });
        await session!.diagnosticsOf(file, d => d.some(x => x.code === 'syntax'));
        await session!.open(file, '');
        assert.deepEqual(await session!.diagnosticsOf(file, d => d.length === 0), []);
    });
});
