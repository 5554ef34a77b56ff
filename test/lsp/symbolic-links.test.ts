/**
 * Symbolic links in the language server's workspace walk follow the rule of
 * `align check` (language/files/folder-walk.ts): a link to an `.align` file
 * or a folder is followed while it stays inside the workspace folder, each
 * file is read once (under its own path when the walk reaches it, else the
 * shortest link), a loop or a dangling link is skipped, and a link that
 * leads outside is not read. The server skipped every link: a program
 * linked into the workspace had no diagnostics, and references to it were
 * unresolved in the editor while `align check` passed. A file that two
 * workspace folders reach is read once too, and a change the client
 * reports at a linked file's real path reads it again.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { parseFindings, runCli } from '../cli/run-cli.js';
import { makeTempDir, removeTempDirs } from '../temp-dirs.js';
import { LspSession, uriOf } from './lsp-session.js';

function write(root: string, file: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
}

/** A metric without owner: each file has a finding, so that `align check --format json` names the files it reads. */
const metric = (name: string) => `metric ${name} "${name}" {\n  kind lagging\n}\n`;

/** Creates the link `at` (relative to `root`) to `target`, as written. */
const link = (root: string, target: string, at: string) => fs.symlinkSync(target, path.join(root, at));

/** The files `align check` reads in `root`, as paths from it. */
function checkedFiles(root: string): string[] {
    const check = runCli(['check', '--format', 'json', '.'], { cwd: root });
    assert.ok(check.status === 0 || check.status === 1, check.stderr);
    return [...new Set(parseFindings(check.stdout).map(f => f.file.split(path.sep).join('/')))].sort();
}

describe('language server: symbolic links in the workspace, as align check follows them', function () {
    this.timeout(60000);
    let session: LspSession | undefined;
    afterEach(async () => {
        await session?.stop();
        session = undefined;
    });
    after(removeTempDirs);

    it('reads and links the files that links inside the workspace lead to, each once; loops and dangling links are skipped', async () => {
        const root = makeTempDir('lsp-links-');
        const outside = makeTempDir('lsp-links-outside-');
        write(root, 'a.align', 'outcome Kept "Kept" { measured by Common, B, D }\n');
        // A dot-folder is not walked: its files are reached only through the links.
        write(root, '.shared/common.align', metric('Common'));
        write(root, '.shared/lib/b.align', metric('B'));
        link(root, '.shared/common.align', 'common.align');
        link(root, '.shared/lib', 'lib');
        fs.mkdirSync(path.join(root, 'programs'));
        link(root, '../a.align', 'programs/again.align'); // the same file as a.align
        link(root, '../lib', 'programs/lib-again'); // the same folder as lib
        link(root, '..', 'programs/up'); // a loop through a folder
        link(root, 'loop-b.align', 'loop-a.align'); // a loop of links
        link(root, 'loop-a.align', 'loop-b.align');
        link(root, 'nowhere.align', 'dangling.align');
        // Reached both ways: read under its own path, though the link's is shorter.
        write(root, 'deep/er/d.align', metric('D'));
        link(root, 'deep/er/d.align', 'd.align');
        // Outside the workspace folder: not read.
        write(outside, 'secret.align', metric('Secret'));
        link(root, path.join(outside, 'secret.align'), 'secret.align');
        link(root, outside, 'elsewhere');

        ({ session } = await LspSession.start(root));
        const diagnostics = await session.diagnosticsOf(path.join(root, 'a.align'));
        assert.deepEqual(diagnostics.filter(d => d.code === 'unresolved-reference').map(d => d.message), [], 'the names the linked files declare resolve');
        await session.diagnosticsOf(path.join(root, 'lib/b.align'));
        const read = await session.symbolFiles();
        assert.deepEqual(read, ['a.align', 'common.align', 'deep/er/d.align', 'lib/b.align']);
        assert.deepEqual(checkedFiles(root), read, 'align check reads the same files');
        const duplicates = [...session.diagnostics.values()].flat().filter(d => d.code === 'duplicate-name');
        assert.deepEqual(duplicates, [], 'no file read twice');
        assert.ok(!session.diagnostics.has(uriOf(path.join(root, 'secret.align'))), 'a link outside the workspace is not read');
    });

    it('reads a linked file again when the client reports a change at its real path (it does not watch where links lead)', async () => {
        const root = makeTempDir('lsp-links-change-');
        write(root, 'a.align', 'outcome Kept "Kept" { measured by B }\n');
        write(root, '.shared/lib/b.align', metric('B'));
        link(root, '.shared/lib', 'lib');
        ({ session } = await LspSession.start(root));
        const before = await session.diagnosticsOf(path.join(root, 'a.align'));
        assert.deepEqual(before.filter(d => d.code === 'unresolved-reference'), []);
        fs.writeFileSync(path.join(root, '.shared/lib/b.align'), metric('Renamed'));
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, '.shared/lib/b.align')), type: FileChangeType.Changed }] });
        const after = await session.diagnosticsOf(path.join(root, 'a.align'), d => d.some(x => x.code === 'unresolved-reference'));
        assert.deepEqual(after.filter(d => d.code === 'unresolved-reference').map(d => d.message), ["Could not resolve reference to Metric named 'B'."]);
    });

    it('a folder that two workspace folders reach (one a link to the other) is read once, at start-up and when one is added', async () => {
        const root = makeTempDir('lsp-links-roots-');
        write(root, 'real/p.align', 'outcome P "P" { measured by M }\n' + metric('M'));
        link(root, 'real', 'again');
        const folder = (name: string) => ({ uri: uriOf(path.join(root, name)), name });
        const duplicates = (lsp: LspSession) => [...lsp.diagnostics.values()].flat().filter(d => d.code === 'duplicate-name');

        ({ session } = await LspSession.startWith(path.join(root, 'real'), {
            rootUri: uriOf(path.join(root, 'real')), workspaceFolders: [folder('again'), folder('real')],
            capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } }
        }));
        await session.diagnosticsOf(path.join(root, 'real/p.align'));
        assert.deepEqual(await session.symbolFiles(), ['p.align']);
        assert.deepEqual(duplicates(session), []);
        await session.stop();

        ({ session } = await LspSession.startWith(path.join(root, 'real'), {
            rootUri: uriOf(path.join(root, 'real')), workspaceFolders: [folder('real')],
            capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } }
        }));
        await session.diagnosticsOf(path.join(root, 'real/p.align'));
        await session.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder('again')], removed: [] } });
        // The folder added is walked under the workspace lock: a request after it is answered once the walk is done.
        await session.request('textDocument/hover', { textDocument: { uri: uriOf(path.join(root, 'real/p.align')) }, position: { line: 0, character: 0 } });
        assert.deepEqual(await session.symbolFiles(), ['p.align']);
        assert.deepEqual(duplicates(session), []);
    });
});
