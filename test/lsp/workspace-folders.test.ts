/**
 * A workspace of several folders, and folders added or removed while the
 * server runs (`workspace/didChangeWorkspaceFolders`): a document reads the
 * CSV files of its own folder; a folder added is checked, one removed is
 * dropped; when the first folder goes, the next one's `align.config.json`
 * applies; the server's own watcher (clients that do not watch files)
 * watches the folders added.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { makeTempDir } from '../temp-dirs.js';
import { LspSession, uriOf } from './lsp-session.js';

const OUTCOME = 'outcome O "o" { measured by M }\n';
const METRIC = 'metric M "m" { kind lagging owner "x" cadence monthly source "crm" baseline 1 target 2 by 2027-01-01 }\n';
const codes = (diagnostics: Diagnostic[]) => diagnostics.map(d => d.code).sort();

describe('language server: the workspace folders', function () {
    this.timeout(30000);
    let session: LspSession | undefined;
    let root: string;
    let first: string;
    let second: string;
    const folder = (dir: string) => ({ uri: uriOf(dir), name: path.basename(dir) });
    const start = async (folders: string[], workspace: Record<string, unknown>) => {
        ({ session } = await LspSession.startWith(folders[0]!, {
            rootUri: uriOf(folders[0]!), workspaceFolders: folders.map(folder), capabilities: { workspace: { configuration: true, ...workspace } }
        }));
        return session!;
    };
    const changeFolders = (lsp: LspSession, added: string[], removed: string[]) =>
        lsp.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: added.map(folder), removed: removed.map(folder) } });

    beforeEach(() => {
        root = makeTempDir('workspace-folders');
        [first, second] = ['first', 'second'].map(name => path.join(root, name)) as [string, string];
        fs.mkdirSync(first);
        fs.mkdirSync(second);
    });
    afterEach(async () => {
        await session?.stop();
        session = undefined;
        fs.rmSync(root, { recursive: true, force: true });
    });

    it('reads the CSV actuals of a document in the second folder, inside that folder', async () => {
        fs.writeFileSync(path.join(first, 'a.align'), OUTCOME + METRIC);
        fs.writeFileSync(path.join(second, 'b.align'), 'actuals M from "m.csv"\nactuals M from "../first/outside.csv"\n');
        fs.writeFileSync(path.join(second, 'm.csv'), 'period,value\n2026-01,1.5\n');
        fs.writeFileSync(path.join(first, 'outside.csv'), 'period,value\n2026-02,1.6\n');
        const lsp = await start([first, second], {});
        const diagnostics = await lsp.diagnosticsOf(path.join(second, 'b.align'));
        // The folder's own file is read; another folder's stays outside, as a file outside a single folder does.
        assert.deepEqual(diagnostics.map(d => [d.range.start.line, d.message]), [
            [1, "Actuals of 'M': file \"../first/outside.csv\" is outside the workspace folder and is not read. Move the file into the workspace folder, and give its path relative to this `.align` file."]
        ]);
    });

    it('asks for folder changes, checks a folder added and drops one removed', async () => {
        fs.writeFileSync(path.join(first, 'a.align'), OUTCOME);
        fs.writeFileSync(path.join(second, 'b.align'), METRIC);
        const { session: lsp, init } = await LspSession.startWith(first, {
            rootUri: uriOf(first), workspaceFolders: [folder(first)],
            capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } }
        });
        session = lsp;
        assert.deepEqual(init.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
        const a = path.join(first, 'a.align');
        const b = path.join(second, 'b.align');
        assert.deepEqual(codes(await lsp.diagnosticsOf(a, d => d.length > 0)), ['outcome-not-measurable', 'unresolved-reference']);

        await changeFolders(lsp, [second], []);
        await lsp.diagnosticsOf(a, d => d.length === 0);
        assert.deepEqual(await lsp.symbolFiles(), ['a.align', '../second/b.align'].sort());

        await changeFolders(lsp, [], [second]);
        assert.deepEqual(codes(await lsp.diagnosticsOf(a, d => d.length > 0)), ['outcome-not-measurable', 'unresolved-reference']);
        await lsp.diagnosticsOf(b, d => d.length === 0);
        assert.deepEqual(await lsp.symbolFiles(), ['a.align']);
    });

    it('keeps a document of a folder removed while it is open in the editor', async () => {
        fs.writeFileSync(path.join(first, 'a.align'), OUTCOME);
        fs.writeFileSync(path.join(second, 'b.align'), METRIC);
        const lsp = await start([first, second], { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } });
        const a = path.join(first, 'a.align');
        await lsp.diagnosticsOf(a, d => d.length === 0);
        await lsp.open(path.join(second, 'b.align'));
        // A third folder added in the same change: its file's diagnostics say the change was followed.
        const third = path.join(root, 'third');
        fs.mkdirSync(third);
        fs.writeFileSync(path.join(third, 'c.align'), METRIC.replace('M "m"', 'C "c"'));
        await changeFolders(lsp, [third], [second]);
        assert.deepEqual(codes(await lsp.diagnosticsOf(path.join(third, 'c.align'))), ['metric-unused']);
        assert.deepEqual(lsp.diagnostics.get(uriOf(a)), []);
        assert.deepEqual(await lsp.symbolFiles(), ['../second/b.align', '../third/c.align', 'a.align'].sort());
    });

    it("applies the next folder's align.config.json when the first folder is removed", async () => {
        fs.writeFileSync(path.join(first, 'a.align'), METRIC.replace('M "m"', 'A "a"'));
        fs.writeFileSync(path.join(first, 'align.config.json'), '{ "rules": { "bogus-rule": "off" } }\n');
        fs.writeFileSync(path.join(second, 'b.align'), METRIC);
        const secondConfig = path.join(second, 'align.config.json');
        fs.writeFileSync(secondConfig, '{ "rules": { "metric-unused": "off" } }\n');
        const lsp = await start([first, second], { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } });
        const firstConfig = path.join(first, 'align.config.json');
        assert.equal((await lsp.diagnosticsOf(firstConfig, d => d.length > 0))[0]!.code, 'config-invalid');
        assert.match(String((await lsp.diagnosticsOf(secondConfig, d => d.length > 0))[0]!.message), /^This align\.config\.json is not applied/);
        assert.deepEqual(codes(await lsp.diagnosticsOf(path.join(second, 'b.align'), d => d.length > 0)), ['metric-unused']);

        await changeFolders(lsp, [], [first]);
        await lsp.diagnosticsOf(path.join(second, 'b.align'), d => d.length === 0);
        await lsp.diagnosticsOf(secondConfig, d => d.length === 0);
        await lsp.diagnosticsOf(firstConfig, d => d.length === 0);
        assert.deepEqual(await lsp.symbolFiles(), ['../second/b.align']);
    });

    it("watches a folder added when the client does not watch files", async () => {
        fs.writeFileSync(path.join(first, 'a.align'), OUTCOME);
        const lsp = await start([first], { workspaceFolders: true });
        const a = path.join(first, 'a.align');
        await lsp.diagnosticsOf(a, d => d.length > 0);
        await changeFolders(lsp, [second], []);
        // The folder is empty when added: its file arrives later, seen by the server's own watcher only.
        await new Promise(resolve => setTimeout(resolve, 500));
        fs.writeFileSync(path.join(second, 'b.align'), METRIC);
        await lsp.diagnosticsOf(a, d => d.length === 0);
    });
});
