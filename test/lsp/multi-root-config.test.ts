/**
 * A workspace of several folders: one settings object serves them all, read
 * from the first folder's `align.config.json`; a config file in another
 * folder is not applied, and says so instead of being ignored in silence.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { makeTempDir } from '../temp-dirs.js';
import { LspSession, uriOf } from './lsp-session.js';

const PROGRAM = 'outcome O "o" { measured by M }\nmetric M "m" { kind lagging owner "x" cadence monthly source "crm" baseline 1 target 2 by 2027-01-01 }\n';

describe('language server: align.config.json in a workspace of several folders', function () {
    this.timeout(30000);
    let session: LspSession | undefined;
    let root: string;
    afterEach(async () => {
        await session?.stop();
        session = undefined;
        fs.rmSync(root, { recursive: true, force: true });
    });

    it("warns on another folder's config file that it is not applied, and withdraws the warning when the file goes", async () => {
        root = makeTempDir('multi-root');
        const [first, second] = ['first', 'second'].map(name => path.join(root, name));
        for (const folder of [first!, second!]) {
            fs.mkdirSync(folder);
            fs.writeFileSync(path.join(folder, 'a.align'), PROGRAM);
        }
        fs.writeFileSync(path.join(first!, 'align.config.json'), '{ "maxPilotDays": 60 }\n');
        const ignored = path.join(second!, 'align.config.json');
        fs.writeFileSync(ignored, '{ "rules": { "metric-unused": "off" } }\n');
        ({ session } = await LspSession.startWith(first!, {
            rootUri: uriOf(first!),
            workspaceFolders: [{ uri: uriOf(first!), name: 'first' }, { uri: uriOf(second!), name: 'second' }],
            capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } }
        }));
        const [warning] = await session.diagnosticsOf(ignored, d => d.length > 0);
        assert.equal(warning!.severity, 2);
        assert.equal(warning!.message, "This align.config.json is not applied: in a workspace of several folders, Align reads the first folder's "
            + '(first/align.config.json) for all of them. Move these settings there, or open this folder on its own.');
        await session.diagnosticsOf(path.join(first!, 'align.config.json'), d => d.length === 0);

        fs.rmSync(ignored);
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ignored), type: FileChangeType.Deleted }] });
        await session.diagnosticsOf(ignored, d => d.length === 0);
    });
});
